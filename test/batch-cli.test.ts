/** `envoy extract` as a batch: pool, mirrored tree, bad input per file, resume, formats, and what it prints on and off a terminal. */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { ExtractionSchema } from '../src/schema.ts';
import { bin, envoy, root } from './support/envoy-cli.ts';

const run = promisify(execFile);
const SEED = path.join(root, 'seeds/000_8adeb89ad61cd016.txt');


async function put(dir: string, rel: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), content);
}

const SENTENCE = 'President Macron will visit China next week, officials said.';
const ANSI = /\u001b\[/;

describe('envoy extract on a pool of workers', () => {
  it('mirrors the tree, decodes what it can, refuses the rest by name, and resumes with only the new work', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'envoy-batch-cli-'));
    const input = path.join(dir, 'in');
    const out = path.join(dir, 'out');
    const seed = await readFile(SEED, 'utf8');
    await put(input, 'business/001.txt', seed);
    await put(input, 'sport/001.txt', SENTENCE);
    await put(input, 'with space/Ünïcødé 記事.txt', SENTENCE);
    await put(input, 'enc/utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SENTENCE, 'utf16le')]));
    await put(input, 'enc/cp1252.txt', iconv.encode('Chancellor Merkel said \u201cI will visit France next week\u201d \u2013 officials agreed.', 'windows-1252'));
    await put(input, 'bad/page.txt', '<!DOCTYPE html><html><body><p>Macron visited China.</p></body></html>');
    await put(input, 'bad/blank.txt', '   \n\n');
    await put(input, 'bad/corrupt.txt', Buffer.from([0x63, 0xc3, 0xa9, 0x20, 0xa9, 0x2e]));
    await put(input, 'bad/data.txt', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]));
    execFileSync('mkfifo', [path.join(input, 'bad', 'pipe.txt')]);

    const first = await envoy(['extract', input, path.join(input, 'bad', 'pipe.txt'), '--out', out, '--resume', '--workers', '2']);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe('');
    expect(first.stderr).not.toMatch(ANSI);
    const lines = first.stderr.trim().split('\n');
    expect(lines.slice(0, -1).sort()).toEqual(
      [
        /bad\/blank\.txt: empty file/,
        /bad\/corrupt\.txt: not valid UTF-8 text \(invalid byte 0xa9 at offset 4\)/,
        /bad\/data\.txt: binary file/,
        /bad\/page\.txt: HTML page, not plain text/,
        /bad\/pipe\.txt: not a regular file/,
      ].map((re) => expect.stringMatching(re)),
    );
    expect(lines.at(-1)).toMatch(/^envoy: 5 done, 0 skipped, 5 failed; [\d.]+ MB in [\d.]+ s \([\d.]+ MB\/s\)$/);
    const written = (await glob('**/*.json', { cwd: out })).sort();
    expect(written).toEqual(['business/001.json', 'enc/cp1252.json', 'enc/utf16.json', 'sport/001.json', 'with space/Ünïcødé 記事.json']);
    for (const name of written) ExtractionSchema.parse(JSON.parse(await readFile(path.join(out, name), 'utf8')));
    const cp1252 = ExtractionSchema.parse(JSON.parse(await readFile(path.join(out, 'enc/cp1252.json'), 'utf8')));
    expect(cp1252.document.encoding).toBe('windows-1252');
    expect(cp1252.events[0]?.destination.country).toBe('FRA');
    expect(ExtractionSchema.parse(JSON.parse(await readFile(path.join(out, 'enc/utf16.json'), 'utf8'))).document.encoding).toBe('UTF-16LE');
    expect(ExtractionSchema.parse(JSON.parse(await readFile(path.join(out, 'business/001.json'), 'utf8'))).document.encoding).toBeUndefined();

    // Second run: one article changed, one added, the bad ones gone; everything else is current.
    execFileSync('rm', ['-r', path.join(input, 'bad')]);
    await put(input, 'sport/001.txt', 'Chancellor Merkel will visit France next week.');
    await put(input, 'sport/002.txt', SENTENCE);
    const second = await envoy(['extract', input, '--out', out, '--resume', '--workers', '1']);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/^envoy: 2 done, 4 skipped, 0 failed;/);
    const changed = ExtractionSchema.parse(JSON.parse(await readFile(path.join(out, 'sport/001.json'), 'utf8')));
    expect(changed.events[0]?.visitors[0]?.name).toMatch(/Merkel/);
  });

  it('streams CSV with one header and a row per visit, and JSON Lines by default', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'envoy-formats-'));
    await put(dir, 'a/one.txt', 'Chancellor Merkel will visit France next week.');
    await put(dir, 'b/two.txt', SENTENCE);
    await put(dir, 'c/none.txt', 'Shares fell 2% on Monday.');
    const csv = await envoy(['extract', dir, '--format', 'csv', '--workers', '1', '--reference-date', '2024-03-04']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('document,date,visitor,visitor country,destination country,place,status,CAMEO code,evidence');
    expect(rows.slice(1).sort()).toEqual([expect.stringMatching(/a\/one\.txt,2024-W11,Merkel,DEU,FRA,,planned,042,Merkel … visit … France/), expect.stringMatching(/b\/two\.txt,2024-W11,Macron,FRA,CHN,,planned,042,/)]);
    const jsonl = await envoy(['extract', dir, '--workers', '1']);
    expect(jsonl.stdout.trim().split('\n').map((l) => ExtractionSchema.parse(JSON.parse(l)).document.id).sort()).toEqual(['none', 'one', 'two']);
    expect(jsonl.stderr.trim().split('\n')).toHaveLength(1);
    expect((await envoy(['extract', dir, '--resume'])).code).toBe(2);
    expect((await envoy(['extract', dir, '--format', 'xml'])).code).toBe(2);
    expect((await envoy(['extract', dir, '--workers', '0'])).code).toBe(2);
  });

  it('shows a progress bar on a terminal', async (ctx) => {
    let script: string;
    try {
      script = execFileSync('sh', ['-c', 'command -v script']).toString().trim();
    } catch {
      ctx.skip();
      return;
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'envoy-tty-'));
    await put(dir, 'one.txt', SENTENCE);
    const out = path.join(dir, 'out');
    const command = [process.execPath, bin, 'extract', dir, '--out', out, '--workers', '1'].map((a) => `'${a}'`).join(' ');
    const { stdout } = await run(script, ['-qec', command, '/dev/null'], { cwd: root });
    expect(stdout).toMatch(/[01]\/1 files \| 0 failed \| [\d.]+ MB\/s \| ETA/);
    expect(stdout).toMatch(/envoy: 1 done, 0 skipped, 0 failed/);
  });
});
