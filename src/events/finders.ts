/**
 * Argument finders: given a trigger's token range inside a sentence, find the
 * visitor, the host and the destination. Rule files name which finders a
 * trigger uses and in what order; each finder is a small, local search.
 */
import type { Doc, Token } from '../doc.ts';
import type { CompiledVisitRules } from './rules.ts';
import { isPerson, isPlace, type DateRef, type MentionIndex, type MentionRef } from './mentions.ts';

export interface FinderContext {
  doc: Doc;
  rules: CompiledVisitRules;
  index: MentionIndex;
  /** Token range of the sentence. */
  sentenceStart: number;
  sentenceEnd: number;
  /** The person the article's last visit was about: what "he", "she", "his" most often refer to in news. */
  topic: MentionRef | null;
}

/** Someone acting for a country: a named person, or a phrase such as "a Vietnamese leader". */
export interface Actor {
  /** Named people, in text order ("A, B and C visited …" gives three); empty for an unnamed actor. */
  people: MentionRef[];
  /** The nationality or country that stands for an unnamed actor. */
  country: string | null;
  /** An unnamed actor in the singular with "the" ("the Ukrainian president"): one known person, not any official. */
  definite?: boolean;
  /** The title of a definite actor named by its title alone ("the President's trip"): the article's holder of it. */
  title?: string;
  /** Token range of the actor phrase. */
  start: number;
  end: number;
}

