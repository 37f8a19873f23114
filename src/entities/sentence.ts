/**
 * One sentence at a time: cut the words into segments (titles, gazetteer
 * names, organisations, unknown capitalised names, other words), then turn
 * the segments into mentions, typing unknown names from the cues around them
 * (a title before, an apposition after, a byline, a given name …) and noting
 * the country evidence the sentence gives for each.
 */
import type { EntityType } from '../schema.ts';
import type { NameEntry } from '../gazetteer/gazetteer.ts';
import type { EntityRules, TitleEntry } from './rules.ts';
import type { Word } from './words.ts';
import { normalise } from '../gazetteer/phrase-index.ts';

/** What a mention knows about its entity's country, strongest first. */
export const EVIDENCE_STRENGTH = { direct: 3, organisation: 2, context: 1 } as const;

export interface CountryEvidence {
  country: string | null;
  /** An organisation whose country (resolved across the article) stands for the person's. */
  org?: Mention;
  strength: number;
  rule: string;
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

interface EntityInfo {
  type: EntityType;
  name: string;
  country: string | null;
  rule: string;
  domain?: string;
  /** From the gazetteer: its country is settled ("the UK's G8 presidency" does not make the G8 British). */
  settled?: boolean;
}

type Segment =
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

interface TitlePhrase {
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

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our']);
/** Determiners of a definite phrase: "the Italian president, Sergio Mattarella" (not "a Korean official, Mr. Lam"). */
const DEFINITE = new Set(['the', 'his', 'her', 'its', 'their', 'our']);
/** Lower-case words allowed inside a gazetteer name ("Bosnia and Herzegovina", "Isle of Man"). */
const CONNECTORS = new Set(['of', 'the', 'and', 'de', 'da', 'du', 'del', 'la', 'le', 'al', 'el', "'s", 'y']);
/** Words that continue a title: "Prime Minister of Kosovo", "High Commissioner to Bangladesh", "Commissioner for Agriculture". */
const TITLE_COMPLEMENTS = new Set(['of', 'to', 'for']);
const LOCATION_PREPOSITIONS = new Set(['of', 'in', 'to', 'from', 'at', 'near', 'for']);
/** What may come right before a subject: a clause boundary ("…, the UK chancellor predicted", "whether the US president would"). */
const SUBJECT_OPENER_POS = new Set(['PUNCT', 'CCONJ', 'SCONJ']);
const SUBJECT_OPENER_WORDS = new Set(['whether', 'that', 'as', 'while', 'when', 'if', 'because', 'after', 'before', 'although', 'though']);

const isCore = (e: TitleEntry) => e.kind !== 'modifier';
/** Three to six capitals, perhaps with full stops: "KDP", "U.N.". */
const ACRONYM = /^(?:[A-Z]{3,6}|(?:[A-Z]\.){2,4})$/;
/** A capitalised compound with a lower-case part: "Ontario-based", "Family-controlled". */
const HYPHENATED_ADJECTIVE = /-\p{Ll}/u;
const DIGIT = /\d/;
/** Initials before a surname: "M.", "J.R.". */
const INITIALS = /^(?:\p{Lu}\.)+$/u;
/** Function words that end a run of capitals ("ESSEX AND KENT", "HOUSTON AT PITTSBURGH"): names do not span them. */
const CAPS_BREAKS = new Set(['at', 'and', 'v', 'vs', 'in', 'of', 'to', 'for', 'the', 'on', 'with', 'by', 'from', 'over']);
/** Types a name found by its layout as a person. */
function setPerson(m: Mention, rule: string): void {
  m.type = 'person';
  m.rule = rule;
  m.weak = false;
}

/** Punctuation between the entries of a line of scores. */
const SCORE_LIST = new Set([',', ':', ';']);
/** A year or a date after a name is a dateline's, not a score: "NEW YORK 1996-08-22". */
const YEAR_OR_DATE = /^(?:1[89]|20)\d\d(?:\D|$)/;

export class SentenceReader {
  private readonly segs: Segment[] = [];
  private readonly mentions: Mention[] = [];
  private readonly descriptions: Description[] = [];

  /** Reads the sentence made of words [first, end); `lowers` are the normalised forms of all words. */
  constructor(
    private readonly text: string,
    private readonly words: readonly Word[],
    private readonly lowers: readonly string[],
    private readonly first: number,
    private readonly end: number,
    private readonly rules: EntityRules,
  ) {}

  read(): SentenceResult {
    const mode = this.mode();
    if (mode === 'caps') this.segmentCaps();
    else this.segment(mode === 'headline');
    this.type(mode === 'headline');
    return { mentions: this.mentions, descriptions: this.descriptions };
  }

  // ---- sentence shape ----

  /** "LAM VISITED SOUTH KOREA": all capitals; "Summit Planned for Camp David Will Be …": a title-case headline. */
  private mode(): 'caps' | 'headline' | 'normal' {
    if (this.allCapitals()) return 'caps';
    const lastWord = this.words[this.end - 1];
    const sentenceEnded = lastWord.kind === 'punct' && /[.!?]/.test(lastWord.text);
    // Only an unended sentence can be a headline: the lexicon is asked about its capitals, not every sentence's.
    return !sentenceEnded && this.ordinaryCapitals() ? 'headline' : 'normal';
  }

  /** The sentence has words, and every one is in capitals ("LAM", "U.S.", "I"); the first that is not ends the scan. */
  private allCapitals(): boolean {
    let letters = false;
    for (let i = this.first; i < this.end; i++) {
      const w = this.words[i];
      if (w.kind !== 'alpha') continue;
      if (!(w.upper || (w.cap && w.text.length === 1))) return false;
      letters = true;
    }
    return letters;
  }

  /** At least two of the long capitalised words, and at least half of them, are ordinary words ("Planned", "Will"). */
  private ordinaryCapitals(): boolean {
    let capital = 0;
    let ordinaryCapital = 0;
    for (let i = this.first; i < this.end; i++) {
      const w = this.words[i];
      if (w.kind !== 'alpha' || !w.cap || w.text.length < 4) continue;
      capital++;
      if (!w.sentenceStart && this.rules.lexicon.isCommonWord(w.lower) && !this.rules.titles.hasWord(w.lower)) ordinaryCapital++;
    }
    return ordinaryCapital >= 2 && ordinaryCapital * 2 >= capital;
  }

  // ---- matching ----

  /** Look-ups repeat while a run is analysed; each word's answer is kept (undefined: not asked yet). */
  private readonly titleMemo: Array<{ to: number; entries: TitleEntry[] } | null | undefined> = [];
  private readonly nameMemo: Array<{ to: number; entry: EntityInfo } | null | undefined> = [];

  private titleAt(i: number): { to: number; entries: TitleEntry[] } | null {
    const known = this.titleMemo[i - this.first];
    return known !== undefined ? known : (this.titleMemo[i - this.first] = this.findTitle(i));
  }

  private findTitle(i: number): { to: number; entries: TitleEntry[] } | null {
    const w = this.words[i];
    for (const { entries, end: to } of this.rules.titles.matchesAt(this.lowers, i, this.end)) {
      // "Ms." but not "MS." (multiple sclerosis); "economist" but not "Star Wars".
      const ok = entries.filter((e) => (e.exactCase ? this.phraseText(i, to) === e.exactCase : e.case === 'any' || (e.case === 'capitalised' ? w.cap && !w.upper : !w.cap)));
      if (ok.length) return { to, entries: ok };
    }
    return null;
  }

