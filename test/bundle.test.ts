import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './support/envoy-cli.ts';

// A copy of the package (sources, package.json, bin/) with the real node_modules linked in, so a
// source file can be changed without touching the checkout.
const copy = mkdtempSync(path.join(tmpdir(), 'envoy-bundle-'));
for (const dir of ['src', 'bin', 'rules', 'data']) cpSync(path.join(root, dir), path.join(copy, dir), { recursive: true });
cpSync(path.join(root, 'package.json'), path.join(copy, 'package.json'));
symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const run = promisify(execFile);

type BundleModule = typeof import('../bin/bundle.js');
const bundler = (await import(pathToFileURL(path.join(copy, 'bin/bundle.js')).href)) as BundleModule;

describe('the bundle the command line runs', () => {
  it('is rebuilt when a file under src/ changes, and only then', async () => {
    const entries = { schema: 'src/schema.ts' };
    const first = await bundler.ensureBundle(entries);
    expect(await bundler.ensureBundle(entries)).toBe(first);
    expect(readFileSync(path.join(first, 'schema.mjs'), 'utf8')).not.toContain('a changed source');

    const file = path.join(copy, 'src/schema.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nexport const changed = 'a changed source';\n`);
    const second = await bundler.ensureBundle(entries);
    expect(second).not.toBe(first);
    expect(readFileSync(path.join(second, 'schema.mjs'), 'utf8')).toContain('a changed source');
    // The older bundle stays for runs that may still be loading from it.
    expect(existsSync(path.join(first, 'schema.mjs'))).toBe(true);
  });

  it('is built once when several runs start at once, and each of them runs from it', async () => {
    const file = path.join(copy, 'src/paths.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n// ${Date.now()}\n`);
    const runs = await Promise.all([1, 2, 3, 4].map(() => run(process.execPath, [path.join(copy, 'bin/envoy.js'), '--help'])));
    for (const r of runs) expect(r.stdout).toMatch(/extract/);
    const dir = await bundler.ensureBundle(bundler.ENVOY_ENTRIES);
    expect(readFileSync(path.join(dir, 'cli.mjs'), 'utf8')).toContain('main');
    for (const r of runs) expect(r.stderr).toBe('');
  });

  it('fingerprints names and contents under src/, and the entries', () => {
    const entries = { cli: 'src/cli/main.ts' };
    const before = bundler.bundleFingerprint(entries, copy, '1');
    expect(bundler.bundleFingerprint(entries, copy, '1')).toBe(before);
    expect(bundler.bundleFingerprint(entries, copy, '2')).not.toBe(before);
    expect(bundler.bundleFingerprint({ ...entries, extra: 'src/schema.ts' }, copy, '1')).not.toBe(before);
    writeFileSync(path.join(copy, 'src/new-file.ts'), 'export {};\n');
    expect(bundler.bundleFingerprint(entries, copy, '1')).not.toBe(before);
  });

  it('runs its pool threads from the bundle, with the same results as the sources', async () => {
    const dir = await bundler.ensureBundle(bundler.ENVOY_ENTRIES);
    expect(bundleText(dir)).toContain('"./thread.mjs"');
    expect(bundleText(dir)).not.toContain('./worker.js');
    const bundled = (await import(pathToFileURL(path.join(dir, 'pool.mjs')).href)) as typeof import('../src/batch/pool.ts');
    const fromSource = await import('../src/batch/task.ts');
    const pool = new bundled.ArticlePool(1);
    try {
      for (const seed of ['000_8adeb89ad61cd016', '003_ee4086bdbad132e3']) {
        const input = { id: seed, path: path.join(root, 'seeds', `${seed}.txt`), outputStem: seed };
        const task = { kind: 'file' as const, input, settings: { format: 'json' as const } };
        const [inThread, inline] = [await pool.run(task), await fromSource.runArticleTask(task)];
        expect(inThread.status).toBe('done');
        expect(inThread.status === 'done' && inThread.formatted).toBe(inline.status === 'done' && inline.formatted);
      }
    } finally {
      await pool.close();
    }
  });
});

/** The text of every chunk of a bundle: the pool's code may sit in a shared chunk. */
function bundleText(dir: string): string {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mjs'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}

describe('where no bundle can be written', () => {
  it('runs from source through tsx, with the same output', async () => {
    // A package whose cache directory cannot be made (a file stands where it would go).
    const readOnly = mkdtempSync(path.join(tmpdir(), 'envoy-nobundle-'));
    try {
      for (const dir of ['src', 'bin', 'rules', 'data']) cpSync(path.join(root, dir), path.join(readOnly, dir), { recursive: true });
      cpSync(path.join(root, 'package.json'), path.join(readOnly, 'package.json'));
      mkdirSync(path.join(readOnly, 'node_modules'));
      for (const name of readdirSync(path.join(root, 'node_modules'))) {
        if (name !== '.cache') symlinkSync(path.join(root, 'node_modules', name), path.join(readOnly, 'node_modules', name));
      }
      writeFileSync(path.join(readOnly, 'node_modules/.cache'), 'not a directory');
      const seed = path.join(root, 'seeds/000_8adeb89ad61cd016.txt');
      const [fromSource, bundled] = await Promise.all([
        run(process.execPath, [path.join(readOnly, 'bin/envoy.js'), 'extract', seed]),
        run(process.execPath, [path.join(root, 'bin/envoy.js'), 'extract', seed]),
      ]);
      expect(fromSource.stdout).toBe(bundled.stdout);
      expect(JSON.parse(fromSource.stdout).document.id).toBe('000_8adeb89ad61cd016');
    } finally {
      rmSync(readOnly, { recursive: true, force: true });
    }
  });
});
