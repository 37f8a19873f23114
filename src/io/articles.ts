/**
 * Finding and reading article files. Every problem with one file becomes an
 * ArticleError naming that file, so a batch can report it and go on.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { z } from 'zod';
import { parseReferenceDate } from '../refdate.ts';
import { decodeArticleBytes } from './decode.ts';

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
  /** Output path relative to the output directory, without extension, mirroring the input tree. */
  outputStem: string;
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

function withoutExtension(rel: string): string {
  return rel.replace(/\.[^./]*$/, '');
}

function cannotRead(file: string, err: unknown): ArticleError {
  return new ArticleError(file, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
}

/** The directory part of a glob before its first wildcard: output names are relative to it. */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const firstDynamic = parts.findIndex((part) => isDynamicPattern(part));
  return parts.slice(0, firstDynamic).join('/') || '.';
}

/**
 * Expands files, directories and globs into article inputs. Directories are
 * walked recursively for `*.txt`; output names mirror the path below the
 * directory (or below a glob's fixed prefix) so `business/001.txt` and
 * `sport/001.txt` never collide. Missing paths and two inputs that would write
 * the same output come back as errors.
 */
export async function collectInputs(args: string[]): Promise<{ inputs: ArticleInput[]; errors: ArticleError[] }> {
  const inputs: ArticleInput[] = [];
  const errors: ArticleError[] = [];
  const claimed = new Map<string, string>();
  const add = (file: string, outputStem: string) => {
    const input = { path: displayPath(path.resolve(file)), id: stemOf(file), outputStem };
    const owner = claimed.get(outputStem);
    if (owner === input.path) return;
    if (owner !== undefined) {
      errors.push(new ArticleError(input.path, `its output ${outputStem} is already taken by ${owner}; pass the folder above both instead`));
      return;
    }
    claimed.set(outputStem, input.path);
    inputs.push(input);
  };
  for (const arg of args) {
    let isDir: boolean;
    try {
      isDir = (await stat(arg)).isDirectory();
    } catch (err) {
      if (isDynamicPattern(arg)) {
        const base = globBase(arg);
        const found = await glob(arg, { onlyFiles: true, followSymbolicLinks: false, expandDirectories: false });
        if (found.length === 0) errors.push(new ArticleError(arg, 'no file matches this pattern'));
        for (const file of found.sort()) {
          if (!file.endsWith(META_SUFFIX)) add(file, withoutExtension(path.relative(base, file).split(path.sep).join('/')));
        }
      } else {
        errors.push(cannotRead(arg, err));
      }
      continue;
    }
    if (!isDir) {
      add(arg, stemOf(arg));
      continue;
    }
    const found = await glob('**/*.txt', { cwd: arg, onlyFiles: true, followSymbolicLinks: false, dot: false });
    for (const rel of found.sort()) add(path.join(arg, rel), withoutExtension(rel));
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
  /** The encoding the bytes were decoded from, when it was not UTF-8 (UTF-16LE, windows-1252 …). */
  encoding?: string;
  /** sha256 of the article's bytes and its sidecar's: what decides whether an earlier output is current. */
  contentHash: string;
  /** sha256 of the article file's bytes alone, when it was read from a file. */
  fileSha256?: string;
}

/**
 * Reads a regular file. Opening without blocking and checking the type first
 * keeps a named pipe or a device among the articles from hanging the batch.
 * Synchronous on purpose: articles are read by pool threads with nothing else
 * to do meanwhile, and the promise API's half-dozen thread-pool round trips
 * per file (open, stat, read, close, the sidecar) took a tenth of a batch.
 */
function readRegularFile(file: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new ArticleError(file, 'not a regular file');
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** An HTML page rather than article text: its offsets would not point into any text a reader has. */
const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i;

/** Reads one article and its optional sidecar; throws ArticleError on any problem. */
export function readArticle(file: string): Article {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file);
  } catch (err) {
    throw err instanceof ArticleError ? err : cannotRead(file, err);
  }
  const decoded = decodeArticleBytes(bytes);
  if ('problem' in decoded) throw new ArticleError(file, decoded.problem);
  const { text, encoding } = decoded;
  if (text.trim() === '') throw new ArticleError(file, 'empty file (no text to extract from)');
  if (HTML_START.test(text.slice(0, 4096))) {
    throw new ArticleError(file, 'HTML page, not plain text: envoy reads article text only; convert the page to text first');
  }
  const hash = createHash('sha256').update(bytes);
  const fileSha256 = hash.copy().digest('hex');
  const article = (metadataReferenceDate?: string): Article => ({
    text,
    ...(metadataReferenceDate !== undefined ? { metadataReferenceDate } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
    contentHash: hash.digest('hex'),
    fileSha256,
  });

  const metaPath = file.replace(/\.txt$/, '') + META_SUFFIX;
  // Most articles have no sidecar: asking first is cheaper than the error a failed open builds.
  if (!existsSync(metaPath)) return article();
  let metaBytes: Buffer;
  try {
    metaBytes = readRegularFile(metaPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return article();
    throw err instanceof ArticleError ? err : cannotRead(metaPath, err);
  }
  hash.update(metaBytes);
  let meta: z.infer<typeof SidecarSchema>;
  try {
    meta = SidecarSchema.parse(JSON.parse(metaBytes.toString('utf8')));
  } catch (err) {
    throw new ArticleError(metaPath, `invalid sidecar: ${err instanceof z.ZodError ? err.issues[0].message : (err as Error).message}`);
  }
  if (meta.referenceDate == null) return article();
  try {
    return article(parseReferenceDate(meta.referenceDate));
  } catch (err) {
    throw new ArticleError(metaPath, (err as Error).message);
  }
}
