/** `envoy eval`: run the pipeline over gold-annotated articles, score it, compare with a baseline, watch the rules. */
import { watch } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { analyse } from '../index.ts';
import { defaultContext, preparePipeline } from '../pipeline.ts';
import { clearRuleCaches, RuleError } from '../rules/load.ts';
import { GoldArticleSchema, prf, scoreArticle, summarise, type ArticleScore, type GoldVisit, type Summary } from '../eval/visits.ts';
import type { Doc } from '../doc.ts';
import type { Span, VisitEvent } from '../schema.ts';

export interface EvalCliOptions {
  gold: string;
  json?: boolean;
  verbose?: boolean;
  baseline?: string;
  watch?: boolean;
  rules?: string;
}

/** One article's result: its score and the sentences a reader needs to see why. */
export interface ArticleReport extends ArticleScore {
  /** Per missed/spurious/wrong visit, the sentence it comes from (by index into missed/spurious/matched). */
  sentences: { missed: string[]; spurious: string[]; matched: string[] };
}

export interface EvalReport {
  summary: Summary;
  articles: ArticleReport[];
  failures: Array<{ file: string; error: string }>;
}

function sentenceAround(doc: Doc, span: Span | undefined): string {
  if (!span) return '';
  const s = doc.sentences.find((x) => span.start >= x.start && span.start < x.end);
  return s ? doc.text.slice(s.start, s.end) : '';
}

/** The first sentence naming a visitor of a missed gold visit: where a tuner should look. */
function sentenceNaming(doc: Doc, gold: GoldVisit): string {
  const names = gold.visitors.flatMap((v) => v.split(/\s+/)).filter((w) => w.length > 2);
  const s = doc.sentences.find((x) => names.some((n) => doc.text.slice(x.start, x.end).includes(n)));
  return s ? doc.text.slice(s.start, s.end) : '';
}

export async function evaluate(goldDir: string, rulesDir?: string): Promise<EvalReport> {
  const names = (await readdir(goldDir)).filter((n) => n.endsWith('.gold.json')).sort();
  const articles: ArticleReport[] = [];
  const failures: EvalReport['failures'] = [];
  for (const name of names) {
    const goldPath = path.join(goldDir, name);
    const textPath = goldPath.replace(/\.gold\.json$/, '.txt');
    try {
      const gold = GoldArticleSchema.parse(JSON.parse(await readFile(goldPath, 'utf8')));
      const text = await readFile(textPath, 'utf8');
      const { doc, extraction } = analyse(text, {
        id: path.basename(textPath, '.txt'),
        source: textPath,
        referenceDate: gold.referenceDate === null ? undefined : { value: gold.referenceDate, origin: 'option' },
        rulesDir,
      });
      const score = scoreArticle(extraction, gold);
      const trigger = (e: VisitEvent) => sentenceAround(doc, e.evidence.find((s) => s.text) ?? e.evidence[0]);
      articles.push({
        ...score,
        sentences: {
          missed: score.missed.map((g) => sentenceNaming(doc, g)),
          spurious: score.spurious.map(trigger),
          matched: score.matched.map((m) => trigger(m.pred)),
        },
      });
    } catch (err) {
      if (err instanceof RuleError) throw err;
      failures.push({ file: goldPath, error: (err as Error).message });
    }
  }
  return { summary: summarise(articles), articles, failures };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);

function describePred(v: VisitEvent): string {
  const who = v.visitors.map((x) => x.name).join(', ') || '(no named visitor)';
  return `${who} [${v.visitorCountry ?? '?'}] → ${v.destination.country ?? '?'}${v.destination.place ? ` (${v.destination.place})` : ''}, when ${v.when?.value ?? 'null'}, ${v.status}  rule ${v.rule}`;
}

function describeGold(v: GoldVisit): string {
  const who = v.visitors.join(', ') || '(no named visitor)';
  return `${who} [${v.visitorCountry ?? '?'}] → ${v.destinationCountry ?? '?'}${v.place ? ` (${v.place})` : ''}, when ${v.when ?? 'null'}, ${v.status}`;
}