  /** The longest gazetteer name at word i; `anywhere` accepts small cities without a location cue (inside a longer name). */
  private nameAt(i: number, mode: 'caps' | 'normal' | 'anywhere' = 'normal'): { to: number; entry: EntityInfo } | null {
    if (mode !== 'normal') return this.findName(i, mode);
    const known = this.nameMemo[i - this.first];
    return known !== undefined ? known : (this.nameMemo[i - this.first] = this.findName(i, mode));
  }

  private findName(i: number, mode: 'caps' | 'normal' | 'anywhere'): { to: number; entry: EntityInfo } | null {
    if (!this.words[i].cap) return null;
    for (const { entries, end: to } of this.rules.names.matchesAt(this.lowers, i, this.end)) {
      if (!this.nameShape(i, to)) continue;
      const entry = entries.find((e) => this.acceptName(e, i, to, mode));
      if (entry) return { to, entry: { type: entry.type, name: entry.name, country: entry.country, rule: entry.rule, domain: entry.domain, settled: true } };
    }
    return null;
  }

  /** Every word capitalised, or a connector inside the name. */
  private nameShape(i: number, to: number): boolean {
    for (let k = i + 1; k < to; k++) {
      const w = this.words[k];
      if (!(w.cap || (k < to - 1 && CONNECTORS.has(w.lower)))) return false;
    }
    return true;
  }

  private acceptName(e: NameEntry, i: number, to: number, mode: 'caps' | 'normal' | 'anywhere'): boolean {
    if (e.exactCase) {
      if (this.phraseText(i, to) !== e.exactCase) return false;
      // In a line of capitals "US" may be the pronoun.
      if (mode === 'caps' && e.exactCase.replace(/[^A-Z]/g, '').length <= 2 && !e.exactCase.includes('.')) return false;
    }
    // "in March": a month or weekday is no town.
    if (e.type === 'city' && to === i + 1 && this.rules.notNames.has(this.words[i].lower)) return false;
    if (e.cue === 'none' || mode === 'anywhere') return true;
    const before = i > this.first ? this.words[i - 1] : undefined;
    if (before && (e.cue === 'strict' ? this.rules.ordinaryWordCues : this.rules.locationCues).has(before.lower)) return true;
    if (before && this.rules.directions.words.has(before.lower)) return true;
    // A dateline: "VERSAILLES, May 29", "JERUSALEM. -", "BONN 2024-05-02".
    const after = this.words[to];
    return this.words[i].upper && this.words[i].lineStart && after !== undefined && (after.kind === 'punct' || YEAR_OR_DATE.test(after.text));
  }

  private phraseText(i: number, to: number): string {
    return this.text.slice(this.words[i].start, this.words[to - 1].end);
  }

  private isPersonTitle(t: { entries: TitleEntry[] }): boolean {
    return t.entries.some(isCore);
  }

  // ---- segmentation ----

  private push(seg: Segment): void {
    this.segs.push(seg);
  }

  private segmentCaps(): void {
    let run = -1;
    const flush = (at: number) => {
      if (run >= 0) this.push({ kind: 'name', from: run, to: at, weak: true });
      run = -1;
    };
    for (let i = this.first; i < this.end; ) {
      const w = this.words[i];
      const name = w.kind === 'alpha' ? this.nameAt(i, 'caps') : null;
      if (name) {
        flush(i);
        this.push({ kind: 'entity', from: i, to: name.to, info: name.entry });
        i = name.to;
        continue;
      }
      if (w.kind === 'alpha' && !CAPS_BREAKS.has(w.lower)) {
        if (run < 0) run = i;
      } else {
        flush(i);
        this.push({ kind: w.kind === 'possessive' ? 'possessive' : w.kind === 'punct' ? 'punct' : 'word', from: i, to: i + 1 });
      }
      i++;
    }
    flush(this.end);
  }

  private segment(headline: boolean): void {
    for (let i = this.first; i < this.end; ) {
      const w = this.words[i];
      if (w.kind !== 'alpha') {
        this.push({ kind: w.kind === 'possessive' ? 'possessive' : w.kind === 'punct' ? 'punct' : 'word', from: i, to: i + 1 });
        i++;
        continue;
      }
      const title = this.titleAt(i);
      const name = title ? this.nameAt(i) : null;
      if (title && (!name || title.to >= name.to)) {
        const to = this.isPersonTitle(title) ? (this.portfolio(title.to) ?? title.to) : title.to;
        this.push({ kind: 'title', from: i, to, entries: title.entries });
        i = to;
        continue;
      }
      // A capital letter alone ("I") starts no name; initials inside one ("George W Bush") are fine.
      if ((w.cap && (w.text.length > 1 || this.words[i + 1]?.text === '.')) || this.particleAfterTitle(i)) {
        i = this.readName(i, headline);
        continue;
      }
      this.push({ kind: 'word', from: i, to: i + 1 });
      i++;
    }
  }

  /** "Commissioner for Agriculture, NAME": a portfolio after a title, up to the comma before the name. */
  private portfolio(k: number): number | null {
    if (this.lowers[k] !== 'for' || k + 1 >= this.end || !this.words[k + 1].cap) return null;
    let e = k + 1;
    while (e < this.end && this.words[e].kind === 'alpha' && this.words[e].cap) e++;
    return this.words[e]?.text === ',' && e < this.end ? e : null;
  }

  private previousSeg(): Segment | undefined {
    return this.segs[this.segs.length - 1];
  }

  /** Right after a singular title: what follows is a name ("President Jackson"), even a place name. */
  private afterPersonTitle(): boolean {
    const prev = this.previousSeg();
    return prev?.kind === 'title' && prev.entries.some((e) => isCore(e) && !e.plural);
  }

  /** "Crown Prince bin Salman": a name may start with a particle right after a title. */
  private particleAfterTitle(i: number): boolean {
    return i + 1 < this.end && this.words[i + 1].cap && this.rules.particles.has(this.words[i].lower) && this.afterPersonTitle();
  }

  /** Reads the capitalised run starting at `i` and pushes its segments; returns where it ends. */
  private readName(i: number, headline: boolean): number {
    const afterTitle = this.afterPersonTitle();
    let j = i;
    while (j < this.end) {
      const w = this.words[j];
      // "Schroder Wertheim & Co", "Douglas & Lomason": an ampersand joins the parts of a firm's name.
      if (w.text === '&' && j > i && j + 1 < this.end && this.words[j + 1].cap) {
        j++;
        continue;
      }
      if (w.kind !== 'alpha') break;
      if (w.cap) {
        if (j > i && this.titleBreaks(i, j)) break;
        const name = this.nameAt(j);
        j = name && name.to > j + 1 ? name.to : j + 1;
        continue;
      }
      const next = this.words[j + 1];
      const particle = this.rules.particles.has(w.lower) || (afterTitle && w.lower === 'the');
      if (particle && next && j + 1 < this.end && next.cap && (j > i || afterTitle)) {
        j++;
        continue;
      }
      break;
    }
    if (j === i) j = i + 1;
    return this.analyseRun(i, j, afterTitle, headline);
  }

  /**
   * A capitalised title inside the run [i, j…) starts a new phrase: after a qualifier ("Indian | High
   * Commissioner to …", "SK Group | Chairman Chey Tae-won") or before a name or complement. Not before an
   * organisation head ("General Assembly"), nor as a surname ("John Major said").
   */
  private titleBreaks(i: number, j: number): boolean {
    // "Communist Party chief": the head word ends the organisation rather than starting "party chief".
    if (this.rules.orgSuffixes.has(this.words[j].lower)) return false;
    const title = this.titleAt(j);
    if (!title || !this.isPersonTitle(title)) return false;
    const next = title.to < this.end ? this.words[title.to] : undefined;
    if (next && (this.rules.orgSuffixes.has(next.lower) || this.rules.placeSuffixes.has(next.lower))) return false;
    return (next !== undefined && (next.cap || TITLE_COMPLEMENTS.has(next.lower))) || this.coveredByNames(i, j);
  }

