import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractionSchema, extractionJsonSchema } from '../src/schema.ts';
import { envoy, root } from './support/envoy-cli.ts';



describe('envoy CLI', () => {
  it('prints help and exits 0', async () => {
    const r = await envoy(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/extract/);
    expect(r.stdout).toMatch(/eval/);
  });

  it('exits 2 on bad usage', async () => {
    expect((await envoy(['extract'])).code).toBe(2);
    expect((await envoy(['frobnicate'])).code).toBe(2);
    const bad = await envoy(['extract', 'seeds', '--reference-date', '2025-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no month 13/);
  });

  it('writes JSON Lines to stdout without --out, one valid object per article', async () => {
    const r = await envoy(['extract', 'seeds']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(ExtractionSchema.safeParse(JSON.parse(line)).success).toBe(true);
  });

  it('reports a bad file by name, goes on with the batch and exits 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'envoy-batch-'));
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'empty.txt'), '  \n');
    await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    // Corrupt UTF-8: a valid two-byte sequence, then a lone continuation byte.
    await writeFile(path.join(dir, 'broken.txt'), Buffer.from([0x63, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0xa9, 0x2e]));
    await writeFile(path.join(dir, 'sub', 'good.txt'), 'President Macron will visit China next week.');
    await writeFile(path.join(dir, 'notes.md'), 'ignored');
    const out = path.join(dir, 'out');
    const r = await envoy(['extract', dir, 'missing.txt', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt: empty file/);
    expect(r.stderr).toMatch(/binary\.txt: binary file/);
    expect(r.stderr).toMatch(/broken\.txt: not valid UTF-8/);
    expect(r.stderr).toMatch(/missing\.txt: cannot read: ENOENT/);
    expect(await readdir(out)).toEqual(['sub']);
    const good = JSON.parse(await readFile(path.join(out, 'sub', 'good.json'), 'utf8'));
    expect(ExtractionSchema.parse(good).document.id).toBe('good');
  });

  it('takes the reference date from a sidecar, and the command line over the sidecar', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'envoy-meta-'));
    await writeFile(path.join(dir, 'a.txt'), 'The minister will visit Japan next month.');
    await writeFile(path.join(dir, 'a.meta.json'), JSON.stringify({ referenceDate: '2024-03' }));
    const fromMeta = JSON.parse((await envoy(['extract', dir])).stdout);
    expect(fromMeta.document.referenceDate).toMatchObject({ value: '2024-03', origin: 'metadata' });
    const fromOption = JSON.parse((await envoy(['extract', dir, '--reference-date', '2023-01-02'])).stdout);
    expect(fromOption.document.referenceDate).toMatchObject({ value: '2023-01-02', origin: 'option' });
  });

  it('prints the JSON Schema, and the committed copy is current', async () => {
    const r = await envoy(['schema']);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toEqual(extractionJsonSchema());
    const committed = JSON.parse(await readFile(path.join(root, 'schema/envoy.schema.json'), 'utf8'));
    expect(committed, 'schema/envoy.schema.json is stale: run `npm run schema`').toEqual(printed);
  });

  it('output/ is what a fresh run over seeds/ writes (deterministic, committed)', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'envoy-out-'));
    const r = await envoy(['extract', 'seeds', '--out', out]);
    expect(r.code).toBe(0);
    const names = (await readdir(out)).sort();
    expect(names).toEqual((await readdir(path.join(root, 'output'))).filter((n) => n.endsWith('.json')).sort());
    for (const name of names) {
      const fresh = await readFile(path.join(out, name), 'utf8');
      const committed = await readFile(path.join(root, 'output', name), 'utf8');
      expect(fresh, `output/${name} is stale: run \`npm start\``).toBe(committed);
    }
  });
});