export function formatSummary(s: Summary): string {
  return [
    `articles: ${s.articles}`,
    `visits   P ${f3(s.visits.precision)}  R ${f3(s.visits.recall)}  F1 ${f3(s.visits.f1)}  (tp ${s.visits.tp}, fp ${s.visits.fp}, fn ${s.visits.fn})`,
    `matched visits: when ${pct(s.when)}  status ${pct(s.status)}  visitorCountry ${pct(s.visitorCountry)}  met ${pct(s.met)}`,
    `figures  P ${f3(s.figures.precision)}  R ${f3(s.figures.recall)}  F1 ${f3(s.figures.f1)}  (tp ${s.figures.tp}, fp ${s.figures.fp}, fn ${s.figures.fn})  qualifier ${pct(s.qualifier)}`,
  ].join('\n');
}

const quote = (sentence: string) => (sentence ? `\n             «${sentence.length > 220 ? `${sentence.slice(0, 217)}…` : sentence}»` : '');

function formatVerbose(a: ArticleReport): string {
  const lines = [`## ${a.id}`];
  a.missed.forEach((g, i) => lines.push(`  missed    ${describeGold(g)}${quote(a.sentences.missed[i])}`));
  a.spurious.forEach((p, i) => lines.push(`  spurious  ${describePred(p)}${quote(a.sentences.spurious[i])}`));
  a.matched.forEach((m, i) => {
    const wrong = [
      m.when ? '' : `when ${m.pred.when?.value ?? 'null'} ≠ ${m.gold.when ?? 'null'}`,
      m.status ? '' : `status ${m.pred.status} ≠ ${m.gold.status}`,
      m.country ? '' : `visitorCountry ${m.pred.visitorCountry ?? 'null'} ≠ ${m.gold.visitorCountry ?? 'null'}`,
      m.met ? '' : `met [${m.pred.met.map((x) => x.name).join(', ')}] lacks some of [${m.gold.met.join(', ')}]`,
    ].filter(Boolean);
    lines.push(`  ${wrong.length ? 'wrong  ' : 'ok     '}   ${describePred(m.pred)}${wrong.length ? `\n             ${wrong.join('; ')}${quote(a.sentences.matched[i])}` : ''}`);
  });
  for (const f of a.figures.missed) lines.push(`  missed figure    ${f.text} = ${f.value} ${f.unit} (${f.qualifier})`);
  for (const f of a.figures.spurious) lines.push(`  spurious figure  ${f.text} = ${f.value} ${f.unit} (${f.qualifier})`);
  for (const f of a.figures.matched.filter((x) => !x.qualifier)) lines.push(`  wrong qualifier  ${f.pred.text}: ${f.pred.qualifier} ≠ ${f.gold.qualifier}`);
  return lines.join('\n');
}

/** What a baseline report must hold to be compared with: per-article counts. */
const BaselineSchema = z.object({
  articles: z.array(
    z
      .object({
        id: z.string(),
        matched: z.array(z.object({ when: z.boolean(), status: z.boolean(), country: z.boolean(), met: z.boolean() }).loose()),
        missed: z.array(z.unknown()),
        spurious: z.array(z.unknown()),
        figures: z.object({ matched: z.array(z.unknown()), missed: z.array(z.unknown()), spurious: z.array(z.unknown()) }).loose(),
      })
      .loose(),
  ),
});
/** The part of a report that two runs are compared on; a current EvalReport is one too. */
interface Comparable {
  articles: Array<{
    id: string;
    matched: Array<{ when: boolean; status: boolean; country: boolean; met: boolean }>;
    missed: unknown[];
    spurious: unknown[];
    figures: { matched: unknown[]; missed: unknown[]; spurious: unknown[] };
  }>;
}

/** One number per article that moves when anything about its visits or figures gets better or worse. */
function articleScore(a: Comparable['articles'][number]) {
  const visits = prf(a.matched.length, a.spurious.length, a.missed.length).f1;
  const figures = prf(a.figures.matched.length, a.figures.spurious.length, a.figures.missed.length).f1;
  const facts = a.matched.reduce((n, m) => n + Number(m.when) + Number(m.status) + Number(m.country) + Number(m.met), 0);
  return { visits, figures, facts, text: `visits F1 ${f3(visits)}, facts right ${facts}, figures F1 ${f3(figures)}` };
}

