/** One article from path to validated Extraction, with every failure attributed to its file. */
import type { Extraction, ReferenceDate } from '../schema.ts';
import { ArticleError, readArticle, type Article, type ArticleInput } from './articles.ts';
import { extractText } from './segments.ts';

export interface ProcessOptions {
  /** --reference-date from the command line: wins over sidecars and the text. */
  referenceDate?: string;
  rulesDir?: string;
}

export type ProcessResult =
  | { ok: true; input: ArticleInput; extraction: Extraction; article: Article }
  | { ok: false; input: ArticleInput; error: ArticleError };

/** The reference date an article is given: the command line's, else its sidecar's, else none (the text may still supply one). */
export function givenReferenceDate(article: Article, optionValue: string | undefined): ReferenceDate {
  if (optionValue !== undefined) return { value: optionValue, origin: 'option' };
  if (article.metadataReferenceDate !== undefined) return { value: article.metadataReferenceDate, origin: 'metadata' };
  return { value: null, origin: 'none' };
}

/** Extracts an article already read; the encoding it was decoded from goes into `document`. */
export function extractArticle(article: Article, input: Pick<ArticleInput, 'id' | 'path'>, options: ProcessOptions = {}): Extraction {
  const referenceDate = givenReferenceDate(article, options.referenceDate);
  const extraction = extractText(article.text, { id: input.id, source: input.path, referenceDate, rulesDir: options.rulesDir });
  if (article.encoding === undefined) return extraction;
  return { ...extraction, document: { ...extraction.document, encoding: article.encoding } };
}

export async function processArticle(input: ArticleInput, options: ProcessOptions = {}): Promise<ProcessResult> {
  try {
    const article = await readArticle(input.path);
    return { ok: true, input, extraction: extractArticle(article, input, options), article };
  } catch (err) {
    const error = err instanceof ArticleError ? err : new ArticleError(input.path, (err as Error).message ?? String(err));
    return { ok: false, input, error };
  }
}
