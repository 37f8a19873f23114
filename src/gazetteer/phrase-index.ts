/**
 * A word trie of phrases: looking up what starts at a word is one map hit
 * for the first word, then one hit in a small map per following word for as
 * long as some phrase continues, never a probe for an n-gram no phrase has.
 * Most words start no phrase; a filter of the first words (word-filter.ts)
 * answers those without a probe at all.
 */

import { WordFilter } from './word-filter.ts';

/** Lower case, straight apostrophes, a possessive "'s" as a word of its own: the form words are compared in. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
}

/** The words of a phrase as the entities stage cuts text into words. */
export function phraseWords(phrase: string): string[] {
  return normalise(phrase)
    .replace(/'s\b/g, " 's")
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** The phrases through a sequence of words: the entries of the one ending there, and the words that continue it. */
interface PhraseNode<E> {
  entries: E[] | undefined;
  next: Map<string, PhraseNode<E>> | undefined;
}

/** A phrase's entries and the word after its last one. */
export interface PhraseMatch<E> {
  entries: readonly E[];
  end: number;
}

const NO_MATCHES: ReadonlyArray<PhraseMatch<never>> = [];

const newNode = <E>(): PhraseNode<E> => ({ entries: undefined, next: undefined });

export class PhraseIndex<E> {
  /** Phrases by their first word. */
  private readonly roots = new Map<string, PhraseNode<E>>();
  /** Filter of the keys of `roots`, made on the first look-up after a new first word. */
  private firstWords: WordFilter | undefined;

  add(phrase: string, entry: E): void {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    let node = this.roots.get(words[0]);
    if (!node) {
      this.roots.set(words[0], (node = newNode()));
      this.firstWords = undefined;
    }
    for (let k = 1; k < words.length; k++) {
      node.next ??= new Map();
      let child = node.next.get(words[k]);
      if (!child) node.next.set(words[k], (child = newNode()));
      node = child;
    }
    (node.entries ??= []).push(entry);
  }

  /** Whether this one normalised word is a phrase of its own. */
  hasWord(word: string): boolean {
    return this.root(word)?.entries !== undefined;
  }

  /** The phrases starting with this word. */
  private root(word: string): PhraseNode<E> | undefined {
    this.firstWords ??= new WordFilter(this.roots.keys(), this.roots.size);
    return this.firstWords.mayHave(word) ? this.roots.get(word) : undefined;
  }

  /** Entries of exactly this phrase. */
  get(phrase: string): readonly E[] {
    const [first, ...rest] = phraseWords(phrase);
    let node = first === undefined ? undefined : this.roots.get(first);
    for (const word of rest) node = node?.next?.get(word);
    return node?.entries ?? [];
  }

  /** Phrases starting at word `i` of `words` (normalised forms) and ending at `limit` at the latest, longest first. */
  matchesAt(words: readonly string[], i: number, limit: number): ReadonlyArray<PhraseMatch<E>> {
    let node = i < limit && i < words.length ? this.root(words[i]) : undefined;
    if (!node) return NO_MATCHES;
    const matches: Array<PhraseMatch<E>> = [];
    for (let end = i + 1; ; end++) {
      if (node.entries) matches.push({ entries: node.entries, end });
      const next: PhraseNode<E> | undefined = end < limit ? node.next?.get(words[end]) : undefined;
      if (!next) return matches.reverse();
      node = next;
    }
  }
}
