/** Cutting the sentence's words into segments (titles, gazetteer names, organisations, unknown capitalised names, other words): the cues then type them. */
import type { Word } from '../words.ts';
import { headWord, locatedIn, ofPhrase } from './headed.ts';
import { coveredByNames, isCore, isPersonTitle, nameAt, ordinaryWord, titleAt, titleBreaks } from './lookup.ts';
import { phraseText, type SentenceState } from './state.ts';

const LOCATION_PREPOSITIONS = new Set(['of', 'in', 'to', 'from', 'at', 'near', 'for']);
/** Function words that end a run of capitals ("ESSEX AND KENT", "HOUSTON AT PITTSBURGH"): names do not span them. */
const CAPS_BREAKS = new Set(['at', 'and', 'v', 'vs', 'in', 'of', 'to', 'for', 'the', 'on', 'with', 'by', 'from', 'over']);

export function segmentCaps(st: SentenceState): void {
  let run = -1;
  const flush = (at: number) => {
    if (run >= 0) st.segs.push({ kind: 'name', from: run, to: at, weak: true });
    run = -1;
  };
  for (let i = st.first; i < st.end; ) {
    const w = st.words[i];
    const name = w.kind === 'alpha' ? nameAt(st, i, 'caps') : null;
    if (name) {
      flush(i);
      st.segs.push({ kind: 'entity', from: i, to: name.to, info: name.entry });
      i = name.to;
      continue;
    }
    if (w.kind === 'alpha' && !CAPS_BREAKS.has(w.lower)) {
      if (run < 0) run = i;
    } else {
      flush(i);
      st.segs.push({ kind: w.kind === 'possessive' ? 'possessive' : w.kind === 'punct' ? 'punct' : 'word', from: i, to: i + 1 });
    }
    i++;
  }
  flush(st.end);
}

export function segment(st: SentenceState, headline: boolean): void {
  for (let i = st.first; i < st.end; ) {
    const w = st.words[i];
    if (w.kind !== 'alpha') {
      st.segs.push({ kind: w.kind === 'possessive' ? 'possessive' : w.kind === 'punct' ? 'punct' : 'word', from: i, to: i + 1 });
      i++;
      continue;
    }
    const title = titleAt(st, i);
    const name = title ? nameAt(st, i) : null;
    if (title && (!name || title.to >= name.to)) {
      const to = isPersonTitle(title) ? (portfolio(st, title.to) ?? title.to) : title.to;
      st.segs.push({ kind: 'title', from: i, to, entries: title.entries });
      i = to;
      continue;
    }
    // A capital letter alone ("I") starts no name; initials inside one ("George W Bush") are fine.
    if ((w.cap && (w.text.length > 1 || st.words[i + 1]?.text === '.')) || particleAfterTitle(st, i)) {
      i = readName(st, i, headline);
      continue;
    }
    st.segs.push({ kind: 'word', from: i, to: i + 1 });
    i++;
  }
}

/** "Commissioner for Agriculture, NAME": a portfolio after a title, up to the comma before the name. */
function portfolio(st: SentenceState, k: number): number | null {
  if (st.lowers[k] !== 'for' || k + 1 >= st.end || !st.words[k + 1].cap) return null;
  let e = k + 1;
  while (e < st.end && st.words[e].kind === 'alpha' && st.words[e].cap) e++;
  return st.words[e]?.text === ',' && e < st.end ? e : null;
}

/** Right after a singular title: what follows is a name ("President Jackson"), even a place name. */
function afterPersonTitle(st: SentenceState): boolean {
  const prev = st.segs[st.segs.length - 1];
  return prev?.kind === 'title' && prev.entries.some((e) => isCore(e) && !e.plural);
}

/** "Crown Prince bin Salman": a name may start with a particle right after a title. */
function particleAfterTitle(st: SentenceState, i: number): boolean {
  return i + 1 < st.end && st.words[i + 1].cap && st.rules.particles.has(st.words[i].lower) && afterPersonTitle(st);
}

/** Reads the capitalised run starting at `i` and pushes its segments; returns where it ends. */
function readName(st: SentenceState, i: number, headline: boolean): number {
  const afterTitle = afterPersonTitle(st);
  let j = i;
  while (j < st.end) {
    const w = st.words[j];
    // "Schroder Wertheim & Co", "Douglas & Lomason": an ampersand joins the parts of a firm's name.
    if (w.text === '&' && j > i && j + 1 < st.end && st.words[j + 1].cap) {
      j++;
      continue;
    }
    if (w.kind !== 'alpha') break;
    if (w.cap) {
      if (j > i && titleBreaks(st, i, j)) break;
      const name = nameAt(st, j);
      j = name && name.to > j + 1 ? name.to : j + 1;
      continue;
    }
    const next = st.words[j + 1];
    const particle = st.rules.particles.has(w.lower) || (afterTitle && w.lower === 'the');
    if (particle && next && j + 1 < st.end && next.cap && (j > i || afterTitle)) {
      j++;
      continue;
    }
    break;
  }
  if (j === i) j = i + 1;
  return analyseRun(st, i, j, afterTitle, headline);
}

