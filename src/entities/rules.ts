/**
 * The entity rule files (titles.yaml, places.yaml, organizations.yaml,
 * entity-persons.yaml, outlets.yaml) compiled into the form the stage uses, built once per
 * rules directory together with the gazetteer. Their schemas are in
 * rule-files.ts.
 */
import { cachedByDir, DEFAULT_RULES_DIR, loadRuleFile, type RuleSource } from '../rules/load.ts';
import { buildGazetteer, type NameEntry } from '../gazetteer/gazetteer.ts';
import { normalise, PhraseIndex, phraseWords } from '../gazetteer/phrase-index.ts';
import { wordLexicon, type WordLexicon } from '../gazetteer/packages.ts';
import {
  OrganizationsFileSchema,
  OutletsFileSchema,
  PersonsFileSchema,
  PlacesFileSchema,
  TitlesFileSchema,
  type EntityExample,
  type SettingExample,
  type TitleKind,
} from './rule-files.ts';

/** The patterns the engine implements; each must be declared (with its words) in entity-persons.yaml. */
export const PERSON_PATTERNS = [
  'title-before',
  'apposition',
  'byline',
  'alias',
  'bracketed-acronym',
  'first-name',
  'coordination',
  'short-form',
  'possessive-country',
  'name-of-country',
  'definite-description',
  'host-country',
  'since-comparison',
  'pronoun-owner',
  'nationality-bracket',
  'initial-surname',
  'scorecard',
  'unknown-full-name',
] as const;
export type PersonPattern = (typeof PERSON_PATTERNS)[number];

/** The organisation patterns the engine implements; each must be declared in organizations.yaml. */
export const ORGANIZATION_PATTERNS = ['score-line', 'team-cue', 'acronym', 'ampersand', 'org-noun-after'] as const;

/**
 * Cue phrases (normalised words) looked up by the word next to the name: a
 * phrase before a name by its last word, one after it by its first, so a
 * check is one map hit rather than a scan of every phrase.
 */
export class CuePhrases {
  private readonly byLast = new Map<string, string[][]>();
  private readonly byFirst = new Map<string, string[][]>();

  constructor(phrases: string[][]) {
    for (const p of phrases) {
      for (const [map, key] of [[this.byLast, p[p.length - 1]], [this.byFirst, p[0]]] as const) {
        const list = map.get(key);
        if (list) list.push(p);
        else map.set(key, [p]);
      }
    }
  }

  /** A phrase ends right before word `at`, starting no earlier than word `min`. */
  endsBefore(lowers: readonly string[], at: number, min: number): boolean {
    const list = at > min ? this.byLast.get(lowers[at - 1]) : undefined;
    return list !== undefined && list.some((p) => at - p.length >= min && p.every((w, k) => lowers[at - p.length + k] === w));
  }

  /** A phrase starts at word `at` and ends before word `limit`. */
  startsAt(lowers: readonly string[], at: number, limit: number): boolean {
    const list = at < limit ? this.byFirst.get(lowers[at]) : undefined;
    return list !== undefined && list.some((p) => at + p.length <= limit && p.every((w, k) => lowers[at + k] === w));
  }
}

export interface TitleEntry {
  rule: string;
  domain: string;
  kind: TitleKind | 'modifier';
  /** For modifiers: kept in the recorded title. */
  inTitle: boolean;
  /** Which spellings count: "capitalised" (General Musharraf), "lower" (economist John Smith) or either. */
  case: 'any' | 'capitalised' | 'lower';
  generic: boolean;
  /** Set for all-capital abbreviations, which match only in this exact form. */
  exactCase?: string;
  plural: boolean;
}

export interface OrgCue {
  rule: string;
  domain: string;
  legal: boolean;
  keepNationality: boolean;
  locatedIn: boolean;
}

export interface CueRule {
  rule: string;
}

/** The outlets of outlets.yaml, for the article's setting. */
export interface Outlets {
  /** Any outlet name as a whole word, longest first (global, for matchAll). */
  names: RegExp;
  /** The country of each name; null for an outlet that reports from everywhere. */
  countryOf: Map<string, string | null>;
  /** A word that makes a credit line a picture's. */
  picture: RegExp;
}

