/**
 * What one pool thread does with one article: read (or take) its text,
 * extract, format, and write it under --out when there is one. Every failure
 * comes back as an outcome naming the file and the phase it failed in; nothing
 * is thrown across the thread boundary.
 */
import { existsSync } from 'node:fs';
import { readArticle, ArticleError, type Article, type ArticleInput } from '../io/articles.ts';
import { formatExtraction, type OutputFormat } from '../io/formats.ts';
import { extractArticle } from '../io/process.ts';
import { outputPath, writeOutput } from '../io/write.ts';
import type { Extraction } from '../schema.ts';
import type { ArticleJob } from './job.ts';

export interface TaskSettings {
  /** Output directory; without it the formatted output (or the extraction, for a queue job) comes back to the caller. */
  out?: string;
  format: OutputFormat;
  referenceDate?: string;
  rulesDir?: string;
}

export type ArticleTask =
  /** A file to read; skipped when its content hash equals `currentHash` and its output exists. */
  | { kind: 'file'; input: ArticleInput; currentHash?: string; settings: TaskSettings }
  /** A queued job: the text travels with it. */
  | { kind: 'job'; job: ArticleJob; settings: TaskSettings };

export type FailurePhase = 'read' | 'extract' | 'write';

export type ArticleOutcome =
  | {
      status: 'done';
      contentHash: string;
      /** UTF-8 bytes of the text. */
      bytes: number;
      words: number;
      /** Time spent on this article in the thread: read, extract, format, write. */
      ms: number;
      /** The output file's name under --out. */
      written?: string;
      /** The formatted output, when there is no --out and the task was a file. */
      formatted?: string;
      /** The extraction itself, when there is no --out and the task was a queue job. */
      extraction?: Extraction;
    }
  | { status: 'skipped'; bytes: number }
  | { status: 'failed'; phase: FailurePhase; message: string };

/** Whitespace-separated words, counted without building them. */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

export function outputName(outputStem: string, format: OutputFormat): string {
  return `${outputStem}.${format}`;
}

function failure(phase: FailurePhase, err: unknown): ArticleOutcome {
  return { status: 'failed', phase, message: err instanceof ArticleError ? err.message : String((err as Error)?.message ?? err) };
}

export async function runArticleTask(task: ArticleTask): Promise<ArticleOutcome> {
  const started = performance.now();
  const { settings } = task;
  const input = task.kind === 'file' ? task.input : { id: task.job.id, path: task.job.source, outputStem: task.job.outputStem };
  const name = outputName(input.outputStem, settings.format);
  let article: Article;
  if (task.kind === 'file') {
    try {
      article = readArticle(input.path);
    } catch (err) {
      return failure('read', err);
    }
    const bytes = Buffer.byteLength(article.text);
    if (task.currentHash === article.contentHash && settings.out && existsSync(outputPath(settings.out, name))) {
      return { status: 'skipped', bytes };
    }
  } else {
    article = task.job.article;
  }

  let extraction: Extraction;
  try {
    extraction = extractArticle(article, input, { referenceDate: task.kind === 'job' ? task.job.referenceDate : settings.referenceDate, rulesDir: settings.rulesDir });
  } catch (err) {
    return failure('extract', new ArticleError(input.path, (err as Error).message ?? String(err)));
  }
  const result = { status: 'done' as const, contentHash: article.contentHash, bytes: Buffer.byteLength(article.text), words: countWords(article.text) };
  if (settings.out) {
    try {
      writeOutput(settings.out, name, formatExtraction(extraction, settings.format, true));
    } catch (err) {
      return failure('write', new ArticleError(input.path, `cannot write ${name}: ${(err as Error).message}`));
    }
    return { ...result, written: name, ms: performance.now() - started };
  }
  if (task.kind === 'job') return { ...result, extraction, ms: performance.now() - started };
  return { ...result, formatted: formatExtraction(extraction, settings.format, false), ms: performance.now() - started };
}
