/**
 * Writing outputs: atomically, and never outside the output directory.
 * Synchronous on purpose, like reading articles: outputs are written by pool
 * threads with nothing else to do meanwhile, and the promise API's thread-pool
 * round trips per file (two mkdirs, two realpaths, open, write, close, rename)
 * left a pool thread idle a fifth of a batch.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/** Stable, diff-friendly JSON: two-space indent, trailing newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function isInside(root: string, full: string): boolean {
  return full === root || full.startsWith(root + path.sep);
}

/** Resolves `name` under `outDir`, refusing any name that would land outside it. */
export function outputPath(outDir: string, name: string): string {
  const root = path.resolve(outDir);
  const full = path.resolve(root, name);
  if (!isInside(root, full) || full === root) throw new Error(`output name '${name}' escapes ${outDir}`);
  return full;
}

/** Writes via a temporary file and rename, so a killed run never leaves a truncated file. */
export function writeAtomic(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  replaceFile(file, content);
}

/** `writeAtomic` into a directory that exists. */
function replaceFile(file: string, content: string): void {
  // Unique per process, thread and call: two writers of one file never share a temporary.
  const tmp = `${file}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes `name` under `outDir` atomically. The name is checked as text and the
 * directory it lands in is checked once resolved, so neither `../` nor a
 * symbolic link inside the output tree can carry a write outside it.
 */
export function writeOutput(outDir: string, name: string, content: string): string {
  const file = outputPath(outDir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  const root = realpathSync(outDir);
  const dir = realpathSync(path.dirname(file));
  if (!isInside(root, dir)) throw new Error(`output name '${name}' leads out of ${outDir} through a symbolic link`);
  replaceFile(file, content);
  return file;
}
