/** Another name of an entity just named ("also known as NAME", "Mohammed bin Salman (MBS)"): it is typed like that entity and joins it. */
import { phraseText, type NameMention, type SentenceState } from '../state.ts';
import type { Mention } from '../types.ts';

/** "also known as NAME": the last person named before it. */
export function alias(st: SentenceState, { seg, m }: NameMention): boolean {
  if (!st.rules.aliasCues.endsBefore(st.lowers, seg.from, st.first)) return false;
  const person = st.mentions.slice(0, -1).reverse().find((x) => x.type === 'person');
  if (person) {
    m.type = 'person';
    m.rule = 'alias';
    m.aliasOf = person;
  }
  return true;
}

/** "(MBS)" right after a mention: another mention of the same entity. */
export function bracketedAcronym(st: SentenceState, { s, m }: { s: number; m: Mention }): boolean {
  const open = st.segs[s - 1];
  const close = st.segs[s + 1];
  const prior = st.segs[s - 2];
  if (open?.kind !== 'punct' || st.words[open.from].text !== '(' || close?.kind !== 'punct' || st.words[close.from].text !== ')') return false;
  if (!prior || (prior.kind !== 'name' && prior.kind !== 'entity') || !prior.mention || prior.mention.type === null) return false;
  const text = phraseText(st, m.from, m.to);
  if (!/^[A-Z][A-Z.&-]{1,7}$/.test(text)) return false;
  m.type = prior.mention.type;
  m.rule = 'bracketed-acronym';
  m.aliasOf = prior.mention;
  m.weak = false;
  return true;
}
