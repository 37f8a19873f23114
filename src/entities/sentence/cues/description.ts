/** Subjects with a title and a country but no name ("the UK chancellor predicted"): kept as descriptions, which may give the country of the person just named. */
import { isCore } from '../lookup.ts';
import { phraseText, type SentenceState } from '../state.ts';
import type { TitleSegment } from '../types.ts';

/** What may come right before a subject: a clause boundary ("…, the UK chancellor predicted", "whether the US president would"). */
const SUBJECT_OPENER_POS = new Set(['PUNCT', 'CCONJ', 'SCONJ']);
const SUBJECT_OPENER_WORDS = new Set(['whether', 'that', 'as', 'while', 'when', 'if', 'because', 'after', 'before', 'although', 'though']);

export function descriptions(st: SentenceState): void {
  st.segs.forEach((seg, s) => seg.kind === 'title' && description(st, s, seg));
}

/** "the UK chancellor predicted": a subject title phrase with a country and no name. */
function description(st: SentenceState, s: number, seg: TitleSegment): void {
  // An office held by one person: not "the Spanish champions", not "the British actor".
  const office = seg.entries.find(isCore);
  if (!office || office.plural || office.kind !== 'office' || office.domain === 'occupation') return;
  const next = st.segs[s + 1];
  // A subject: the verb follows ("the UK chancellor predicted", "the US president would").
  const verb = st.words[seg.to];
  if (!next || next.kind !== 'word' || !(verb.pos === 'VERB' || verb.pos === 'AUX')) return;
  const qualifier = st.segs[s - 1];
  const the = st.segs[s - 2];
  if (qualifier?.kind !== 'entity' || !qualifier.info.country || !(qualifier.info.type === 'nationality' || qualifier.info.type === 'country')) return;
  if (the?.kind !== 'word' || st.words[the.from].lower !== 'the') return;
  const opener = st.words[the.from - 1];
  if (the.from > st.first && opener && !SUBJECT_OPENER_POS.has(opener.pos) && !SUBJECT_OPENER_WORDS.has(opener.lower) && opener.kind !== 'punct') return;
  st.descriptions.push({ start: st.words[seg.from].start, sentence: st.words[seg.from].sentence, country: qualifier.info.country, title: phraseText(st, seg.from, seg.to) });
}