  /** Segments of the capitalised run [i, j); returns the word where reading continues. */
  private analyseRun(i: number, j: number, afterTitle: boolean, headline: boolean): number {
    const first = this.words[i];
    const lead = this.nameAt(i);
    if (!lead && !afterTitle && first.sentenceStart && j - i > 1 && this.ordinaryStart(first)) {
      // "Multiple Hanoi officials", "The State Department", "To Lam": the first word may be an ordinary word capitalised by position.
      this.push({ kind: 'word', from: i, to: i + 1 });
      // The rest may read past the run ("The | Bank of England").
      const next = this.analyseRun(i + 1, j, false, headline);
      const seg = this.segs.find((x) => x.from === i + 1);
      if (seg?.kind === 'name') seg.lead = i;
      return next;
    }
    const ofPhrase = this.ofPhrase(i, j);
    if (ofPhrase) return ofPhrase;
    // A whole gazetteer name; after a title a city name is a person's ("President Jackson").
    if (lead && lead.to === j && !(afterTitle && (lead.entry.type === 'city' || lead.entry.type === 'place'))) {
      this.push({ kind: 'entity', from: i, to: j, info: lead.entry });
      return j;
    }
    const located = this.locatedIn(i, j);
    if (located) return located;
    if (this.onlyHeadWords(i, j)) {
      // "Parliament", "Justice Ministry" after a title: a head word alone names nothing.
      for (let k = i; k < j; k++) this.push({ kind: 'word', from: k, to: k + 1 });
      return j;
    }
    if (this.headWord(i, j)) return j;
    // "Committee chairman Labour MP Jean Corston": a word between two titles qualifies the second.
    if (afterTitle && !this.titleAt(j)) {
      this.push({ kind: 'name', from: i, to: j, weak: false });
      return j;
    }
    if (lead?.entry.type === 'organization') {
      // A known group heads a longer name: "Samsung Electronics".
      this.push({ kind: 'entity', from: i, to: j, info: { ...lead.entry, name: this.phraseText(i, j) } });
      return j;
    }
    if (this.rules.directions.words.has(first.lower) && j - i > 1) {
      const place = this.nameAt(i + 1, 'anywhere');
      if (place && place.to === j && place.entry.type !== 'nationality' && place.entry.type !== 'organization') {
        this.push({ kind: 'entity', from: i, to: j, info: { type: 'place', name: this.phraseText(i, j), country: place.entry.country, rule: this.rules.directions.rule } });
        return j;
      }
    }
    if (lead) {
      const rest = this.coveredByNames(lead.to, j);
      const before = this.words[i - 1];
      // "Prime Minister of Kosovo Albin Kurti"; but "at Lansdowne Road", "to Man Utd" are names of their own.
      const afterPreposition = lead.entry.type === 'country' && before && i > this.first && LOCATION_PREPOSITIONS.has(before.lower);
      const split = lead.entry.type === 'nationality' || rest || headline || afterPreposition;
      if (split) {
        this.push({ kind: 'entity', from: i, to: lead.to, info: lead.entry });
        return this.analyseRun(lead.to, j, false, headline);
      }
    }
    const single = j - i === 1;
    const weak = headline || (single && first.sentenceStart && this.ordinaryStart(first));
    this.push({ kind: 'name', from: i, to: j, weak });
    return j;
  }

  private onlyHeadWords(i: number, j: number): boolean {
    for (let k = i; k < j; k++) if (!this.rules.orgSuffixes.has(this.words[k].lower) && !this.rules.placeSuffixes.has(this.words[k].lower)) return false;
    return true;
  }

  /** A capitalised sentence-initial word that is an ordinary word ("Multiple", "Discussions", "To"). */
  private ordinaryStart(w: Word): boolean {
    if (this.rules.lexicon.isGivenName(w.lower)) return false;
    return w.pos !== 'PROPN' || this.ordinaryWord(w.lower);
  }

  /** [i, j) is entirely gazetteer names. */
  private coveredByNames(i: number, j: number): boolean {
    for (let k = i; k < j; ) {
      const name = this.nameAt(k);
      if (!name || name.to > j) return false;
      k = name.to;
    }
    return true;
  }

  /** "Ministry of Trade, Industry and Energy", "Palace of Versailles": a head word, "of"/"for", a capitalised name. */
  private ofPhrase(i: number, j: number): number | null {
    const head = this.words[j - 1];
    const orgHead = this.rules.orgOfHeads.get(head.lower);
    const placeHead = this.rules.placeOfHeads.get(head.lower);
    const link = this.words[j];
    if (!(orgHead || placeHead) || !link || j >= this.end || !(link.lower === 'of' || (orgHead && link.lower === 'for'))) return null;
    let k = j + 1;
    if (this.words[k]?.lower === 'the' && k < this.end) k++;
    const capitalised = (at: number) => {
      let e = at;
      while (e < this.end && this.words[e].kind === 'alpha' && this.words[e].cap && !(e > at && this.titleBreaks(at, e))) e++;
      return e;
    };
    let to = capitalised(k);
    if (to === k) return null;
    if (orgHead) {
      // A list of portfolios: ", Industry and Energy".
      let e = to;
      while (this.words[e]?.text === ',' && e + 1 < this.end && this.words[e + 1].cap && !this.nameAt(e + 1)) e = capitalised(e + 1);
      if (this.words[e]?.lower === 'and' && e + 1 < this.end && this.words[e + 1].cap && !this.nameAt(e + 1)) to = capitalised(e + 1);
    }
    const inner = this.countryWithin(k, to);
    const rule = orgHead ? orgHead.rule : placeHead!.rule;
    const type: EntityType = orgHead ? 'organization' : 'place';
    this.pushHeaded(i, j - 1, to, { type, name: '', country: inner, rule, domain: orgHead ? 'government' : undefined }, false);
    return to;
  }

  /** "Vietnamese Embassy in Seoul": a building in a city is a place in that city's country. */
  private locatedIn(i: number, j: number): number | null {
    const cue = this.rules.orgSuffixes.get(this.words[j - 1].lower);
    if (!cue?.locatedIn || this.words[j]?.lower !== 'in' || j + 1 >= this.end) return null;
    const place = this.nameAt(j + 1);
    if (!place || place.entry.type === 'nationality' || place.entry.type === 'organization') return null;
    this.pushHeaded(i, j - 1, place.to, { type: 'place', name: '', country: place.entry.country, rule: cue.rule, domain: cue.domain }, true);
    return place.to;
  }