export interface EntityRules {
  /** Countries, nationalities, cities, regions, aliases and known organisations. */
  names: PhraseIndex<NameEntry>;
  titles: PhraseIndex<TitleEntry>;
  /** Head words ending an organisation name, by normalised word. */
  orgSuffixes: Map<string, OrgCue>;
  orgOfHeads: Map<string, CueRule>;
  orgDescriptors: Map<string, CueRule>;
  placeSuffixes: Map<string, CueRule>;
  placeOfHeads: Map<string, CueRule>;
  locationCues: Set<string>;
  ordinaryWordCues: Set<string>;
  directions: { rule: string; words: Set<string> };
  /** Words before an unknown name that make it a place ("in", "the town of"). */
  placeCue: { rule: string; before: CuePhrases };
  /** The rule of a ground named before a colon in a line of scores ("Hove : Sussex 363"). */
  venueRule: string;
  /** Modifiers written with a hyphen ("then-", "ex-"): the word before the hyphen. */
  hyphenPrefixes: Set<string>;
  particles: Set<string>;
  notNames: Set<string>;
  /** Phrases (as word lists) before or after a credited name, and words that start a byline line. */
  bylineBefore: CuePhrases;
  bylineAfter: CuePhrases;
  bylineLineStart: Set<string>;
  aliasCues: CuePhrases;
  hostLemmas: Set<string>;
  sinceWords: Set<string>;
  /** Roles that, after "his" or "her", share the country of the person meant ("his deputies"). */
  ownedRoles: Set<string>;
  /** Scorecard words before a player's name ("c", "b"), and after a batsman's at the start of a line ("lbw", "run out"). */
  scorecardBefore: CuePhrases;
  scorecardAfter: CuePhrases;
  /** Words around a one-word name that make it a team ("v Hampshire", "Kent beat"). */
  teamBefore: CuePhrases;
  teamAfter: CuePhrases;
  /** Lower-case nouns after a name that make it an organisation's ("Tanjug news agency", "Cofinec shares"). */
  orgNounsAfter: CuePhrases;
  lexicon: WordLexicon;
  outlets: Outlets;
}

const FILES = ['titles.yaml', 'places.yaml', 'organizations.yaml', 'entity-persons.yaml'] as const;

function loadFiles(dir: string) {
  return {
    titles: loadRuleFile(dir, 'titles.yaml', TitlesFileSchema),
    places: loadRuleFile(dir, 'places.yaml', PlacesFileSchema),
    organizations: loadRuleFile(dir, 'organizations.yaml', OrganizationsFileSchema),
    persons: loadRuleFile(dir, 'entity-persons.yaml', PersonsFileSchema),
    outlets: loadRuleFile(dir, 'outlets.yaml', OutletsFileSchema),
  };
}

/** Rule ids must be unique across the files: entities record them as their `rule`. */
function checkUniqueIds(sources: Array<{ source: RuleSource; groups: Array<[string, Array<{ id: string }>]> }>): void {
  const seen = new Set<string>();
  for (const { source, groups } of sources) {
    for (const [key, list] of groups) {
      list.forEach((r, i) => {
        if (seen.has(r.id)) source.fail([key, i, 'id'], `duplicate rule id '${r.id}'`);
        seen.add(r.id);
      });
    }
  }
}

