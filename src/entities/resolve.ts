/**
 * Article-level resolution: mentions become entities, one per real-world
 * thing. Gazetteer names group by what they name ("U.S." and "US" are one
 * United States); organisations by name ("Samsung" joins "Samsung
 * Electronics"); people by their full names, with short forms ("Lam",
 * "President Lee", "Samsung's Lee") joined to the right full name. A person's
 * country is the strongest evidence any of their mentions carries.
 */
import type { Entity, EntityType } from '../schema.ts';
import { normalise } from '../gazetteer/phrase-index.ts';
import type { EntityRules } from './rules.ts';
import { lowerBound } from '../sorted.ts';
import { EVIDENCE_STRENGTH, type CountryEvidence, type Description, type Mention } from './sentence/types.ts';
import type { ActorKnowledge } from '../actors/knowledge.ts';

interface Cluster {
  type: EntityType;
  mentions: Mention[];
  /** Normalised words of the full name (people and organisations). */
  words: string[];
  /** Evidence from outside the mentions: "the UK chancellor", "his deputies". */
  inferred: CountryEvidence[];
  /** Known to the actor knowledge base as an office holder. */
  known?: boolean;
}

/** Spheres of titles whose holders act for a state, a party or a church (rules/titles.yaml `domain`). */
const OFFICIAL_DOMAINS = new Set(['government', 'diplomatic', 'party', 'royal', 'military', 'judicial', 'religious']);

/** Rules that type a name as a team from a results layout. */
const TEAM_RULES = new Set(['score-line', 'team-cue']);

const isTyped = (m: Mention) => m.type !== null;

/** Typed (or guessed) as a team from a results layout. */
const isTeam = (m: Mention) => TEAM_RULES.has(m.type === 'organization' ? m.rule : (m.guess?.rule ?? ''));

/** Places of every kind count as one kind in a list. */
const family = (t: EntityType | null) => (t === 'city' || t === 'country' || t === 'place' ? 'place' : t);

/** Every name in the list (joined by commas and "and") that `m` is part of. */
function listOf(m: Mention): Mention[] {
  const seen = new Set<Mention>([m]);
  for (const x of seen) for (const o of x.coordinated) seen.add(o);
  return [...seen];
}