  /** A run ending in (or containing) an organisation or place head word: "SK Group", "Communist Party Nong Duc Manh". */
  private headWord(i: number, j: number): boolean {
    for (let k = j - 1; k >= i; k--) {
      const org = this.rules.orgSuffixes.get(this.words[k].lower);
      const place = this.rules.placeSuffixes.get(this.words[k].lower);
      if (!org && !place) continue;
      // Legal suffixes and further heads after the head belong to it: "Samsung Electronics Co."
      let to = k + 1;
      while (to < j && this.rules.orgSuffixes.has(this.words[to].lower)) to++;
      const legal = this.rules.orgSuffixes.get(this.words[k].lower)?.legal;
      let head = k;
      if (legal) while (head > i && this.rules.orgSuffixes.get(this.words[head].lower)?.legal) head--;
      if (head === i && !this.nameAt(i)) return false;
      // "Communist Party Nong Duc Manh" splits after the head; "Consumer Electronics Show" is one name.
      if (to < j && this.rules.lexicon.isCommonWord(this.words[to].lower)) return false;
      const info: EntityInfo = org
        ? { type: 'organization', name: '', country: this.countryWithin(i, head), rule: org.rule, domain: org.domain }
        : { type: 'place', name: '', country: this.countryWithin(i, head), rule: place!.rule };
      this.pushHeaded(i, head, to, info, org?.keepNationality ?? false);
      if (to < j) this.analyseRun(to, j, false, false);
      return true;
    }
    return false;
  }

  /** Pushes an organisation or place [i, to) with head word at `head`, peeling a leading demonym off as its country. */
  private pushHeaded(i: number, head: number, to: number, info: EntityInfo, keepNationality: boolean): void {
    let from = i;
    const lead = this.nameAt(i);
    // "Vietnamese Communist Party" is the Communist Party of Vietnam; "Scottish Parliament" keeps its demonym.
    if (lead && lead.entry.type === 'nationality' && lead.to < head && !keepNationality) {
      this.push({ kind: 'entity', from: i, to: lead.to, info: lead.entry });
      from = lead.to;
    }
    // A known group at the start gives its country and sphere ("SK Group").
    const group = (from === i ? lead : this.nameAt(from))?.entry;
    const fromGroup = group?.type === 'organization' ? group : null;
    const country = info.country ?? fromGroup?.country ?? (lead && lead.to <= head ? lead.entry.country : null);
    this.push({ kind: 'entity', from, to, info: { ...info, country, domain: fromGroup?.domain ?? info.domain, name: this.canonicalOrgName(from, to) } });
  }

  /** The name without a legal suffix: "Samsung Electronics Co." is "Samsung Electronics". */
  private canonicalOrgName(from: number, to: number): string {
    let end = to;
    while (end - 1 > from && this.rules.orgSuffixes.get(this.words[end - 1].lower)?.legal) end--;
    return this.phraseText(from, end);
  }

  /** The country of the first country or city named inside [i, j). */
  private countryWithin(i: number, j: number): string | null {
    for (let k = i; k < j; k++) {
      const name = this.nameAt(k, 'anywhere');
      if (name && name.to <= j && name.entry.country && name.entry.type !== 'organization') return name.entry.country;
    }
    return null;
  }

  // ---- typing ----

  private type(headline: boolean): void {
    // Names look at organisations on both sides ("To Lam, general secretary of Vietnam's Communist Party"), so those come first.
    this.segs.forEach((seg, s) => seg.kind === 'entity' && this.entityMention(s, seg));
    this.segs.forEach((seg, s) => {
      if (seg.kind === 'name') this.nameMention(s, seg, headline);
      else if (seg.kind === 'title') this.description(s, seg);
    });
    this.linkCoordinated();
    this.hostCountry();
  }

  private newMention(from: number, to: number, type: EntityType | null, rule: string, spanFrom = from): Mention {
    const w = this.words;
    const m: Mention = {
      start: w[spanFrom].start,
      end: w[to - 1].end,
      from,
      to,
      sentence: w[from].sentence,
      type,
      weak: false,
      rule,
      name: this.phraseText(from, to),
      words: this.lowers.slice(from, to).filter((x) => x !== '-'),
      titles: [],
      evidence: [],
      coordinated: [],
      ownedBy: false,
      byline: false,
      attributive: to < this.end && w[to].kind === 'alpha' && !w[to].cap && (w[to].pos === 'NOUN' || w[to].pos === 'ADJ'),
      // Every field a later rule may set is there from the start: mentions keep one shape, so the
      // code reading them is not deoptimised each time it meets a new combination of fields.
      honorific: undefined,
      entry: undefined,
      domain: undefined,
      aliasOf: undefined,
      guess: undefined,
    };
    this.mentions.push(m);
    return m;
  }

  private entityMention(s: number, seg: Extract<Segment, { kind: 'entity' }>): void {
    // "Chicago 4 HOUSTON 3": a town or region in a results line is its team (a country's team stays the country).
    // A home nation ("England captain") is its national side, which stays the place.
    const place = seg.info.type === 'city' || seg.info.type === 'place';
    const town = seg.info.type === 'city' || (seg.info.type === 'place' && !seg.info.country);
    const scored = place && this.scoreEntry(seg.from, seg.to);
    const team = scored || (town && this.teamCue(seg.from, seg.to));
    const m = team ? this.newMention(seg.from, seg.to, 'organization', scored ? 'score-line' : 'team-cue') : this.newMention(seg.from, seg.to, seg.info.type, seg.info.rule);
    m.entry = team ? { name: m.name, country: null } : { name: seg.info.name, country: seg.info.country, domain: seg.info.domain };
    seg.mention = m;
    if (team) return;
    if (seg.info.country) m.evidence.push({ country: seg.info.country, strength: EVIDENCE_STRENGTH.direct, rule: seg.info.rule });
    else if (seg.info.type === 'organization' && !seg.info.settled) {
      const owner = this.possessor(s);
      if (owner?.country) m.evidence.push(owner.country);
    }
    this.bracketedAcronym(s, m);
  }

  /** The country or organisation in "<X>'s" right before segment s. */
  private possessor(s: number): { country: CountryEvidence | null; org: Mention | null } | null {
    const poss = this.segs[s - 1];
    const owner = this.segs[s - 2];
    if (poss?.kind !== 'possessive' || owner?.kind !== 'entity' || !owner.mention) return null;
    if (owner.info.type === 'organization') {
      return { country: owner.info.country ? this.direct(owner.info.country, 'possessive-country') : null, org: owner.mention };
    }
    if (owner.info.type === 'nationality' || !owner.info.country) return null;
    return { country: this.direct(owner.info.country, 'possessive-country'), org: null };
  }

  private direct(country: string, rule: string): CountryEvidence {
    return { country, strength: EVIDENCE_STRENGTH.direct, rule };
  }

