/** `envoy extract`: articles in, one JSON per article out; one bad file never stops the batch. */
import { collectInputs } from '../io/articles.ts';
import { processArticle } from '../io/process.ts';
import { formatJson, outputPath, writeAtomic } from '../io/write.ts';
import { defaultContext, preparePipeline } from '../pipeline.ts';

export interface ExtractCliOptions {
  out?: string;
  referenceDate?: string;
  rules?: string;
}

export async function runExtract(paths: string[], opts: ExtractCliOptions): Promise<number> {
  // Load every rule file up front, so a broken rule set fails once, before any article.
  preparePipeline(defaultContext(opts.rules));
  const { inputs, errors } = await collectInputs(paths);
  for (const err of errors) process.stderr.write(`envoy: ${err.message}\n`);
  let failed = errors.length;
  let done = 0;
  let bytes = 0;
  const started = performance.now();
  for (const input of inputs) {
    const result = await processArticle(input, { referenceDate: opts.referenceDate, rulesDir: opts.rules });
    if (!result.ok) {
      failed++;
      process.stderr.write(`envoy: ${result.error.message}\n`);
      continue;
    }
    done++;
    bytes += result.bytes;
    if (opts.out) await writeAtomic(outputPath(opts.out, input.outputName), formatJson(result.extraction));
    else process.stdout.write(`${JSON.stringify(result.extraction)}\n`);
  }
  const seconds = (performance.now() - started) / 1000;
  if (opts.out || failed) {
    const rate = seconds > 0 ? (bytes / 1e6 / seconds).toFixed(2) : '-';
    process.stderr.write(`envoy: ${done} extracted, ${failed} failed, ${(bytes / 1e6).toFixed(2)} MB in ${seconds.toFixed(1)} s (${rate} MB/s)\n`);
  }
  if (inputs.length === 0 && errors.length === 0) {
    process.stderr.write(`envoy: no .txt articles found in ${paths.join(', ')}\n`);
    return 1;
  }
  return failed > 0 ? 1 : 0;
}