/** "Lee Jae-myung" and "Lee Jae Myung" are one name. */
const compact = (words: readonly string[]) => words.join('').replace(/[-‐'’.\s]/g, '');

/** `part` is the first or last words of `whole`. */
function isPart(part: readonly string[], whole: readonly string[]): boolean {
  if (part.length >= whole.length) return false;
  const head = part.every((w, i) => w === whole[i]);
  const tail = part.every((w, i) => w === whole[whole.length - part.length + i]);
  return head || tail;
}

const SPACE_RUN = /\s{2,}/g;

/** What the world knows about people: the actor knowledge base, asked at the article's reference date. */
export interface WorldKnowledge {
  actors: ActorKnowledge;
  date: string | undefined;
}

export function resolve(mentions: Mention[], descriptions: Description[], rules: EntityRules, text: string, world: WorldKnowledge): Entity[] {
  const resolver = new Resolver(mentions, rules, world);
  resolver.typeCoordinated();
  resolver.typeTeams();
  resolver.typeKnownActors();
  resolver.groupNonPersons();
  resolver.groupFullNames();
  resolver.joinShortForms();
  resolver.typeGuesses();
  resolver.joinAliases();
  resolver.knownCountries();
  resolver.inferCountries(descriptions);
  return resolver.entities(text);
}

class Resolver {
  private readonly clusters: Cluster[] = [];
  private readonly clusterOf = new Map<Mention, Cluster>();

  constructor(
    private readonly mentions: Mention[],
    private readonly rules: EntityRules,
    private readonly world: WorldKnowledge,
  ) {}

  private add(c: Cluster, m: Mention): void {
    c.mentions.push(m);
    this.clusterOf.set(m, c);
  }

  private create(type: EntityType, m: Mention, words = m.words): Cluster {
    const c: Cluster = { type, mentions: [], words, inferred: [] };
    this.clusters.push(c);
    this.add(c, m);
    return c;
  }

  /** Moves every mention of `from` into `into`. */
  private merge(from: Cluster, into: Cluster): void {
    for (const m of from.mentions) this.add(into, m);
    from.mentions = [];
  }

  /** Unknown names listed with a person are persons ("Scott Morrison and Frank Bainimarama"). */
  typeCoordinated(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const m of this.mentions) {
        // One word only in a list of two people or more ("Given , Breen , Staunton and Irwin"), never an ordinary word.
        if (m.type !== null || m.weak || m.guess || !m.coordinated.some((o) => o.type === 'person')) continue;
        if (m.words.length < 2 && (this.ordinary(m) || listOf(m).filter((o) => o.type === 'person').length < 2)) continue;
        // "On Monday, Pedro Gomez, …": a run that starts with an ordinary word is a phrase, not a name.
        if (m.words.length >= 2 && this.ordinaryWord(m.words[0])) continue;
        m.type = 'person';
        m.rule = 'coordination';
        changed = true;
      }
    }
    // "Magna , Johnson Controls and Lear", "Alsace and Strasbourg": a name listed with two organisations or two places, and nothing else.
    for (const m of this.mentions) {
      if (m.type !== null || m.weak || m.guess || !m.coordinated.some(isTyped) || this.ordinary(m)) continue;
      const typed = listOf(m).filter(isTyped);
      const kind = family(typed[0]?.type ?? null);
      if (typed.length >= 2 && (kind === 'organization' || kind === 'place') && typed.every((o) => family(o.type) === kind)) m.guess = { type: kind, rule: 'coordination' };
    }
  }

  /**
   * An unknown name that is a known office holder's ("Netanyahu said", "Obama and Sarkozy") is a
   * person: by a whole name or a fuller or shorter form of one; one word only if it is no ordinary
   * word, abbreviation, place or modifier, and the people it can be at the article's date agree on a country.
   */
  typeKnownActors(): void {
    for (const m of this.mentions) {
      if (m.type !== null || m.weak || m.guess || m.byline || !this.world.actors.knowsAnyWord(m.words)) continue;
      // One word: not an ordinary word, an abbreviation, a place's name ("Kent") or a modifier ("Kurdish rebels").
      const { lexicon } = this.rules;
      if (m.words.length === 1 && (this.ordinary(m) || m.attributive || /^\p{Lu}+$/u.test(m.name) || this.rules.notNames.has(m.words[0]) || lexicon.isPlaceName(m.words[0]))) continue;
      const known = this.world.actors.identify(m.name, this.world.date);
      if (!known || (known.match === 'surname' && !known.country)) continue;
      m.type = 'person';
      m.rule = 'actor-knowledge';
    }
  }

  /** Each person's country as the knowledge base has it, weaker than anything the text says. */
  knownCountries(): void {
    for (const c of this.clusters) {
      if (c.type !== 'person' || c.mentions.length === 0) continue;
      const fullest = firstInOrder(c.mentions, (a, b) => b.words.length - a.words.length);
      const known = this.world.actors.identify(fullest.name, this.world.date);
      c.known = !!known && (known.match !== 'surname' || !!known.country);
      if (known?.country) c.inferred.push({ country: known.country, strength: EVIDENCE_STRENGTH.knowledge, rule: 'actor-knowledge' });
    }
  }

  /** A one-word mention that is an ordinary English word ("Nice", "Given"). */
  private ordinary(m: Mention): boolean {
    const { lexicon } = this.rules;
    return m.words.length === 1 && (lexicon.isCommonWord(m.words[0]) || lexicon.isEnglishWord(m.words[0]));
  }

  /** A common word that is no given name ("on", "during"; not "rose"). */
  private ordinaryWord(lower: string): boolean {
    const { lexicon } = this.rules;
    return lexicon.isCommonWord(lower) && !lexicon.isGivenName(lower);
  }

  /** A county that plays in the article's results ("Surrey 429-7", "v Surrey") is the team wherever the article names it. */
  typeTeams(): void {
    const teams = new Set(this.mentions.filter(isTeam).map((m) => compact(m.words)));
    if (teams.size === 0) return;
    for (const m of this.mentions) {
      // A county or region with no country of its own ("Surrey"); a town or a home nation keeps being a place where no result names it.
      if (m.type !== 'place' || m.entry?.country || !teams.has(compact(m.words))) continue;
      m.type = 'organization';
      m.entry = { name: m.name, country: null };
      m.evidence = [];
    }
  }

  /** Places and nationalities by what they name; organisations by name, "Samsung" joining "Samsung Electronics". */
  groupNonPersons(): void {
    const byKey = new Map<string, Cluster>();
    const orgsByName = new Map<string, Cluster[]>();
    for (const m of this.mentions) {
      if (m.type === null || m.type === 'person' || m.aliasOf || !m.entry) continue;
      if (m.type === 'organization') {
        const words = normalise(m.entry.name).split(/\s+/);
        const key = compact(words);
        const country = m.entry.country ?? m.evidence[0]?.country ?? null;
        // Same name and the same (or an unknown) country: one organisation.
        const named = orgsByName.get(key) ?? [];
        const same = named.find((c) => !country || !orgCountry(c) || orgCountry(c) === country);
        if (same) this.add(same, m);
        else orgsByName.set(key, [...named, this.create('organization', m, words)]);
        continue;
      }
      const key = m.type === 'country' ? `country|${m.entry.country}` : `${m.type}|${m.entry.country ?? ''}|${normalise(m.entry.name)}`;
      const c = byKey.get(key);
      if (c) this.add(c, m);
      else byKey.set(key, this.create(m.type, m));
    }
    const fullByFirstWord = new Map<string, Cluster>();
    for (const c of this.clusters) if (c.type === 'organization' && c.words.length > 1 && !fullByFirstWord.has(c.words[0])) fullByFirstWord.set(c.words[0], c);
    for (const short of this.clusters) {
      const full = short.type === 'organization' && short.words.length === 1 ? fullByFirstWord.get(short.words[0]) : undefined;
      if (full) this.merge(short, full);
    }
  }

  /**
   * People with a full name (two words or more), merged when one name is the
   * start or end of another ("bin Salman" in "Mohammed bin Salman"). An unknown
   * full name whose first or last word is a known person's one-word name
   * becomes that person ("Gordon Brown" for "Mr Brown").
   */
  groupFullNames(): void {
    const oneWord = new Set(this.mentions.filter((m) => m.type === 'person' && m.words.length === 1 && !m.aliasOf).map((m) => m.words[0]));
    const byName = new Map<string, Cluster>();
    /** Every first or last part (two words or more) of each full name. */
    const byPart = new Map<string, Cluster>();
    for (const m of this.mentions) {
      if (m.aliasOf || m.words.length < 2 || m.weak) continue;
      const key = compact(m.words);
      if (m.type === null) {
        if (!byName.has(key) && !oneWord.has(m.words[m.words.length - 1]) && !oneWord.has(m.words[0])) continue;
        m.type = 'person';
        m.rule = 'short-form';
      }
      if (m.type !== 'person') continue;
      const same = byName.get(key) ?? byPart.get(m.words.join(' '));
      if (same && same.mentions.length > 0) {
        this.add(same, m);
        continue;
      }
      const c = this.create('person', m);
      byName.set(key, c);
      for (const part of edgeParts(m.words)) {
        const shorter = byName.get(compact(part));
        if (shorter && shorter !== c && shorter.mentions.length > 0 && isPart(shorter.words, c.words)) {
          this.merge(shorter, c);
          byName.set(compact(part), c);
        }
        if (!byPart.has(part.join(' '))) byPart.set(part.join(' '), c);
      }
    }
  }

  /** One-word mentions, and the words of headline runs, joined to the person or organisation they shorten. */
  joinShortForms(): void {
    const index = new ShortFormIndex(this.clusters);
    for (const m of this.mentions) {
      if (this.clusterOf.has(m) || m.aliasOf || !(m.type === 'person' || m.type === null)) continue;
      if (m.weak && m.words.length > 1) {
        this.joinHeadlineRun(m, index);
        continue;
      }
      if (m.words.length !== 1) continue;
      const word = m.words[0];
      if (this.rules.notNames.has(word) && m.type !== 'person') continue;
      const target = index.person(m) ?? index.byWord.get(word) ?? (m.weak ? undefined : index.fuzzy(word));
      if (target) {
        this.add(target, m);
        index.added(target, m);
        index.byWord.set(word, target);
        continue;
      }
      const org = index.orgByFirstWord.get(word);
      if (org && m.type === null && !m.attributive) this.add(org, m);
      else if (m.type === 'person') index.byWord.set(word, this.create('person', m));
    }
  }

  /**
   * Names typed only by where they stand ("Yorkshire 238", "v Hampshire") that joined no entity take
   * their guess; the same name elsewhere in the article, with no cue of its own, joins them
   * ("By the close Yorkshire had …").
   */
  typeGuesses(): void {
    const byName = new Map<string, Cluster>();
    for (const m of this.mentions) {
      if (m.type !== null || !m.guess || this.clusterOf.has(m)) continue;
      m.type = m.guess.type;
      m.rule = m.guess.rule;
      m.entry = { name: m.name, country: null };
      m.weak = false;
      const key = m.words.join(' ');
      const same = byName.get(key);
      if (same?.type === m.type) this.add(same, m);
      else if (!same) byName.set(key, this.create(m.type, m));
    }
    // Places found by the gazetteer with a cue join their names without one ("in Leeds … Leeds police"),
    // not an ordinary word ("in Nice … Nice weather").
    let places: Map<string, Cluster> | undefined;
    for (const m of this.mentions) {
      if (m.type !== null || m.weak || m.aliasOf || this.clusterOf.has(m)) continue;
      const key = m.words.join(' ');
      places ??= this.placesByName();
      const place = places.get(key);
      const same = byName.get(key) ?? (place && !this.ordinary(m) ? place : undefined);
      if (same) this.add(same, m);
    }
  }

  /** Every place, city and country by the words of each of its mentions. */
  private placesByName(): Map<string, Cluster> {
    const places = new Map<string, Cluster>();
    for (const c of this.clusters) {
      if (c.type !== 'city' && c.type !== 'place' && c.type !== 'country') continue;
      for (const m of c.mentions) {
        const key = m.words.join(' ');
        if (!places.has(key)) places.set(key, c);
      }
    }
    return places;
  }

  /** A headline or capitals run ("LAM VISITED SOUTH KOREA"): the names of known people and organisations in it. */
  private joinHeadlineRun(m: Mention, index: ShortFormIndex): void {
    for (let i = 0; i < m.words.length; ) {
      const word = m.words[i];
      const full = (index.byFirstWord.get(word) ?? []).find((c) => i + c.words.length <= m.words.length && c.words.every((w, k) => m.words[i + k] === w));
      const short = index.byWord.get(word) ?? index.byEdgeWord.get(word)?.find((c) => c.words[c.words.length - 1] === word || c.words.length > 2);
      const target = full ?? short;
      const len = full ? full.words.length : 1;
      if (target) this.add(target, subMention(m, i, i + len));
      i += len;
    }
  }

  /** "also known as Jay Y. Lee", "(MBS)": mentions of the entity they follow. */
  joinAliases(): void {
    for (const m of this.mentions) {
      const target = m.aliasOf && !this.clusterOf.has(m) ? this.clusterOf.get(m.aliasOf) : undefined;
      if (target) this.add(target, m);
    }
  }

  /**
   * Countries from outside a person's own mentions: "his deputies, A and B"
   * share the country of the person "his" refers to; a subject "the UK
   * chancellor" right after a person with no known country gives that country.
   */
  inferCountries(descriptions: Description[]): void {
    for (let i = 0; i < this.mentions.length; i++) {
      const m = this.mentions[i];
      const own = this.clusterOf.get(m);
      if (!m.ownedBy || !own) continue;
      const owner = this.mentions.slice(0, i).reverse().find((x) => this.clusterOf.get(x)?.type === 'person' && this.clusterOf.get(x) !== own);
      if (!owner || m.sentence - owner.sentence > 1) continue;
      const country = this.bestEvidence(this.clusterOf.get(owner)!)?.country;
      if (country) own.inferred.push({ country, strength: EVIDENCE_STRENGTH.context, rule: 'pronoun-owner' });
    }
    for (const d of descriptions) {
      let last: Mention | undefined;
      for (const m of this.mentions) {
        if (m.start >= d.start) break;
        if (this.clusterOf.get(m)?.type === 'person') last = m;
      }
      if (!last || d.sentence - last.sentence > 1) continue;
      const c = this.clusterOf.get(last)!;
      // "Kremlin aide Yuri Ushakov told journalists, the French president proposed …": another role, another person.
      const roles = c.mentions.flatMap((m) => m.titles.map(titleHead));
      if (roles.length > 0 && !roles.includes(titleHead(d.title))) continue;
      if (!this.bestEvidence(c)) c.inferred.push({ country: d.country, strength: EVIDENCE_STRENGTH.context, rule: 'definite-description' });
    }
  }

  /** The strongest country evidence of a person, organisations resolved to their country. */
  private bestEvidence(c: Cluster): CountryEvidence | null {
    let best: CountryEvidence | null = null;
    for (const e of [...c.mentions.flatMap((m) => m.evidence), ...c.inferred]) {
      const owner = e.org ? this.clusterOf.get(e.org) : undefined;
      const country = e.country ?? (owner ? clusterCountry(owner) : null);
      if (country && (!best || e.strength > best.strength)) best = { ...e, country };
    }
    return best;
  }

  entities(text: string): Entity[] {
    return this.clusters
      .filter((c) => c.mentions.length > 0)
      .map((c) => ({ c, first: Math.min(...c.mentions.map((m) => m.start)) }))
      .sort((a, b) => a.first - b.first)
      .map(({ c }, i) => this.toEntity(c, `e${i + 1}`, text));
  }

  private toEntity(c: Cluster, id: string, text: string): Entity {
    const mentions = [...new Map(c.mentions.map((m) => [`${m.start}:${m.end}`, m])).values()].sort((a, b) => a.start - b.start);
    const typedBy = mentions.find((m) => m.rule && m.rule !== 'short-form') ?? mentions[0];
    let name: string;
    let country: string | null;
    if (c.type === 'person') {
      // The fullest form the article uses, in its most used spelling ("Milei" twice over "Javier Miley" once);
      // an alias ("Jay Y. Lee") only when there is nothing else.
      const named = mentions.filter((m) => !m.aliasOf);
      const forms = mostUsedSpelling(named.length ? named : mentions);
      const full = firstInOrder(forms, (a, b) => b.words.length - a.words.length || Number(!!b.honorific) - Number(!!a.honorific));
      name = full.words.length === 1 && full.honorific ? `${full.honorific} ${full.name}` : full.name;
      country = this.bestEvidence(c)?.country ?? null;
    } else if (c.type === 'organization') {
      const longest = firstInOrder(mentions, (a, b) => (b.entry?.name.length ?? 0) - (a.entry?.name.length ?? 0));
      name = longest.entry?.name ?? longest.name;
      country = orgCountry(c);
    } else {
      name = typedBy.entry?.name ?? typedBy.name;
      country = typedBy.entry?.country ?? null;
    }
    return {
      id,
      type: c.type,
      // Names are read from the plain text, where an invisible character beside a space is one more space.
      name: name.replace(SPACE_RUN, ' '),
      country,
      titles: [...new Set(mentions.flatMap((m) => m.titles.map((t) => t.replace(SPACE_RUN, ' '))))],
      ...(c.type === 'person' ? { official: c.known === true || mentions.some((m) => m.domain !== undefined && OFFICIAL_DOMAINS.has(m.domain)) } : {}),
      mentions: mentions.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end) })),
      rule: typedBy.rule,
    };
  }
}