  private nameMention(s: number, seg: Extract<Segment, { kind: 'name' }>, headline: boolean): void {
    // "7:15 PM CDT", "counterpart CNNC", "on Monday, Gen …": an acronym or a day is nobody's name.
    const single = seg.to - seg.from === 1 ? this.words[seg.from] : null;
    const acronym = single?.upper === true;
    const titled = acronym ? null : this.titlePhraseBefore(s);
    // "the General Election", "General Electric": after "the", or after a capitalised-only title, one word is a thing's name.
    const thing = single !== null && (titled?.definite || (titled?.capitalisedOnly && this.rules.lexicon.isCommonWord(single.lower)));
    const before = thing ? null : titled;
    // A courtesy title alone ("Mr Rahman, Bangladesh's prime minister") leaves the role to an apposition.
    const after = before?.domain || acronym || seg.weak || (single && this.rules.notNames.has(single.lower)) ? null : this.apposition(s);
    let from = seg.from;
    if (after && !before && seg.lead !== undefined && this.words[seg.lead].text.length <= 3) from = seg.lead;
    const phrase = before && after ? { ...after, spanFrom: before.spanFrom, honorific: before.honorific } : (before ?? after);
    const m = this.newMention(from, seg.to, null, '', Math.min(phrase?.spanFrom ?? from, from));
    seg.mention = m;
    m.weak = seg.weak && !before;
    if (phrase) {
      m.type = 'person';
      m.rule = after ? 'apposition' : 'title-before';
      if (phrase.title) m.titles.push(phrase.title);
      m.domain = phrase.domain;
      m.honorific = phrase.honorific;
      if (phrase.country) m.evidence.push(phrase.country);
      if (phrase.org) {
        m.evidence.push({ country: null, org: phrase.org, strength: EVIDENCE_STRENGTH.organisation, rule: m.rule });
        m.domain ??= phrase.org.entry?.domain;
      }
      m.ownedBy = phrase.ownedBy === true;
      if (phrase.plural) this.listAfter(s, m);
      this.sinceComparison(phrase.seg, m);
    }
    const owner = this.possessor(phrase ? phrase.seg : s);
    if (owner) {
      if (owner.country) m.evidence.push(owner.country);
      if (owner.org) {
        m.evidence.push({ country: null, org: owner.org, strength: EVIDENCE_STRENGTH.organisation, rule: 'possessive-country' });
        m.domain ??= owner.org.entry?.domain;
      }
    }
    if (m.type === 'person') this.nameOfCountry(s, m);
    if (m.type !== null) return;
    if (headline) return;

    const byline = this.byline(seg);
    const prev = this.segs[s - 1];
    if (byline) {
      m.type = 'person';
      m.rule = 'byline';
      m.byline = true;
      this.listAfter(s, m);
    } else if (prev?.kind === 'word' && this.rules.orgDescriptors.has(this.words[prev.from].lower) && !m.weak && !this.givenNameFirst(seg)) {
      m.type = 'organization';
      m.rule = this.rules.orgDescriptors.get(this.words[prev.from].lower)!.rule;
      m.entry = { name: m.name, country: null };
      this.bracketedAcronym(s, m);
    } else if (this.aliasCue(seg.from)) {
      const person = this.mentions.slice(0, -1).reverse().find((x) => x.type === 'person');
      if (person) {
        m.type = 'person';
        m.rule = 'alias';
        m.aliasOf = person;
      }
    } else if (this.bracketedAcronym(s, m)) {
      return;
    } else if (!m.weak && this.givenNameFirst(seg)) {
      m.type = 'person';
      m.rule = 'first-name';
    } else {
      this.typeByLayout(s, seg, m);
    }
  }

  /**
   * Unknown names typed by where they stand: "NAME ( Country )" is an athlete, "c NAME b NAME" cricketers,
   * "M. NAME" a person, "NAME 2 NAME 0" and "NAME 4 4 0 0 10 1 12" teams in a results line, and a name of
   * two or three words that are no English words a person ("Filippo Veglio").
   */
  private typeByLayout(s: number, seg: Extract<Segment, { kind: 'name' }>, m: Mention): void {
    const country = this.bracketedCountry(seg.to);
    if (this.ampersand(seg)) {
      m.type = 'organization';
      m.rule = 'ampersand';
      m.weak = false;
      m.entry = { name: m.name, country: null };
    } else if (country) {
      setPerson(m, 'nationality-bracket');
      m.evidence.push(this.direct(country, 'nationality-bracket'));
    } else if (this.scorecardCue(seg)) setPerson(m, 'scorecard');
    else if (!seg.weak && this.initialFirst(seg)) setPerson(m, 'initial-surname');
    else if (!this.rules.notNames.has(this.lowers[seg.from])) this.typeByCue(seg, m);
  }

  /**
   * A results line, a cue or the shape of the name types it (or gives a guess), but never an ordinary
   * word alone: "Sales 1,234 1,100" in a table of results, "against The …". The lexicon is asked only
   * once a cue fits.
   */
  private typeByCue(seg: Extract<Segment, { kind: 'name' }>, m: Mention): void {
    const cue = this.layoutCue(seg);
    if (cue === null || (seg.to - seg.from === 1 && this.ordinaryWord(this.lowers[seg.from]))) return;
    if (cue === 'unknown-full-name') setPerson(m, cue);
    else if (cue === 'venue') m.guess = { type: 'place', rule: this.rules.venueRule };
    else if (cue === 'place-cue') m.guess = { type: 'place', rule: this.rules.placeCue.rule };
    else m.guess = { type: 'organization', rule: cue };
    if (cue !== 'score-line') return;
    // "Mladost ( BJ ) 4 2 1 1": the bracketed town letters tell namesake clubs apart and belong to the name.
    const close = seg.to + 2;
    if (this.words[seg.to]?.text === '(' && this.words[close]?.text === ')' && close < this.end && /^\p{Lu}{1,3}$/u.test(this.words[seg.to + 1].text)) {
      m.end = this.words[close].end;
      m.name = this.phraseText(seg.from, close + 1);
    }
  }

  /** The first cue around the name, or in its shape, that types it. */
  private layoutCue(seg: Extract<Segment, { kind: 'name' }>): 'score-line' | 'unknown-full-name' | 'team-cue' | 'acronym' | 'venue' | 'place-cue' | 'org-noun-after' | null {
    const single = seg.to - seg.from === 1;
    if (this.scoreEntry(seg.from, seg.to)) return 'score-line';
    if (!seg.weak && this.unknownFullName(seg)) return 'unknown-full-name';
    if (single && this.teamCue(seg.from, seg.to)) return 'team-cue';
    if (!seg.weak && this.acronym(seg)) return 'acronym';
    if (this.venue(seg.from, seg.to)) return 'venue';
    if (single && this.placeCue(seg.from)) return 'place-cue';
    if (!seg.weak && this.orgNounAfter(seg.to)) return 'org-noun-after';
    return null;
  }

  /** "Tanjug news agency", "Cofinec shares", "Liberte newspaper". */
  private orgNounAfter(to: number): boolean {
    return to < this.end && !this.words[to].cap && this.rules.orgNounsAfter.startsAt(this.lowers, to, this.end);
  }

  /** "Hove : Sussex 363": the ground before a colon at the start of a line of scores. */
  private venue(from: number, to: number): boolean {
    if (from !== this.first || !this.words[from].lineStart || this.words[to]?.text !== ':' || to + 2 >= this.end) return false;
    let e = to + 1;
    while (e < this.end && this.words[e].kind === 'alpha' && this.words[e].cap) e++;
    return e > to + 1 && this.scoreEntry(to + 1, e);
  }

  /** "in Kestova", "the town of Kestova". */
  private placeCue(from: number): boolean {
    return this.rules.placeCue.before.endsBefore(this.lowers, from, this.first);
  }

  /** "Douglas & Lomason": a name with an ampersand. */
  private ampersand(seg: Extract<Segment, { kind: 'name' }>): boolean {
    for (let k = seg.from + 1; k < seg.to - 1; k++) if (this.words[k].text === '&') return true;
    return false;
  }

  /** An unknown acronym in running text ("the KDP", "NLD supporters"): an organisation's. */
  private acronym(seg: Extract<Segment, { kind: 'name' }>): boolean {
    const w = this.words[seg.from];
    return seg.to - seg.from === 1 && ACRONYM.test(w.text) && !this.ordinaryWord(w.lower);
  }

  /** "v Hampshire", "rivals Leicestershire", "Kent beat": a one-word name in a fixture or a result. */
  private teamCue(from: number, to: number): boolean {
    if (from > this.first && !this.words[from - 1].cap && this.rules.teamBefore.endsBefore(this.lowers, from, this.first)) return true;
    return to < this.end && !this.words[to].cap && this.rules.teamAfter.startsAt(this.lowers, to, this.end);
  }

