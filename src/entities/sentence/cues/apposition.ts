/** The apposition after a name ("NAME, Bangladesh's prime minister"): like a title before it, it makes the name a person's and gives the role, country and organisation. */
import { isCore, isPersonTitle } from '../lookup.ts';
import { attributive, DETERMINERS, isWord, titleText } from '../phrase-parts.ts';
import { phraseText, type SentenceState } from '../state.ts';
import { direct, type CountryEvidence, type Mention, type TitlePhrase } from '../types.ts';

/** "NAME, [the|a] [Bangladesh's|Vietnamese] [former] title [of [Vietnam's] Communist Party]". */
export function apposition(st: SentenceState, s: number): TitlePhrase | null {
  const segs = st.segs;
  const comma = segs[s + 1];
  if (comma?.kind !== 'punct' || st.words[comma.from].text !== ',') return null;
  let p = s + 2;
  let country: CountryEvidence | null = null;
  let org: Mention | null = null;
  const modifiers: string[] = [];
  if (segs[p]?.kind === 'word' && DETERMINERS.has(st.words[segs[p].from].lower)) p++;
  for (; p < segs.length; p++) {
    const seg = segs[p];
    if (seg.kind === 'entity') {
      const t = seg.info.type;
      if ((t === 'country' || t === 'city') && segs[p + 1]?.kind === 'possessive' && seg.info.country) {
        country = direct(seg.info.country, 'apposition');
        p++;
        continue;
      }
      if (t === 'nationality') {
        if (seg.info.country) country = direct(seg.info.country, 'apposition');
        continue;
      }
      if (t === 'organization' && seg.mention) {
        org = seg.mention;
        continue;
      }
      return null;
    }
    if (seg.kind === 'title' && !seg.entries.some(isCore)) {
      if (seg.entries.some((e) => e.inTitle)) modifiers.push(phraseText(st, seg.from, seg.to));
      continue;
    }
    break;
  }
  const core = segs[p];
  if (core?.kind !== 'title' || !isPersonTitle(core)) return null;
  const coreEntry = core.entries.find(isCore)!;
  if (coreEntry.kind === 'courtesy' || coreEntry.kind === 'honorific' || coreEntry.plural || segs[p + 1]?.kind === 'name') return null;
  let titleTo = core.to;
  let after = p + 1;
  // "… of [the] [Vietnam's] Communist Party"; "… to Bangladesh" (where an envoy serves)
  const link = segs[p + 1];
  if (isWord(st, link, 'of') || isWord(st, link, 'to')) {
    let q = p + 2;
    if (isWord(st, segs[q], 'the')) q++;
    const owner = segs[q];
    if (owner?.kind === 'entity' && owner.info.country && segs[q + 1]?.kind === 'possessive' && owner.info.type !== 'organization') {
      country ??= direct(owner.info.country, 'apposition');
      q += 2;
    }
    const target = segs[q];
    if (target?.kind === 'entity' && target.mention && !attributive(st, target.to)) {
      after = q + 1;
      if (isWord(st, link, 'of')) {
        if (target.info.type === 'organization') org ??= target.mention;
        else if (target.info.country && target.info.type !== 'nationality') country ??= direct(target.info.country, 'apposition');
        if (coreEntry.generic) titleTo = target.to;
      }
    }
  }
  // "A, Indian High Commissioner to Bangladesh B": a list of titled names, not an apposition.
  if (segs[after]?.kind === 'name') return null;
  return {
    rule: 'apposition',
    title: coreEntry.kind === 'relation' ? null : titleText(st, modifiers, core.from, titleTo),
    domain: coreEntry.domain,
    country,
    org,
    spanFrom: segs[s].from,
    plural: false,
    seg: s,
  };
}
