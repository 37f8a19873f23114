/** An article already read to a validated Extraction, with the reference date it is given. */
import type { Extraction, ReferenceDate } from '../schema.ts';
import type { Article, ArticleInput } from './articles.ts';
import { extractText } from './segments.ts';

export interface ProcessOptions {
  /** --reference-date from the command line: wins over sidecars and the text. */
  referenceDate?: string;
  rulesDir?: string;
}

/** The reference date an article is given: the command line's, else its sidecar's, else none (the text may still supply one). */
export function givenReferenceDate(article: Article, optionValue: string | undefined): ReferenceDate {
  if (optionValue !== undefined) return { value: optionValue, origin: 'option' };
  if (article.metadataReferenceDate !== undefined) return { value: article.metadataReferenceDate, origin: 'metadata' };
  return { value: null, origin: 'none' };
}

/** Extracts an article already read; the hash of its file and the encoding it was decoded from go into `document`. */
export function extractArticle(article: Article, input: Pick<ArticleInput, 'id' | 'path'>, options: ProcessOptions = {}): Extraction {
  const referenceDate = givenReferenceDate(article, options.referenceDate);
  const extraction = extractText(article.text, { id: input.id, source: input.path, referenceDate, rulesDir: options.rulesDir });
  if (article.fileSha256 === undefined && article.encoding === undefined) return extraction;
  // In the schema's order: fileSha256 after sha256, encoding last.
  const { id, source, sha256, ...rest } = extraction.document;
  const document = {
    id,
    source,
    sha256,
    ...(article.fileSha256 !== undefined ? { fileSha256: article.fileSha256 } : {}),
    ...rest,
    ...(article.encoding !== undefined ? { encoding: article.encoding } : {}),
  };
  return { ...extraction, document };
}
