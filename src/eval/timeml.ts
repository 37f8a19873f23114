/**
 * Scoring date mentions against TimeML TIMEX3 annotations the way TempEval-3 does
 * (UzZaman et al. 2013, the TE3 entity scorer):
 * - strict extent: a gold and a system timex with the same span; relaxed extent: overlapping spans;
 *   precision over system timexes, recall over gold ones. Matching is one to one.
 * - value F1 and type F1: the attribute's accuracy over the relaxed matches (counted on the gold
 *   side), times relaxed F1 — so an attribute F1 can never exceed relaxed F1.
 * The document creation time (the DCT, outside <TEXT>) is the reference date, not a timex to find.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { emptyDoc } from '../doc.ts';
import { defaultContext } from '../pipeline.ts';
import type { ReferenceDate, TimexType } from '../schema.ts';
import { dates } from '../stages/dates.ts';
import { tokenise } from '../stages/tokenise.ts';

export interface Timex {
  start: number;
  end: number;
  value: string;
  type: string;
}

export interface TimemlDoc {
  /** The text inside <TEXT>, every tag removed and entities decoded; offsets point into it. */
  text: string;
  /** The document creation time's date, YYYY-MM-DD, or null. */
  dct: string | null;
  timexes: Timex[];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const decode = (s: string) => s.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]);
const attribute = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? '';

export function readTml(xml: string): TimemlDoc {
  const dct = /<DCT>[\s\S]*?\bvalue="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1] ?? null;
  const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: Timex[] = [];
  const re = /<TIMEX3\b([^>]*)>([\s\S]*?)<\/TIMEX3>|<[^>]+>|[^<]+/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[1] !== undefined) {
      const start = text.length;
      text += decode(m[2].replace(/<[^>]+>/g, ''));
      timexes.push({ start, end: text.length, value: attribute(m[1], 'value'), type: attribute(m[1], 'type') });
    } else if (!m[0].startsWith('<')) {
      text += decode(m[0]);
    }
  }
  return { text, dct, timexes };
}

/** Counts for one slice of the data (all of it, or one gold/system type). */
export interface Counts {
  gold: number;
  system: number;
  /** Gold timexes with a system timex of exactly the same span. */
  strict: number;
  /** Gold timexes overlapped by a system timex (one to one). */
  relaxed: number;
  /** System timexes overlapping a gold one; differs from `relaxed` only within a type slice. */
  relaxedSystem: number;
  strictSystem: number;
  /** Relaxed matches whose value / type equal the gold's. */
  value: number;
  type: number;
}

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
}

export interface TimemlScore {
  strict: Metrics;
  relaxed: Metrics;
  valueAccuracy: number;
  typeAccuracy: number;
  valueF1: number;
  typeF1: number;
}

/** One problem found while scoring, for error analysis. */
export interface TimexError {
  kind: 'missed' | 'spurious' | 'value' | 'type' | 'extent';
  gold?: Timex;
  system?: Timex;
}

export const TIMEX_TYPES: readonly TimexType[] = ['DATE', 'TIME', 'DURATION', 'SET'];

export function emptyCounts(): Counts {
  return { gold: 0, system: 0, strict: 0, relaxed: 0, relaxedSystem: 0, strictSystem: 0, value: 0, type: 0 };
}

export function addCounts(into: Counts, more: Counts): Counts {
  for (const k of Object.keys(into) as Array<keyof Counts>) into[k] += more[k];
  return into;
}