function totals(report: Comparable) {
  const sum = (f: (a: Comparable['articles'][number]) => number) => report.articles.reduce((n, a) => n + f(a), 0);
  return {
    visits: prf(sum((a) => a.matched.length), sum((a) => a.spurious.length), sum((a) => a.missed.length)).f1,
    figures: prf(sum((a) => a.figures.matched.length), sum((a) => a.figures.spurious.length), sum((a) => a.figures.missed.length)).f1,
  };
}

/** The difference between two reports: overall deltas and which articles got better or worse. */
export function formatDiff(before: Comparable, after: Comparable): string {
  const sign = (x: number) => (x > 1e-9 ? `+${f3(x)}` : x < -1e-9 ? f3(x) : '±0');
  const [x, y] = [totals(before), totals(after)];
  const lines = [`compared with baseline: visits F1 ${sign(y.visits - x.visits)}, figures F1 ${sign(y.figures - x.figures)}`];
  const old = new Map(before.articles.map((a) => [a.id, a]));
  const better: string[] = [];
  const worse: string[] = [];
  for (const a of after.articles) {
    const b = old.get(a.id);
    if (!b) continue;
    const [p, q] = [articleScore(b), articleScore(a)];
    const delta = q.visits - p.visits || q.facts - p.facts || q.figures - p.figures;
    if (delta > 0) better.push(`  better  ${a.id}: ${p.text} → ${q.text}`);
    if (delta < 0) worse.push(`  worse   ${a.id}: ${p.text} → ${q.text}`);
  }
  if (!better.length && !worse.length) lines.push('  no article changed');
  return [...lines, ...better, ...worse].join('\n');
}

function print(report: EvalReport, opts: EvalCliOptions, baseline: Comparable | undefined): void {
  for (const f of report.failures) process.stderr.write(`envoy: ${f.file}: ${f.error}\n`);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  if (opts.verbose) process.stdout.write(`${report.articles.map(formatVerbose).join('\n')}\n\n`);
  process.stdout.write(`${formatSummary(report.summary)}\n`);
  if (baseline) process.stdout.write(`${formatDiff(baseline, report)}\n`);
}

async function readBaseline(file: string): Promise<Comparable> {
  try {
    return BaselineSchema.parse(JSON.parse(await readFile(file, 'utf8'))) as Comparable;
  } catch (err) {
    throw new Error(`${file}: not an envoy eval --json report (${err instanceof z.ZodError ? err.issues[0].message : (err as Error).message})`);
  }
}

export async function runEval(opts: EvalCliOptions): Promise<number> {
  preparePipeline(defaultContext(opts.rules));
  const baseline = opts.baseline ? await readBaseline(opts.baseline) : undefined;
  const report = await evaluate(opts.gold, opts.rules);
  if (report.articles.length === 0 && report.failures.length === 0) {
    process.stderr.write(`envoy: no *.gold.json files in ${opts.gold}\n`);
    return 1;
  }
  print(report, opts, baseline);
  if (opts.watch) return watchRules(opts, report);
  return report.failures.length ? 1 : 0;
}

/** Re-runs the evaluation whenever a rule file changes, printing the new scores and the difference. */
function watchRules(opts: EvalCliOptions, first: EvalReport): Promise<number> {
  const dir = defaultContext(opts.rules).rulesDir;
  process.stderr.write(`envoy: watching ${dir} for changes (Ctrl-C to stop)\n`);
  let previous = first;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  return new Promise<number>(() => {
    watch(dir, { recursive: true }, (_event, name) => {
      if (!name || !/\.ya?ml$/.test(name)) return;
      clearTimeout(timer);
      // Editors write a file in several steps: wait for them to settle.
      timer = setTimeout(() => {
        running = running.then(async () => {
          clearRuleCaches();
          process.stdout.write(`\n--- ${name} changed ---\n`);
          try {
            preparePipeline(defaultContext(opts.rules));
            const report = await evaluate(opts.gold, opts.rules);
            print(report, { ...opts, json: false, verbose: false }, previous);
            previous = report;
          } catch (err) {
            process.stdout.write(`${err instanceof RuleError ? `invalid rules:\n${err.message}` : (err as Error).message}\n`);
          }
        });
      }, 150);
    });
  });
}