/**
 * The mentions in the most used spelling of the surname, when the person was
 * joined across a misspelling ("Javier Miley" … "Milei", "Milei"); all of them otherwise.
 */
function mostUsedSpelling(mentions: Mention[]): Mention[] {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(lastWord(m), (counts.get(lastWord(m)) ?? 0) + 1);
  const spellings = [...counts.keys()];
  const variants = spellings.filter((w) => spellings.some((o) => o !== w && o.length >= 5 && oneEditApart(o, w)));
  if (variants.length < 2) return mentions;
  const best = firstInOrder(variants, (a, b) => counts.get(b)! - counts.get(a)!);
  return mentions.filter((m) => lastWord(m) === best || !variants.includes(lastWord(m)));
}

const lastWord = (m: Mention) => m.words[m.words.length - 1];

/** What a stable sort by `order` would put first, without sorting (a sort allocates its merge state). */
function firstInOrder<T>(items: readonly T[], order: (a: T, b: T) => number): T {
  let first = items[0];
  for (let k = 1; k < items.length; k++) if (order(items[k], first) < 0) first = items[k];
  return first;
}

/** An organisation's country, or a place's ("White House press secretary"). */
function clusterCountry(c: Cluster): string | null {
  return c.type === 'organization' ? orgCountry(c) : (c.mentions.find((m) => m.entry?.country)?.entry?.country ?? null);
}

