/**
 * Words for entity matching: tokens glued back together where the text has
 * no space between them ("Jae-myung", "Vučić", which wink cuts into pieces),
 * with the possessive "'s" and punctuation as words of their own, so every
 * name is a run of whole words and its span excludes the possessive.
 */
import type { Doc, Token } from '../doc.ts';

export type WordKind = 'alpha' | 'number' | 'punct' | 'possessive';

export interface Word {
  start: number;
  end: number;
  text: string;
  /** Lower case with straight apostrophes. */
  lower: string;
  kind: WordKind;
  /** POS and lemma of the word's first token. */
  pos: string;
  lemma: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, none lower-case ("HANOI", "SK", "U.S."). */
  upper: boolean;
  sentence: number;
  /** First alphabetic word of its sentence, or right after a full stop, dash, colon or opening quote inside it; not after a rank ("2. Name"). */
  sentenceStart: boolean;
  /** First word of its line. */
  lineStart: boolean;
}

export interface Sentences {
  words: Word[];
  /** Each word's `lower`, the form phrase look-ups take. */
  lowers: string[];
  /** Word range [first, end) of each sentence of the doc. */
  ranges: Array<[number, number]>;
}

/** Punctuation after which a capital is the start of a sentence or quote, not a sign of a name. */
const OPENING = new Set(['.', '!', '?', ':', ';', '-', '–', '—', '"', '“', '‘', '...', '…']);
const POSSESSIVE = /^['’]s?$/i;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** What a token is, decided once per token (the word loop asks several times). */
const Piece = { Text: 0, Punct: 1, Possessive: 2, Hyphen: 3 } as const;
type Piece = (typeof Piece)[keyof typeof Piece];

function pieceOf(t: Token): Piece {
  const c = t.text.charCodeAt(0);
  // ASCII letters and digits, the common case, without a regular expression.
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return Piece.Text;
  // One ASCII punctuation mark (",", ".", "("): the next most common, also without one.
  if (c < 128 && t.text.length === 1) return c === 45 ? Piece.Hyphen : c === 39 ? Piece.Possessive : Piece.Punct;
  if (t.text === '-' || t.text === '‐') return Piece.Hyphen;
  if (POSSESSIVE.test(t.text)) return Piece.Possessive;
  return LETTER_OR_DIGIT.test(t.text) ? Piece.Text : Piece.Punct;
}

/** Case of a word: starts upper-case, and has two or more letters and none lower-case. */
function caseOf(text: string): { cap: boolean; upper: boolean } {
  const c = text.charCodeAt(0);
  const cap = c >= 65 && c <= 90 ? true : c < 128 ? false : UPPER.test(text[0]);
  if (!cap) return { cap, upper: false };
  let letters = 0;
  for (let k = 0; k < text.length; k++) {
    const d = text.charCodeAt(k);
    if (d >= 97 && d <= 122) return { cap, upper: false };
    if (d >= 65 && d <= 90) letters++;
    else if (d >= 128 && LETTER.test(text[k])) {
      if (LOWER.test(text[k])) return { cap, upper: false };
      letters++;
    }
  }
  return { cap, upper: letters >= 2 };
}

function hasLetter(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const d = text.charCodeAt(k);
    if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90)) return true;
  }
  return LETTER.test(text);
}

/** Ends in a possessive after a letter: "Blunkett's", "Lam’s" (checked by character, not by a regular expression per word). */
function trailingPossessive(text: string): boolean {
  const n = text.length;
  const s = text.charCodeAt(n - 1);
  const apostrophe = text.charCodeAt(n - 2);
  return s === 115 && (apostrophe === 39 || apostrophe === 0x2019) && LETTER.test(text[n - 3]);
}

/** The words so far end with punctuation that opens a sentence or quote (only punctuation is in OPENING). */
function afterOpening(words: readonly Word[]): boolean {
  const last = words[words.length - 1];
  return last.kind === 'punct' && OPENING.has(last.text);
}

/** The words so far end with a rank at the start of a line ("2."): what follows is a list entry, not a new sentence. */
function afterRank(words: readonly Word[]): boolean {
  const n = words.length;
  return n >= 2 && words[n - 1].text === '.' && words[n - 2].kind === 'number' && words[n - 2].lineStart;
}

/**
 * Cuts the doc's tokens into words, sentence by sentence. `hyphenPrefixes`
 * ("then", "ex") stay words of their own with their hyphen ("then-party" is
 * "then-" and "party").
 */
export function buildWords(doc: Doc, hyphenPrefixes: ReadonlySet<string>): Sentences {
  const words: Word[] = [];
  const lowers: string[] = [];
  const ranges: Array<[number, number]> = [];
  const { tokens, text } = doc;
  const pieces = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) pieces[k] = pieceOf(tokens[k]);
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s];
    const first = words.length;
    let sawAlpha = false;
    let i = sentence.firstToken;
    while (i < sentence.endToken) {
      const t = tokens[i];
      let j = i + 1;
      const possessive = pieces[i] === Piece.Possessive && i > sentence.firstToken && !t.spaceBefore;
      const punct = pieces[i] === Piece.Punct || pieces[i] === Piece.Hyphen || (pieces[i] === Piece.Possessive && !possessive);
      if (!possessive && !punct) {
        // Glue following pieces with no space between: letters, digits, and a hyphen between two pieces.
        while (j < sentence.endToken && !tokens[j].spaceBefore) {
          if (pieces[j] === Piece.Hyphen && j + 1 < sentence.endToken && !tokens[j + 1].spaceBefore && pieces[j + 1] === Piece.Text) {
            if (j === i + 1 && hyphenPrefixes.has(t.lower)) {
              j++;
              break;
            }
            j += 2;
            continue;
          }
          if (pieces[j] !== Piece.Text) break;
          j++;
        }
      }
      const start = t.start;
      const end = tokens[j - 1].end;
      const wordText = j === i + 1 ? t.text : text.slice(start, end);
      let lower = t.lower;
      for (let k = i + 1; k < j; k++) lower += tokens[k].lower;
      const kind: WordKind = possessive ? 'possessive' : punct ? 'punct' : hasLetter(wordText) ? 'alpha' : 'number';
      // wink sometimes keeps a possessive inside the token ("Blunkett's"): the name ends before it.
      const owner = kind === 'alpha' && wordText.length > 3 && trailingPossessive(wordText) ? wordText.length - 2 : wordText.length;
      const { cap, upper } = kind === 'alpha' ? caseOf(wordText.slice(0, owner)) : { cap: false, upper: false };
      const lineStart = t.lineBefore || i === 0;
      const wordLower = lower.slice(0, lower.length - (wordText.length - owner));
      lowers.push(wordLower);
      words.push({
        start,
        end: start + owner,
        text: wordText.slice(0, owner),
        lower: wordLower,
        kind,
        pos: t.pos,
        lemma: t.lemma,
        cap,
        upper,
        sentence: s,
        sentenceStart: kind === 'alpha' && (!sawAlpha || afterOpening(words)) && !afterRank(words),
        lineStart,
      });
      if (owner < wordText.length) {
        lowers.push("'s");
        words.push({ start: start + owner, end, text: wordText.slice(owner), lower: "'s", kind: 'possessive', pos: t.pos, lemma: t.lemma, cap: false, upper: false, sentence: s, sentenceStart: false, lineStart });
      }
      if (kind === 'alpha') sawAlpha = true;
      i = j;
    }
    ranges.push([first, words.length]);
  }
  return { words, lowers, ranges };
}
