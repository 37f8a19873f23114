/**
 * Throughput benchmark: `npm run bench -- <dir> [--workers N] [--passes N]` extracts every
 * *.txt under <dir> (default ../shared/data/news-corpus) on a pool of N worker
 * threads (default 1), end to end (read, decode, extract, validate, format
 * JSON; nothing written), and prints articles/s, MB/s, words/s, p50/p99 ms per
 * article and peak RSS, and the rate over the first and the second half of the
 * articles apart (the JIT warms up in the first). `--passes N` feeds the articles N times over in
 * one timed run: the rate of a batch N times as long, on threads that warm up once. With one worker it also prints where the time goes,
 * stage by stage, from in-process passes (the median pass, and the first, cold
 * one). A benchmark, not a test: it prints numbers and asserts nothing.
 */
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { collectInputs } from '../src/io/articles.ts';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ENVOY_ENTRIES, ensureBundle } from '../bin/bundle.js';
import type * as PoolModule from '../src/batch/pool.ts';

const { values, positionals } = parseArgs({
  options: { workers: { type: 'string', default: '1' }, passes: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const [workers, passes] = [Number(values.workers), Number(values.passes)];
if (!Number.isInteger(workers) || workers < 1 || !Number.isInteger(passes) || passes < 1) {
  console.error('bench: --workers and --passes need a whole number of at least 1');
  process.exit(2);
}
const dir = positionals[0] ?? path.resolve(import.meta.dirname, '../../shared/data/news-corpus');
if (!existsSync(dir)) {
  console.log(`bench: ${dir} not found; nothing to measure`);
  process.exit(0);
}
const { inputs: articles } = await collectInputs([dir]);
const inputs = Array.from({ length: passes }, () => articles).flat();
// What `envoy extract` runs: the bundle (bin/bundle.js), with the stage timer built into it.
const bundle = await ensureBundle({ ...ENVOY_ENTRIES, 'bench-stages': 'scripts/bench-stages.ts' });
const { ArticlePool, forEachBounded, YOUNG_GENERATION_MB } = (await import(pathToFileURL(path.join(bundle, 'pool.mjs')).href)) as typeof PoolModule;
const settings = { format: 'json' as const };
const pool = new ArticlePool(workers);
// Warm-up, one article per thread: module loading and lazy gazetteers are not throughput.
await Promise.all(inputs.slice(0, workers).map((input) => pool.run({ kind: 'file', input, settings })));

const perArticle: number[] = [];
let bytes = 0;
let words = 0;
let failures = 0;
// The JIT compiles the hot code during the first articles: the second half of the run, new text
// on warmed-up threads, shows the rate a long batch settles at.
let secondHalf: { at: number; bytes: number } | undefined;
const cpuStarted = process.cpuUsage();
const started = performance.now();
await forEachBounded(
  inputs,
  pool.capacity,
  (input) => pool.run({ kind: 'file', input, settings }),
  (_input, outcome) => {
    if (outcome.status !== 'done') {
      failures++;
      if (outcome.status === 'failed') console.error(`bench: ${outcome.message}`);
      return;
    }
    if (!secondHalf && perArticle.length >= inputs.length / 2) secondHalf = { at: performance.now(), bytes };
    perArticle.push(outcome.ms);
    bytes += outcome.bytes;
    words += outcome.words;
  },
);
const ended = performance.now();
const cpu = process.cpuUsage(cpuStarted);
const seconds = (ended - started) / 1000;
await pool.close();

perArticle.sort((a, b) => a - b);
const q = (p: number) => perArticle[Math.min(perArticle.length - 1, Math.floor(p * perArticle.length))] ?? 0;
const mb = bytes / 1e6;
console.log(`articles: ${inputs.length}${passes > 1 ? ` (${articles.length} × ${passes} passes)` : ''} (${mb.toFixed(2)} MB, ${words} words) on ${workers} worker${workers === 1 ? '' : 's'} in ${seconds.toFixed(2)} s, ${failures} failed`);
console.log(`node ${process.version}, flags: ${process.execArgv.filter((a) => a.startsWith('--v8') || a.startsWith('--max')).join(' ') || 'none'}`);
console.log(`throughput: ${(inputs.length / seconds).toFixed(0)} articles/s, ${(mb / seconds).toFixed(2)} MB/s, ${(words / seconds).toFixed(0)} words/s`);
// Halves by count say something only over many articles of like sizes.
if (secondHalf && perArticle.length >= 100) {
  const firstRate = secondHalf.bytes / 1e6 / ((secondHalf.at - started) / 1000);
  const secondRate = (bytes - secondHalf.bytes) / 1e6 / ((ended - secondHalf.at) / 1000);
  console.log(`  first half of the articles ${firstRate.toFixed(2)} MB/s, second half ${secondRate.toFixed(2)} MB/s (threads warmed up)`);
}
// CPU time of every thread of the process (the pool's, V8's collector and compiler threads, the main
// thread) over the timed run: how many cores the run kept busy.
const busyCores = (cpu.user + cpu.system) / 1e6 / seconds;
console.log(`cpu: ${busyCores.toFixed(2)} cores busy, ${(mb / seconds / busyCores).toFixed(2)} MB/s per busy core`);
console.log(`per article: p50 ${q(0.5).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms`);

if (workers === 1) {
  // The first pass runs with the JIT and the stages' caches cold, which is start-up cost, not
  // throughput: a few passes are made, and the median pass is printed beside the cold one. They
  // run in a thread of their own with a pool thread's heap settings, so the stages are timed as
  // the pool runs them.
  const STAGE_PASSES = 3;
  const stageThread = new Worker(pathToFileURL(path.join(bundle, 'bench-stages.mjs')), {
    workerData: { paths: articles.map((input) => input.path), passes: STAGE_PASSES },
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const [stageTimes] = (await once(stageThread, 'message')) as [Array<Record<string, number>>];
  const rate = (ms: number) => `${(ms / 1000).toFixed(2)} s  ${(mb / (ms / 1000)).toFixed(1).padStart(5)} MB/s`;
  console.log(`per stage (one thread, median of ${STAGE_PASSES} passes; the first, cold pass in brackets):`);
  for (const name of Object.keys(stageTimes[0])) {
    const ms = stageTimes.map((p) => p[name]);
    const median = [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
    console.log(`  ${name.padEnd(9)} ${rate(median)}  (${rate(ms[0])})`);
  }
}
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
