/**
 * `npm run eval:conll -- <conll file>`: span-level P/R/F1 of the entity stage on
 * CoNLL-2003 (default ../shared/data/conll2003-dev/eng.testa; skipped when absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConll, scoreConll } from '../src/eval/conll.ts';

const file = process.argv[2] ?? path.resolve(import.meta.dirname, '../../shared/data/conll2003-dev/eng.testa');
if (!existsSync(file)) {
  console.log(`eval:conll: ${file} not found; nothing to score`);
  process.exit(0);
}
const score = scoreConll(parseConll(readFileSync(file, 'utf8')));
const row = (name: string, p: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }) =>
  `${name.padEnd(10)} P ${p.precision.toFixed(3)}  R ${p.recall.toFixed(3)}  F1 ${p.f1.toFixed(3)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;
console.log(`CoNLL-2003 ${path.basename(file)}: ${score.documents} documents, ${(score.bytes / 1e6).toFixed(2)} MB in ${score.seconds.toFixed(1)} s`);
for (const type of ['PER', 'ORG', 'LOC', 'MISC'] as const) console.log(row(type, score.perType[type]));
console.log(row('PER+ORG+LOC', score.micro));
