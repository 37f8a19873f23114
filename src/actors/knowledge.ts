/**
 * The actor knowledge base: who held which national office, for which country, when.
 * A reader knows "Netanyahu" is Israeli and "Prime Minister Tony Blair" British from
 * the world, not from the text; this is that knowledge, asked by name and date.
 *
 * A name is looked up whole first ("Tony Blair", a variant such as "Bibi Netanyahu"),
 * then as a fuller or shorter form of one, then as a word or the end of a longer name
 * ("Blair", "Xi", "López Obrador"). Among the people found,
 * those in national office at the date are preferred; a country is given only when
 * every one of them points to the same one, so "Kim" or "Ali" give none.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.ts';
import { cachedByDir, loadRuleFile } from '../rules/load.ts';
import { ActorsFileSchema, foldName, parseTerm, type ActorRole, type DerivedTerm } from './data.ts';

export const LEADERS_FILE = path.join(PACKAGE_ROOT, 'data', 'actors', 'leaders.tsv');
export const ACTORS_RULE_FILE = 'actors.yaml';

export interface Actor {
  name: string;
  variants: readonly string[];
  terms: readonly DerivedTerm[];
}

/**
 * How a name was found: as an actor's whole name or variant; as a fuller or shorter form of
 * one, the same given name and words in the same order ("Bruno Rodriguez" for "Bruno
 * Rodriguez Parrilla", "Nana Addo Dankwa Akufo-Addo" for "Nana Akufo-Addo"); or as the end of one ("Blair").
 */
export type NameMatch = 'name' | 'form' | 'surname';

export interface Identification {
  /** The one person meant, when the name picks out one. */
  actor?: Actor;
  /** The country every candidate points to at the date, if they agree. */
  country?: string;
  /** The term that gave the country: the office held at the date where there is one. */
  term?: DerivedTerm;
  match: NameMatch;
  candidates: number;
}

/** Offices a person holds for a state; elite and opposition roles are weaker evidence of a country. */
const ROLE_WEIGHT: Record<ActorRole, number> = {
  'head-of-state': 3,
  'head-of-government': 3,
  government: 2,
  military: 2,
  religious: 2,
  legislature: 1,
  judiciary: 1,
  opposition: 1,
  elite: 1,
};
const OFFICE_ROLES = new Set<ActorRole>(['head-of-state', 'head-of-government', 'government', 'military', 'religious']);

/** Whether the term covers `date` (yyyy, yyyy-mm or yyyy-mm-dd), compared at the precision both give. */
export function termCovers(term: DerivedTerm, date: string): boolean {
  if (term.from && date.slice(0, term.from.length) < term.from.slice(0, date.length)) return false;
  if (term.to && date.slice(0, term.to.length) > term.to.slice(0, date.length)) return false;
  return true;
}

/** The terms that hold at the date (undated ones hold at any time); all of them when the date is unknown or none holds. */
function termsAt(actor: Actor, date: string | undefined): readonly DerivedTerm[] {
  if (!date) return actor.terms;
  const at = actor.terms.filter((t) => termCovers(t, date));
  return at.some((t) => t.from || t.to) ? at : actor.terms;
}

/** Whether the actor held a national office at the date, as far as the term's source knows: an open term of a source ends at its last update. */
function heldOffice(actor: Actor, date: string, asOf: ReadonlyMap<string, string>): boolean {
  return actor.terms.some((t) => {
    if (!OFFICE_ROLES.has(t.role) || (!t.from && !t.to) || !termCovers(t, date)) return false;
    const until = t.to ? undefined : asOf.get(t.source);
    return !until || date.slice(0, until.length) <= until;
  });
}