/** Segments of the capitalised run [i, j); returns the word where reading continues. */
function analyseRun(st: SentenceState, i: number, j: number, afterTitle: boolean, headline: boolean): number {
  const first = st.words[i];
  const lead = nameAt(st, i);
  if (!lead && !afterTitle && first.sentenceStart && j - i > 1 && ordinaryStart(st, first)) {
    // "Multiple Hanoi officials", "The State Department", "To Lam": the first word may be an ordinary word capitalised by position.
    st.segs.push({ kind: 'word', from: i, to: i + 1 });
    // The rest may read past the run ("The | Bank of England").
    const next = analyseRun(st, i + 1, j, false, headline);
    const seg = st.segs.find((x) => x.from === i + 1);
    if (seg?.kind === 'name') seg.lead = i;
    return next;
  }
  const of = ofPhrase(st, i, j);
  if (of) return of;
  // A whole gazetteer name; after a title a city name is a person's ("President Jackson").
  if (lead && lead.to === j && !(afterTitle && (lead.entry.type === 'city' || lead.entry.type === 'place'))) {
    st.segs.push({ kind: 'entity', from: i, to: j, info: lead.entry });
    return j;
  }
  const located = locatedIn(st, i, j);
  if (located) return located;
  if (onlyHeadWords(st, i, j)) {
    // "Parliament", "Justice Ministry" after a title: a head word alone names nothing.
    for (let k = i; k < j; k++) st.segs.push({ kind: 'word', from: k, to: k + 1 });
    return j;
  }
  const headed = headWord(st, i, j);
  if (headed !== null) {
    if (headed < j) analyseRun(st, headed, j, false, false);
    return j;
  }
  // "Committee chairman Labour MP Jean Corston": a word between two titles qualifies the second.
  if (afterTitle && !titleAt(st, j)) {
    st.segs.push({ kind: 'name', from: i, to: j, weak: false });
    return j;
  }
  if (lead?.entry.type === 'organization') {
    // A known group heads a longer name: "Samsung Electronics".
    st.segs.push({ kind: 'entity', from: i, to: j, info: { ...lead.entry, name: phraseText(st, i, j) } });
    return j;
  }
  if (st.rules.directions.words.has(first.lower) && j - i > 1) {
    const place = nameAt(st, i + 1, 'anywhere');
    if (place && place.to === j && place.entry.type !== 'nationality' && place.entry.type !== 'organization') {
      st.segs.push({ kind: 'entity', from: i, to: j, info: { type: 'place', name: phraseText(st, i, j), country: place.entry.country, rule: st.rules.directions.rule } });
      return j;
    }
  }
  if (lead) {
    const rest = coveredByNames(st, lead.to, j);
    const before = st.words[i - 1];
    // "Prime Minister of Kosovo Albin Kurti"; but "at Lansdowne Road", "to Man Utd" are names of their own.
    const afterPreposition = lead.entry.type === 'country' && before && i > st.first && LOCATION_PREPOSITIONS.has(before.lower);
    const split = lead.entry.type === 'nationality' || rest || headline || afterPreposition;
    if (split) {
      st.segs.push({ kind: 'entity', from: i, to: lead.to, info: lead.entry });
      return analyseRun(st, lead.to, j, false, headline);
    }
  }
  const single = j - i === 1;
  const weak = headline || (single && first.sentenceStart && ordinaryStart(st, first));
  st.segs.push({ kind: 'name', from: i, to: j, weak });
  return j;
}

function onlyHeadWords(st: SentenceState, i: number, j: number): boolean {
  for (let k = i; k < j; k++) if (!st.rules.orgSuffixes.has(st.words[k].lower) && !st.rules.placeSuffixes.has(st.words[k].lower)) return false;
  return true;
}

/** A capitalised sentence-initial word that is an ordinary word ("Multiple", "Discussions", "To"). */
function ordinaryStart(st: SentenceState, w: Word): boolean {
  if (st.rules.lexicon.isGivenName(w.lower)) return false;
  return w.pos !== 'PROPN' || ordinaryWord(st, w.lower);
}
