/**
 * The tense around a date mention, from the tokens of its sentence (wink POS and lemmas): the
 * nearest tense marker before the mention, else the nearest after it.
 *
 * - future: "will", "shall", "'ll"; expect/plan/schedule/set/due/intend/aim/prepare in the
 *   present ("is expected to visit", "plans to", "they expect the deal to close", "is planned
 *   for"); "is to" + verb ("is to resume trading Tuesday"); "next", "upcoming"; in a headline,
 *   "to" + verb ("Leader to visit Seoul").
 * - past: was/were/had/did; a verb whose form differs from its lemma and does not end in -s or
 *   -ing ("visited", "met", "spoke", "took").
 * - present: is/are/am/does; a verb in -s; "according to".
 * - an infinitive ("to meet") takes the time after its governing verb: future after a future or
 *   present one ("will travel to Italy to meet him on Monday"), no tense after a past one
 *   ("agreed to buy it in January").
 * - no tense, and the search stops there: a modal ("would", "must", "could"), has/have
 *   ("has extended loans through January"), a past plan ("was expected to", "had been scheduled
 *   to", "planned a rally"): the time is relative to another event, so the caller takes the date
 *   closest to the reference.
 * Participles after an auxiliary ("is finalized") are no markers: the auxiliary is. A date after
 * "until", "to", "by", "payable", "effective" … has no tense (DEADLINE_WORDS).
 */
import { sentenceIndexAt, type Doc, type Token } from '../doc.ts';

export type Tense = 'past' | 'present' | 'future' | null;

const FUTURE_AUX = new Set(['will', 'shall', "'ll", 'wo']);
const FUTURE_BEFORE_TO = new Set(['expect', 'plan', 'schedule', 'set', 'due', 'intend', 'aim', 'prepare', 'go', 'poise', 'slate']);
/** These look ahead even without "to": "they expect the deal to close", "we plan a visit". */
const FUTURE_VERBS = new Set(['expect', 'plan', 'intend', 'schedule']);
const FUTURE_WORDS = new Set(['next', 'upcoming', 'forthcoming']);
const PAST_FORMS = new Set(['was', 'were', 'had', 'did']);
const PRESENT_FORMS = new Set(['is', 'are', 'am', "'s", "'re", "'m", 'does', 'do']);
const MODALS = new Set(['would', 'could', 'should', 'must', 'might', 'may', 'can', "'d"]);

/**
 * Words that put a date at the end of a stretch that runs from the time of the verb: "extended
 * the offer to Nov. 20", "was payable Dec. 7", "remain until March 6". The date may lie after the
 * reference date even in a past-tense sentence, so it has no tense: the closest date is taken.
 */
const DEADLINE_WORDS = new Set(['until', 'till', 'through', 'to', 'by', 'payable', 'effective', 'due']);

/** A marker that stops the search without giving a tense. */
const STOP = 'stop';
/** An infinitive: the time of its verb follows the verb that governs it ("will travel to Italy to meet him on Monday"). */
const INFINITIVE = 'infinitive';
type Marker = Tense | typeof STOP | typeof INFINITIVE;