function orgCountry(c: Cluster): string | null {
  for (const m of c.mentions) {
    const country = m.entry?.country ?? m.evidence.find((e) => e.country)?.country;
    if (country) return country;
  }
  return null;
}

/** The words [a, b) of a headline run as a mention of their own. */
function subMention(m: Mention, a: number, b: number): Mention {
  const spans: Array<[number, number]> = [];
  const re = /\S+/g;
  for (let r = re.exec(m.name); r; r = re.exec(m.name)) spans.push([m.start + r.index, m.start + r.index + r[0].length]);
  const [start, end] = [spans[a][0], spans[b - 1][1]];
  return { ...m, start, end, words: m.words.slice(a, b), name: m.name.slice(start - m.start, end - m.start), weak: false };
}

/** Look-ups for joining one-word mentions: full names by their first and last words, organisations by their first word. */
class ShortFormIndex {
  /** People with a full name, by its first and its last word. */
  readonly byEdgeWord = new Map<string, Cluster[]>();
  /** People and organisations with a name of two words or more, by its first word. */
  readonly byFirstWord = new Map<string, Cluster[]>();
  readonly orgByFirstWord = new Map<string, Cluster>();
  /** People known by one word, as the joining goes on. */
  readonly byWord = new Map<string, Cluster>();
  /** Sorted mention starts of each full-named person, to count mentions before a point. */
  private readonly starts = new Map<Cluster, number[]>();
  /** Full-named people by the first two letters of their surname, for spelling variants. */
  private readonly bySurnameStart = new Map<string, Cluster[]>();

