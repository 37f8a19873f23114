/**
 * Unknown names typed by where they stand, the layout of news pages (results lines, scorecards, venues)
 * or their shape: what a layout cue that fits does to the name. The cues themselves are in results.ts,
 * name-shape.ts and neighbour-words.ts.
 */
import { ordinaryWord } from '../lookup.ts';
import { phraseText, type NameCue, type SentenceState } from '../state.ts';
import type { Mention, NameSegment } from '../types.ts';

export type LayoutRule = 'score-line' | 'unknown-full-name' | 'team-cue' | 'acronym' | 'venue' | 'place-cue' | 'org-noun-after';

/** Types a name found by its layout as a person. */
export function setPerson(m: Mention, rule: string): void {
  m.type = 'person';
  m.rule = rule;
  m.weak = false;
}

/** A month or a weekday ("May", "Sunday"): no layout cue after this one types it. */
export function notName(st: SentenceState, { seg }: { seg: NameSegment }): boolean {
  return st.rules.notNames.has(st.lowers[seg.from]);
}

/**
 * A results line, a cue or the shape of the name types it (or gives a guess), but never an ordinary
 * word alone: "Sales 1,234 1,100" in a table of results, "against The …". The lexicon is asked only
 * once a cue fits; the first cue that fits ends the typing, whether it types the name or not.
 */
export function layoutCue(rule: LayoutRule, fits: (st: SentenceState, seg: NameSegment) => boolean): NameCue {
  return (st, { seg, m }) => {
    if (!fits(st, seg)) return false;
    if (!(seg.to - seg.from === 1 && ordinaryWord(st, st.lowers[seg.from]))) typeByLayout(st, seg, m, rule);
    return true;
  };
}

function typeByLayout(st: SentenceState, seg: NameSegment, m: Mention, rule: LayoutRule): void {
  if (rule === 'unknown-full-name') setPerson(m, rule);
  else if (rule === 'venue') m.guess = { type: 'place', rule: st.rules.venueRule };
  else if (rule === 'place-cue') m.guess = { type: 'place', rule: st.rules.placeCue.rule };
  else m.guess = { type: 'organization', rule };
  if (rule !== 'score-line') return;
  // "Mladost ( BJ ) 4 2 1 1": the bracketed town letters tell namesake clubs apart and belong to the name.
  const close = seg.to + 2;
  if (st.words[seg.to]?.text === '(' && st.words[close]?.text === ')' && close < st.end && /^\p{Lu}{1,3}$/u.test(st.words[seg.to + 1].text)) {
    m.end = st.words[close].end;
    m.name = phraseText(st, seg.from, close + 1);
  }
}
