/** `envoy worker`: process queued articles until stopped (SIGINT/SIGTERM finish the jobs in hand first). */
import { once } from 'node:events';
import type { OutputFormat } from '../io/formats.ts';
import { defaultContext, preparePipeline } from '../pipeline.ts';
import { startWorker } from '../batch/queue.ts';

export interface WorkerCliOptions {
  redis: string;
  queue: string;
  concurrency: number;
  out?: string;
  format: OutputFormat;
  rules?: string;
  lockDuration: number;
}

export async function runWorker(opts: WorkerCliOptions): Promise<number> {
  // A broken rule set stops the worker before it takes any job.
  preparePipeline(defaultContext(opts.rules));
  const log = (line: string) => process.stderr.write(`envoy worker: ${line}\n`);
  const worker = await startWorker(
    { redis: opts.redis, queue: opts.queue },
    { concurrency: opts.concurrency, out: opts.out, format: opts.format, rulesDir: opts.rules, lockDurationMs: opts.lockDuration },
    log,
  );
  log(`taking jobs from '${opts.queue}' at ${opts.redis} on ${opts.concurrency} thread${opts.concurrency === 1 ? '' : 's'}`);
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  log('stopping after the jobs in hand');
  await worker.close();
  return 0;
}
