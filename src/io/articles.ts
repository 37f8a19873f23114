/**
 * Finding and reading article files. Every problem with one file becomes an
 * ArticleError naming that file, so a batch can report it and go on.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { z } from 'zod';
import { parseReferenceDate } from '../refdate.ts';

export class ArticleError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ArticleError';
    this.file = file;
  }
}

export interface ArticleInput {
  /** Path as the user can read it (relative to the working directory when inside it), with / separators. */
  path: string;
  /** File stem: the document id. */
  id: string;
  /** Path of the output file relative to the output directory, mirroring the input tree. */
  outputName: string;
}

const META_SUFFIX = '.meta.json';

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}

function stemOf(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, '');
}

/**
 * Expands files and directories into article inputs. Directories are walked
 * recursively for `*.txt`; output names mirror the path below the directory so
 * `business/001.txt` and `sport/001.txt` never collide. Missing paths come back
 * as errors.
 */
export async function collectInputs(args: string[]): Promise<{ inputs: ArticleInput[]; errors: ArticleError[] }> {
  const inputs: ArticleInput[] = [];
  const errors: ArticleError[] = [];
  for (const arg of args) {
    let isDir: boolean;
    try {
      isDir = (await stat(arg)).isDirectory();
    } catch (err) {
      errors.push(new ArticleError(arg, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`));
      continue;
    }
    if (!isDir) {
      inputs.push({ path: displayPath(path.resolve(arg)), id: stemOf(arg), outputName: `${stemOf(arg)}.json` });
      continue;
    }
    const found = await glob('**/*.txt', { cwd: arg, onlyFiles: true, followSymbolicLinks: false, dot: false });
    found.sort();
    for (const rel of found) {
      const relNoExt = rel.replace(/\.txt$/, '');
      inputs.push({ path: displayPath(path.resolve(arg, rel)), id: stemOf(rel), outputName: `${relNoExt}.json` });
    }
  }
  return { inputs, errors };
}

const SidecarSchema = z
  .object({
    referenceDate: z.string().nullable().optional(),
  })
  .loose();

export interface Article {
  text: string;
  /** Reference date from a `<stem>.meta.json` sidecar, if there is one. */
  metadataReferenceDate?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });

function decode(file: string, bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    try {
      return utf16le.decode(bytes.subarray(2));
    } catch {
      throw new ArticleError(file, 'invalid UTF-16 text after a UTF-16LE byte-order mark');
    }
  }
  if (bytes.includes(0)) throw new ArticleError(file, 'binary file (contains NUL bytes), not text');
  try {
    // A UTF-8 byte-order mark is not part of the article.
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return utf8.decode(hasBom ? bytes.subarray(3) : bytes);
  } catch {
    throw new ArticleError(file, 'not valid UTF-8 text');
  }
}

/** Reads one article and its optional sidecar; throws ArticleError on any problem. */
export async function readArticle(file: string): Promise<Article> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new ArticleError(file, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const text = decode(file, bytes);
  if (text.trim() === '') throw new ArticleError(file, 'empty file (no text to extract from)');

  const metaPath = file.replace(/\.txt$/, '') + META_SUFFIX;
  let metaText: string | undefined;
  try {
    metaText = await readFile(metaPath, 'utf8');
  } catch {
    return { text };
  }
  let meta: z.infer<typeof SidecarSchema>;
  try {
    meta = SidecarSchema.parse(JSON.parse(metaText));
  } catch (err) {
    throw new ArticleError(metaPath, `invalid sidecar: ${err instanceof z.ZodError ? err.issues[0].message : (err as Error).message}`);
  }
  if (meta.referenceDate == null) return { text };
  try {
    return { text, metadataReferenceDate: parseReferenceDate(meta.referenceDate) };
  } catch (err) {
    throw new ArticleError(metaPath, (err as Error).message);
  }
}
