/**
 * Past one machine: articles on a BullMQ queue in Redis. `enqueue` reads and
 * decodes each file once and puts its text on the queue (workers need no
 * shared disk); `worker` processes jobs on a thread pool and writes outputs or
 * returns them to Redis; `collect` writes the returned outputs and reports the
 * failed set. A job's id is derived from its output name and content, so
 * enqueueing the same article twice queues it once; a worker that dies holding
 * a job loses its lock, and the job goes back to the queue.
 */
import { Queue, UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { readArticle, type ArticleError, type ArticleInput } from '../io/articles.ts';
import { CSV_HEADER, formatExtraction, type OutputFormat } from '../io/formats.ts';
import { writeOutput } from '../io/write.ts';
import { ExtractionSchema } from '../schema.ts';
import { ArticleJobSchema, type ArticleJob } from './job.ts';
import { ArticlePool } from './pool.ts';
import { outputName } from './task.ts';

const JOB_NAME = 'article';
const ENQUEUE_BATCH = 100;
const COLLECT_PAGE = 100;

export interface QueueTarget {
  /** redis://[user:password@]host:port[/db] or rediss:// */
  redis: string;
  queue: string;
}

/** Redis could not be reached or failed mid-command: one plain message for the user. */
export class QueueConnectionError extends Error {}

/**
 * Connection options for BullMQ. A command-line tool that enqueues or collects
 * gives up after a few failed connection attempts instead of hanging; a worker
 * keeps reconnecting, since Redis restarting is no reason for it to stop.
 */
function connection(redis: string, persistent: boolean): ConnectionOptions {
  let url: URL;
  try {
    url = new URL(redis);
  } catch {
    throw new QueueConnectionError(`'${redis}' is not a Redis URL (redis://host:port)`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new QueueConnectionError(`'${redis}' is not a Redis URL (redis://host:port)`);
  return {
    url: redis,
    ...(persistent ? {} : { retryStrategy: (times: number) => (times > 3 ? null : 250 * times), enableOfflineQueue: false }),
  };
}

/** Runs `use` with a queue, reporting a lost connection as one error instead of a stream of events. */
async function withQueue<T>(target: QueueTarget, use: (queue: Queue) => Promise<T>): Promise<T> {
  const queue = new Queue(target.queue, { connection: connection(target.redis, false) });
  let connectionError: Error | undefined;
  queue.on('error', (err) => {
    connectionError ??= err;
  });
  try {
    await queue.waitUntilReady();
    return await use(queue);
  } catch (err) {
    if (connectionError === undefined) throw err;
    throw new QueueConnectionError(`Redis at ${target.redis}: ${connectionError.message}`);
  } finally {
    await queue.close().catch(() => undefined);
  }
}

export interface EnqueueOptions {
  referenceDate?: string;
  /** Attempts per job, the first included. */
  attempts: number;
  /** Delay before the first retry; each further retry waits twice as long. */
  backoffMs: number;
}

function jobId(job: ArticleJob): string {
  const key = [job.outputStem, job.article.contentHash, job.referenceDate ?? ''].join('\u0000');
  return `article-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/** Reads, decodes and queues each article; a file that cannot be read is reported through `onError` and not queued. */
export async function enqueueArticles(
  target: QueueTarget,
  inputs: ArticleInput[],
  options: EnqueueOptions,
  onError: (error: ArticleError) => void,
): Promise<{ queued: number; failed: number }> {
  return withQueue(target, async (queue) => {
    let queued = 0;
    let failed = 0;
    for (let i = 0; i < inputs.length; i += ENQUEUE_BATCH) {
      const batch = [];
      for (const input of inputs.slice(i, i + ENQUEUE_BATCH)) {
        try {
          const article = readArticle(input.path);
          const job: ArticleJob = { id: input.id, source: input.path, outputStem: input.outputStem, article, ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}) };
          batch.push({
            name: JOB_NAME,
            data: job,
            opts: { jobId: jobId(job), attempts: options.attempts, backoff: { type: 'exponential', delay: options.backoffMs } },
          });
        } catch (err) {
          failed++;
          onError(err as ArticleError);
        }
      }
      await queue.addBulk(batch);
      queued += batch.length;
    }
    return { queued, failed };
  });
}

/** What a worker leaves in Redis for a job: the output file it wrote, or the extraction for `collect`. */
const JobResultSchema = z.union([z.object({ written: z.string() }).strict(), z.object({ extraction: ExtractionSchema }).strict()]);
type JobResult = z.infer<typeof JobResultSchema>;

export interface WorkerOptions {
  /** Threads, and jobs taken at once. */
  concurrency: number;
  /** Write outputs here (a directory every worker shares) instead of returning them to Redis. */
  out?: string;
  format: OutputFormat;
  rulesDir?: string;
  /** How long a job stays claimed by a worker that stopped answering before it goes back to the queue. */
  lockDurationMs: number;
}

/** host:pid — unique among the workers of a deployment. */
export function workerName(pid = process.pid): string {
  return `${hostname()}:${pid}`;
}

export interface RunningWorker {
  /** Finishes the jobs in hand, then stops. */
  close(): Promise<void>;
}

/**
 * Processes jobs until closed. Input problems (the text does not extract) are
 * final: the job goes to the failed set at once. Anything else, like a full
 * disk under --out, is retried with the job's backoff.
 */
export async function startWorker(target: QueueTarget, options: WorkerOptions, log: (line: string) => void): Promise<RunningWorker> {
  const pool = new ArticlePool(options.concurrency);
  const settings = { out: options.out, format: options.format, rulesDir: options.rulesDir };
  const worker = new Worker<unknown, JobResult>(
    target.queue,
    async (job: Job<unknown, JobResult>) => {
      const parsed = ArticleJobSchema.safeParse(job.data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UnrecoverableError(`job ${job.id}: invalid payload: ${issue.path.join('.')}: ${issue.message}`);
      }
      const outcome = await pool.run({ kind: 'job', job: parsed.data, settings });
      if (outcome.status === 'failed') throw outcome.phase === 'write' ? new Error(outcome.message) : new UnrecoverableError(outcome.message);
      if (outcome.status === 'skipped' || (outcome.written === undefined && outcome.extraction === undefined)) {
        throw new Error(`job ${job.id}: the pool returned no output`);
      }
      return outcome.written !== undefined ? { written: outcome.written } : { extraction: outcome.extraction! };
    },
    {
      connection: connection(target.redis, true),
      // Stored on every job it takes, so an operator (or a test) can tell which worker holds what.
      name: workerName(),
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs,
      stalledInterval: options.lockDurationMs,
      maxStalledCount: 2,
    },
  );
  worker.on('failed', (job, err) => {
    if (job) log(`${err.message} (attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1})`);
  });
  worker.on('error', (err) => log(`Redis at ${target.redis}: ${err.message}`));
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await pool.close();
    },
  };
}

export interface CollectOptions {
  /** Write each output here; without it, outputs go to stdout. */
  out?: string;
  format: OutputFormat;
  /** Keep collecting until no job is waiting, active or delayed. */
  wait: boolean;
  pollMs: number;
}

export interface CollectSink {
  /** Text for stdout. */
  emit(text: string): Promise<void>;
  collected(): void;
  failed(message: string): void;
}

/**
 * Takes each completed job's output (writing it under --out, or to stdout when
 * the worker returned it to Redis) and removes the job; then reports every job
 * in the failed set with its error.
 */
export async function collectResults(target: QueueTarget, options: CollectOptions, sink: CollectSink): Promise<void> {
  await withQueue(target, async (queue) => {
    if (options.format === 'csv' && !options.out) await sink.emit(CSV_HEADER);
    for (;;) {
      // Counted before taking the completed: a job finishing in between is taken on the next round.
      const pending = options.wait ? Object.values(await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children')).reduce((a, b) => a + b, 0) : 0;
      const jobs = await queue.getCompleted(0, COLLECT_PAGE - 1);
      for (const job of jobs) {
        const data = ArticleJobSchema.safeParse(job.data);
        const result = JobResultSchema.safeParse(job.returnvalue);
        if (!data.success || !result.success) {
          // Not written by an envoy worker of this version: reported, and removed so it is not taken again.
          sink.failed(`job ${job.id}: completed with a payload or result envoy cannot read; removed`);
          await job.remove();
          continue;
        }
        if ('extraction' in result.data) {
          const output = formatExtraction(result.data.extraction, options.format, Boolean(options.out));
          if (options.out) writeOutput(options.out, outputName(data.data.outputStem, options.format), output);
          else await sink.emit(output);
        }
        await job.remove();
        sink.collected();
      }
      if (jobs.length === 0) {
        if (pending === 0) break;
        await new Promise((resolve) => setTimeout(resolve, options.pollMs));
      }
    }
    for (const job of await queue.getFailed(0, -1)) {
      const source = ArticleJobSchema.safeParse(job.data).data?.source ?? `job ${job.id}`;
      const reason = job.failedReason.startsWith(`${source}:`) ? job.failedReason : `${source}: ${job.failedReason}`;
      sink.failed(`${reason} (failed after ${job.attemptsMade} attempt${job.attemptsMade === 1 ? '' : 's'})`);
    }
  });
}
