/** One article from path to validated Extraction, with every failure attributed to its file. */
import { extract, type ExtractOptions } from '../index.ts';
import type { Extraction } from '../schema.ts';
import { ArticleError, readArticle, type ArticleInput } from './articles.ts';

export interface ProcessOptions {
  /** --reference-date from the command line: wins over sidecars and the text. */
  referenceDate?: string;
  rulesDir?: string;
}

export type ProcessResult =
  | { ok: true; input: ArticleInput; extraction: Extraction; bytes: number }
  | { ok: false; input: ArticleInput; error: ArticleError };

export async function processArticle(input: ArticleInput, options: ProcessOptions = {}): Promise<ProcessResult> {
  try {
    const article = await readArticle(input.path);
    const referenceDate: ExtractOptions['referenceDate'] =
      options.referenceDate !== undefined
        ? { value: options.referenceDate, origin: 'option' }
        : article.metadataReferenceDate !== undefined
          ? { value: article.metadataReferenceDate, origin: 'metadata' }
          : undefined;
    const extraction = extract(article.text, {
      id: input.id,
      source: input.path,
      referenceDate,
      rulesDir: options.rulesDir,
    });
    return { ok: true, input, extraction, bytes: Buffer.byteLength(article.text) };
  } catch (err) {
    const error = err instanceof ArticleError ? err : new ArticleError(input.path, (err as Error).message ?? String(err));
    return { ok: false, input, error };
  }
}