  /** An English word in compromise's lexicon or the common vocabulary ("sales", "net"). */
  private ordinaryWord(lower: string): boolean {
    return this.rules.lexicon.isCommonWord(lower) || this.rules.lexicon.isEnglishWord(lower);
  }

  /** "( Switzerland )" or "( U.S. )" right after word `to`: the country's code. */
  private bracketedCountry(to: number): string | null {
    if (this.words[to]?.text !== '(' || to + 2 >= this.end) return null;
    const name = this.nameAt(to + 1, 'anywhere');
    if (!name || name.entry.type !== 'country' || !name.entry.country || this.words[name.to]?.text !== ')' || name.to >= this.end) return null;
    return name.entry.country;
  }

  /** "c Croft b Gough", "lbw b Mullally"; a batsman at the start of a line before "c", "b", "lbw", "run out". */
  private scorecardCue(seg: Extract<Segment, { kind: 'name' }>): boolean {
    const cue = this.words[seg.from - 1];
    if (seg.from > this.first && !cue.cap && this.rules.scorecardBefore.endsBefore(this.lowers, seg.from, this.first)) return true;
    return seg.from === this.first && this.words[seg.from].lineStart && seg.to < this.end && !this.words[seg.to].cap && this.rules.scorecardAfter.startsAt(this.lowers, seg.to, this.end);
  }

  /** "M. Gatting", "J.R. Smith": initials before a surname. */
  private initialFirst(seg: Extract<Segment, { kind: 'name' }>): boolean {
    if (seg.to - seg.from < 2 || !INITIALS.test(this.words[seg.from].text)) return false;
    // "U.S. Open", "S. Korean": an abbreviated place, not initials.
    for (let k = seg.from; k < seg.to; k++) if (this.nameAt(k)) return false;
    const last = this.words[seg.to - 1];
    return !last.upper && !this.rules.orgSuffixes.has(last.lower) && !this.rules.placeSuffixes.has(last.lower);
  }

  /**
   * A name in a results or standings line: at the start of the line (or after a rank "2." or another
   * score) and followed by a score, perhaps after a bracketed qualifier ("Zeleznik ( B ) 0").
   */
  private scoreEntry(from: number, to: number): boolean {
    let k = to;
    if (this.words[k]?.text === '(' && this.words[k + 2]?.text === ')' && k + 3 < this.end) k += 3;
    const score = this.words[k];
    if (k < this.end && this.visitingTeam(from, k)) return true;
    if (k >= this.end || score.kind !== 'number' || YEAR_OR_DATE.test(score.text)) return false;
    if (from === this.first) return this.words[from].lineStart;
    const prev = this.words[from - 1];
    if (prev.kind === 'number') return true;
    // "Bristol : Gloucestershire 183 and 185-6 , Northamptonshire 190": not "…, Kia 5 percent".
    const following = this.words[k + 1];
    if (SCORE_LIST.has(prev.text) && (k + 1 >= this.end || following.kind !== 'alpha' || following.cap || following.lower === 'and')) return true;
    const rank = this.words[from - 2];
    return prev.text === '.' && from - 2 === this.first && rank.kind === 'number' && rank.lineStart;
  }

  /** A schedule line "HOUSTON AT PITTSBURGH": the visiting team, at the start of the line, before "at" and the venue. */
  private visitingTeam(from: number, k: number): boolean {
    if (from !== this.first || !this.words[from].lineStart || this.lowers[k] !== 'at' || k + 1 >= this.end || !this.words[k + 1].cap) return false;
    for (let e = k + 1; e < this.end; e++) if (this.words[e].kind !== 'alpha' || !this.words[e].cap) return false;
    return true;
  }

  /** Two or three capitalised words, none an English word, an acronym or a head word: "Filippo Veglio". */
  private unknownFullName(seg: Extract<Segment, { kind: 'name' }>): boolean {
    const n = seg.to - seg.from;
    if (n < 2 || n > 3) return false;
    for (let k = seg.from; k < seg.to; k++) {
      const w = this.words[k];
      // "Ontario-based Magna": a compound adjective; "Cleveland Indians": a place in the name.
      if (HYPHENATED_ADJECTIVE.test(w.text) || DIGIT.test(w.text) || this.nameAt(k)) return false;
      if (!w.cap || w.upper || this.ordinaryWord(w.lower) || this.rules.orgSuffixes.has(w.lower) || this.rules.placeSuffixes.has(w.lower) || this.rules.titles.hasWord(w.lower)) return false;
    }
    return true;
  }

  /** "(MBS)" right after a mention: another mention of the same entity. */
  private bracketedAcronym(s: number, m: Mention): boolean {
    const open = this.segs[s - 1];
    const close = this.segs[s + 1];
    const prior = this.segs[s - 2];
    if (open?.kind !== 'punct' || this.words[open.from].text !== '(' || close?.kind !== 'punct' || this.words[close.from].text !== ')') return false;
    if (!prior || (prior.kind !== 'name' && prior.kind !== 'entity') || !prior.mention || prior.mention.type === null) return false;
    const text = this.phraseText(m.from, m.to);
    if (!/^[A-Z][A-Z.&-]{1,7}$/.test(text)) return false;
    m.type = prior.mention.type;
    m.rule = 'bracketed-acronym';
    m.aliasOf = prior.mention;
    m.weak = false;
    return true;
  }

  private givenNameFirst(seg: Extract<Segment, { kind: 'name' }>): boolean {
    if (seg.to - seg.from < 2) return false;
    const first = this.words[seg.from];
    const last = this.words[seg.to - 1];
    if (first.upper || last.upper) return false;
    if (!this.rules.lexicon.isGivenName(first.lower) || this.rules.orgSuffixes.has(last.lower) || this.rules.placeSuffixes.has(last.lower)) return false;
    // "Michael Green": a surname may be an English word after a given name that is none ("Grace Road", "Will Power" are not people).
    return !this.rules.lexicon.isCommonWord(last.lower) || !(this.rules.lexicon.isCommonWord(first.lower) || this.rules.lexicon.isEnglishWord(first.lower));
  }

  /** A byline cue before the name ("Editing by", "Write to", a line starting "By") or after it ("edited this article"). */
  private byline(seg: Extract<Segment, { kind: 'name' }>): boolean {
    const { bylineBefore, bylineAfter, bylineLineStart } = this.rules;
    if (bylineBefore.endsBefore(this.lowers, seg.from, this.first)) return true;
    const by = this.words[seg.from - 1];
    if (by && seg.from - 1 >= this.first && by.lineStart && bylineLineStart.has(by.lower)) return true;
    return bylineAfter.startsAt(this.lowers, seg.to, this.end);
  }

  private aliasCue(from: number): boolean {
    return this.rules.aliasCues.endsBefore(this.lowers, from, this.first);
  }

  /** Names listed after a plural title or byline cue: "Write to A and B", "Commissioners for Agriculture, A and B". */
  private listAfter(s: number, m: Mention): void {
    for (let k = s + 1; k + 1 < this.segs.length; k += 2) {
      const joiner = this.segs[k];
      const next = this.segs[k + 1];
      const word = this.words[joiner.from].lower;
      if (!((joiner.kind === 'punct' && word === ',') || (joiner.kind === 'word' && word === 'and'))) return;
      if (next.kind !== 'name') return;
      next.weak = false;
      next.listedWith = m;
      if (word === 'and') return;
    }
  }

