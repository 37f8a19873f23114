/**
 * The dates stage against TempEval-3's TimeML training data (TimeBank and AQUAINT, each document
 * with its creation time as the reference date), read from ../shared when it is there. It checks
 * that recall, precision and value accuracy do not fall below what the stage reached when this
 * harness was written (span F1 0.91, value accuracy 0.83 on matched spans); it skips when the
 * data is absent.
 *
 * Gold TIMEX3s are matched to mentions by overlapping span, one to one. TimeBank annotates some
 * things envoy decides otherwise by design ("recent years" PXY here, PAST_REF in envoy; "a year
 * earlier" anchored on a quarter), so the thresholds sit below 1 for reasons that are not errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../src/doc.ts';
import { defaultContext, runPipeline, stagesThrough } from '../src/pipeline.ts';
import { dates } from '../src/stages/dates.ts';

const ROOT = path.resolve(import.meta.dirname, '../../shared/data/tempeval3-train');
const present = existsSync(ROOT);

interface Gold {
  start: number;
  end: number;
  value: string;
  type: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const decode = (s: string) => s.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]);

/** The text inside <TEXT> with every tag removed, and the TIMEX3 spans in it. */
function readTml(xml: string): { text: string; dct: string | null; gold: Gold[] } {
  const dct = /<DCT>.*?value="(\d{4}-\d{2}-\d{2})/s.exec(xml)?.[1] ?? null;
  const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const gold: Gold[] = [];
  const re = /<TIMEX3([^>]*)>([\s\S]*?)<\/TIMEX3>|<[^>]+>|[^<]+/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[1] !== undefined) {
      const start = text.length;
      text += decode(m[2].replace(/<[^>]+>/g, ''));
      gold.push({ start, end: text.length, value: /value="([^"]*)"/.exec(m[1])?.[1] ?? '', type: /type="([^"]*)"/.exec(m[1])?.[1] ?? '' });
    } else if (!m[0].startsWith('<')) {
      text += decode(m[0]);
    }
  }
  return { text, dct, gold };
}

describe.skipIf(!present)('TempEval-3 training data', () => {
  it('keeps span F1 and value accuracy at the level measured', () => {
    const ctx = defaultContext();
    let gold = 0;
    let predicted = 0;
    let matched = 0;
    let sameValue = 0;
    for (const corpus of ['TimeBank', 'AQUAINT']) {
      const dir = path.join(ROOT, corpus);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.tml'))) {
        const { text, dct, gold: timexes } = readTml(readFileSync(path.join(dir, file), 'utf8'));
        const doc = dates(runPipeline(emptyDoc(text, dct ? { value: dct, origin: 'option' } : { value: null, origin: 'none' }), ctx, stagesThrough('tokenise')), ctx);
        gold += timexes.length;
        predicted += doc.dates.length;
        const used = new Set<number>();
        for (const g of timexes) {
          const i = doc.dates.findIndex((d, k) => !used.has(k) && d.start < g.end && g.start < d.end);
          if (i < 0) continue;
          used.add(i);
          matched++;
          if (doc.dates[i].value === g.value) sameValue++;
        }
      }
    }
    const precision = matched / predicted;
    const recall = matched / gold;
    const f1 = (2 * precision * recall) / (precision + recall);
    const valueAccuracy = sameValue / matched;
    console.log(
      `TempEval-3 train: ${gold} gold, ${predicted} found; P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}; value accuracy ${valueAccuracy.toFixed(3)}`,
    );
    expect(f1).toBeGreaterThanOrEqual(0.89);
    expect(valueAccuracy).toBeGreaterThanOrEqual(0.81);
  });
});