/** The actor's country at the date: the one with the most weight of terms, undefined on a tie. */
export function countryAt(actor: Actor, date: string | undefined): { country: string; term: DerivedTerm } | undefined {
  const weight = new Map<string, number>();
  const best = new Map<string, DerivedTerm>();
  for (const t of termsAt(actor, date)) {
    // An organisation's office competes like a country's, and when it wins there is no country.
    const key = t.country ?? `organisation ${t.organisation}`;
    weight.set(key, (weight.get(key) ?? 0) + ROLE_WEIGHT[t.role]);
    const held = best.get(key);
    if (!held || ROLE_WEIGHT[t.role] > ROLE_WEIGHT[held.role] || (ROLE_WEIGHT[t.role] === ROLE_WEIGHT[held.role] && (t.from ?? '') > (held.from ?? ''))) best.set(key, t);
  }
  const ranked = [...weight].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1][1] === ranked[0][1])) return undefined;
  const term = best.get(ranked[0][0])!;
  return term.country ? { country: term.country, term } : undefined;
}

/** How many answers per date, and how many dates, the memo of identify holds before it starts again. */
const MEMO_LIMIT = 20_000;
const MEMO_DATES = 64;
const PLAIN_WORD = /^[a-z]+$/;

export class ActorKnowledge {
  private readonly byName = new Map<string, Actor[]>();
  private readonly bySurname = new Map<string, Actor[]>();
  /** Each word of a name of several words: a name of one word, and fuller and shorter forms, are found through it. */
  private readonly byWord = new Map<string, Actor[]>();
  private readonly memo = new Map<string, Map<string, Identification | undefined>>();
  readonly size: number;

  /**
   * `asOf`: each source's last update (see heldOffice). `additions`: actors kept by hand; one whose
   * name is an actor's of `actors` adds its variants and terms to that actor's.
   */
  constructor(actors: Iterable<Actor>, private readonly asOf: ReadonlyMap<string, string> = new Map(), additions: readonly Actor[] = []) {
    let size = 0;
    const added = new Map(additions.map((a) => [foldName(a.name), a] as const));
    const index = (actor: Actor, primary: string) => {
      size++;
      const names = new Set([primary, ...actor.variants.map(foldName)]);
      for (const name of names) {
        add(this.byName, name, actor);
        const words = name.split(' ');
        if (words.length > 1) for (const w of words) add(this.byWord, w, actor);
      }
      // Every proper ending of two words or more: "Lopez Obrador", "bin Salman" (one word is looked up among all words).
      const endings = new Set<string>();
      for (const name of names) {
        const words = name.split(' ');
        for (let i = 1; i < words.length - 1; i++) endings.add(words.slice(i).join(' '));
      }
      for (const ending of endings) if (!names.has(ending)) add(this.bySurname, ending, actor);
    };
    for (const actor of actors) {
      const primary = foldName(actor.name);
      const extra = added.get(primary);
      if (!extra) {
        index(actor, primary);
        continue;
      }
      added.delete(primary);
      index({ name: extra.name, variants: [...new Set([...actor.variants, ...extra.variants])], terms: [...actor.terms, ...extra.terms] }, primary);
    }
    for (const [primary, extra] of added) index(extra, primary);
    this.size = size;
  }

  /** Whether any of the words (lower case) is a word of a known name: a cheap test before identify(). */
  knowsAnyWord(words: readonly string[]): boolean {
    for (const w of words) {
      // Words come lower-cased; only those with accents or punctuation need folding.
      if (this.byWord.has(w) || this.byName.has(w)) return true;
      if (!PLAIN_WORD.test(w)) {
        const folded = foldName(w);
        if (this.byWord.has(folded) || this.byName.has(folded)) return true;
      }
    }
    return false;
  }

  /** Who `name` (as written in the text, without titles) can be at `date`, and their country if it is clear. */
  identify(name: string, date?: string): Identification | undefined {
    // News names the same people over and over: answers are remembered per date (a bounded memo, emptied when full).
    const dateKey = date ?? '';
    let memo = this.memo.get(dateKey);
    if (!memo) {
      if (this.memo.size >= MEMO_DATES) this.memo.clear();
      this.memo.set(dateKey, (memo = new Map()));
    }
    if (memo.has(name)) return memo.get(name);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const answer = this.lookUp(name, date);
    memo.set(name, answer);
    return answer;
  }

