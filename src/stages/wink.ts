/**
 * The wink-nlp instance tokenise reads with: its sentence and POS components
 * only (the rest of its default pipe costs a third of the time and is not used),
 * made to give the same answer for an article whatever it read before.
 *
 * wink adds every new word to its lexicon as it reads, and its tokenizer keeps
 * a word it has learned whole where it splits one it has never seen (after
 * "Zorbulov's," it keeps "Zorbulov's" as one token). Tokens, their POS and so
 * the extraction would then depend on the articles the same process read
 * before, and on the order of a batch. Here the two questions the tokenizer
 * asks of the cache ("is this a word?", "add it if it is known") are answered
 * for the model's own lexicon alone, so every word is tokenised as a fresh
 * process would on first sight. A learned word keeps its index and features,
 * which do not depend on what was read before, so nothing else changes.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface WinkCollection<T> {
  each(fn: (item: T) => void): void;
  out(what?: unknown): unknown;
}
export interface WinkDoc {
  sentences(): WinkCollection<{ out(what?: unknown): unknown }>;
  tokens(): WinkCollection<unknown>;
}
export interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}
type Lookup = (text: string) => number[] | null;
interface Cache {
  lookup: Lookup;
  intrinsicSize(): number;
}
/** The per-document methods wink's tokenizer adds tokens through (wink-nlp/src/dd-wrapper.js). */
interface DocData {
  isLexeme: Lookup;
  _addTokenIfInCache(text: string, precedingSpaces: number, nbsp: unknown): number;
}
type WrapDocData = (data: { cache: Cache }) => DocData;

/** wink's "not in the cache" answer to the tokenizer (`constants.UNK`). */
const NOT_CACHED = 0;

/** Wraps wink's per-document wrapper: a word wink learned while reading is, to the tokenizer, not a known word. */
function forgettingLearnedWords(wrapDocData: WrapDocData, onWrap: () => void): WrapDocData {
  return (data) => {
    const methods = wrapDocData(data);
    const { isLexeme, _addTokenIfInCache: addIfCached } = methods;
    const known = data.cache.intrinsicSize();
    // A learned word is one index past the model's lexicon; a contraction's expansions are several.
    const learned = (found: number[] | null) => found !== null && found.length === 1 && found[0] >= known;
    methods.isLexeme = (text) => {
      const found = isLexeme(text);
      return learned(found) ? null : found;
    };
    methods._addTokenIfInCache = (text, precedingSpaces, nbsp) => (learned(isLexeme(text)) ? NOT_CACHED : addIfCached(text, precedingSpaces, nbsp));
    onWrap();
    return methods;
  };
}

/**
 * Loads a private copy of wink-nlp's entry module that wraps each document's
 * data with the function above. wink's other modules are stateless factories
 * and are shared; a wink-nlp the host program loads itself is left as it is.
 */
function loadGuardedWink(): WinkNlp {
  const wrapperPath = require.resolve('wink-nlp/src/dd-wrapper.js');
  const entryPath = require.resolve('wink-nlp');
  const wrapDocData = require(wrapperPath) as WrapDocData;
  const wrapperModule = require.cache[wrapperPath]!;
  const hostEntry = require.cache[entryPath];
  let guarded = false;
  wrapperModule.exports = forgettingLearnedWords(wrapDocData, () => (guarded = true));
  delete require.cache[entryPath];
  let instance: WinkNlp;
  try {
    instance = (require(entryPath) as (model: unknown, pipe: string[]) => WinkNlp)(require('wink-eng-lite-web-model'), ['sbd', 'pos']);
  } finally {
    wrapperModule.exports = wrapDocData;
    if (hostEntry) require.cache[entryPath] = hostEntry;
    else delete require.cache[entryPath];
  }
  instance.readDoc('');
  if (!guarded) throw new Error('wink-nlp did not read a document through src/dd-wrapper.js: this wink-nlp version is not one envoy knows');
  return instance;
}

let nlp: WinkNlp | undefined;
export function wink(): WinkNlp {
  nlp ??= loadGuardedWink();
  return nlp;
}