function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  if (/(s|sh|ch|x|z)$/.test(word)) return word + 'es';
  return word + 's';
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One of `words` as a whole word: no letter or digit next to it. */
const wholeWords = (words: string[], flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...words].sort((a, b) => b.length - a.length).map(escapeRegex).join('|')})(?![\\p{L}\\p{N}])`, flags);

function compileOutlets({ data, source }: ReturnType<typeof loadFiles>['outlets']): Outlets {
  const countryOf = new Map<string, string | null>();
  data.outlets.forEach((o, i) =>
    o.names.forEach((name, k) => {
      if (countryOf.has(name)) source.fail(['outlets', i, 'names', k], `outlet name '${name}' is listed twice`);
      countryOf.set(name, o.country);
    }),
  );
  // Names as written: "Nation" or "Star" in lower case is an ordinary word.
  return { names: wholeWords([...countryOf.keys()], 'gu'), countryOf, picture: wholeWords(data.pictureWords, 'iu') };
}

function compile(dir: string): EntityRules {
  const { titles, places, organizations, persons, outlets } = loadFiles(dir);
  checkUniqueIds([
    { source: titles.source, groups: [['modifiers', titles.data.modifiers], ['titles', titles.data.titles]] },
    { source: places.source, groups: [['directions', [places.data.directions]], ['placeCue', [places.data.placeCue]], ['venue', [places.data.venue]], ['codes', places.data.codes], ['ofPhrases', places.data.ofPhrases], ['suffixes', places.data.suffixes], ['aliases', places.data.aliases]] },
    { source: organizations.source, groups: [['suffixes', organizations.data.suffixes], ['ofPhrases', organizations.data.ofPhrases], ['descriptors', organizations.data.descriptors], ['known', organizations.data.known], ['patterns', organizations.data.patterns]] },
    { source: persons.source, groups: [['patterns', persons.data.patterns]] },
    { source: outlets.source, groups: [['outlets', outlets.data.outlets]] },
  ]);
  places.data.aliases.forEach((a, i) => {
    if (a.country === undefined && !a.names.every((n) => a.countries?.[n])) places.source.fail(['aliases', i], `alias '${a.id}' needs a country, or a country for each name in 'countries'`);
  });

  const titleIndex = new PhraseIndex<TitleEntry>();
  const exactCase = (name: string) => (/[a-z]/.test(name) ? undefined : name);
  for (const m of titles.data.modifiers) {
    for (const w of m.words) titleIndex.add(w, { rule: m.id, domain: 'modifier', kind: 'modifier', inTitle: m.inTitle, case: 'any', generic: false, plural: false });
  }
  for (const t of titles.data.titles) {
    for (const name of t.names) {
      const entry: TitleEntry = { rule: t.id, domain: t.domain, kind: t.kind, inTitle: true, case: t.case, generic: t.generic, exactCase: exactCase(name), plural: false };
      titleIndex.add(name, entry);
      // Plural roles head a list of names: "Commissioners for Agriculture, A and B".
      if (t.kind !== 'courtesy' && !entry.exactCase && /^[a-z]+$/i.test(name.split(' ').at(-1)!)) {
        const parts = name.split(' ');
        titleIndex.add([...parts.slice(0, -1), plural(parts.at(-1)!)].join(' '), { ...entry, plural: true });
      }
    }
  }

  const patterns = new Map(persons.data.patterns.map((p) => [p.id, p]));
  for (const id of PERSON_PATTERNS) {
    if (!patterns.has(id)) persons.source.fail(['patterns'], `pattern '${id}' is implemented by the engine and must be declared`);
  }
  for (const id of ORGANIZATION_PATTERNS) {
    if (!organizations.data.patterns.some((p) => p.id === id)) organizations.source.fail(['patterns'], `pattern '${id}' is implemented by the engine and must be declared`);
  }
  const phrases = (list: string[] | undefined) => (list ?? []).map(phraseWords);
  const wordMap = <T>(groups: Array<{ id: string; words?: string[]; heads?: string[] }>, make: (g: { id: string }) => T) => {
    const map = new Map<string, T>();
    for (const g of groups) for (const w of g.words ?? g.heads ?? []) map.set(normalise(w), make(g));
    return map;
  };

  return {
    names: buildGazetteer(places.data, organizations.data.known),
    titles: titleIndex,
    orgSuffixes: new Map(
      organizations.data.suffixes.flatMap((s) =>
        s.words.map((w) => [normalise(w), { rule: s.id, domain: s.domain, legal: s.legal, keepNationality: s.keepNationality, locatedIn: s.locatedIn }] as const),
      ),
    ),
    orgOfHeads: wordMap(organizations.data.ofPhrases, (g) => ({ rule: g.id })),
    orgDescriptors: wordMap(organizations.data.descriptors, (g) => ({ rule: g.id })),
    placeSuffixes: wordMap(places.data.suffixes, (g) => ({ rule: g.id })),
    placeOfHeads: wordMap(places.data.ofPhrases, (g) => ({ rule: g.id })),
    locationCues: new Set(places.data.locationCues.map(normalise)),
    ordinaryWordCues: new Set(places.data.ordinaryWordCues.map(normalise)),
    directions: { rule: places.data.directions.id, words: new Set(places.data.directions.words.map(normalise)) },
    placeCue: { rule: places.data.placeCue.id, before: new CuePhrases(phrases(places.data.placeCue.before)) },
    venueRule: places.data.venue.id,
    hyphenPrefixes: new Set(titles.data.modifiers.flatMap((m) => m.words.filter((w) => w.endsWith('-')).map((w) => normalise(w.slice(0, -1))))),
    particles: new Set(persons.data.particles.map(normalise)),
    notNames: new Set(persons.data.notNames.map(normalise)),
    bylineBefore: new CuePhrases(phrases(patterns.get('byline')?.before)),
    bylineAfter: new CuePhrases(phrases(patterns.get('byline')?.after)),
    bylineLineStart: new Set((patterns.get('byline')?.lineStart ?? []).map(normalise)),
    aliasCues: new CuePhrases(phrases(patterns.get('alias')?.words)),
    hostLemmas: new Set((patterns.get('host-country')?.lemmas ?? []).map(normalise)),
    sinceWords: new Set((patterns.get('since-comparison')?.words ?? []).map(normalise)),
    ownedRoles: new Set((patterns.get('pronoun-owner')?.words ?? []).map(normalise)),
    scorecardBefore: new CuePhrases(phrases(patterns.get('scorecard')?.before)),
    scorecardAfter: new CuePhrases(phrases(patterns.get('scorecard')?.after)),
    teamBefore: new CuePhrases(phrases(organizations.data.patterns.find((p) => p.id === 'team-cue')?.before)),
    teamAfter: new CuePhrases(phrases(organizations.data.patterns.find((p) => p.id === 'team-cue')?.after)),
    orgNounsAfter: new CuePhrases(phrases(organizations.data.patterns.find((p) => p.id === 'org-noun-after')?.after)),
    lexicon: wordLexicon(),
    outlets: compileOutlets(outlets),
  };
}

/** The compiled entity rules of a rules directory (compiled once per directory). */
export const entityRules = cachedByDir(compile);

/** Every `examples:` entry of the entity rule files, with the rule it belongs to. */
export function entityExamples(dir?: string): Array<{ file: string; rule: string; example: EntityExample }> {
  const files = loadFiles(dir ?? DEFAULT_RULES_DIR);
  const out: Array<{ file: string; rule: string; example: EntityExample }> = [];
  const collect = (file: string, groups: Array<Array<{ id: string; examples?: EntityExample[] }>>) => {
    for (const list of groups) for (const r of list) for (const example of r.examples ?? []) out.push({ file, rule: r.id, example });
  };
  collect(FILES[0], [files.titles.data.modifiers, files.titles.data.titles]);
  collect(FILES[1], [[files.places.data.directions], [files.places.data.placeCue], [files.places.data.venue], files.places.data.codes, files.places.data.ofPhrases, files.places.data.suffixes, files.places.data.aliases]);
  collect(FILES[2], [files.organizations.data.suffixes, files.organizations.data.ofPhrases, files.organizations.data.descriptors, files.organizations.data.known, files.organizations.data.patterns]);
  collect(FILES[3], [files.persons.data.patterns]);
  return out;
}

/** Every `examples:` entry of outlets.yaml, with the outlet group it belongs to. */
export function settingExamples(dir?: string): Array<{ rule: string; example: SettingExample }> {
  return loadFiles(dir ?? DEFAULT_RULES_DIR).outlets.data.outlets.flatMap((o) => o.examples.map((example) => ({ rule: o.id, example })));
}
