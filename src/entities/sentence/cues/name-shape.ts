/** The shape of an unknown name itself: a given name first ("Michael Green"), initials ("M. Gatting"), an ampersand ("Douglas & Lomason"), an acronym ("the KDP"), or words that are no English words ("Filippo Veglio"). */
import { nameAt, ordinaryWord } from '../lookup.ts';
import type { NameMention, SentenceState } from '../state.ts';
import type { NameSegment } from '../types.ts';
import { layoutCue, setPerson } from './layout.ts';

/** Three to six capitals, perhaps with full stops: "KDP", "U.N.". */
const ACRONYM = /^(?:[A-Z]{3,6}|(?:[A-Z]\.){2,4})$/;
/** A capitalised compound with a lower-case part: "Ontario-based", "Family-controlled". */
const HYPHENATED_ADJECTIVE = /-\p{Ll}/u;
const DIGIT = /\d/;
/** Initials before a surname: "M.", "J.R.". */
const INITIALS = /^(?:\p{Lu}\.)+$/u;

export function firstName(st: SentenceState, { seg, m }: NameMention): boolean {
  if (m.weak || !givenNameFirst(st, seg)) return false;
  m.type = 'person';
  m.rule = 'first-name';
  return true;
}

export function givenNameFirst(st: SentenceState, seg: NameSegment): boolean {
  if (seg.to - seg.from < 2) return false;
  const first = st.words[seg.from];
  const last = st.words[seg.to - 1];
  if (first.upper || last.upper) return false;
  if (!st.rules.lexicon.isGivenName(first.lower) || st.rules.orgSuffixes.has(last.lower) || st.rules.placeSuffixes.has(last.lower)) return false;
  // "Michael Green": a surname may be an English word after a given name that is none ("Grace Road", "Will Power" are not people).
  return !st.rules.lexicon.isCommonWord(last.lower) || !(st.rules.lexicon.isCommonWord(first.lower) || st.rules.lexicon.isEnglishWord(first.lower));
}

export function ampersand(st: SentenceState, { seg, m }: NameMention): boolean {
  if (!hasAmpersand(st, seg)) return false;
  m.type = 'organization';
  m.rule = 'ampersand';
  m.weak = false;
  m.entry = { name: m.name, country: null };
  return true;
}

/** "Douglas & Lomason": a name with an ampersand. */
function hasAmpersand(st: SentenceState, seg: NameSegment): boolean {
  for (let k = seg.from + 1; k < seg.to - 1; k++) if (st.words[k].text === '&') return true;
  return false;
}

export function initialSurname(st: SentenceState, { seg, m }: NameMention): boolean {
  if (seg.weak || !initialFirst(st, seg)) return false;
  setPerson(m, 'initial-surname');
  return true;
}

/** "M. Gatting", "J.R. Smith": initials before a surname. */
function initialFirst(st: SentenceState, seg: NameSegment): boolean {
  if (seg.to - seg.from < 2 || !INITIALS.test(st.words[seg.from].text)) return false;
  // "U.S. Open", "S. Korean": an abbreviated place, not initials.
  for (let k = seg.from; k < seg.to; k++) if (nameAt(st, k)) return false;
  const last = st.words[seg.to - 1];
  return !last.upper && !st.rules.orgSuffixes.has(last.lower) && !st.rules.placeSuffixes.has(last.lower);
}

export const unknownFullName = layoutCue('unknown-full-name', (st, seg) => !seg.weak && isUnknownFullName(st, seg));
export const acronym = layoutCue('acronym', (st, seg) => !seg.weak && isAcronym(st, seg));

/** Two or three capitalised words, none an English word, an acronym or a head word: "Filippo Veglio". */
function isUnknownFullName(st: SentenceState, seg: NameSegment): boolean {
  const n = seg.to - seg.from;
  if (n < 2 || n > 3) return false;
  for (let k = seg.from; k < seg.to; k++) {
    const w = st.words[k];
    // "Ontario-based Magna": a compound adjective; "Cleveland Indians": a place in the name.
    if (HYPHENATED_ADJECTIVE.test(w.text) || DIGIT.test(w.text) || nameAt(st, k)) return false;
    if (!w.cap || w.upper || ordinaryWord(st, w.lower) || st.rules.orgSuffixes.has(w.lower) || st.rules.placeSuffixes.has(w.lower) || st.rules.titles.hasWord(w.lower)) return false;
  }
  return true;
}

/** An unknown acronym in running text ("the KDP", "NLD supporters"): an organisation's. */
function isAcronym(st: SentenceState, seg: NameSegment): boolean {
  const w = st.words[seg.from];
  return seg.to - seg.from === 1 && ACRONYM.test(w.text) && !ordinaryWord(st, w.lower);
}
