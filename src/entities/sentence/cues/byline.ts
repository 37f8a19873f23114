/** Credit lines ("Editing by NAME", "Write to A and B", a line starting "By"): the names in them are people, part of the byline. */
import type { NameMention, SentenceState } from '../state.ts';
import { listAfter } from './coordination.ts';

/** A byline cue before the name ("Editing by", "Write to", a line starting "By") or after it ("edited this article"). */
export function byline(st: SentenceState, { s, seg, m }: NameMention): boolean {
  if (!bylineCue(st, seg.from, seg.to)) return false;
  m.type = 'person';
  m.rule = 'byline';
  m.byline = true;
  listAfter(st, s, m);
  return true;
}

function bylineCue(st: SentenceState, from: number, to: number): boolean {
  const { bylineBefore, bylineAfter, bylineLineStart } = st.rules;
  if (bylineBefore.endsBefore(st.lowers, from, st.first)) return true;
  const by = st.words[from - 1];
  if (by && from - 1 >= st.first && by.lineStart && bylineLineStart.has(by.lower)) return true;
  return bylineAfter.startsAt(st.lowers, to, st.end);
}
