/** A name's title phrase, before it or in apposition after it: found first, since it decides where the mention starts and that it is a person's. */
import { newMention, type NameMention, type SentenceState } from '../state.ts';
import { EVIDENCE_STRENGTH, type NameSegment } from '../types.ts';
import { apposition } from './apposition.ts';
import { listAfter } from './coordination.ts';
import { titlePhraseBefore } from './title-phrase.ts';
import { unended } from '../shape.ts';

/** A word of the common vocabulary, and no given name ("Travels", "Visit"; not "Rose"). */
function ordinaryWord(st: SentenceState, lower: string): boolean {
  const { lexicon } = st.rules;
  return (lexicon.isCommonWord(lower) || lexicon.isEnglishWord(lower)) && !lexicon.isGivenName(lower);
}

/** A hyphenated word with a lower-case part, all of whose parts are ordinary words ("State-visit", "Anti-war"). */
function ordinaryCompound(st: SentenceState, text: string): boolean {
  const parts = text.split('-');
  return parts.length > 1 && parts.slice(1).some((p) => /^\p{Ll}/u.test(p)) && parts.every((p) => ordinaryWord(st, p.toLowerCase()));
}

/** The mention of name segment s, spanning a courtesy title or honorific before it, with the title phrase found around it. */
export function nameMention(st: SentenceState, s: number, seg: NameSegment, headline: boolean): NameMention {
  // "7:15 PM CDT", "counterpart CNNC", "on Monday, Gen …": an acronym or a day is nobody's name.
  const single = seg.to - seg.from === 1 ? st.words[seg.from] : null;
  const acronym = single?.upper === true;
  const titled = acronym ? null : titlePhraseBefore(st, s);
  // "the General Election", "General Electric": after "the", or after a capitalised-only title, one word is a thing's name;
  // so is an ordinary word an unended line (a title) capitalises ("Foreign Minister Travels to …") and a compound of ordinary words ("official State-visit").
  const thing =
    single !== null &&
    (titled?.definite ||
      (titled?.capitalisedOnly && st.rules.lexicon.isCommonWord(single.lower)) ||
      (titled && (ordinaryCompound(st, single.text) || (unended(st) && ordinaryWord(st, single.lower)))));
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
