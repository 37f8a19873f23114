/**
 * A pool of worker threads (piscina) running article tasks, and a bounded
 * loop feeding it: results are handled as they finish, in any order, and at
 * most a few tasks per thread are in flight, so memory stays flat however many
 * files there are.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ArticleOutcome, ArticleTask } from './task.ts';

/** Defined (as true) by the bundler, bin/bundle.js; absent when envoy runs from source. */
declare const ENVOY_BUNDLE: boolean | undefined;

/** A pool thread's module: the bundle's own thread entry, or from source the one that registers tsx first. */
const WORKER_ENTRY = new URL(typeof ENVOY_BUNDLE === 'undefined' ? './worker.js' : './thread.mjs', import.meta.url).href;

/**
 * Young-generation size of a pool thread (V8 splits it into three 64 MB spaces). Extraction makes
 * many short-lived objects per article; V8's default few-MB nursery collects several times per
 * article and promotes what is still live mid-article, and collection took a tenth of the run
 * (halved at this size, for about 150 MB more per thread).
 */
export const YOUNG_GENERATION_MB = 192;

/** Tasks queued per thread beyond the one it runs: enough to keep it busy, few enough to bound memory. */
const QUEUED_PER_THREAD = 2;

export function defaultWorkerCount(): number {
  return availableParallelism();
}

export class ArticlePool {
  private readonly pool: Piscina<ArticleTask, ArticleOutcome>;
  readonly threads: number;

  constructor(threads: number) {
    this.threads = threads;
    // Two tasks per thread: the next one is already in the thread when the last ends, instead of
    // the thread waiting a message round trip to the main thread for it (a tenth of a batch of short articles).
    this.pool = new Piscina({
      filename: WORKER_ENTRY,
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: 2,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  }

  /** How many tasks to keep in flight. */
  get capacity(): number {
    return this.threads * (1 + QUEUED_PER_THREAD);
  }

  /**
   * Runs one task. A thread that dies (out of memory) or overruns `timeoutMs`
   * is replaced, and the task comes back failed instead of taking the batch down.
   */
  async run(task: ArticleTask, timeoutMs?: number): Promise<ArticleOutcome> {
    try {
      return await this.pool.run(task, timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {});
    } catch (err) {
      const source = task.kind === 'file' ? task.input.path : task.job.source;
      const timedOut = (err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError';
      const why = timedOut ? `took longer than ${timeoutMs! / 1000} s and was stopped` : `worker thread failed: ${(err as Error).message}`;
      return { status: 'failed', phase: 'extract', message: `${source}: ${why}` };
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/**
 * Runs `run` over `items` with at most `limit` in flight and calls `handle`
 * with each result as it arrives, one at a time (so it may write to a stream or
 * a file without interleaving). A throw from `handle` stops the loop and is rethrown.
 */
export async function forEachBounded<T, R>(
  items: Iterable<T>,
  limit: number,
  run: (item: T) => Promise<R>,
  handle: (item: T, result: R) => Promise<void> | void,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let handled: Promise<void> = Promise.resolve();
  let fatal: { error: unknown } | undefined;
  for (const item of items) {
    if (fatal) break;
    while (inFlight.size >= limit) await Promise.race(inFlight);
    const task: Promise<void> = run(item)
      .then((result) => {
        handled = handled.then(async () => {
          if (!fatal) await handle(item, result);
        });
        return handled;
      })
      .catch((error: unknown) => {
        fatal ??= { error };
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  }
  await Promise.all(inFlight);
  if (fatal) throw fatal.error;
}
