/** `envoy explain`: what each stage found in one article, which rule fired where, and the near misses. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyDoc } from '../doc.ts';
import { ArticleError, readArticle } from '../io/articles.ts';
import { givenReferenceDate } from '../io/process.ts';
import { defaultContext, preparePipeline, runPipeline } from '../pipeline.ts';
import { explainHtml } from '../explain/html.ts';
import { explainText } from '../explain/text.ts';

export interface ExplainCliOptions {
  rule?: string;
  html?: string;
  referenceDate?: string;
  rules?: string;
}

export async function runExplain(file: string, opts: ExplainCliOptions): Promise<number> {
  const ctx = defaultContext(opts.rules);
  preparePipeline(ctx);
  let article;
  try {
    article = readArticle(file);
  } catch (err) {
    process.stderr.write(`envoy: ${(err as ArticleError).message}\n`);
    return 1;
  }
  const referenceDate = givenReferenceDate(article, opts.referenceDate);
  const doc = runPipeline(emptyDoc(article.text, referenceDate), ctx);
  if (opts.html) {
    const id = path.basename(file).replace(/\.[^.]*$/, '');
    await writeFile(opts.html, explainHtml(doc, { id, source: file }));
    process.stderr.write(`envoy: wrote ${opts.html}\n`);
  } else {
    process.stdout.write(explainText(doc, opts.rule));
  }
  return 0;
}
