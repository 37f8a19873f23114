/** Country evidence from around a mention ("Vietnam's NAME", "President Musharraf of Pakistan", "since the late President …", the host of a meeting): a person's country comes only from what the text says. */
import { isCore } from '../lookup.ts';
import { DETERMINERS } from '../phrase-parts.ts';
import type { EntityMention, NameMention, SentenceState } from '../state.ts';
import { direct, EVIDENCE_STRENGTH, type CountryEvidence, type Mention } from '../types.ts';

/** The country or organisation in "<X>'s" right before segment s. */
function possessor(st: SentenceState, s: number): { country: CountryEvidence | null; org: Mention | null } | null {
  const poss = st.segs[s - 1];
  const owner = st.segs[s - 2];
  if (poss?.kind !== 'possessive' || owner?.kind !== 'entity' || !owner.mention) return null;
  if (owner.info.type === 'organization') {
    return { country: owner.info.country ? direct(owner.info.country, 'possessive-country') : null, org: owner.mention };
  }
  if (owner.info.type === 'nationality' || !owner.info.country) return null;
  return { country: direct(owner.info.country, 'possessive-country'), org: null };
}

/** A gazetteer name's own country; an organisation without one may take its possessor's ("Vietnam's Communist Party"). */
export function entityCountry(st: SentenceState, { s, seg, m }: EntityMention): boolean {
  if (seg.info.country) m.evidence.push({ country: seg.info.country, strength: EVIDENCE_STRENGTH.direct, rule: seg.info.rule });
  else if (seg.info.type === 'organization' && !seg.info.settled) {
    const owner = possessor(st, s);
    if (owner?.country) m.evidence.push(owner.country);
  }
  return false;
}

/** "Vietnam's NAME", "Samsung's chairman NAME": the possessor before the name, or before its title phrase. */
export function possessorCountry(st: SentenceState, { s, m, phrase }: NameMention): boolean {
  const owner = possessor(st, phrase ? phrase.seg : s);
  if (owner) {
    if (owner.country) m.evidence.push(owner.country);
    if (owner.org) {
      m.evidence.push({ country: null, org: owner.org, strength: EVIDENCE_STRENGTH.organisation, rule: 'possessive-country' });
      m.domain ??= owner.org.entry?.domain;
    }
  }
  return false;
}

/** "President Musharraf of Pakistan". */
export function nameOfCountry(st: SentenceState, { s, m }: NameMention): boolean {
  if (m.type !== 'person') return false;
  const of = st.segs[s + 1];
  const place = st.segs[s + 2];
  if (of?.kind === 'word' && st.words[of.from].lower === 'of' && place?.kind === 'entity' && place.info.type === 'country' && place.info.country) {
    m.evidence.push(direct(place.info.country, 'name-of-country'));
  }
  return false;
}

/** "the first visit by a Vietnamese party chief since the late President Ho Chi Minh". */
export function sinceComparison(st: SentenceState, { m, phrase }: NameMention): boolean {
  if (!phrase) return false;
  let p = phrase.seg - 1;
  while (p >= 0 && st.segs[p].kind === 'word' && DETERMINERS.has(st.words[st.segs[p].from].lower)) p--;
  const since = st.segs[p];
  if (since?.kind !== 'word' || !st.rules.sinceWords.has(st.words[since.from].lower)) return false;
  for (let q = p - 1; q >= 1; q--) {
    const seg = st.segs[q];
    const nationality = st.segs[q - 1];
    if (seg.kind === 'title' && seg.entries.some(isCore) && nationality.kind === 'entity' && nationality.info.type === 'nationality' && nationality.info.country) {
      m.evidence.push({ country: nationality.info.country, strength: EVIDENCE_STRENGTH.context, rule: 'since-comparison' });
      return false;
    }
  }
  return false;
}

/** "will meet in Jerusalem with Prime Minister Benjamin Netanyahu": a titled host without a country gets the place's. */
export function hostCountry(st: SentenceState): void {
  if (!st.mentions.some((m) => m.type === 'person' && m.evidence.length === 0 && (m.domain === 'government' || m.domain === 'royal'))) return;
  let meetAt = -1;
  for (let i = st.first; i < st.end; i++) {
    if (st.rules.hostLemmas.has(st.words[i].lemma) || st.rules.hostLemmas.has(st.words[i].lower)) {
      meetAt = i;
      break;
    }
  }
  if (meetAt < 0) return;
  const countries = new Set<string>();
  for (const m of st.mentions) {
    if ((m.type === 'city' || m.type === 'country' || m.type === 'place') && m.entry?.country) countries.add(m.entry.country);
  }
  if (countries.size !== 1) return;
  const [country] = countries;
  for (const m of st.mentions) {
    if (m.type === 'person' && m.from > meetAt && (m.domain === 'government' || m.domain === 'royal') && m.evidence.length === 0) {
      m.evidence.push({ country, strength: EVIDENCE_STRENGTH.context, rule: 'host-country' });
    }
  }
}
