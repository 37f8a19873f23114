/**
 * Runs the figures stage over a folder of articles (default: the BBC news
 * corpus) and reports its speed, a sample of what it finds, and currency
 * signs and percent words it leaves uncovered, for tuning rules/figures.yaml.
 *
 *   npx tsx scripts/figures-survey.ts [corpus-dir] [sample-size]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { emptyDoc, type Doc } from '../src/doc.ts';
import { defaultContext, runPipeline, stagesThrough } from '../src/pipeline.ts';
import { figures } from '../src/stages/figures.ts';

const root = process.argv[2] ?? '/work/shared/data/news-corpus';
const sampleSize = Number(process.argv[3] ?? 40);

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? textFiles(full) : name.endsWith('.txt') ? [full] : [];
  });
}

/** Currency signs and percent words: what a figure should have covered. */
const MONEY_OR_PERCENT = /[$£€¥₹₩]|%|\bper ?cent\b/giu;

const ctx = defaultContext();
/** The article through the stages before figures; without sentences if an earlier stage fails (figures then works per line). */
function prepare(file: string): Doc {
  const doc = emptyDoc(readFileSync(file, 'utf8'), { value: null, origin: 'none' });
  try {
    return runPipeline(doc, ctx, stagesThrough('dates'));
  } catch (err) {
    console.error(`${file}: earlier stage failed (${(err as Error).message}); running figures on the raw text`);
    return doc;
  }
}
const docs = textFiles(root).map((file) => ({ file, doc: prepare(file) }));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.doc.text), 0);

figures(docs[0].doc, ctx); // compile the rules outside the timing
const t0 = performance.now();
const results = docs.map(({ file, doc }) => ({ file, doc, found: figures(doc, ctx).figures }));
const seconds = (performance.now() - t0) / 1000;

const all = results.flatMap((r) => r.found.map((f) => ({ file: r.file, f })));
const missed = results.flatMap(({ file, doc, found }) =>
  [...doc.text.matchAll(MONEY_OR_PERCENT)]
    .filter((m) => !found.some((f) => f.evidence.start <= m.index && m.index < f.evidence.end))
    .map((m) => ({ file, context: doc.text.slice(Math.max(0, m.index - 40), m.index + 30).replace(/\s+/g, ' ') })),
);
const pick = <T>(list: T[], n: number) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
const count = <T>(list: T[], key: (x: T) => string) =>
  Object.fromEntries([...list.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]));

console.log(`${docs.length} articles, ${(bytes / 1e6).toFixed(2)} MB, figures stage ${seconds.toFixed(3)} s = ${(bytes / 1e6 / seconds).toFixed(1)} MB/s`);
console.log(`${all.length} figures; by unit`, count(all, (x) => x.f.unit), 'by qualifier', count(all, (x) => x.f.qualifier));
console.log('by measure', count(all, (x) => x.f.measure ?? '-'));
console.log('\nsample:');
for (const { file, f } of pick(all, sampleSize))
  console.log(`  ${path.basename(path.dirname(file))}/${path.basename(file)}  ${f.evidence.text}  → ${f.value} ${f.unit} ${f.qualifier}${f.measure ? ` [${f.measure}]` : ''}${f.year ? ` ${f.year}` : ''}  (${f.rule})`);
console.log(`\n${missed.length} currency signs / percent words not inside a figure; sample:`);
for (const m of pick(missed, sampleSize)) console.log(`  ${path.basename(m.file)}  …${m.context}…`);