  /**
   * The title phrase before segment s: "[the|his] [former] [Vietnam's|South Korean|U.S.] [SK Group] Chairman [Sheikh|Mr.] NAME",
   * "head of the ruling Communist Party NAME", "Prime Minister of Kosovo NAME", "the Italian president, NAME".
   */
  private titlePhraseBefore(s: number): TitlePhrase | null {
    let p = s - 1;
    let spanFrom = this.segs[s].from;
    let honorific: string | undefined;
    // Courtesy titles and honorifics are part of the mention.
    while (this.segs[p]?.kind === 'title') {
      const seg = this.segs[p] as Extract<Segment, { kind: 'title' }>;
      const kind = seg.entries.find(isCore)?.kind;
      if (kind !== 'courtesy' && kind !== 'honorific') break;
      spanFrom = seg.from;
      if (kind === 'honorific') honorific = this.phraseText(seg.from, seg.to);
      p--;
    }
    const courtesy = spanFrom !== this.segs[s].from;
    const courtesySeg = p + 1;
    const comma = this.isComma(this.segs[p]);
    if (comma) p--;
    // "head of the ruling Communist Party NAME", "Prime Minister of Kosovo NAME"
    let complement: Extract<Segment, { kind: 'entity' }> | null = null;
    const candidate = this.segs[p];
    if (!comma && candidate?.kind === 'entity' && !this.attributive(candidate.to)) {
      let q = p - 1;
      while (q >= p - 3 && this.isFiller(this.segs[q])) q--;
      if (this.isWord(this.segs[q], 'of') && this.segs[q - 1]?.kind === 'title') {
        complement = candidate;
        p = q - 1;
      }
    }
    // "High Commissioner to Bangladesh NAME": the country is where the envoy serves, not theirs.
    if (!comma && !complement && candidate?.kind === 'entity' && this.isWord(this.segs[p - 1], 'to') && this.segs[p - 2]?.kind === 'title') p -= 2;
    const courtesyOnly: TitlePhrase | null = courtesy ? { title: honorific ?? null, domain: undefined, country: null, org: null, spanFrom, honorific, plural: false, seg: courtesySeg } : null;
    const core = this.segs[p];
    const coreEntry = core?.kind === 'title' ? core.entries.find(isCore) : undefined;
    if (core?.kind !== 'title' || !coreEntry || coreEntry.kind === 'courtesy' || coreEntry.kind === 'honorific') return courtesyOnly;
    let titleFrom = core.from;
    const titleTo = coreEntry.generic && complement ? complement.to : core.to;
    let country: CountryEvidence | null = null;
    let org: Mention | null = null;
    if (complement?.mention) {
      if (complement.info.type === 'organization') org = complement.mention;
      else if (complement.info.country && complement.info.type !== 'nationality') country = this.direct(complement.info.country, 'title-before');
    }
    const modifiers: string[] = [];
    let q = p - 1;
    for (; q >= 0; q--) {
      const seg = this.segs[q];
      if (seg.kind === 'title' && seg.entries.some((e) => e.kind === 'modifier')) {
        // "former", "then-", "deputy" (a modifier before another title); epithets ("late") are skipped.
        if (seg.entries.some((e) => e.kind === 'modifier' && e.inTitle)) modifiers.unshift(this.phraseText(seg.from, seg.to));
        continue;
      }
      if (seg.kind === 'possessive') continue;
      if (seg.kind !== 'entity' || !seg.mention) break;
      const t = seg.info.type;
      const owner = this.segs[q + 1]?.kind === 'possessive';
      if (t === 'organization' || (t === 'place' && seg.info.country)) {
        // "SK Group Chairman", "White House press secretary", "Samsung's chairman"
        if (org) break;
        org = seg.mention;
        if (!owner && modifiers.length === 0) titleFrom = seg.from;
        continue;
      }
      if (t === 'nationality' || t === 'country' || t === 'city') {
        if (seg.info.country) country ??= this.direct(seg.info.country, 'title-before');
        continue;
      }
      break;
    }
    // A comma between title and name only after a definite phrase ("the Italian president, NAME"), a family word or a list.
    if (comma && !(coreEntry.kind === 'relation' || coreEntry.plural || org || country || this.definiteAt(q))) return courtesyOnly;
    // A plural role names a list: "Commissioners for Agriculture, A and B", "Presidents A and B" (not "champions England").
    if (coreEntry.plural && !comma && !this.isWord(this.segs[s + 1], 'and')) return courtesyOnly;
    if (coreEntry.kind === 'relation' && !comma) return courtesyOnly;
    const role = coreEntry.kind === 'relation' || coreEntry.plural ? null : this.titleText(modifiers, titleFrom, titleTo);
    const ownedBy = this.isPronoun(this.segs[q]) && this.rules.ownedRoles.has(normalise(this.phraseText(core.from, core.to)));
    return {
      title: role ?? honorific ?? null,
      domain: coreEntry.kind === 'relation' ? undefined : coreEntry.domain,
      country,
      org,
      spanFrom,
      honorific,
      plural: coreEntry.plural,
      seg: q + 1,
      ownedBy,
      definite: this.isWord(this.segs[q], 'the'),
      capitalisedOnly: coreEntry.case === 'capitalised',
    };
  }

  private isPronoun(seg: Segment | undefined): boolean {
    return seg?.kind === 'word' && POSSESSIVE_PRONOUNS.has(this.words[seg.from].lower);
  }

  /** The word at `i` is a lower-case noun, so the name before it is used as a modifier ("head of UK equities"). */
  private attributive(i: number): boolean {
    const w = this.words[i];
    return i < this.end && w.kind === 'alpha' && !w.cap && w.pos === 'NOUN';
  }

  private isComma(seg: Segment | undefined): boolean {
    return seg?.kind === 'punct' && this.words[seg.from].text === ',';
  }

  private isWord(seg: Segment | undefined, lower: string): boolean {
    return seg?.kind === 'word' && this.words[seg.from].lower === lower;
  }

  /** Words between "of" and its object: "the", "ruling". */
  private isFiller(seg: Segment | undefined): boolean {
    return this.isWord(seg, 'the') || (seg?.kind === 'title' && seg.entries.every((e) => e.kind === 'modifier'));
  }

  /** The phrase started with a determiner or a possessive: "the Italian president,". */
  private definiteAt(q: number): boolean {
    const seg = this.segs[q];
    return seg?.kind === 'possessive' || (seg?.kind === 'word' && DEFINITE.has(this.words[seg.from].lower));
  }

  private titleText(modifiers: string[], from: number, to: number): string {
    let text = '';
    for (const m of modifiers) text += m.endsWith('-') ? m : m + ' ';
    return text + this.phraseText(from, to);
  }

