/**
 * The resume manifest: `<out>/.envoy-manifest.jsonl` records, per output file,
 * the content hash of the article it was made from and the settings it was
 * made with. `--resume` skips an article whose hash and settings match and whose
 * output exists. Lines are appended after each output is in place, so a killed
 * run loses at most the line being written (a cut line is ignored on reading);
 * the file is compacted when the run ends.
 */
import { createHash } from 'node:crypto';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../schema.ts';
import type { OutputFormat } from '../io/formats.ts';
import { outputPath, writeAtomic } from '../io/write.ts';
import { PACKAGE_JSON, SOURCE_DIR } from '../paths.ts';

export const MANIFEST_NAME = '.envoy-manifest.jsonl';

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestEntrySchema = z
  .object({
    output: z.string().min(1).describe('output file, relative to --out'),
    sha256: Sha256Schema.describe('content hash of the article and its sidecar'),
    settings: Sha256Schema.describe('fingerprint of what else decides the output: code, rules, format, reference date'),
  })
  .strict();
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

/** Hashes every file under `dir`, names and contents, in a stable order. */
async function hashTree(hash: ReturnType<typeof createHash>, dir: string): Promise<void> {
  const files = (await glob('**/*', { cwd: dir, onlyFiles: true })).sort();
  for (const file of files) hash.update(`${file}\u0000`).update(await readFile(path.join(dir, file)));
}

/**
 * Everything besides the article that decides its output: envoy's code and
 * version, the rule files, the output format and a --reference-date. Any change
 * makes every earlier output stale.
 */
export async function settingsFingerprint(options: { format: OutputFormat; referenceDate?: string; rulesDir: string }): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ schema: SCHEMA_VERSION, format: options.format, referenceDate: options.referenceDate ?? null }));
  hash.update(await readFile(PACKAGE_JSON));
  await hashTree(hash, SOURCE_DIR);
  await hashTree(hash, options.rulesDir);
  return hash.digest('hex');
}

function manifestText(entries: Map<string, ManifestEntry>): string {
  return [...entries.values()].map((e) => `${JSON.stringify(e)}\n`).join('');
}

export class Manifest {
  private readonly entries: Map<string, ManifestEntry>;
  private readonly file: string;
  private readonly settings: string;
  private readonly appender: FileHandle;

  private constructor(file: string, settings: string, entries: Map<string, ManifestEntry>, appender: FileHandle) {
    this.file = file;
    this.settings = settings;
    this.entries = entries;
    this.appender = appender;
  }

  static async open(outDir: string, settings: string): Promise<Manifest> {
    const file = outputPath(outDir, MANIFEST_NAME);
    const entries = new Map<string, ManifestEntry>();
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    for (const line of text.split('\n')) {
      let entry: ManifestEntry;
      try {
        entry = ManifestEntrySchema.parse(JSON.parse(line));
      } catch {
        continue; // blank, or cut short by a killed run
      }
      entries.set(entry.output, entry);
    }
    // Rewritten before appending: a line cut by a killed run must not run into the next one.
    writeAtomic(file, manifestText(entries));
    return new Manifest(file, settings, entries, await open(file, 'a'));
  }

  /** The content hash `output` was made from, when it was made with the current settings. */
  currentHash(output: string): string | undefined {
    const entry = this.entries.get(output);
    return entry?.settings === this.settings ? entry.sha256 : undefined;
  }

  /** Records that `output` is now in place for content `sha256`. */
  async record(output: string, sha256: string): Promise<void> {
    const entry = { output, sha256, settings: this.settings };
    this.entries.set(output, entry);
    await this.appender.write(`${JSON.stringify(entry)}\n`);
  }

  /** Closes the appender and rewrites the file with one line per output. */
  async close(): Promise<void> {
    await this.appender.close();
    writeAtomic(this.file, manifestText(this.entries));
  }
}
