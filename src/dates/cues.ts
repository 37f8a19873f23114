/**
 * Cues: what a parser's pattern cannot match without, looked for once per text, so that a parser
 * whose cue is absent is not run at all (a pattern tried at every word of an article costs far
 * more than one pass over its letters). A cue only ever skips work: it must hold wherever its
 * parser could find something, and it may hold where the parser finds nothing.
 *
 * A word cue holds when it is a word of the text, in any case, or, for a `capitalised` one, with
 * its first letter a capital (for case-sensitive patterns). A word here is a run of ASCII letters,
 * which is what a pattern's `\b`, `\W` or `\s` on both sides of letters delimits; a word a pattern
 * may write glued to another ("thismorning", "Years") needs a cue of its own. A `text` cue is a
 * pattern the text must match, for what is not a word (digits, symbols).
 */
export interface Cue {
  words?: readonly string[];
  capitalised?: readonly string[];
  text?: RegExp;
}

/** Each word glued after `lead`, as a pattern's `(?:this)?\s*` allows ("thismorning"). */
export function glued(lead: string, words: readonly string[]): string[] {
  return words.map((w) => lead + w);
}

/** The hash of a word starts with this when its first letter is a capital. */
const CAPITAL = 1;

function hash(word: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + (word.charCodeAt(i) | 32)) | 0;
  return h;
}

/**
 * The cues of up to 32 parsers, looked for together in one pass over a text: `present(text)`
 * has bit i set when cue i may hold. Word cues sit in an open-addressed table of the hashes of
 * their letters; the pass hashes each word as it goes and looks it up once, at its end. Two
 * words with the same hash only make a cue hold where it does not, which costs a parser run
 * and changes nothing.
 */
export class CueIndex {
  private readonly keys: Int32Array;
  private readonly bits: Int32Array;
  /** Slots - 1: a quarter of the slots at most are taken. */
  private readonly mask: number;
  /**
   * One bit per hash value (modulo its size) that a cue word has: most words of a text are no
   * cue word, and are told so here, in a few kilobytes, without a look at the table, which a
   * long list of glued words makes too large to stay in cache.
   */
  private readonly filter: Int32Array;
  /** Words of the filter - 1. */
  private readonly filterMask: number;
  private readonly texts: [RegExp, number][] = [];
  private readonly longest: number;

  constructor(cues: readonly Cue[]) {
    if (cues.length > 32) throw new Error('CueIndex: at most 32 cues');
    const entries = cues.reduce((n, cue) => n + 2 * (cue.words?.length ?? 0) + (cue.capitalised?.length ?? 0), 0);
    const slots = 2 ** Math.ceil(Math.log2(Math.max(64, 4 * entries)));
    this.keys = new Int32Array(slots);
    this.bits = new Int32Array(slots);
    this.mask = slots - 1;
    // Four times the slots in bits: at most one word in sixteen that is no cue passes the filter.
    this.filter = new Int32Array(slots / 8);
    this.filterMask = slots / 8 - 1;
    let longest = 0;
    cues.forEach((cue, i) => {
      const bit = 1 << i;
      const odd = [...(cue.words ?? []), ...(cue.capitalised ?? [])].find((w) => !/^[a-z]+$/i.test(w));
      if (odd !== undefined) throw new Error(`CueIndex: a word cue is letters only, not "${odd}"`);
      for (const word of cue.words ?? []) {
        this.add(hash(word, 0), bit);
        this.add(hash(word, CAPITAL), bit);
        longest = Math.max(longest, word.length);
      }
      for (const word of cue.capitalised ?? []) {
        this.add(hash(word, CAPITAL), bit);
        longest = Math.max(longest, word.length);
      }
      if (cue.text) this.texts.push([cue.text, bit]);
    });
    this.longest = longest;
  }

  private add(h: number, bit: number): void {
    let slot = h & this.mask;
    while (this.bits[slot] !== 0 && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
    this.keys[slot] = h;
    this.bits[slot] |= bit;
    this.filter[(h >>> 5) & this.filterMask] |= 1 << (h & 31);
  }

  present(text: string): number {
    let found = 0;
    let h = 0;
    let length = 0; // letters of the current word so far; 0 between words
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const lower = c | 32; // an ASCII letter in lower case; no other character lands in a-z
      if (lower - 97 >>> 0 < 26) {
        h = (Math.imul(length === 0 ? (c < 97 ? CAPITAL : 0) : h, 31) + lower) | 0;
        length++;
      } else if (length !== 0) {
        if (length <= this.longest) found |= this.bitsOf(h);
        length = 0;
      }
    }
    if (length !== 0 && length <= this.longest) found |= this.bitsOf(h);
    for (const [pattern, bit] of this.texts) if (!(found & bit) && pattern.test(text)) found |= bit;
    return found;
  }

  private bitsOf(h: number): number {
    if (((this.filter[(h >>> 5) & this.filterMask] >>> (h & 31)) & 1) === 0) return 0;
    for (let slot = h & this.mask; this.bits[slot] !== 0; slot = (slot + 1) & this.mask) if (this.keys[slot] === h) return this.bits[slot];
    return 0;
  }
}
