/** Titles and gazetteer names at a word of the sentence (each answer kept), and the questions asked of them while segments are cut and typed. */
import type { NameEntry } from '../../gazetteer/gazetteer.ts';
import type { TitleEntry } from '../rules.ts';
import { phraseText, type SentenceState } from './state.ts';
import type { NameMatch, TitleMatch } from './types.ts';

/** Lower-case words allowed inside a gazetteer name ("Bosnia and Herzegovina", "Isle of Man"). */
const CONNECTORS = new Set(['of', 'the', 'and', 'de', 'da', 'du', 'del', 'la', 'le', 'al', 'el', "'s", 'y']);
/** Words that continue a title: "Prime Minister of Kosovo", "High Commissioner to Bangladesh", "Commissioner for Agriculture". */
const TITLE_COMPLEMENTS = new Set(['of', 'to', 'for']);
/** A year or a date after a name is a dateline's, not a score: "NEW YORK 1996-08-22". */
export const YEAR_OR_DATE = /^(?:1[89]|20)\d\d(?:\D|$)/;

export const isCore = (e: TitleEntry) => e.kind !== 'modifier';

export function isPersonTitle(t: { entries: TitleEntry[] }): boolean {
  return t.entries.some(isCore);
}

export function titleAt(st: SentenceState, i: number): TitleMatch | null {
  const known = st.titleMemo[i - st.first];
  return known !== undefined ? known : (st.titleMemo[i - st.first] = findTitle(st, i));
}

function findTitle(st: SentenceState, i: number): TitleMatch | null {
  const w = st.words[i];
  for (const { entries, end: to } of st.rules.titles.matchesAt(st.lowers, i, st.end)) {
    // "Ms." but not "MS." (multiple sclerosis); "economist" but not "Star Wars".
    const ok = entries.filter((e) => (e.exactCase ? phraseText(st, i, to) === e.exactCase : e.case === 'any' || (e.case === 'capitalised' ? w.cap && !w.upper : !w.cap)));
    if (ok.length) return { to, entries: ok };
  }
  return null;
}

/** The longest gazetteer name at word i; `anywhere` accepts small cities without a location cue (inside a longer name). */
export function nameAt(st: SentenceState, i: number, mode: 'caps' | 'normal' | 'anywhere' = 'normal'): NameMatch | null {
  if (mode !== 'normal') return findName(st, i, mode);
  const known = st.nameMemo[i - st.first];
  return known !== undefined ? known : (st.nameMemo[i - st.first] = findName(st, i, mode));
}

function findName(st: SentenceState, i: number, mode: 'caps' | 'normal' | 'anywhere'): NameMatch | null {
  if (!st.words[i].cap) return null;
  for (const { entries, end: to } of st.rules.names.matchesAt(st.lowers, i, st.end)) {
    if (!nameShape(st, i, to)) continue;
    const entry = entries.find((e) => acceptName(st, e, i, to, mode));
    if (entry) return { to, entry: { type: entry.type, name: entry.name, country: entry.country, rule: entry.rule, domain: entry.domain, settled: true } };
  }
  return null;
}

/** Every word capitalised, or a connector inside the name. */
function nameShape(st: SentenceState, i: number, to: number): boolean {
  for (let k = i + 1; k < to; k++) {
    const w = st.words[k];
    if (!(w.cap || (k < to - 1 && CONNECTORS.has(w.lower)))) return false;
  }
  return true;
}

function acceptName(st: SentenceState, e: NameEntry, i: number, to: number, mode: 'caps' | 'normal' | 'anywhere'): boolean {
  if (e.exactCase) {
    if (phraseText(st, i, to) !== e.exactCase) return false;
    // In a line of capitals "US" may be the pronoun.
    if (mode === 'caps' && e.exactCase.replace(/[^A-Z]/g, '').length <= 2 && !e.exactCase.includes('.')) return false;
  }
  // "in March": a month or weekday is no town.
  if (e.type === 'city' && to === i + 1 && st.rules.notNames.has(st.words[i].lower)) return false;
  if (e.cue === 'none' || mode === 'anywhere') return true;
  const before = i > st.first ? st.words[i - 1] : undefined;
  if (before && (e.cue === 'strict' ? st.rules.ordinaryWordCues : st.rules.locationCues).has(before.lower)) return true;
  if (before && st.rules.directions.words.has(before.lower)) return true;
  // A dateline: "VERSAILLES, May 29", "JERUSALEM. -", "BONN 2024-05-02".
  const after = st.words[to];
  return st.words[i].upper && st.words[i].lineStart && after !== undefined && (after.kind === 'punct' || YEAR_OR_DATE.test(after.text));
}

/** [i, j) is entirely gazetteer names. */
export function coveredByNames(st: SentenceState, i: number, j: number): boolean {
  for (let k = i; k < j; ) {
    const name = nameAt(st, k);
    if (!name || name.to > j) return false;
    k = name.to;
  }
  return true;
}

/** The country of the first country or city named inside [i, j). */
export function countryWithin(st: SentenceState, i: number, j: number): string | null {
  for (let k = i; k < j; k++) {
    const name = nameAt(st, k, 'anywhere');
    if (name && name.to <= j && name.entry.country && name.entry.type !== 'organization') return name.entry.country;
  }
  return null;
}

/**
 * A capitalised title inside the run [i, j…) starts a new phrase: after a qualifier ("Indian | High
 * Commissioner to …", "SK Group | Chairman Chey Tae-won") or before a name or complement. Not before an
 * organisation head ("General Assembly"), nor as a surname ("John Major said").
 */
export function titleBreaks(st: SentenceState, i: number, j: number): boolean {
  // "Communist Party chief": the head word ends the organisation rather than starting "party chief".
  if (st.rules.orgSuffixes.has(st.words[j].lower)) return false;
  const title = titleAt(st, j);
  if (!title || !isPersonTitle(title)) return false;
  const next = title.to < st.end ? st.words[title.to] : undefined;
  if (next && (st.rules.orgSuffixes.has(next.lower) || st.rules.placeSuffixes.has(next.lower))) return false;
  return (next !== undefined && (next.cap || TITLE_COMPLEMENTS.has(next.lower))) || coveredByNames(st, i, j);
}

/** An English word in compromise's lexicon or the common vocabulary ("sales", "net"). */
export function ordinaryWord(st: SentenceState, lower: string): boolean {
  return st.rules.lexicon.isCommonWord(lower) || st.rules.lexicon.isEnglishWord(lower);
}
