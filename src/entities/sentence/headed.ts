/** Organisation and place names built on a head word ("SK Group", "Ministry of Trade", "Vietnamese Embassy in Seoul"), with the country their words give. */
import type { EntityType } from '../../schema.ts';
import { countryWithin, nameAt, titleBreaks } from './lookup.ts';
import { phraseText, type SentenceState } from './state.ts';
import type { EntityInfo } from './types.ts';

/** "Ministry of Trade, Industry and Energy", "Palace of Versailles": a head word, "of"/"for", a capitalised name. */
export function ofPhrase(st: SentenceState, i: number, j: number): number | null {
  const head = st.words[j - 1];
  const orgHead = st.rules.orgOfHeads.get(head.lower);
  const placeHead = st.rules.placeOfHeads.get(head.lower);
  const link = st.words[j];
  if (!(orgHead || placeHead) || !link || j >= st.end || !(link.lower === 'of' || (orgHead && link.lower === 'for'))) return null;
  let k = j + 1;
  if (st.words[k]?.lower === 'the' && k < st.end) k++;
  const capitalised = (at: number) => {
    let e = at;
    while (e < st.end && st.words[e].kind === 'alpha' && st.words[e].cap && !(e > at && titleBreaks(st, at, e))) e++;
    return e;
  };
  let to = capitalised(k);
  if (to === k) return null;
  if (orgHead) {
    // A list of portfolios: ", Industry and Energy".
    let e = to;
    while (st.words[e]?.text === ',' && e + 1 < st.end && st.words[e + 1].cap && !nameAt(st, e + 1)) e = capitalised(e + 1);
    if (st.words[e]?.lower === 'and' && e + 1 < st.end && st.words[e + 1].cap && !nameAt(st, e + 1)) to = capitalised(e + 1);
  }
  const inner = countryWithin(st, k, to);
  const rule = orgHead ? orgHead.rule : placeHead!.rule;
  const type: EntityType = orgHead ? 'organization' : 'place';
  pushHeaded(st, i, j - 1, to, { type, name: '', country: inner, rule, domain: orgHead ? 'government' : undefined }, false);
  return to;
}

/** "Vietnamese Embassy in Seoul": a building in a city is a place in that city's country. */
export function locatedIn(st: SentenceState, i: number, j: number): number | null {
  const cue = st.rules.orgSuffixes.get(st.words[j - 1].lower);
  if (!cue?.locatedIn || st.words[j]?.lower !== 'in' || j + 1 >= st.end) return null;
  const place = nameAt(st, j + 1);
  if (!place || place.entry.type === 'nationality' || place.entry.type === 'organization') return null;
  pushHeaded(st, i, j - 1, place.to, { type: 'place', name: '', country: place.entry.country, rule: cue.rule, domain: cue.domain }, true);
  return place.to;
}

/**
 * A run ending in (or containing) an organisation or place head word: "SK Group", "Communist Party Nong Duc Manh".
 * Pushes the name and returns where it ends (the rest of the run is read after it), or null.
 */
export function headWord(st: SentenceState, i: number, j: number): number | null {
  for (let k = j - 1; k >= i; k--) {
    const org = st.rules.orgSuffixes.get(st.words[k].lower);
    const place = st.rules.placeSuffixes.get(st.words[k].lower);
    if (!org && !place) continue;
    // Legal suffixes and further heads after the head belong to it: "Samsung Electronics Co."
    let to = k + 1;
    while (to < j && st.rules.orgSuffixes.has(st.words[to].lower)) to++;
    const legal = st.rules.orgSuffixes.get(st.words[k].lower)?.legal;
    let head = k;
    if (legal) while (head > i && st.rules.orgSuffixes.get(st.words[head].lower)?.legal) head--;
    if (head === i && !nameAt(st, i)) return null;
    // "Communist Party Nong Duc Manh" splits after the head; "Consumer Electronics Show" is one name.
    if (to < j && st.rules.lexicon.isCommonWord(st.words[to].lower)) return null;
    const info: EntityInfo = org
      ? { type: 'organization', name: '', country: countryWithin(st, i, head), rule: org.rule, domain: org.domain }
      : { type: 'place', name: '', country: countryWithin(st, i, head), rule: place!.rule };
    pushHeaded(st, i, head, to, info, org?.keepNationality ?? false);
    return to;
  }
  return null;
}

/** Pushes an organisation or place [i, to) with head word at `head`, peeling a leading demonym off as its country. */
function pushHeaded(st: SentenceState, i: number, head: number, to: number, info: EntityInfo, keepNationality: boolean): void {
  let from = i;
  const lead = nameAt(st, i);
  // "Vietnamese Communist Party" is the Communist Party of Vietnam; "Scottish Parliament" keeps its demonym.
  if (lead && lead.entry.type === 'nationality' && lead.to < head && !keepNationality) {
    st.segs.push({ kind: 'entity', from: i, to: lead.to, info: lead.entry });
    from = lead.to;
  }
  // A known group at the start gives its country and sphere ("SK Group").
  const group = (from === i ? lead : nameAt(st, from))?.entry;
  const fromGroup = group?.type === 'organization' ? group : null;
  const country = info.country ?? fromGroup?.country ?? (lead && lead.to <= head ? lead.entry.country : null);
  st.segs.push({ kind: 'entity', from, to, info: { ...info, country, domain: fromGroup?.domain ?? info.domain, name: canonicalOrgName(st, from, to) } });
}

/** The name without a legal suffix: "Samsung Electronics Co." is "Samsung Electronics". */
function canonicalOrgName(st: SentenceState, from: number, to: number): string {
  let end = to;
  while (end - 1 > from && st.rules.orgSuffixes.get(st.words[end - 1].lower)?.legal) end--;
  return phraseText(st, from, end);
}
