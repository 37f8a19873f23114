/** What the phrases around a name are made of (a comma, a given word, a determiner, a lower-case noun after a name), and the title text a phrase records. */
import { phraseText, type SentenceState } from './state.ts';
import type { Segment } from './types.ts';

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their']);
export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our']);
/** Determiners of a definite phrase: "the Italian president, Sergio Mattarella" (not "a Korean official, Mr. Lam"). */
const DEFINITE = new Set(['the', 'his', 'her', 'its', 'their', 'our']);

export function isPronoun(st: SentenceState, seg: Segment | undefined): boolean {
  return seg?.kind === 'word' && POSSESSIVE_PRONOUNS.has(st.words[seg.from].lower);
}

/** The word at `i` is a lower-case noun, so the name before it is used as a modifier ("head of UK equities"). */
export function attributive(st: SentenceState, i: number): boolean {
  const w = st.words[i];
  return i < st.end && w.kind === 'alpha' && !w.cap && w.pos === 'NOUN';
}

export function isComma(st: SentenceState, seg: Segment | undefined): boolean {
  return seg?.kind === 'punct' && st.words[seg.from].text === ',';
}

export function isWord(st: SentenceState, seg: Segment | undefined, lower: string): boolean {
  return seg?.kind === 'word' && st.words[seg.from].lower === lower;
}

/** Words between "of" and its object: "the", "ruling". */
export function isFiller(st: SentenceState, seg: Segment | undefined): boolean {
  return isWord(st, seg, 'the') || (seg?.kind === 'title' && seg.entries.every((e) => e.kind === 'modifier'));
}

/** The phrase started with a determiner or a possessive: "the Italian president,". */
export function definiteAt(st: SentenceState, q: number): boolean {
  const seg = st.segs[q];
  return seg?.kind === 'possessive' || (seg?.kind === 'word' && DEFINITE.has(st.words[seg.from].lower));
}

export function titleText(st: SentenceState, modifiers: string[], from: number, to: number): string {
  let text = '';
  for (const m of modifiers) text += m.endsWith('-') ? m : m + ' ';
  return text + phraseText(st, from, to);
}
