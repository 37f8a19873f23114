/**
 * Throughput benchmark: `npm run bench -- <dir>` runs the whole pipeline over
 * every *.txt under <dir> (default ../shared/data/news-corpus) in this process
 * and prints MB/s, articles/s, per-stage time and peak RSS. A benchmark, not a
 * test: it prints numbers and asserts nothing.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { emptyDoc } from '../src/doc.ts';
import { defaultContext, preparePipeline, STAGES } from '../src/pipeline.ts';
import { extract } from '../src/index.ts';

const dir = process.argv[2] ?? path.resolve(import.meta.dirname, '../../shared/data/news-corpus');
if (!existsSync(dir)) {
  console.log(`bench: ${dir} not found; nothing to measure`);
  process.exit(0);
}
const files = (await glob('**/*.txt', { cwd: dir, absolute: true })).sort();
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const ctx = defaultContext();
preparePipeline(ctx);
// Warm-up: load lazy gazetteers and JIT the hot paths on one article.
extract(texts[0] ?? 'Warm up.', { referenceDate: '2005-01' });

const stageMs = new Map<string, number>(STAGES.map((s) => [s.name, 0]));
const perArticle: number[] = [];
let failures = 0;
const started = performance.now();
for (const text of texts) {
  const t0 = performance.now();
  try {
    let doc = emptyDoc(text, { value: null, origin: 'none' });
    for (const stage of STAGES) {
      const s0 = performance.now();
      doc = stage.run(doc, ctx);
      stageMs.set(stage.name, stageMs.get(stage.name)! + performance.now() - s0);
    }
  } catch (err) {
    failures++;
    console.error(`bench: ${(err as Error).message}`);
  }
  perArticle.push(performance.now() - t0);
}
const seconds = (performance.now() - started) / 1000;
perArticle.sort((a, b) => a - b);
const q = (p: number) => perArticle[Math.min(perArticle.length - 1, Math.floor(p * perArticle.length))] ?? 0;
const mb = bytes / 1e6;
console.log(`articles: ${texts.length} (${mb.toFixed(2)} MB) in ${seconds.toFixed(2)} s, ${failures} failed`);
console.log(`throughput: ${(mb / seconds).toFixed(2)} MB/s, ${(texts.length / seconds).toFixed(0)} articles/s`);
console.log(`per article: p50 ${q(0.5).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms`);
for (const [name, ms] of stageMs) console.log(`  ${name.padEnd(9)} ${(ms / 1000).toFixed(2)} s  ${(mb / (ms / 1000)).toFixed(1)} MB/s`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
