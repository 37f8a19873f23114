/** A name's title phrase, before it or in apposition after it: found first, since it decides where the mention starts and that it is a person's. */
import { newMention, type NameMention, type SentenceState } from '../state.ts';
import { EVIDENCE_STRENGTH, type NameSegment } from '../types.ts';
import { apposition } from './apposition.ts';
import { listAfter } from './coordination.ts';
import { titlePhraseBefore } from './title-phrase.ts';

/** The mention of name segment s, spanning a courtesy title or honorific before it, with the title phrase found around it. */
export function nameMention(st: SentenceState, s: number, seg: NameSegment, headline: boolean): NameMention {
  // "7:15 PM CDT", "counterpart CNNC", "on Monday, Gen …": an acronym or a day is nobody's name.
  const single = seg.to - seg.from === 1 ? st.words[seg.from] : null;
  const acronym = single?.upper === true;
  const titled = acronym ? null : titlePhraseBefore(st, s);
  // "the General Election", "General Electric": after "the", or after a capitalised-only title, one word is a thing's name.
  const thing = single !== null && (titled?.definite || (titled?.capitalisedOnly && st.rules.lexicon.isCommonWord(single.lower)));
  const before = thing ? null : titled;
  // A courtesy title alone ("Mr Rahman, Bangladesh's prime minister") leaves the role to an apposition.
  const after = before?.domain || acronym || seg.weak || (single && st.rules.notNames.has(single.lower)) ? null : apposition(st, s);
  let from = seg.from;
  if (after && !before && seg.lead !== undefined && st.words[seg.lead].text.length <= 3) from = seg.lead;
  const phrase = before && after ? { ...after, spanFrom: before.spanFrom, honorific: before.honorific } : (before ?? after);
  const m = newMention(st, from, seg.to, null, '', Math.min(phrase?.spanFrom ?? from, from));
  seg.mention = m;
  m.weak = seg.weak && !before;
  return { s, seg, m, phrase, headline };
}

/** The title phrase types the name a person's, with its role, sphere, country and organisation. */
export function titlePhrase(st: SentenceState, { s, m, phrase }: NameMention): boolean {
  if (!phrase) return false;
  m.type = 'person';
  m.rule = phrase.rule;
  if (phrase.title) m.titles.push(phrase.title);
  m.domain = phrase.domain;
  m.honorific = phrase.honorific;
  if (phrase.country) m.evidence.push(phrase.country);
  if (phrase.org) {
    m.evidence.push({ country: null, org: phrase.org, strength: EVIDENCE_STRENGTH.organisation, rule: m.rule });
    m.domain ??= phrase.org.entry?.domain;
  }
  m.ownedBy = phrase.ownedBy === true;
  if (phrase.plural) listAfter(st, s, m);
  return false;
}