  /** "NAME, [the|a] [Bangladesh's|Vietnamese] [former] title [of [Vietnam's] Communist Party]". */
  private apposition(s: number): TitlePhrase | null {
    const comma = this.segs[s + 1];
    if (comma?.kind !== 'punct' || this.words[comma.from].text !== ',') return null;
    let p = s + 2;
    let country: CountryEvidence | null = null;
    let org: Mention | null = null;
    const modifiers: string[] = [];
    if (this.segs[p]?.kind === 'word' && DETERMINERS.has(this.words[this.segs[p].from].lower)) p++;
    for (; p < this.segs.length; p++) {
      const seg = this.segs[p];
      if (seg.kind === 'entity') {
        const t = seg.info.type;
        if ((t === 'country' || t === 'city') && this.segs[p + 1]?.kind === 'possessive' && seg.info.country) {
          country = this.direct(seg.info.country, 'apposition');
          p++;
          continue;
        }
        if (t === 'nationality') {
          if (seg.info.country) country = this.direct(seg.info.country, 'apposition');
          continue;
        }
        if (t === 'organization' && seg.mention) {
          org = seg.mention;
          continue;
        }
        return null;
      }
      if (seg.kind === 'title' && !seg.entries.some(isCore)) {
        if (seg.entries.some((e) => e.inTitle)) modifiers.push(this.phraseText(seg.from, seg.to));
        continue;
      }
      break;
    }
    const core = this.segs[p];
    if (core?.kind !== 'title' || !this.isPersonTitle(core)) return null;
    const coreEntry = core.entries.find(isCore)!;
    if (coreEntry.kind === 'courtesy' || coreEntry.kind === 'honorific' || coreEntry.plural || this.segs[p + 1]?.kind === 'name') return null;
    let titleTo = core.to;
    let after = p + 1;
    // "… of [the] [Vietnam's] Communist Party"; "… to Bangladesh" (where an envoy serves)
    const link = this.segs[p + 1];
    if (this.isWord(link, 'of') || this.isWord(link, 'to')) {
      let q = p + 2;
      if (this.isWord(this.segs[q], 'the')) q++;
      const owner = this.segs[q];
      if (owner?.kind === 'entity' && owner.info.country && this.segs[q + 1]?.kind === 'possessive' && owner.info.type !== 'organization') {
        country ??= this.direct(owner.info.country, 'apposition');
        q += 2;
      }
      const target = this.segs[q];
      if (target?.kind === 'entity' && target.mention && !this.attributive(target.to)) {
        after = q + 1;
        if (this.isWord(link, 'of')) {
          if (target.info.type === 'organization') org ??= target.mention;
          else if (target.info.country && target.info.type !== 'nationality') country ??= this.direct(target.info.country, 'apposition');
          if (coreEntry.generic) titleTo = target.to;
        }
      }
    }
    // "A, Indian High Commissioner to Bangladesh B": a list of titled names, not an apposition.
    if (this.segs[after]?.kind === 'name') return null;
    return {
      title: coreEntry.kind === 'relation' ? null : this.titleText(modifiers, core.from, titleTo),
      domain: coreEntry.domain,
      country,
      org,
      spanFrom: this.segs[s].from,
      plural: false,
      seg: s,
    };
  }

  /** "President Musharraf of Pakistan". */
  private nameOfCountry(s: number, m: Mention): void {
    const of = this.segs[s + 1];
    const place = this.segs[s + 2];
    if (of?.kind === 'word' && this.words[of.from].lower === 'of' && place?.kind === 'entity' && place.info.type === 'country' && place.info.country) {
      m.evidence.push(this.direct(place.info.country, 'name-of-country'));
    }
  }

  /** "the first visit by a Vietnamese party chief since the late President Ho Chi Minh". */
  private sinceComparison(phraseSeg: number, m: Mention): void {
    let p = phraseSeg - 1;
    while (p >= 0 && this.segs[p].kind === 'word' && DETERMINERS.has(this.words[this.segs[p].from].lower)) p--;
    const since = this.segs[p];
    if (since?.kind !== 'word' || !this.rules.sinceWords.has(this.words[since.from].lower)) return;
    for (let q = p - 1; q >= 1; q--) {
      const seg = this.segs[q];
      const nationality = this.segs[q - 1];
      if (seg.kind === 'title' && seg.entries.some(isCore) && nationality.kind === 'entity' && nationality.info.type === 'nationality' && nationality.info.country) {
        m.evidence.push({ country: nationality.info.country, strength: EVIDENCE_STRENGTH.context, rule: 'since-comparison' });
        return;
      }
    }
  }

  /** "the UK chancellor predicted": a subject title phrase with a country and no name. */
  private description(s: number, seg: Extract<Segment, { kind: 'title' }>): void {
    // An office held by one person: not "the Spanish champions", not "the British actor".
    const office = seg.entries.find(isCore);
    if (!office || office.plural || office.kind !== 'office' || office.domain === 'occupation') return;
    const next = this.segs[s + 1];
    // A subject: the verb follows ("the UK chancellor predicted", "the US president would").
    const verb = this.words[seg.to];
    if (!next || next.kind !== 'word' || !(verb.pos === 'VERB' || verb.pos === 'AUX')) return;
    const qualifier = this.segs[s - 1];
    const the = this.segs[s - 2];
    if (qualifier?.kind !== 'entity' || !qualifier.info.country || !(qualifier.info.type === 'nationality' || qualifier.info.type === 'country')) return;
    if (the?.kind !== 'word' || this.words[the.from].lower !== 'the') return;
    const opener = this.words[the.from - 1];
    if (the.from > this.first && opener && !SUBJECT_OPENER_POS.has(opener.pos) && !SUBJECT_OPENER_WORDS.has(opener.lower) && opener.kind !== 'punct') return;
    this.descriptions.push({ start: this.words[seg.from].start, sentence: this.words[seg.from].sentence, country: qualifier.info.country, title: this.phraseText(seg.from, seg.to) });
  }

  /** Unknown names listed with a person are persons: "Scott Morrison and Frank Bainimarama". */
  private linkCoordinated(): void {
    for (let s = 0; s < this.segs.length; s++) {
      const seg = this.segs[s];
      if ((seg.kind !== 'name' && seg.kind !== 'entity') || !seg.mention) continue;
      const m = seg.mention;
      // A list after a plural title or byline cue types its names, over a guess from their shape alone.
      if (seg.kind === 'name' && seg.listedWith && (m.type === null || m.rule === 'unknown-full-name')) {
        m.type = 'person';
        m.rule = seg.listedWith.rule;
        m.byline = seg.listedWith.byline;
        m.ownedBy = seg.listedWith.ownedBy;
        m.weak = false;
        continue;
      }
      const joiner = this.segs[s + 1];
      const other = this.segs[s + 2];
      if ((other?.kind !== 'name' && other?.kind !== 'entity') || !other.mention) continue;
      const and = joiner?.kind === 'word' && this.words[joiner.from].lower === 'and';
      // "Given , Breen , Staunton": a comma joins names of a list, not "Lebed , Russia 's …" (the next name ends at a list joiner too).
      const after = this.segs[s + 3];
      const listed = this.isComma(joiner) && (!after || this.isComma(after) || this.isWord(after, 'and') || (after.kind === 'punct' && /^[.;)]$/.test(this.words[after.from].text)));
      if (and || listed) {
        m.coordinated.push(other.mention);
        other.mention.coordinated.push(m);
      }
    }
  }

  /** "will meet in Jerusalem with Prime Minister Benjamin Netanyahu": a titled host without a country gets the place's. */
  private hostCountry(): void {
    if (!this.mentions.some((m) => m.type === 'person' && m.evidence.length === 0 && (m.domain === 'government' || m.domain === 'royal'))) return;
    let meetAt = -1;
    for (let i = this.first; i < this.end; i++) {
      if (this.rules.hostLemmas.has(this.words[i].lemma) || this.rules.hostLemmas.has(this.words[i].lower)) {
        meetAt = i;
        break;
      }
    }
    if (meetAt < 0) return;
    const countries = new Set<string>();
    for (const m of this.mentions) {
      if ((m.type === 'city' || m.type === 'country' || m.type === 'place') && m.entry?.country) countries.add(m.entry.country);
    }
    if (countries.size !== 1) return;
    const [country] = countries;
    for (const m of this.mentions) {
      if (m.type === 'person' && m.from > meetAt && (m.domain === 'government' || m.domain === 'royal') && m.evidence.length === 0) {
        m.evidence.push({ country, strength: EVIDENCE_STRENGTH.context, rule: 'host-country' });
      }
    }
  }
}
