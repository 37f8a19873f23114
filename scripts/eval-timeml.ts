/**
 * TempEval-3 style evaluation of the dates stage: `npm run eval:timeml -- [dir] [--errors[=kinds]]`
 * strips the TimeML tags from every .tml under dir (default ../shared/data/tempeval3-train),
 * runs the dates stage with each file's DCT as the reference date, and prints strict and relaxed
 * extent P/R/F1, value F1 and type F1 (src/eval/timeml.ts), per folder and per type.
 * `--errors` lists every miss, spurious find and wrong value/type/extent with its context
 * (`--errors=value,missed` only those kinds). Prints a note and exits 0 when dir is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { emptyCounts, evaluateDirectory, score, TIMEX_TYPES, type Counts, type CorpusResult } from '../src/eval/timeml.ts';

const args = process.argv.slice(2);
const errorsFlag = args.find((a) => a.startsWith('--errors'));
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.resolve(import.meta.dirname, '../../shared/data/tempeval3-train'));
if (!existsSync(dir)) {
  console.log(`eval:timeml: ${dir} not found; nothing to evaluate`);
  process.exit(0);
}

const started = performance.now();
const result: CorpusResult = evaluateDirectory(dir);
const seconds = (performance.now() - started) / 1000;

const f = (x: number) => x.toFixed(3);
function line(label: string, c: Counts): string {
  const s = score(c);
  return [
    label.padEnd(10),
    String(c.gold).padStart(5),
    String(c.system).padStart(6),
    `${f(s.strict.precision)} ${f(s.strict.recall)} ${f(s.strict.f1)}`,
    `${f(s.relaxed.precision)} ${f(s.relaxed.recall)} ${f(s.relaxed.f1)}`,
    `${f(s.valueAccuracy)} ${f(s.valueF1)}`,
    `${f(s.typeAccuracy)} ${f(s.typeF1)}`,
  ].join('  ');
}

if (errorsFlag) {
  const kinds = errorsFlag.includes('=') ? new Set(errorsFlag.split('=')[1].split(',')) : null;
  const context = (text: string, start: number, end: number) =>
    `${text.slice(Math.max(0, start - 50), start)}[${text.slice(start, end)}]${text.slice(end, end + 50)}`.replace(/\s+/g, ' ');
  for (const e of result.errors) {
    if (kinds && !kinds.has(e.kind)) continue;
    const at = e.gold ?? e.system!;
    const gold = e.gold ? `gold ${e.gold.type} ${e.gold.value} '${e.text.slice(e.gold.start, e.gold.end)}'` : '';
    const sys = e.system ? `system ${e.system.type} ${e.system.value} '${e.text.slice(e.system.start, e.system.end)}'` : '';
    console.log(`${e.kind.padEnd(8)} ${e.file}  ${[gold, sys].filter(Boolean).join(' | ')}\n         ${context(e.text, at.start, at.end)}`);
  }
  console.log('');
}

console.log(`TimeML evaluation of ${dir}: ${result.documents} documents in ${seconds.toFixed(1)} s`);
console.log(`${''.padEnd(10)}  ${'gold'.padStart(5)}  ${'found'.padStart(6)}  strict P/R/F1        relaxed P/R/F1       value acc/F1  type acc/F1`);
console.log(line('all', result.all));
for (const [folder, counts] of [...result.byFolder].sort()) console.log(line(folder, counts));
console.log('by type (gold type for recall and attributes, system type for precision):');
for (const type of TIMEX_TYPES) console.log(line(type, result.byType.get(type) ?? emptyCounts()));
const s = score(result.all);
console.log(`\nrelaxed extent F1 ${f(s.relaxed.f1)}, strict extent F1 ${f(s.strict.f1)}, value F1 ${f(s.valueF1)}, type F1 ${f(s.typeF1)}`);
