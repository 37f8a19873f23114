/** Writing outputs: atomically, and never outside the output directory. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Stable, diff-friendly JSON: two-space indent, trailing newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Resolves `name` under `outDir`, refusing any name that would land outside it. */
export function outputPath(outDir: string, name: string): string {
  const root = path.resolve(outDir);
  const full = path.resolve(root, name);
  if (full !== root && !full.startsWith(root + path.sep)) throw new Error(`output name '${name}' escapes ${outDir}`);
  return full;
}

/** Writes via a temporary file and rename, so a killed run never leaves a truncated file. */
export async function writeAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, file);
}