/** The tense token `i` marks, looking only at tokens [first, last) of its sentence. */
function markerOf(tokens: Token[], i: number, headline: boolean, first: number, last: number): Marker {
  const t = tokens[i];
  const text = t.lower;
  const next = i + 1 < last ? tokens[i + 1] : undefined;
  const prev = i > first ? tokens[i - 1] : undefined;
  const nextIsTo = next !== undefined && next.lower === 'to';
  if (FUTURE_WORDS.has(text)) return 'future';
  if (text === 'according' && nextIsTo) return 'present';
  if (t.pos === 'AUX') {
    if (FUTURE_AUX.has(text)) return 'future';
    if (PAST_FORMS.has(text)) return 'past';
    if (PRESENT_FORMS.has(text)) return 'present';
    if (MODALS.has(text) || text === 'has' || text === 'have') return STOP;
    return null;
  }
  if (t.pos !== 'VERB') {
    // An infinitive: "is to resume" is future, "was to resume" a past plan; future in a headline
    // ("Leader to visit Seoul"); else relative to its verb ("agreed to buy").
    if (text === 'to' && (next?.pos === 'VERB' || next?.pos === 'AUX') && !(prev && FUTURE_BEFORE_TO.has(prev.lemma))) {
      if (prev && PRESENT_FORMS.has(prev.lower)) return 'future';
      if (prev && PAST_FORMS.has(prev.lower)) return STOP;
      return headline ? 'future' : INFINITIVE;
    }
    return null;
  }
  // The auxiliaries (and adverbs among them) right before the verb: "had been", "is not".
  let a = i - 1;
  while (a >= first && a >= i - 3 && (tokens[a].pos === 'AUX' || tokens[a].pos === 'ADV' || tokens[a].pos === 'PART')) a--;
  let auxiliaries = 0;
  let pastAuxiliary = false;
  for (let k = a + 1; k < i; k++) {
    if (tokens[k].pos !== 'AUX') continue;
    auxiliaries++;
    pastAuxiliary ||= PAST_FORMS.has(tokens[k].lower);
  }
  const pastForm = text !== t.lemma && !text.endsWith('s') && !text.endsWith('ing');
  if ((FUTURE_BEFORE_TO.has(t.lemma) && nextIsTo) || FUTURE_VERBS.has(t.lemma)) {
    // "is expected to", "plans to", "they expect the deal to close", "is planned for" look ahead;
    // "was expected to", "had been scheduled to", "planned a rally" only from the past.
    const pastPlan = auxiliaries ? pastAuxiliary : pastForm;
    return pastPlan ? STOP : 'future';
  }
  // A participle after an auxiliary takes the auxiliary's tense ("is expected", "has visited").
  if (auxiliaries || text === t.lemma || text.endsWith('ing')) return null;
  return text.endsWith('s') ? 'present' : 'past';
}

/** Returns a function giving the tense at a character offset of `doc.text`; markers are computed once per sentence. */
export function tenseReader(doc: Doc): (offset: number) => Tense {
  const cache = new Map<number, Marker[]>();
  const titleEnd = doc.title !== undefined && doc.text.trimStart().startsWith(doc.title) ? doc.text.indexOf(doc.title) + doc.title.length : -1;
  return (offset: number): Tense => {
    const si = sentenceIndexAt(doc, offset);
    if (si < 0) return null;
    const { firstToken: first, endToken: last } = doc.sentences[si];
    const tokens = doc.tokens;
    let markers = cache.get(si);
    if (!markers) {
      const headline = doc.sentences[si].end <= titleEnd;
      markers = [];
      for (let i = first; i < last; i++) markers.push(markerOf(tokens, i, headline, first, last));
      cache.set(si, markers);
    }
    let at = first;
    while (at < last && tokens[at].end <= offset) at++;
    const before = at - 1 >= first && tokens[at - 1].lower === 'on' ? at - 2 : at - 1;
    if (before >= first && DEADLINE_WORDS.has(tokens[before].lower)) return null;
    // The nearest marker before the date, else after it. An infinitive looks on to its governing
    // verb: after a future or present one it is future; after a past one it has no tense ("agreed
    // to buy it in January" may be before or after the time of writing).
    let infinitive = false;
    for (let i = at - 1; i >= first; i--) {
      const m = markers[i - first];
      if (m === INFINITIVE) infinitive = true;
      else if (m) return m === STOP || (infinitive && m === 'past') ? null : infinitive ? 'future' : m;
    }
    if (infinitive) return null;
    for (let i = at; i < last; i++) {
      const m = markers[i - first];
      if (m) return m === STOP || m === INFINITIVE ? null : m;
    }
    return null;
  };
}
