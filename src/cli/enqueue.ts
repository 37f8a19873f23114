/** `envoy enqueue`: put articles on the Redis queue for `envoy worker`s on any machine. */
import { collectInputs } from '../io/articles.ts';
import { enqueueArticles, QueueConnectionError, type QueueTarget } from '../batch/queue.ts';

export interface EnqueueCliOptions {
  redis: string;
  queue: string;
  referenceDate?: string;
  attempts: number;
  backoff: number;
}

export async function runEnqueue(paths: string[], opts: EnqueueCliOptions): Promise<number> {
  const { inputs, errors } = await collectInputs(paths);
  for (const err of errors) process.stderr.write(`envoy: ${err.message}\n`);
  const target: QueueTarget = { redis: opts.redis, queue: opts.queue };
  let counts;
  try {
    counts = await enqueueArticles(
      target,
      inputs,
      { referenceDate: opts.referenceDate, attempts: opts.attempts, backoffMs: opts.backoff },
      (err) => process.stderr.write(`envoy: ${err.message}\n`),
    );
  } catch (err) {
    if (!(err instanceof QueueConnectionError)) throw err;
    process.stderr.write(`envoy: ${err.message}\n`);
    return 1;
  }
  const { queued, failed } = counts;
  process.stderr.write(`envoy: ${queued} queued on '${opts.queue}', ${failed + errors.length} failed\n`);
  return failed + errors.length > 0 ? 1 : 0;
}
