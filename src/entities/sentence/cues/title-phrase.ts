/** The title phrase before a name ("the former South Korean President NAME"): it makes the name a person's and gives the role, its sphere and country, and an organisation. */
import { normalise } from '../../../gazetteer/phrase-index.ts';
import { isCore } from '../lookup.ts';
import { attributive, definiteAt, isComma, isFiller, isPronoun, isWord, titleText } from '../phrase-parts.ts';
import { phraseText, type SentenceState } from '../state.ts';
import { direct, type CountryEvidence, type EntitySegment, type Mention, type TitlePhrase, type TitleSegment } from '../types.ts';

/**
 * The title phrase before segment s: "[the|his] [former] [Vietnam's|South Korean|U.S.] [SK Group] Chairman [Sheikh|Mr.] NAME",
 * "head of the ruling Communist Party NAME", "Prime Minister of Kosovo NAME", "the Italian president, NAME".
 */
export function titlePhraseBefore(st: SentenceState, s: number): TitlePhrase | null {
  const segs = st.segs;
  let p = s - 1;
  let spanFrom = segs[s].from;
  let honorific: string | undefined;
  // Courtesy titles and honorifics are part of the mention.
  while (segs[p]?.kind === 'title') {
    const seg = segs[p] as TitleSegment;
    const kind = seg.entries.find(isCore)?.kind;
    if (kind !== 'courtesy' && kind !== 'honorific') break;
    spanFrom = seg.from;
    if (kind === 'honorific') honorific = phraseText(st, seg.from, seg.to);
    p--;
  }
  const courtesy = spanFrom !== segs[s].from;
  const courtesySeg = p + 1;
  const comma = isComma(st, segs[p]);
  if (comma) p--;
  // "head of the ruling Communist Party NAME", "Prime Minister of Kosovo NAME"
  let complement: EntitySegment | null = null;
  const candidate = segs[p];
  if (!comma && candidate?.kind === 'entity' && !attributive(st, candidate.to)) {
    let q = p - 1;
    while (q >= p - 3 && isFiller(st, segs[q])) q--;
    if (isWord(st, segs[q], 'of') && segs[q - 1]?.kind === 'title') {
      complement = candidate;
      p = q - 1;
    }
  }
  // "High Commissioner to Bangladesh NAME": the country is where the envoy serves, not theirs.
  if (!comma && !complement && candidate?.kind === 'entity' && isWord(st, segs[p - 1], 'to') && segs[p - 2]?.kind === 'title') p -= 2;
  const courtesyOnly: TitlePhrase | null = courtesy
    ? { rule: 'title-before', title: honorific ?? null, domain: undefined, country: null, org: null, spanFrom, honorific, plural: false, seg: courtesySeg }
    : null;
  const core = segs[p];
  const coreEntry = core?.kind === 'title' ? core.entries.find(isCore) : undefined;
  if (core?.kind !== 'title' || !coreEntry || coreEntry.kind === 'courtesy' || coreEntry.kind === 'honorific') return courtesyOnly;
  let titleFrom = core.from;
  const titleTo = coreEntry.generic && complement ? complement.to : core.to;
  let country: CountryEvidence | null = null;
  let org: Mention | null = null;
  if (complement?.mention) {
    if (complement.info.type === 'organization') org = complement.mention;
    else if (complement.info.country && complement.info.type !== 'nationality') country = direct(complement.info.country, 'title-before');
  }
  const modifiers: string[] = [];
  let q = p - 1;
  for (; q >= 0; q--) {
    const seg = segs[q];
    if (seg.kind === 'title' && seg.entries.some((e) => e.kind === 'modifier')) {
      // "former", "then-", "deputy" (a modifier before another title); epithets ("late") are skipped.
      if (seg.entries.some((e) => e.kind === 'modifier' && e.inTitle)) modifiers.unshift(phraseText(st, seg.from, seg.to));
      continue;
    }
    if (seg.kind === 'possessive') continue;
    if (seg.kind !== 'entity' || !seg.mention) break;
    const t = seg.info.type;
    const owner = segs[q + 1]?.kind === 'possessive';
    if (t === 'organization' || (t === 'place' && seg.info.country)) {
      // "SK Group Chairman", "White House press secretary", "Samsung's chairman"
      if (org) break;
      org = seg.mention;
      if (!owner && modifiers.length === 0) titleFrom = seg.from;
      continue;
    }
    if (t === 'nationality' || t === 'country' || t === 'city') {
      if (seg.info.country) country ??= direct(seg.info.country, 'title-before');
      continue;
    }
    break;
  }
  // A comma between title and name only after a definite phrase ("the Italian president, NAME"), a family word or a list.
  if (comma && !(coreEntry.kind === 'relation' || coreEntry.plural || org || country || definiteAt(st, q))) return courtesyOnly;
  // A plural role names a list: "Commissioners for Agriculture, A and B", "Presidents A and B" (not "champions England").
  if (coreEntry.plural && !comma && !isWord(st, segs[s + 1], 'and')) return courtesyOnly;
  if (coreEntry.kind === 'relation' && !comma) return courtesyOnly;
  const role = coreEntry.kind === 'relation' || coreEntry.plural ? null : titleText(st, modifiers, titleFrom, titleTo);
  const ownedBy = isPronoun(st, segs[q]) && st.rules.ownedRoles.has(normalise(phraseText(st, core.from, core.to)));
  return {
    rule: 'title-before',
    title: role ?? honorific ?? null,
    domain: coreEntry.kind === 'relation' ? undefined : coreEntry.domain,
    country,
    org,
    spanFrom,
    honorific,
    plural: coreEntry.plural,
    seg: q + 1,
    ownedBy,
    definite: isWord(st, segs[q], 'the'),
    capitalisedOnly: coreEntry.case === 'capitalised',
  };
}
