/** `envoy collect`: outputs of completed jobs to --out or stdout, and the failed set on stderr. */
import { once } from 'node:events';
import type { OutputFormat } from '../io/formats.ts';
import { collectResults, QueueConnectionError } from '../batch/queue.ts';

export interface CollectCliOptions {
  redis: string;
  queue: string;
  out?: string;
  format?: OutputFormat;
  wait?: boolean;
}

const POLL_MS = 250;

export async function runCollect(opts: CollectCliOptions): Promise<number> {
  let collected = 0;
  let failed = 0;
  try {
    await collectResults(
      { redis: opts.redis, queue: opts.queue },
      { out: opts.out, format: opts.format ?? (opts.out ? 'json' : 'jsonl'), wait: Boolean(opts.wait), pollMs: POLL_MS },
      {
        async emit(text) {
          if (!process.stdout.write(text)) await once(process.stdout, 'drain');
        },
        collected() {
          collected++;
        },
        failed(message) {
          failed++;
          process.stderr.write(`envoy: ${message}\n`);
        },
      },
    );
  } catch (err) {
    if (!(err instanceof QueueConnectionError)) throw err;
    process.stderr.write(`envoy: ${err.message}\n`);
    return 1;
  }
  process.stderr.write(`envoy: ${collected} collected, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