const isPossessive = (t: Token | undefined) => t !== undefined && (t.lower === "'s" || t.lower === "'");
const isClauseBreak = (t: Token) => t.text === ';' || t.text === ':' || t.text === '(' || t.text === ')';
const PRONOUNS = new Set(['he', 'she']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her']);

/** All persons joined to `first` by commas and "and" ("A, B and C visited …"), scanning left. */
function coordinatedLeft(ctx: FinderContext, first: MentionRef): MentionRef[] {
  const people = [first];
  let i = first.start - 1;
  let sawJoiner = false;
  while (i >= ctx.sentenceStart) {
    const t = ctx.doc.tokens[i];
    const m = ctx.index.covering.get(i);
    if (m && isPerson(m)) {
      if (!sawJoiner) break;
      people.unshift(m);
      i = m.start - 1;
      sawJoiner = false;
      continue;
    }
    const l = t.lower;
    if (l === ',' || l === 'and' || l === '&') sawJoiner = true;
    else if (!(m || /^[A-Z]/.test(t.text) || isPossessive(t))) break;
    i--;
  }
  return people;
}

/** An unnamed actor phrase starting at token i: nationality or "Country's" + up to 3 modifiers + an actor noun. */
function unnamedActorAt(ctx: FinderContext, m: MentionRef, limit: number): Actor | null {
  if (m.entity.type !== 'nationality' && m.entity.type !== 'country') return null;
  if (m.entity.country === null) return null;
  let j = m.end;
  // "Vietnam's top leader", and a country as a modifier: "the top US diplomat".
  if (m.entity.type === 'country' && isPossessive(ctx.doc.tokens[j])) j++;
  let d = m.start - 1;
  while (d >= ctx.sentenceStart && ctx.doc.tokens[d].pos === 'ADJ') d--;
  const withThe = d >= ctx.sentenceStart && ctx.doc.tokens[d].lower === 'the';
  for (let k = j; k < Math.min(limit, j + 4); k++) {
    const t = ctx.doc.tokens[k];
    if (ctx.rules.actorNouns.has(t.lower)) {
      const singular = !/[^s]s$/.test(t.lower);
      return { people: [], country: m.entity.country, start: withThe ? d : m.start, end: k + 1, definite: withThe && singular };
    }
    if (t.pos === 'VERB' || t.pos === 'ADP' || t.pos === 'PUNCT') return null;
  }
  return null;
}

/** What "he", "she" or "his" refers to: the current visitor, else the last person mentioned before. */
function previousPerson(ctx: FinderContext, before: number): MentionRef | null {
  if (ctx.topic && ctx.topic.start < before) return ctx.topic;
  for (let i = ctx.index.mentions.length - 1; i >= 0; i--) {
    const m = ctx.index.mentions[i];
    if (m.start < before && isPerson(m)) return m;
  }
  return null;
}

/**
 * Whether the mention is the object of a preposition ("talks with President Lee",
 * "according to Kim"): looking left past titles, names of countries and determiners.
 */
function inPrepositionalPhrase(ctx: FinderContext, m: MentionRef): boolean {
  for (let i = m.start - 1; i >= ctx.sentenceStart && i >= m.start - 5; i--) {
    const t = ctx.doc.tokens[i];
    // "of" between capitalised words belongs to a title: "Secretary of State Mike Pompeo".
    const inTitle = t.lower === 'of' && i > 0 && /^[A-Z]/.test(ctx.doc.tokens[i - 1].text) && /^[A-Z]/.test(ctx.doc.tokens[i + 1].text);
    if (t.pos === 'ADP' && !inTitle) return true;
    if (!(inTitle || ctx.index.covering.has(i) || t.pos === 'DET' || t.pos === 'ADJ' || isPossessive(t) || /^[A-Z]/.test(t.text))) return false;
  }
  return false;
}

/** Reporting verbs that name a quote's speaker after it. */
const SPEECH = new Set(['say', 'tell', 'add', 'write', 'announce', 'declare', 'note']);

/** The speaker named right after the quote the trigger is in: '…," he told reporters', '…," Erdogan said'. */
function speakerAfter(ctx: FinderContext, from: number): Actor | null {
  const tokens = ctx.doc.tokens;
  for (let i = from; i < ctx.sentenceEnd - 1; i++) {
    if (!/^["”»]$|^''$/.test(tokens[i].text)) continue;
    for (let j = i + 1; j < Math.min(ctx.sentenceEnd, i + 5); j++) {
      const m = ctx.index.covering.get(j);
      const said = tokens.slice(j, j + 4).some((w) => w.pos === 'VERB' && SPEECH.has(w.lemma));
      if (m && isPerson(m) && said) return { people: [m], country: null, start: m.start, end: m.end };
      if (PRONOUNS.has(tokens[j].lower) && said) {
        const p = previousPerson(ctx, j);
        return p ? { people: [p], country: null, start: j, end: j + 1 } : null;
      }
    }
    return null;
  }
  return null;
}

/** "a delegation led by X", "headed by X". */
const LEADS = new Set(['led', 'headed']);

/** Whether the person follows "led by" or "headed by", titles between ("headed by President X"). */
function ledBy(ctx: FinderContext, m: MentionRef): boolean {
  let i = m.start - 1;
  while (i > ctx.sentenceStart && i >= m.start - 4 && /^\p{Lu}/u.test(ctx.doc.tokens[i].text)) i--;
  return i > ctx.sentenceStart && ctx.doc.tokens[i].lower === 'by' && LEADS.has(ctx.doc.tokens[i - 1].lower);
}

/** "His Majesty", "Her Excellency": how news names the person the article is about. */
const HONORIFIC_NOUNS = new Set(['majesty', 'excellency', 'holiness', 'highness']);

/** Nearest actor before the trigger in the sentence, not inside a prepositional phrase. */
export function subject(ctx: FinderContext, triggerStart: number): Actor | null {
  for (let i = triggerStart - 1; i >= ctx.sentenceStart; i--) {
    const t = ctx.doc.tokens[i];
    // A bracketed aside after a name is skipped: "Premier Li Keqiang (L back) and …".
    if (t.text === ')') {
      let j = i - 1;
      while (j >= ctx.sentenceStart && ctx.doc.tokens[j].text !== '(' && i - j < 8) j--;
      if (j >= ctx.sentenceStart && ctx.doc.tokens[j].text === '(') {
        i = j;
        continue;
      }
    }
    if (isClauseBreak(t)) break;
    if (HONORIFIC_NOUNS.has(t.lower) && i > ctx.sentenceStart && POSSESSIVE_PRONOUNS.has(ctx.doc.tokens[i - 1].lower)) {
      const p = previousPerson(ctx, i - 1);
      return p ? { people: [p], country: null, start: i - 1, end: i + 1 } : null;
    }
    const m = ctx.index.covering.get(i);
    // "a Ghanaian delegation, headed by President X, will …": the one who leads it is the visitor.
    if (m && isPerson(m) && ledBy(ctx, m)) return { people: [m], country: null, start: m.start, end: m.end };
    if (m && isPerson(m) && inPrepositionalPhrase(ctx, m)) {
      i = m.start;
      continue;
    }
    if (m && isPerson(m)) {
      const people = coordinatedLeft(ctx, m);
      return { people, country: null, start: people[0].start, end: m.end };
    }
    if (m && m.start === i) {
      const unnamed = unnamedActorAt(ctx, m, triggerStart);
      if (unnamed) return unnamed;
    }
    if (PRONOUNS.has(t.lower) && triggerStart - i <= 8) {
      const p = previousPerson(ctx, i);
      return p ? { people: [p], country: null, start: i, end: i + 1 } : null;
    }
    // '"We will travel to Qatar," he told reporters': the speaker of a quote is its "I" and "we"
    // (a speaker named before the quote is found by going on to the left: 'Merkel said "I will visit …"').
    if ((t.lower === 'i' || t.lower === 'we') && triggerStart - i <= 12) {
      const speaker = speakerAfter(ctx, triggerStart);
      if (speaker) return speaker;
    }
  }
  return null;
}

/** "Lam's trip", "Kim Jong Un's first official visit". */
export function possessor(ctx: FinderContext, triggerStart: number): Actor | null {
  for (let i = triggerStart - 1; i >= Math.max(ctx.sentenceStart, triggerStart - 5); i--) {
    const t = ctx.doc.tokens[i];
    if (POSSESSIVE_PRONOUNS.has(t.lower)) {
      const p = previousPerson(ctx, i);
      return p ? { people: [p], country: null, start: i, end: i + 1 } : null;
    }
    if (isPossessive(t)) {
      const m = ctx.index.covering.get(i - 1);
      if (m && isPerson(m)) return { people: [m], country: null, start: m.start, end: i + 1 };
      if (m) return unnamedActorAt(ctx, m, triggerStart + 1) ?? null;
      // "the President's trip", "the Crown Prince's visit": the one the article calls so.
      const noun = ctx.doc.tokens[i - 1];
      let k = i - 1;
      while (k > ctx.sentenceStart && k > i - 4 && /^\p{Lu}/u.test(ctx.doc.tokens[k].text)) k--;
      if (k < i - 1 && ctx.doc.tokens[k].lower === 'the' && ctx.rules.actorNouns.has(noun.lower)) {
        const title = ctx.doc.tokens.slice(k + 1, i).map((w) => w.lower).join(' ');
        return { people: [], country: null, definite: true, title, start: k, end: i + 1 };
      }
      return null;
    }
    // Participles used as adjectives stay inside the phrase: "Pompeo's planned visit".
    if ((t.pos === 'VERB' && !/ed$/.test(t.lower)) || t.pos === 'ADP' || t.pos === 'PUNCT') return null;
  }
  return null;
}

/** The actor right after position `from`, with only determiners, titles and modifiers between. */
function actorAfter(ctx: FinderContext, from: number, maxGap: number): Actor | null {
  for (let i = from; i < Math.min(ctx.sentenceEnd, from + maxGap + 1); i++) {
    const m = ctx.index.startingAt.get(i);
    if (m && isPerson(m)) return withCoordinatedPeople(ctx, { people: [m], country: null, start: m.start, end: m.end });
    if (m) {
      if (m.entity.type !== 'nationality' && m.entity.type !== 'country') return null;
      // "South Korean President Lee", "North Korea's leader Kim Jong Un": the named person wins.
      const named = personAfterModifiers(ctx, m.end);
      if (named) return withCoordinatedPeople(ctx, { people: [named], country: null, start: m.start, end: named.end });
      const unnamed = unnamedActorAt(ctx, m, ctx.sentenceEnd);
      if (unnamed) return unnamed;
      i = m.end - 1;
      continue;
    }
    const t = ctx.doc.tokens[i];
    if (t.pos === 'VERB' || (t.pos === 'ADP' && t.lower !== 'of') || isClauseBreak(t) || t.text === ',') return null;
  }
  return null;
}

/** A person named right after `from`, past a possessive and title words ("'s leader", "President", "Crown Prince"). */
function personAfterModifiers(ctx: FinderContext, from: number): MentionRef | null {
  for (let i = from; i < Math.min(ctx.sentenceEnd, from + 5); i++) {
    const m = ctx.index.startingAt.get(i);
    if (m) return isPerson(m) ? m : null;
    const t = ctx.doc.tokens[i];
    if (!(isPossessive(t) || ctx.rules.actorNouns.has(t.lower) || /^[A-Z]/.test(t.text) || t.pos === 'ADJ')) return null;
  }
  return null;
}

/** "King Salman and Crown Prince Mohammed bin Salman": people joined by "and" or commas, titles between. */
function withCoordinatedPeople(ctx: FinderContext, actor: Actor): Actor {
  let i = actor.end;
  let joined = false;
  while (i < Math.min(ctx.sentenceEnd, actor.end + 8)) {
    const t = ctx.doc.tokens[i];
    const m = ctx.index.startingAt.get(i);
    if (m && isPerson(m) && joined) {
      actor.people.push(m);
      actor.end = m.end;
      i = m.end;
      joined = false;
      continue;
    }
    if (t.lower === 'and' || t.lower === ',') joined = true;
    else if (!(joined && (m || /^[A-Z]/.test(t.text) || isPossessive(t)))) break;
    i = m ? m.end : i + 1;
  }
  return actor;
}

/** "a visit to Korea by a Vietnamese leader", "the visit of the Ukrainian President", "hosted by President Lee". */
export function agent(ctx: FinderContext, triggerEnd: number): Actor | null {
  for (let i = triggerEnd - 1; i < Math.min(ctx.sentenceEnd, triggerEnd + 8); i++) {
    const t = ctx.doc.tokens[i];
    if (t.lower === 'by' || ((t.lower === 'of' || t.lower === 'from') && i === triggerEnd)) return actorAfter(ctx, i + 1, 4);
    if (i >= triggerEnd && (t.pos === 'VERB' || isClauseBreak(t))) return null;
  }
  return null;
}

/** "Paraguay is preparing to welcome …", "Japan will host …": a country or city as the host, verbs and auxiliaries between. */
export function hostPlace(ctx: FinderContext, triggerStart: number): Actor | null {
  for (let i = triggerStart - 1; i >= Math.max(ctx.sentenceStart, triggerStart - 6); i--) {
    const m = ctx.index.covering.get(i);
    if (m && isPlace(m)) return m.entity.country ? { people: [], country: m.entity.country, start: m.start, end: m.end } : null;
    const t = ctx.doc.tokens[i];
    if (!(t.pos === 'AUX' || t.pos === 'VERB' || t.pos === 'PART' || t.pos === 'ADV' || t.lower === 'to')) return null;
  }
  return null;
}

export function object(ctx: FinderContext, triggerEnd: number): Actor | null {
  return actorAfter(ctx, triggerEnd, 4);
}

/** "during a visit to Portugal, the Emirates announced …": the person the article's visits are about. */
export function topic(ctx: FinderContext, triggerStart: number): Actor | null {
  const p = previousPerson(ctx, triggerStart);
  return p ? { people: [p], country: null, start: triggerStart, end: triggerStart } : null;
}

/** "the first visit … since President Ho Chi Minh": the person right after "since". */
export function since(ctx: FinderContext, triggerEnd: number): Actor | null {
  // The pattern ends on the first word after "since".
  return actorAfter(ctx, triggerEnd - 1, 4);
}

export interface PlaceRef {
  mention: MentionRef | null;
  country: string;
  /** Token range of the place phrase. */
  start: number;
  end: number;
  /** In a list, the date that follows this place alone ("Bhutan in June, Brazil in July"). */
  when?: DateRef;
}

function placeOf(m: MentionRef): PlaceRef | null {
  return m.entity.country ? { mention: m, country: m.entity.country, start: m.start, end: m.end } : null;
}

/** Words between a preposition and a place name that do not change the place: "in the Kenyan capital Nairobi". */
const PLACE_NOUNS = new Set(['capital', 'city', 'town', 'port', 'province', 'region', 'state', 'island', 'village']);

/** A place starting within `gap` tokens of `from`, with only determiners, adjectives, nationalities and place nouns between. */
function placeAfter(ctx: FinderContext, from: number, gap: number): PlaceRef | null {
  for (let i = from; i < Math.min(ctx.sentenceEnd, from + gap + 1); i++) {
    const m = ctx.index.startingAt.get(i);
    if (m && isPlace(m)) return placeOf(m);
    if (m && m.entity.type === 'nationality') {
      gap += m.end - m.start;
      i = m.end - 1;
      continue;
    }
    const t = ctx.doc.tokens[i];
    if (!(t.pos === 'DET' || t.pos === 'ADJ' || PLACE_NOUNS.has(t.lower))) return null;
  }
  return null;
}

/**
 * The place at `first` and every place coordinated with it: "Vanuatu and Fiji",
 * "Poland, the G20 summit in Germany, and Bastille Day celebrations in France".
 */
function withCoordinated(ctx: FinderContext, first: PlaceRef | null): PlaceRef[] {
  if (!first) return [];
  const places = [first];
  let i = afterListFiller(ctx, first);
  while (i < ctx.sentenceEnd && /^(,|and|&|then)$/.test(ctx.doc.tokens[i].lower)) {
    let next: PlaceRef | null = null;
    for (let j = i + 1; j < Math.min(ctx.sentenceEnd, i + 10); j++) {
      const m = ctx.index.startingAt.get(j);
      if (m && isPlace(m)) {
        next = placeOf(m);
        break;
      }
      const t = ctx.doc.tokens[j];
      if (t.pos === 'VERB' || t.pos === 'PRON' || isClauseBreak(t) || t.lower === 'where' || t.lower === 'which') break;
    }
    if (!next) break;
    places.push(next);
    i = afterListFiller(ctx, next);
  }
  if (places.length === 1) delete first.when;
  return places;
}

/** How often, as a list says it: "four times", "twice", "once". */
const HOW_OFTEN = new Set(['once', 'twice', 'thrice', 'times', 'time', 'each', 'again']);
/** The most words a list item may carry after its place before the next one. */
const LIST_FILLER = 5;

/**
 * The token after a listed place and what the list says of it alone — a date ("Bhutan in June,"),
 * how often ("Japan four times, and Nepal") — when a list joiner follows; the place's own end otherwise.
 * The date is kept on the place.
 */
function afterListFiller(ctx: FinderContext, place: PlaceRef): number {
  const tokens = ctx.doc.tokens;
  let i = place.end;
  let when: DateRef | undefined;
  while (i < Math.min(ctx.sentenceEnd, place.end + LIST_FILLER)) {
    const t = tokens[i];
    const date = ctx.index.dateAt.get(i) ?? (t.pos === 'ADP' ? ctx.index.dateAt.get(i + 1) : undefined);
    if (date && !when && date.end <= ctx.sentenceEnd) {
      when = date;
      i = date.end;
    } else if (t.pos === 'NUM' || HOW_OFTEN.has(t.lower)) i++;
    else break;
  }
  if (i === place.end || !/^(,|and|&|then)$/.test(tokens[i]?.lower ?? '')) {
    // No list goes on: the words after the place are not the list's, but a last item keeps its date.
    if (when && i > place.end) place.when = when;
    return when ? i : place.end;
  }
  if (when) place.when = when;
  return i;
}

/** The country the article is written from (its dateline, outlet or most named country), standing at tokens [start, end). */
export function settingPlace(ctx: FinderContext, start: number, end: number): PlaceRef | null {
  const country = ctx.doc.setting?.country;
  return country ? { mention: null, country, start, end } : null;
}

/** "visited Hanoi", "arrived in Seoul" (the pattern took the preposition). */
export function objectPlace(ctx: FinderContext, triggerEnd: number): PlaceRef[] {
  return withCoordinated(ctx, placeAfter(ctx, triggerEnd, 2));
}

/** "the first … to visit Japan since": the places named inside the trigger's own words. */
export function withinPlace(ctx: FinderContext, triggerStart: number, triggerEnd: number): PlaceRef[] {
  for (let i = triggerStart; i < triggerEnd; i++) {
    const m = ctx.index.startingAt.get(i);
    if (m && isPlace(m) && m.end <= triggerEnd) return withCoordinated(ctx, placeOf(m));
  }
  return [];
}

/** "the Vanuatu, Fiji trip", "his Asia tour": places right before a noun trigger. */
export function modifierPlace(ctx: FinderContext, triggerStart: number): PlaceRef[] {
  const places: PlaceRef[] = [];
  for (let i = triggerStart - 1; i >= Math.max(ctx.sentenceStart, triggerStart - 6); i--) {
    const m = ctx.index.covering.get(i);
    if (m && isPlace(m)) {
      places.unshift(placeOf(m)!);
      i = m.start;
      continue;
    }
    const t = ctx.doc.tokens[i];
    if (!(t.lower === ',' || t.lower === 'and' || t.pos === 'ADJ' || t.pos === 'NUM' || t.text === '-')) break;
  }
  return places;
}

const DESTINATION_PREPOSITIONS = new Set(['to', 'in', 'at', 'into']);
const COUNTRY_NOUNS = new Set(['country', 'nation', 'kingdom', 'republic', 'state', 'island', 'archipelago', 'emirate', 'sultanate']);
/** How far after a trigger its destination may be named. */
const DESTINATION_WINDOW = 12;

/** "trip in August to South Korea", "visit to Korea". */
export function toPlace(ctx: FinderContext, triggerEnd: number): PlaceRef[] {
  const end = Math.min(ctx.sentenceEnd, triggerEnd + DESTINATION_WINDOW);
  for (let i = triggerEnd; i < end; i++) {
    const t = ctx.doc.tokens[i];
    if (isClauseBreak(t) || t.pos === 'VERB') return [];
    if (DESTINATION_PREPOSITIONS.has(t.lower)) {
      const p = placeAfter(ctx, i + 1, 3);
      if (p) return withCoordinated(ctx, p);
    }
  }
  return [];
}

/**
 * The country "the country" refers to: the last one named earlier in the same sentence
 * ("visit Tanzania, … to visit the east African country"), else of the countries named
 * before token `before` (other than `except`, the visitor's own) the one the article names
 * most — news keeps referring to its main subject — and of those the latest.
 */
function referredCountry(ctx: FinderContext, before: number, except: string | null): MentionRef | null {
  let best: MentionRef | null = null;
  let inSentence: MentionRef | null = null;
  for (const m of ctx.index.mentions) {
    if (m.start >= before) break;
    if (m.end > before || m.entity.type !== 'country' || !m.entity.country || m.entity.country === except) continue;
    if (m.start >= ctx.sentenceStart) inSentence = m;
    if (!best || m.entity.mentions.length >= best.entity.mentions.length) best = m;
  }
  return inSentence ?? best;
}

/** Whether the noun at `i` is "the/this/that (adverbs, adjectives) noun", looking back no further than `from`. */
function determinedBy(tokens: readonly Token[], i: number, from: number): boolean {
  let j = i - 1;
  while (j >= from && (tokens[j].pos === 'ADJ' || tokens[j].pos === 'ADV')) j--;
  return j >= from && /^(the|this|that)$/.test(tokens[j].lower);
}

/** "a trip to the country", "to the largely isolated nation", "went there"; inside the trigger too ("the first … to travel to the country since"). */
export function coreference(ctx: FinderContext, triggerStart: number, triggerEnd: number, visitorCountry: string | null): PlaceRef | null {
  const end = Math.min(ctx.sentenceEnd, triggerEnd + DESTINATION_WINDOW);
  for (let i = triggerStart + 1; i < end; i++) {
    const t = ctx.doc.tokens[i];
    if (isClauseBreak(t)) return null;
    const l = t.lower;
    // "here" is where the article is written from.
    if (l === 'here') return settingPlace(ctx, i, i + 1);
    const refers = l === 'there' || (COUNTRY_NOUNS.has(l) && determinedBy(ctx.doc.tokens, i, triggerStart + 1));
    if (refers) {
      const m = referredCountry(ctx, triggerStart, visitorCountry);
      return m ? { mention: null, country: m.entity.country!, start: i, end: i + 1 } : null;
    }
  }
  return null;
}
