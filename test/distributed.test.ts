/**
 * Distributed mode against a real Redis: a redis-server of our own on
 * 127.0.0.1 and a free port, `envoy enqueue`, two `envoy worker`s (one killed
 * with SIGKILL while it holds a job), `envoy collect`. Every article must be
 * done exactly once. Skips, saying why, only when Redis cannot be started
 * (or BullMQ's Redis client package is not installed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractionSchema } from '../src/schema.ts';
import { workerName } from '../src/batch/queue.ts';
import { bin, envoy, root } from './support/envoy-cli.ts';

const LOOPBACK = '127.0.0.1';

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, LOOPBACK);
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Starts redis-server on loopback only; resolves undefined (with the reason) when it cannot. */
async function startRedis(dir: string): Promise<{ process: ChildProcess; url: string } | { reason: string }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--bind', LOOPBACK, '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<boolean>((resolve) => {
    child.on('error', (err) => {
      output += err.message;
      resolve(false);
    });
    child.on('exit', () => resolve(false));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve(true);
    });
    setTimeout(() => resolve(false), 15_000);
  });
  if (await ready) return { process: child, url: `redis://${LOOPBACK}:${port}` };
  child.kill('SIGKILL');
  return { reason: `redis-server could not be started on ${LOOPBACK}:${port}: ${output.trim().split('\n').at(-1) ?? 'no output'}` };
}

const children: ChildProcess[] = [];

function startWorker(url: string, args: string[]): ChildProcess & { log: () => string } {
  const child = spawn(process.execPath, [bin, 'worker', '--redis', url, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  children.push(child);
  return Object.assign(child, { log: () => log });
}


async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let redis: { process: ChildProcess; url: string } | undefined;
let skipReason = '';
let work = '';

/** BullMQ talks to Redis through ioredis, an optional dependency of it that package.json must list. */
function missingRedisClient(): string | undefined {
  try {
    createRequire(import.meta.url).resolve('ioredis');
    return undefined;
  } catch {
    return "the 'ioredis' package (BullMQ's Redis client) is not installed: it must be in package.json dependencies";
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'envoy-distributed-'));
  skipReason = missingRedisClient() ?? '';
  if (skipReason) {
    console.warn(`distributed tests skipped: ${skipReason}`);
    return;
  }
  const started = await startRedis(work);
  if ('reason' in started) skipReason = started.reason;
  else redis = started;
  if (skipReason) console.warn(`distributed tests skipped: ${skipReason}`);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (redis) {
    redis.process.kill('SIGTERM');
    await once(redis.process, 'exit');
  }
  await rm(work, { recursive: true, force: true });
});

/** Seeds plus `count` variants made from them: paragraphs rotated and a numbered headline, so every text differs. */
async function generateArticles(dir: string, count: number): Promise<string[]> {
  const seeds = await glob('*.txt', { cwd: path.join(root, 'seeds') });
  const texts = await Promise.all(seeds.sort().map((f) => readFile(path.join(root, 'seeds', f), 'utf8')));
  const names: string[] = [];
  for (const [i, seed] of seeds.entries()) {
    await writeFile(path.join(dir, seed), texts[i]);
    names.push(seed.replace(/\.txt$/, ''));
  }
  await mkdir(path.join(dir, 'generated'));
  for (let i = 0; i < count; i++) {
    const paragraphs = texts[i % texts.length].split(/\n\s*\n/);
    const k = i % paragraphs.length;
    const body = [...paragraphs.slice(k), ...paragraphs.slice(0, k)].join('\n\n');
    const name = `generated/${String(i).padStart(4, '0')}`;
    await writeFile(path.join(dir, `${name}.txt`), `Report ${i}: visits in the region\n\n${body}`);
    names.push(name);
  }
  return names;
}

