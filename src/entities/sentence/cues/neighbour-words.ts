/** Common words next to an unknown name that say what it names: "energy giant Areva", "in Kestova", "Tanjug news agency". */
import type { NameMention, SentenceState } from '../state.ts';
import { bracketedAcronym } from './alias.ts';
import { layoutCue } from './layout.ts';
import { givenNameFirst } from './name-shape.ts';

/** "energy giant Areva": a company or group noun right before the name (not before a given name and surname). */
export function orgDescriptor(st: SentenceState, { s, seg, m }: NameMention): boolean {
  const prev = st.segs[s - 1];
  if (!(prev?.kind === 'word' && st.rules.orgDescriptors.has(st.words[prev.from].lower) && !m.weak && !givenNameFirst(st, seg))) return false;
  m.type = 'organization';
  m.rule = st.rules.orgDescriptors.get(st.words[prev.from].lower)!.rule;
  m.entry = { name: m.name, country: null };
  bracketedAcronym(st, { s, m });
  return true;
}

/** "in Kestova", "the town of Kestova". */
export const placeCue = layoutCue('place-cue', (st, seg) => seg.to - seg.from === 1 && st.rules.placeCue.before.endsBefore(st.lowers, seg.from, st.first));

/** "Tanjug news agency", "Cofinec shares", "Liberte newspaper". */
export const orgNounAfter = layoutCue('org-noun-after', (st, seg) => !seg.weak && seg.to < st.end && !st.words[seg.to].cap && st.rules.orgNounsAfter.startsAt(st.lowers, seg.to, st.end));
