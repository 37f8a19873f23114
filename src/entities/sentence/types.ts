/** What reading a sentence gives (mentions, descriptions, country evidence), and the segments and phrases it is read through. */
import type { EntityType } from '../../schema.ts';
import type { NameEntry } from '../../gazetteer/gazetteer.ts';
import type { TitleEntry } from '../rules.ts';

/**
 * What a mention knows about its entity's country, strongest first: the text's own word
 * ("French President"), an organisation it names, the actor knowledge base at the
 * article's date (src/actors/), then cues from the context.
 */
export const EVIDENCE_STRENGTH = { direct: 4, organisation: 3, knowledge: 2, context: 1 } as const;

export interface CountryEvidence {
  country: string | null;
  /** An organisation whose country (resolved across the article) stands for the person's. */
  org?: Mention;
  strength: number;
  rule: string;
}

export function direct(country: string, rule: string): CountryEvidence {
  return { country, strength: EVIDENCE_STRENGTH.direct, rule };
}

export interface Mention {
  /** Span in the text: the name, with a courtesy title or honorific right before it. */
  start: number;
  end: number;
  /** Word range of the name itself. */
  from: number;
  to: number;
  sentence: number;
  /** null: an unknown capitalised name, kept only to join an entity found elsewhere. */
  type: EntityType | null;
  /** Join only, never found an entity: a sentence-initial ordinary word, a headline word. */
  weak: boolean;
  rule: string;
  /** The name as written, and its normalised words. */
  name: string;
  words: string[];
  /** Honorific in the span ("Pope", "Sheikh"): part of the name when the name is one word. */
  honorific?: string;
  /** The gazetteer or organisation facts of a typed non-person. */
  entry?: Pick<NameEntry, 'name' | 'country' | 'domain'>;
  titles: string[];
  /** Sphere of the title ("government", "corporate") or of an organisation qualifier. */
  domain?: string;
  evidence: CountryEvidence[];
  /** Explicitly another name of this mention's entity ("also known as", "(MBS)"). */
  aliasOf?: Mention;
  /** Named as someone's "his deputies, …", "his wife, …": shares the country of the person "his" refers to. */
  ownedBy: boolean;
  /** Names joined to this one by "and" or a comma in a list. */
  coordinated: Mention[];
  /** Part of a credit line. */
  byline: boolean;
  /** Used as a modifier of the lower-case noun after it ("the two Communist countries"). */
  attributive: boolean;
  /** A type read from the layout alone ("Yorkshire 238"): taken only if the name joins no entity of the article. */
  guess?: { type: EntityType; rule: string };
}

/** A subject "the UK chancellor" with no name: it may give the country of the person just named. */
export interface Description {
  start: number;
  sentence: number;
  country: string;
  title: string;
}

export interface SentenceResult {
  /** In the order they were typed: the gazetteer's and the organisations' first, then the names. */
  mentions: Mention[];
  descriptions: Description[];
}

export interface EntityInfo {
  type: EntityType;
  name: string;
  country: string | null;
  rule: string;
  domain?: string;
  /** From the gazetteer: its country is settled ("the UK's G8 presidency" does not make the G8 British). */
  settled?: boolean;
}

/** A title or a gazetteer name found at a word: where it ends, and what it is. */
export type TitleMatch = { to: number; entries: TitleEntry[] };
export type NameMatch = { to: number; entry: EntityInfo };

export type Segment =
  | { kind: 'title'; from: number; to: number; entries: TitleEntry[] }
  | { kind: 'entity'; from: number; to: number; info: EntityInfo; mention?: Mention }
  | {
      kind: 'name';
      from: number;
      to: number;
      weak: boolean;
      /** A sentence-initial short word split off before it ("To" of "To Lam, general secretary …"). */
      lead?: number;
      /** Listed after a plural title or a byline cue with this first name: typed like it. */
      listedWith?: Mention;
      mention?: Mention;
    }
  | { kind: 'word' | 'punct' | 'possessive'; from: number; to: number };

export type TitleSegment = Extract<Segment, { kind: 'title' }>;
export type EntitySegment = Extract<Segment, { kind: 'entity' }>;
export type NameSegment = Extract<Segment, { kind: 'name' }>;

export interface TitlePhrase {
  /** Which cue found it: a title before the name or an apposition after it. */
  rule: 'title-before' | 'apposition';
  title: string | null;
  domain?: string;
  country: CountryEvidence | null;
  org: Mention | null;
  /** Word where the mention starts (a courtesy title or honorific before the name). */
  spanFrom: number;
  honorific?: string;
  plural: boolean;
  /** Segment index where the phrase starts. */
  seg: number;
  /** "his deputies", "his wife": a possessive pronoun and a role that shares its owner's country. */
  ownedBy?: boolean;
  /** The phrase starts with "the": "the General Election" is no person. */
  definite?: boolean;
  /** The title only counts capitalised ("General", "King"): it also starts names of things. */
  capitalisedOnly?: boolean;
}
