/**
 * Where envoy's own files are. The same module runs from `src/` (through tsx) and
 * bundled into `node_modules/.cache/envoy/bundles/…` (see `bin/bundle.js`), so the
 * package root is found by walking up to envoy's package.json rather than by a
 * fixed number of `..` from this file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'envoy') return dir;
    if (path.dirname(dir) === dir) throw new Error(`envoy's package.json not found above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const PACKAGE_JSON = path.join(PACKAGE_ROOT, 'package.json');
export const SOURCE_DIR = path.join(PACKAGE_ROOT, 'src');
export const DEFAULT_RULES_DIR = path.join(PACKAGE_ROOT, 'rules');
/** Caches envoy may rebuild at any time: regex verdicts, bundles. */
export const CACHE_DIR = path.join(PACKAGE_ROOT, 'node_modules/.cache/envoy');
