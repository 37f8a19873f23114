/**
 * `envoy extract`: articles in, one output per article out, on a pool of
 * worker threads; one bad file never stops the batch.
 */
import { once } from 'node:events';
import { collectInputs } from '../io/articles.ts';
import { CSV_HEADER, type OutputFormat } from '../io/formats.ts';
import { defaultContext, preparePipeline } from '../pipeline.ts';
import { Manifest, settingsFingerprint } from '../batch/manifest.ts';
import { ArticlePool, defaultWorkerCount, forEachBounded } from '../batch/pool.ts';
import { BatchProgress } from '../batch/progress.ts';
import { outputName, type TaskSettings } from '../batch/task.ts';

export interface ExtractCliOptions {
  out?: string;
  referenceDate?: string;
  rules?: string;
  workers?: number;
  format?: OutputFormat;
  resume?: boolean;
  /** Seconds one article may take before its thread is stopped; 0 for no limit. */
  timeout?: number;
}

/** Writes to stdout, waiting when the reader is slower than the pool. */
async function emit(text: string): Promise<void> {
  if (text !== '' && !process.stdout.write(text)) await once(process.stdout, 'drain');
}

export async function runExtract(paths: string[], opts: ExtractCliOptions): Promise<number> {
  const ctx = defaultContext(opts.rules);
  // Load every rule file up front, so a broken rule set fails once, before any article.
  preparePipeline(ctx);
  const format = opts.format ?? (opts.out ? 'json' : 'jsonl');
  const settings: TaskSettings = { out: opts.out, format, referenceDate: opts.referenceDate, rulesDir: opts.rules };
  const { inputs, errors } = await collectInputs(paths);
  if (inputs.length === 0 && errors.length === 0) {
    process.stderr.write(`envoy: no .txt articles found in ${paths.join(', ')}\n`);
    return 1;
  }
  const manifest =
    opts.resume && opts.out
      ? await Manifest.open(opts.out, await settingsFingerprint({ format, referenceDate: opts.referenceDate, rulesDir: ctx.rulesDir }))
      : undefined;
  const progress = new BatchProgress(inputs.length + errors.length);
  for (const err of errors) progress.failed(err.message);
  if (format === 'csv' && !opts.out) await emit(CSV_HEADER);

  const pool = new ArticlePool(Math.max(1, Math.min(opts.workers ?? defaultWorkerCount(), inputs.length)));
  const timeoutMs = (opts.timeout ?? 0) * 1000;
  try {
    await forEachBounded(
      inputs,
      pool.capacity,
      (input) => pool.run({ kind: 'file', input, currentHash: manifest?.currentHash(outputName(input.outputStem, format)), settings }, timeoutMs),
      async (input, outcome) => {
        if (outcome.status === 'failed') return progress.failed(outcome.message);
        if (outcome.status === 'skipped') return progress.skipped();
        if (outcome.formatted !== undefined) await emit(outcome.formatted);
        if (outcome.written !== undefined) await manifest?.record(outcome.written, outcome.contentHash);
        progress.done(outcome.bytes);
      },
    );
  } finally {
    await pool.close();
    await manifest?.close();
  }
  progress.finish();
  return progress.counts.failed > 0 ? 1 : 0;
}
