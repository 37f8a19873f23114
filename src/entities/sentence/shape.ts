/** The shape of the sentence, which decides how it is cut: a line of capitals, a title-case headline, or running text. */
import type { SentenceState } from './state.ts';

/** "LAM VISITED SOUTH KOREA": all capitals; "Summit Planned for Camp David Will Be …": a title-case headline. */
export function sentenceMode(st: SentenceState): 'caps' | 'headline' | 'normal' {
  if (allCapitals(st)) return 'caps';
  // Only an unended sentence can be a headline: the lexicon is asked about its capitals, not every sentence's.
  return unended(st) && ordinaryCapitals(st) ? 'headline' : 'normal';
}

/** A line with no full stop, question or exclamation mark at its end: a title, a heading, a caption. */
export function unended(st: SentenceState): boolean {
  const lastWord = st.words[st.end - 1];
  return !(lastWord.kind === 'punct' && /[.!?]/.test(lastWord.text));
}

/** The sentence has words, and every one is in capitals ("LAM", "U.S.", "I"); the first that is not ends the scan. */
function allCapitals(st: SentenceState): boolean {
  let letters = false;
  for (let i = st.first; i < st.end; i++) {
    const w = st.words[i];
    if (w.kind !== 'alpha') continue;
    if (!(w.upper || (w.cap && w.text.length === 1))) return false;
    letters = true;
  }
  return letters;
}

/** At least two of the long capitalised words, and at least half of them, are ordinary words ("Planned", "Will"). */
function ordinaryCapitals(st: SentenceState): boolean {
  let capital = 0;
  let ordinaryCapital = 0;
  for (let i = st.first; i < st.end; i++) {
    const w = st.words[i];
    if (w.kind !== 'alpha' || !w.cap || w.text.length < 4) continue;
    capital++;
    if (!w.sentenceStart && st.rules.lexicon.isCommonWord(w.lower) && !st.rules.titles.hasWord(w.lower)) ordinaryCapital++;
  }
  return ordinaryCapital >= 2 && ordinaryCapital * 2 >= capital;
}