  constructor(clusters: readonly Cluster[]) {
    for (const c of clusters) {
      if (c.mentions.length === 0 || c.words.length < 2) continue;
      if (c.type === 'organization' && !this.orgByFirstWord.has(c.words[0])) this.orgByFirstWord.set(c.words[0], c);
      if (c.type !== 'person' && c.type !== 'organization') continue;
      addOnce(this.byFirstWord, c.words[0], c);
      if (c.type !== 'person') continue;
      addOnce(this.byEdgeWord, c.words[0], c);
      addOnce(this.byEdgeWord, c.words[c.words.length - 1], c);
      addOnce(this.bySurnameStart, c.words[c.words.length - 1].slice(0, 2), c);
      this.starts.set(c, c.mentions.map((m) => m.start).sort((a, b) => a - b));
    }
  }

  added(c: Cluster, m: Mention): void {
    const starts = this.starts.get(c);
    if (starts) starts.splice(lowerBound(starts, m.start), 0, m.start);
  }

  /**
   * The person a one-word mention shortens: full names ending (or, East Asian
   * order, starting) with the word, preferably named before it. A title or
   * organisation with the mention picks the person whose role fits; otherwise
   * the person mentioned most so far, then the most recent.
   */
  person(m: Mention): Cluster | undefined {
    let candidates = this.byEdgeWord.get(m.words[0]) ?? [];
    if (candidates.length === 0) return undefined;
    const named = candidates.filter((c) => this.mentionsBefore(c, m.start) > 0);
    if (named.length > 0) candidates = named;
    if (m.titles.length > 0 || m.domain) {
      const fitting = candidates.filter((c) => roleFits(m, c));
      if (fitting.length > 0) candidates = fitting;
    }
    return firstInOrder(candidates, (a, b) => this.mentionsBefore(b, m.start) - this.mentionsBefore(a, m.start) || this.latestBefore(b, m.start) - this.latestBefore(a, m.start));
  }

