// envoy's sources are TypeScript. Run through tsx, every thread transpiles each module as it
// loads it, and esbuild's keepNames wraps every closure in a name-setting call; so the command
// line and its pool threads run from a bundle that esbuild builds here, once per version of the
// sources, in node_modules/.cache/envoy/bundles/<fingerprint>/. A change to any file under src/
// makes a new fingerprint and a new build (a fraction of a second); where the bundle cannot be
// built or written, envoy runs from source through tsx.
//
// Plain JavaScript: it runs before any TypeScript loader exists.
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLES_DIR = path.join(ROOT, 'node_modules/.cache/envoy/bundles');
/** Bundles of sources no longer current are removed once they are this old (a run may still be using one). */
const STALE_AFTER_MS = 24 * 3600 * 1000;

/** The bundle the command line runs: its entry, the pool threads' entry, and the pool for scripts. */
export const ENVOY_ENTRIES = {
  cli: 'src/cli/main.ts',
  thread: 'src/batch/thread.ts',
  pool: 'src/batch/pool.ts',
};

/** Files of `dir`, relative, sorted, recursively. */
function treeFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

/**
 * Everything a bundle is made from: the entries, every file under src/ (names and contents),
 * entry files outside src/, package.json, the build options and the esbuild version.
 */
export function bundleFingerprint(entries, root = ROOT, esbuildVersion = '') {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ entries, esbuildVersion }));
  // This file: the build options.
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(readFileSync(path.join(root, 'package.json')));
  const srcDir = path.join(root, 'src');
  for (const file of treeFiles(srcDir)) hash.update(`src/${file}\u0000`).update(readFileSync(path.join(srcDir, file)));
  for (const entry of Object.values(entries).filter((file) => !file.startsWith('src/')).sort()) {
    hash.update(`${entry}\u0000`).update(readFileSync(path.join(root, entry)));
  }
  return hash.digest('hex').slice(0, 24);
}

async function build(entries, dir) {
  const esbuild = await import('esbuild');
  mkdirSync(BUNDLES_DIR, { recursive: true });
  const tmp = path.join(BUNDLES_DIR, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(ROOT, file)])),
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      // Folds what the define below decides (the source-only branch is left out).
      minifySyntax: true,
      // Code that must know whether it runs bundled (the pool's thread entry) asks for this.
      define: { ENVOY_BUNDLE: 'true' },
      logLevel: 'silent',
    });
    // Another process may have built the same bundle meanwhile: either copy will do.
    try {
      renameSync(tmp, dir);
    } catch (err) {
      if (!existsSync(path.join(dir, 'cli.mjs'))) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const other of readdirSync(BUNDLES_DIR)) {
    const otherDir = path.join(BUNDLES_DIR, other);
    // Another process may be removing or renaming the same directory: a miss is no error.
    const age = otherDir === dir ? 0 : Date.now() - (statSync(otherDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_AFTER_MS) rmSync(otherDir, { recursive: true, force: true });
  }
}

/** The directory of the current bundle of `entries`, built first if there is none. */
export async function ensureBundle(entries = ENVOY_ENTRIES) {
  // Read from its package.json: importing esbuild costs more than the rest of the check, and is
  // needed only to build.
  const { version } = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8'));
  const dir = path.join(BUNDLES_DIR, bundleFingerprint(entries, ROOT, version));
  const complete = Object.keys(entries).every((name) => existsSync(path.join(dir, `${name}.mjs`)));
  if (!complete) await build(entries, dir);
  return dir;
}

/**
 * Imports entry `name` of the bundle of `entries`: from the bundle when it can be built, else
 * from source through tsx (saying why on a terminal; a run off a terminal prints only results).
 */
export async function loadEntry(name, entries = ENVOY_ENTRIES) {
  let dir;
  try {
    dir = await ensureBundle(entries);
  } catch (err) {
    if (process.stderr.isTTY) process.stderr.write(`envoy: running from source (no bundle: ${err.message})\n`);
    const { register } = await import('tsx/esm/api');
    register();
    return import(pathToFileURL(path.join(ROOT, entries[name])).href);
  }
  return import(pathToFileURL(path.join(dir, `${name}.mjs`)).href);
}
