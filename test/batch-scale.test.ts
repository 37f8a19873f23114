/** Long input in bounded time: a 1 MB single line goes through, and time grows linearly with length. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/io/segments.ts';
import { ExtractionSchema } from '../src/schema.ts';

const root = path.resolve(import.meta.dirname, '..');

/** One line of `chars` characters made of the seeds with their line breaks flattened. */
async function singleLine(chars: number): Promise<string> {
  const seeds = await Promise.all(['000_8adeb89ad61cd016.txt', '003_ee4086bdbad132e3.txt'].map((f) => readFile(path.join(root, 'seeds', f), 'utf8')));
  const flat = seeds.join(' ').replace(/\s+/g, ' ');
  return flat.repeat(Math.ceil(chars / flat.length)).slice(0, chars);
}

/** CPU time, not wall time: what the work costs, whatever else the machine is running. */
function timed(text: string): { ms: number; dates: number } {
  const before = process.cpuUsage();
  const extraction = extractText(text, { id: 'long', referenceDate: '2025-09' });
  const used = process.cpuUsage(before);
  const ms = (used.user + used.system) / 1000;
  expect(ExtractionSchema.safeParse(extraction).success).toBe(true);
  return { ms, dates: extraction.dates.length };
}

describe('long input', () => {
  it('extracts a 1 MB single line in bounded, linear time', async () => {
    const quarter = await singleLine(250_000);
    const whole = await singleLine(1_000_000);
    timed(quarter.slice(0, 20_000)); // warm-up: gazetteers and JIT
    const small = timed(quarter);
    const large = timed(whole);
    expect(large.dates).toBeGreaterThan(small.dates * 3);
    // Linear is 4x; quadratic would be 16x.
    expect(large.ms / small.ms).toBeLessThan(8);
    expect(large.ms).toBeLessThan(60_000);
  });
});