describe('distributed mode on BullMQ', () => {
  it('processes every article exactly once with two workers, one killed mid-job', async (ctx) => {
    if (!redis) return ctx.skip(skipReason);
    const input = path.join(work, 'in');
    const out = path.join(work, 'out');
    await mkdir(input);
    const names = await generateArticles(input, 300);

    const enqueued = await envoy(['enqueue', input, '--redis', redis.url, '--queue', 'main']);
    expect(enqueued.stderr).toMatch(new RegExp(`${names.length} queued on 'main', 0 failed`));
    expect(enqueued.code).toBe(0);
    // Enqueueing the same articles again queues nothing new: job ids come from the output name and content.
    await envoy(['enqueue', input, '--redis', redis.url, '--queue', 'main']);
    const queue = new Queue('main', { connection: { url: redis.url } });
    try {
      expect(await queue.count()).toBe(names.length);

      const doomed = startWorker(redis.url, ['--queue', 'main', '--concurrency', '1', '--lock-duration', '2000']);
      const survivor = startWorker(redis.url, ['--queue', 'main', '--concurrency', '1', '--lock-duration', '2000']);
      // Kill the first worker while it holds a job, once the run is under way. (BullMQ hands a
      // worker its next job as it finishes one, so it holds one until the queue runs dry.)
      await until('the first worker to hold a job', async () => {
        if ((await queue.getCompletedCount()) < 5) return undefined;
        return (await queue.getActive()).find((job) => job.processedBy === workerName(doomed.pid))?.id;
      });
      doomed.kill('SIGKILL');
      await once(doomed, 'exit');

      await until('every job to finish', async () => {
        const counts = await queue.getJobCounts('completed', 'failed');
        return counts.completed + counts.failed === names.length ? counts : undefined;
      });
      expect(await queue.getFailedCount()).toBe(0);
      const completed = await queue.getCompleted(0, -1);
      expect(completed).toHaveLength(names.length);
      expect(new Set(completed.map((job) => job.id)).size).toBe(names.length);
      // The job the killed worker held went back to the queue and was finished by the other.
      const recovered = completed.filter((job) => job.stalledCounter > 0 || job.attemptsStarted > 1);
      expect(recovered.length).toBeGreaterThanOrEqual(1);
      for (const job of recovered) expect(job.processedBy).toBe(workerName(survivor.pid));

      const collected = await envoy(['collect', '--redis', redis.url, '--queue', 'main', '--out', out]);
      expect(collected.stderr).toMatch(new RegExp(`${names.length} collected, 0 failed`));
      expect(collected.code).toBe(0);
      const written = (await glob('**/*.json', { cwd: out })).map((f) => f.replace(/\.json$/, '')).sort();
      expect(written).toEqual([...names].sort());
      for (const name of written.slice(0, 5)) {
        expect(ExtractionSchema.parse(JSON.parse(await readFile(path.join(out, `${name}.json`), 'utf8'))).document.source).toMatch(new RegExp(`${name}\\.txt$`));
      }
      expect(await queue.count()).toBe(0);
      survivor.kill('SIGTERM');
      await once(survivor, 'exit');
      expect(survivor.log()).toMatch(/stopping after the jobs in hand/);
    } finally {
      await queue.close();
    }
  });

  it('retries a failed write with backoff, and puts a bad job in the failed set with its error', async (ctx) => {
    if (!redis) return ctx.skip(skipReason);
    const input = path.join(work, 'retry-in');
    const out = path.join(work, 'retry-out');
    await mkdir(path.join(input, 'blocked'), { recursive: true });
    await writeFile(path.join(input, 'blocked', 'one.txt'), 'President Macron will visit China next week.');
    // A file where the worker needs a directory: the write fails until it is removed.
    await mkdir(out);
    await writeFile(path.join(out, 'blocked'), 'in the way');

    const queue = new Queue('retry', { connection: { url: redis.url } });
    try {
      expect((await envoy(['enqueue', input, '--redis', redis.url, '--queue', 'retry', '--attempts', '5', '--backoff', '500'])).code).toBe(0);
      await queue.add('article', { not: 'an article' }, { attempts: 3 });
      const worker = startWorker(redis.url, ['--queue', 'retry', '--concurrency', '1', '--out', out]);

      const [article] = await until('the first failed attempt', async () => {
        const delayed = await queue.getDelayed();
        return delayed.length > 0 ? delayed : undefined;
      });
      expect(article.failedReason).toMatch(/blocked\/one\.txt: cannot write blocked\/one\.json/);
      await rm(path.join(out, 'blocked'));
      await until('the retry to succeed', async () => ((await queue.getCompletedCount()) === 1 ? true : undefined));
      const done = (await queue.getCompleted())[0];
      expect(done.attemptsStarted).toBeGreaterThanOrEqual(2);
      expect(ExtractionSchema.parse(JSON.parse(await readFile(path.join(out, 'blocked', 'one.json'), 'utf8'))).document.id).toBe('one');

      const [bad] = await queue.getFailed();
      expect(bad.failedReason).toMatch(/invalid payload/);
      expect(bad.attemptsMade).toBe(1);
      const collected = await envoy(['collect', '--redis', redis.url, '--queue', 'retry', '--out', out]);
      expect(collected.code).toBe(1);
      expect(collected.stderr).toMatch(/invalid payload: id: .*\(failed after 1 attempt\)/);
      expect(collected.stderr).toMatch(/1 collected, 1 failed/);
      expect(worker.log()).toMatch(/cannot write blocked\/one\.json.*\(attempt 1 of 5\)/);
      worker.kill('SIGTERM');
      await once(worker, 'exit');
    } finally {
      await queue.close();
    }
  });
});