  private lookUp(name: string, date: string | undefined): Identification | undefined {
    const key = foldName(name);
    let match: NameMatch = 'name';
    let found = this.byName.get(key);
    if (!found && key.includes(' ')) {
      match = 'form';
      found = this.otherForms(key.split(' '));
    }
    if (!found) {
      // One word is any word of a name: a family name comes first in "Kim Jong Un" and "Xi Jinping".
      match = 'surname';
      found = key.includes(' ') ? this.bySurname.get(key) : this.byWord.get(key);
    }
    if (!found) return undefined;
    const inOffice = date ? found.filter((a) => heldOffice(a, date, this.asOf)) : [];
    const candidates = inOffice.length > 0 ? inOffice : found;
    const countries = candidates.map((a) => countryAt(a, date));
    const first = countries[0];
    const agreed = first && countries.every((c) => c?.country === first.country) ? first : undefined;
    return {
      ...(candidates.length === 1 ? { actor: candidates[0] } : {}),
      ...(agreed ? { country: agreed.country, term: agreed.term } : {}),
      match,
      candidates: candidates.length,
    };
  }

  /** Actors with a name of the same given name of which `words` is a fuller or shorter form, sharing two words or more. */
  private otherForms(words: string[]): Actor[] | undefined {
    // A fuller form in the text has words the shorter name lacks: look through the rarest word it has.
    const known = words.map((w) => this.byWord.get(w)).filter((l): l is Actor[] => !!l).sort((a, b) => a.length - b.length);
    if (known.length < 2) return undefined;
    const found = known[0].filter((actor) =>
      [actor.name, ...actor.variants].some((n) => {
        const other = foldName(n).split(' ');
        return other[0] === words[0] && (isSubsequence(words, other) || isSubsequence(other, words));
      }),
    );
    return found.length > 0 ? found : undefined;
  }
}

/** Whether `short`'s words occur in `long` in the same order, two of them at least. */
function isSubsequence(short: string[], long: string[]): boolean {
  if (short.length < 2 || short.length > long.length) return false;
  let i = 0;
  for (const w of long) if (w === short[i]) i++;
  return i === short.length;
}

function add(map: Map<string, Actor[]>, key: string, actor: Actor): void {
  const list = map.get(key);
  if (!list) map.set(key, [actor]);
  else if (!list.includes(actor)) list.push(actor);
}

/** An actor of the derived file, whose terms are read when first asked for: most actors are never looked at. */
class DerivedActor implements Actor {
  private parsed: readonly DerivedTerm[] | undefined;
  constructor(
    readonly name: string,
    readonly variants: readonly string[],
    private readonly rawTerms: string,
  ) {}
  get terms(): readonly DerivedTerm[] {
    return (this.parsed ??= this.rawTerms.split(';').flatMap((t) => parseTerm(t) ?? []));
  }
}

const NO_VARIANTS: readonly string[] = [];

/** The derived file's actors, and the date each of its sources is as of. */
export function readLeaders(file = LEADERS_FILE): Actor[] & { asOf: Map<string, string> } {
  const actors: Actor[] = [];
  const asOf = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      const source = /^# source (\S+) as of (\S+)/.exec(line);
      if (source) asOf.set(source[1], source[2]);
      continue;
    }
    const tab = line.indexOf('\t');
    const tab2 = line.indexOf('\t', tab + 1);
    const variants = line.slice(tab + 1, tab2);
    actors.push(new DerivedActor(line.slice(0, tab), variants ? variants.split(';') : NO_VARIANTS, line.slice(tab2 + 1)));
  }
  return Object.assign(actors, { asOf });
}

/**
 * The knowledge base of a rules directory: the derived leaders and its actors.yaml, whose
 * entries join a derived person of the same name (their terms and variants added) or stand alone.
 */
export const actorKnowledge = cachedByDir((dir: string): ActorKnowledge => {
  const { data } = loadRuleFile(dir, ACTORS_RULE_FILE, ActorsFileSchema);
  const leaders = readLeaders();
  const source = `rules/${ACTORS_RULE_FILE}`;
  const byHand = data.actors.map((entry) => ({ name: entry.name, variants: entry.variants ?? [], terms: entry.terms.map((t) => ({ ...t, source })) }));
  return new ActorKnowledge(leaders, leaders.asOf, byHand);
});