/** Trims whitespace from a span, as the official scorer compares tokens and never spaces. */
function trimmed(text: string, t: Timex): [number, number] {
  let { start, end } = t;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * Matches one document's system timexes to its gold ones, one to one: an exact span first, else
 * the first unused overlapping one. Returns counts overall and per type (gold-side counts under
 * the gold type, system-side counts under the system type), and the errors.
 */
export function scoreDocument(text: string, gold: Timex[], system: Timex[]): { all: Counts; byType: Map<string, Counts>; errors: TimexError[] } {
  const all = emptyCounts();
  const byType = new Map<string, Counts>();
  const slice = (type: string) => byType.get(type) ?? byType.set(type, emptyCounts()).get(type)!;
  const add = (type: string, key: keyof Counts) => {
    all[key]++;
    slice(type)[key]++;
  };
  const errors: TimexError[] = [];
  const sys = system.map((s) => trimmed(text, s));
  const used = new Set<number>();
  for (const s of system) add(s.type, 'system');
  for (const g of gold) {
    add(g.type, 'gold');
    const [gs, ge] = trimmed(text, g);
    let i = sys.findIndex(([s, e], k) => !used.has(k) && s === gs && e === ge);
    const exact = i >= 0;
    if (!exact) i = sys.findIndex(([s, e], k) => !used.has(k) && s < ge && gs < e);
    if (i < 0) {
      errors.push({ kind: 'missed', gold: g });
      continue;
    }
    used.add(i);
    const s = system[i];
    add(g.type, 'relaxed');
    add(s.type, 'relaxedSystem');
    if (exact) {
      add(g.type, 'strict');
      add(s.type, 'strictSystem');
    } else errors.push({ kind: 'extent', gold: g, system: s });
    if (s.value === g.value) add(g.type, 'value');
    else errors.push({ kind: 'value', gold: g, system: s });
    if (s.type === g.type) add(g.type, 'type');
    else errors.push({ kind: 'type', gold: g, system: s });
  }
  system.forEach((s, k) => {
    if (!used.has(k)) errors.push({ kind: 'spurious', system: s });
  });
  return { all, byType, errors };
}

function metrics(matchedSystem: number, system: number, matchedGold: number, gold: number): Metrics {
  const precision = system ? matchedSystem / system : 0;
  const recall = gold ? matchedGold / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function score(c: Counts): TimemlScore {
  const strict = metrics(c.strictSystem, c.system, c.strict, c.gold);
  const relaxed = metrics(c.relaxedSystem, c.system, c.relaxed, c.gold);
  const valueAccuracy = c.relaxed ? c.value / c.relaxed : 0;
  const typeAccuracy = c.relaxed ? c.type / c.relaxed : 0;
  return { strict, relaxed, valueAccuracy, typeAccuracy, valueF1: valueAccuracy * relaxed.f1, typeF1: typeAccuracy * relaxed.f1 };
}

/** What a tagger found in one text, given its creation date. */
export type Tagger = (text: string, dct: string | null) => Timex[];

/** The dates stage (after tokenising) with the DCT as the reference date. */
export const dateStageTagger: Tagger = (text, dct) => {
  const referenceDate: ReferenceDate = dct ? { value: dct, origin: 'option' } : { value: null, origin: 'none' };
  return dates(tokenise(emptyDoc(text, referenceDate)), defaultContext()).dates;
};

export interface CorpusResult {
  documents: number;
  all: Counts;
  byType: Map<string, Counts>;
  /** Counts per folder under the directory ("TimeBank", "AQUAINT"; "." for files at the top). */
  byFolder: Map<string, Counts>;
  errors: Array<TimexError & { file: string; text: string }>;
}

/** Every .tml file under `dir`, sorted. */
export function tmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Runs `tag` over every .tml file under `dir` and scores it. */
export function evaluateDirectory(dir: string, tag: Tagger = dateStageTagger): CorpusResult {
  const result: CorpusResult = { documents: 0, all: emptyCounts(), byType: new Map(), byFolder: new Map(), errors: [] };
  for (const file of tmlFiles(dir)) {
    const doc = readTml(readFileSync(file, 'utf8'));
    const scored = scoreDocument(doc.text, doc.timexes, tag(doc.text, doc.dct));
    result.documents++;
    addCounts(result.all, scored.all);
    for (const [type, counts] of scored.byType) addCounts(result.byType.get(type) ?? result.byType.set(type, emptyCounts()).get(type)!, counts);
    const folder = path.dirname(path.relative(dir, file));
    addCounts(result.byFolder.get(folder) ?? result.byFolder.set(folder, emptyCounts()).get(folder)!, scored.all);
    for (const e of scored.errors) result.errors.push({ ...e, file: path.relative(dir, file), text: doc.text });
  }
  return result;
}
