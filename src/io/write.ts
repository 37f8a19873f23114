/** Writing outputs: atomically, and never outside the output directory. */
import { randomBytes } from 'node:crypto';
import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
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
export async function writeAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Unique per process, thread and call: two writers of one file never share a temporary.
  const tmp = `${file}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes `name` under `outDir` atomically. The name is checked as text and the
 * directory it lands in is checked once resolved, so neither `../` nor a
 * symbolic link inside the output tree can carry a write outside it.
 */
export async function writeOutput(outDir: string, name: string, content: string): Promise<string> {
  const file = outputPath(outDir, name);
  await mkdir(path.dirname(file), { recursive: true });
  const [root, dir] = await Promise.all([realpath(outDir), realpath(path.dirname(file))]);
  if (!isInside(root, dir)) throw new Error(`output name '${name}' leads out of ${outDir} through a symbolic link`);
  await writeAtomic(file, content);
  return file;
}