  /** How many of the person's mentions start before `start`. */
  private mentionsBefore(c: Cluster, start: number): number {
    return lowerBound(this.starts.get(c)!, start);
  }

  /** Where the person's last mention before `start` starts (-1: none). */
  private latestBefore(c: Cluster, start: number): number {
    return this.starts.get(c)![this.mentionsBefore(c, start) - 1] ?? -1;
  }

  /** "Milei" for "Javier Miley": one edit apart in a long surname (a letter more or less only in longer ones: not "Browns" for "Brown"). */
  fuzzy(word: string): Cluster | undefined {
    if (word.length < 5) return undefined;
    return this.bySurnameStart.get(word.slice(0, 2))?.find((c) => {
      const surname = c.words[c.words.length - 1];
      return Math.min(surname.length, word.length) >= (surname.length === word.length ? 5 : 6) && oneEditApart(surname, word);
    });
  }
}

/** Adds `c` to the list under `key`, once. */
function addOnce<K>(map: Map<K, Cluster[]>, key: K, c: Cluster): void {
  const list = map.get(key);
  if (!list) map.set(key, [c]);
  else if (!list.includes(c)) list.push(c);
}

/** The first and last parts of a name, two words or more and shorter than it. */
function edgeParts(words: readonly string[]): string[][] {
  const parts: string[][] = [];
  for (let n = 2; n < words.length; n++) parts.push(words.slice(0, n), words.slice(words.length - n));
  return parts;
}

/** The head word of a title: "former President" → "president". */
const titleHead = (title: string) => normalise(title).split(/[\s-]+/).at(-1)!;

/** A titled short form fits a person with the same title word or the same sphere ("President Lee", "Samsung's Lee"). */
function roleFits(m: Mention, c: Cluster): boolean {
  const titles = c.mentions.flatMap((x) => x.titles.map(titleHead));
  if (m.titles.some((t) => titles.includes(titleHead(t)))) return true;
  return m.domain !== undefined && c.mentions.some((x) => x.domain === m.domain);
}

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length >= b.length) i++;
    if (b.length >= a.length) j++;
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
