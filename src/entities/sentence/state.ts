/**
 * What every step of reading one sentence shares: its words, the rules, the segments cut so far,
 * the mentions and descriptions found, and the look-ups already answered; and the shapes of the cues
 * (cues/index.ts) that take it.
 */
import type { EntityType } from '../../schema.ts';
import type { EntityRules } from '../rules.ts';
import type { Word } from '../words.ts';
import type { Description, EntitySegment, Mention, NameMatch, NameSegment, Segment, TitleMatch, TitlePhrase } from './types.ts';

export interface SentenceState {
  readonly text: string;
  readonly words: readonly Word[];
  /** The normalised forms of all words. */
  readonly lowers: readonly string[];
  /** The sentence is words [first, end). */
  readonly first: number;
  readonly end: number;
  readonly rules: EntityRules;
  readonly segs: Segment[];
  readonly mentions: Mention[];
  readonly descriptions: Description[];
  /** Look-ups repeat while a run is analysed; each word's answer is kept (undefined: not asked yet). */
  readonly titleMemo: Array<TitleMatch | null | undefined>;
  readonly nameMemo: Array<NameMatch | null | undefined>;
}

export function sentenceState(text: string, words: readonly Word[], lowers: readonly string[], first: number, end: number, rules: EntityRules): SentenceState {
  return { text, words, lowers, first, end, rules, segs: [], mentions: [], descriptions: [], titleMemo: [], nameMemo: [] };
}

/** A gazetteer name or organisation (segment s) and its mention. */
export interface EntityMention {
  s: number;
  seg: EntitySegment;
  m: Mention;
}

/** An unknown name (segment s), its mention, and the title phrase found before or after it. */
export interface NameMention {
  s: number;
  seg: NameSegment;
  m: Mention;
  phrase: TitlePhrase | null;
  headline: boolean;
}

/** A cue types a mention or gives it evidence; `true` ends its typing: no later cue is asked. */
export type EntityCue = (st: SentenceState, entity: EntityMention) => boolean;
export type NameCue = (st: SentenceState, name: NameMention) => boolean;
/** A cue over the whole sentence, once every mention is typed. */
export type SentenceCue = (st: SentenceState) => void;

export function phraseText(st: SentenceState, i: number, to: number): string {
  return st.text.slice(st.words[i].start, st.words[to - 1].end);
}

export function newMention(st: SentenceState, from: number, to: number, type: EntityType | null, rule: string, spanFrom = from): Mention {
  const w = st.words;
  const m: Mention = {
    start: w[spanFrom].start,
    end: w[to - 1].end,
    from,
    to,
    sentence: w[from].sentence,
    type,
    weak: false,
    rule,
    name: phraseText(st, from, to),
    words: st.lowers.slice(from, to).filter((x) => x !== '-'),
    titles: [],
    evidence: [],
    coordinated: [],
    ownedBy: false,
    byline: false,
    attributive: to < st.end && w[to].kind === 'alpha' && !w[to].cap && (w[to].pos === 'NOUN' || w[to].pos === 'ADJ'),
    // Every field a later rule may set is there from the start: mentions keep one shape, so the
    // code reading them is not deoptimised each time it meets a new combination of fields.
    honorific: undefined,
    entry: undefined,
    domain: undefined,
    aliasOf: undefined,
    guess: undefined,
  };
  st.mentions.push(m);
  return m;
}
