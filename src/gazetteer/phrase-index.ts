/**
 * A hash index of phrases by their words: looking up what starts at a word is
 * one map hit for the first word and one per candidate length, never a scan
 * over a long alternation.
 */

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

export class PhraseIndex<E> {
  private readonly byKey = new Map<string, E[]>();
  /** Longest phrase length (in words) per first word. */
  private readonly longest = new Map<string, number>();

  add(phrase: string, entry: E): void {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    const key = words.join(' ');
    const list = this.byKey.get(key);
    if (list) list.push(entry);
    else this.byKey.set(key, [entry]);
    if ((this.longest.get(words[0]) ?? 0) < words.length) this.longest.set(words[0], words.length);
  }

  /** Whether some phrase starts with this normalised word. */
  startsWith(word: string): boolean {
    return this.longest.has(word);
  }

  /** Whether this one normalised word is a phrase of its own. */
  hasWord(word: string): boolean {
    return this.byKey.has(word);
  }

  /** Entries of exactly this phrase. */
  get(phrase: string): readonly E[] {
    return this.byKey.get(phraseWords(phrase).join(' ')) ?? [];
  }

  /**
   * Phrases starting at word `i` of `words` (normalised forms) and ending
   * before `limit`, longest first: `visit(entries, end)` returns true to stop.
   */
  matchesAt(words: readonly string[], i: number, limit: number, visit: (entries: readonly E[], end: number) => boolean): void {
    const max = this.longest.get(words[i]);
    if (max === undefined) return;
    if (max === 1) {
      const entries = this.byKey.get(words[i]);
      if (entries) visit(entries, i + 1);
      return;
    }
    // One key for the longest phrase; shorter ones are its prefixes, cut at word ends.
    let key = words[i];
    const cuts = [key.length];
    for (let j = i + 1; j < limit && j - i < max; j++) {
      key += ' ' + words[j];
      cuts.push(key.length);
    }
    for (let n = cuts.length; n >= 1; n--) {
      const entries = this.byKey.get(n === cuts.length ? key : key.slice(0, cuts[n - 1]));
      if (entries && visit(entries, i + n)) return;
    }
  }
}
