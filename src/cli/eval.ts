/** `envoy eval`: run the pipeline over gold-annotated articles and score it. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { extract } from '../index.ts';
import { defaultContext, preparePipeline } from '../pipeline.ts';
import { GoldArticleSchema, scoreArticle, summarise, type ArticleScore, type Summary } from '../eval/visits.ts';
import type { VisitEvent } from '../schema.ts';
import type { GoldVisit } from '../eval/visits.ts';

export interface EvalCliOptions {
  gold: string;
  json?: boolean;
  verbose?: boolean;
  rules?: string;
}

export interface EvalReport {
  summary: Summary;
  articles: ArticleScore[];
  failures: Array<{ file: string; error: string }>;
}

export async function evaluate(goldDir: string, rulesDir?: string): Promise<EvalReport> {
  const names = (await readdir(goldDir)).filter((n) => n.endsWith('.gold.json')).sort();
  const articles: ArticleScore[] = [];
  const failures: EvalReport['failures'] = [];
  for (const name of names) {
    const goldPath = path.join(goldDir, name);
    const textPath = goldPath.replace(/\.gold\.json$/, '.txt');
    try {
      const gold = GoldArticleSchema.parse(JSON.parse(await readFile(goldPath, 'utf8')));
      const text = await readFile(textPath, 'utf8');
      const extraction = extract(text, {
        id: path.basename(textPath, '.txt'),
        source: textPath,
        referenceDate: gold.referenceDate === null ? undefined : { value: gold.referenceDate, origin: 'option' },
        rulesDir,
      });
      articles.push(scoreArticle(extraction, gold));
    } catch (err) {
      failures.push({ file: goldPath, error: (err as Error).message });
    }
  }
  return { summary: summarise(articles), articles, failures };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);

function describePred(v: VisitEvent): string {
  const who = v.visitors.map((x) => x.name).join(', ') || '(no named visitor)';
  return `${who} [${v.visitorCountry ?? '?'}] → ${v.destination.country ?? '?'}${v.destination.place ? ` (${v.destination.place})` : ''}, when ${v.when?.value ?? 'null'}, ${v.status}  «${v.evidence[0]?.text ?? ''}» rule ${v.rule}`;
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

function formatVerbose(a: ArticleScore): string {
  const lines = [`## ${a.id}`];
  for (const g of a.missed) lines.push(`  missed    ${describeGold(g)}`);
  for (const p of a.spurious) lines.push(`  spurious  ${describePred(p)}`);
  for (const m of a.matched) {
    const wrong = [
      m.when ? '' : `when ${m.pred.when?.value ?? 'null'} ≠ ${m.gold.when ?? 'null'}`,
      m.status ? '' : `status ${m.pred.status} ≠ ${m.gold.status}`,
      m.country ? '' : `visitorCountry ${m.pred.visitorCountry ?? 'null'} ≠ ${m.gold.visitorCountry ?? 'null'}`,
      m.met ? '' : `met [${m.pred.met.map((x) => x.name).join(', ')}] lacks some of [${m.gold.met.join(', ')}]`,
    ].filter(Boolean);
    lines.push(`  ${wrong.length ? 'wrong  ' : 'ok     '}   ${describePred(m.pred)}${wrong.length ? `\n             ${wrong.join('; ')}` : ''}`);
  }
  for (const f of a.figures.missed) lines.push(`  missed figure    ${f.text} = ${f.value} ${f.unit} (${f.qualifier})`);
  for (const f of a.figures.spurious) lines.push(`  spurious figure  ${f.text} = ${f.value} ${f.unit} (${f.qualifier})`);
  for (const f of a.figures.matched.filter((x) => !x.qualifier))
    lines.push(`  wrong qualifier  ${f.pred.text}: ${f.pred.qualifier} ≠ ${f.gold.qualifier}`);
  return lines.join('\n');
}

export async function runEval(opts: EvalCliOptions): Promise<number> {
  preparePipeline(defaultContext(opts.rules));
  const report = await evaluate(opts.gold, opts.rules);
  if (report.articles.length === 0 && report.failures.length === 0) {
    process.stderr.write(`envoy: no *.gold.json files in ${opts.gold}\n`);
    return 1;
  }
  for (const f of report.failures) process.stderr.write(`envoy: ${f.file}: ${f.error}\n`);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    if (opts.verbose) process.stdout.write(`${report.articles.map(formatVerbose).join('\n')}\n\n`);
    process.stdout.write(`${formatSummary(report.summary)}\n`);
  }
  return report.failures.length ? 1 : 0;
}
