/**
 * A bit per word hash, for sets and maps of words that are mostly asked
 * about words they lack: a word whose bit is clear is not there, known
 * without probing them. Between two articles the other stages push a large
 * map out of the cache, so a probe costs more than hashing a short word, and
 * a few kilobytes of bits stay cheap to reach.
 */
export class WordFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** About eight bits per word: one in eight absent words passes. */
  constructor(words: Iterable<string>, count: number) {
    let size = 1 << 16;
    while (size < count * 8) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
    for (const word of words) {
      const bit = this.bitOf(word);
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  /** False: the word is certainly not one of the filter's words. */
  mayHave(word: string): boolean {
    const bit = this.bitOf(word);
    return (this.bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }

  /** FNV-1a of the word's char codes, mixed (murmur3's finaliser) so the low bits spread. */
  private bitOf(word: string): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), 0x01000193);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return (h ^ (h >>> 13)) & this.mask;
  }
}

/** A set of words that answers most misses from its filter. */
export class WordSet {
  private readonly words: Set<string>;
  private readonly filter: WordFilter;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    this.filter = new WordFilter(this.words, this.words.size);
  }

  has(word: string): boolean {
    return this.filter.mayHave(word) && this.words.has(word);
  }
}
