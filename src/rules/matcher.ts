/**
 * A small token pattern matcher in the manner of spaCy's Matcher: a pattern is
 * a list of token tests, each optionally repeated (`?`, `*`, `+`). Patterns are
 * data in rule files; this is the whole engine that runs them.
 */
import { z } from 'zod';
import type { Token } from '../doc.ts';
import { lowerBound } from '../sorted.ts';

const oneOrMany = z.union([z.string(), z.array(z.string()).min(1)]);

export const TokenTestSchema = z
  .object({
    /** Lower-cased surface form, one of. */
    lower: oneOrMany.optional(),
    /** Lemma (wink-nlp), one of. */
    lemma: oneOrMany.optional(),
    /** Universal POS tag, one of. */
    pos: oneOrMany.optional(),
    /** Negates the test. */
    not: z.boolean().optional(),
    /** How often the token may occur: once (default), `?` at most once, `*` any number, `+` at least once. */
    op: z.enum(['?', '*', '+']).optional(),
  })
  .strict()
  .refine((t) => t.lower !== undefined || t.lemma !== undefined || t.pos !== undefined || t.op === '*' || t.op === '+', {
    message: 'a token test needs lower, lemma or pos (or op * / + to match any token)',
  });
export type TokenTest = z.infer<typeof TokenTestSchema>;

export const PatternSchema = z.array(TokenTestSchema).min(1);
export type Pattern = z.infer<typeof PatternSchema>;

interface CompiledTest {
  lower?: Set<string>;
  lemma?: Set<string>;
  pos?: Set<string>;
  not: boolean;
  min: number;
  max: number;
}

export interface CompiledPattern {
  tests: CompiledTest[];
  /**
   * Words one of which (as lower-cased text or lemma) the first token of any match has;
   * undefined when a match may start at any token. Lets a scan skip most positions.
   */
  starts?: Set<string>;
}

/** Longest run a `*` or `+` may take: patterns never scan a whole sentence. */
const MAX_REPEAT = 6;

const toSet = (v: string | string[] | undefined, lower: boolean): Set<string> | undefined =>
  v === undefined ? undefined : new Set((Array.isArray(v) ? v : [v]).map((s) => (lower ? s.toLowerCase() : s)));

export function compilePattern(pattern: Pattern): CompiledPattern {
  const tests = pattern.map((t) => ({
    lower: toSet(t.lower, true),
    lemma: toSet(t.lemma, true),
    pos: toSet(t.pos, false),
    not: t.not ?? false,
    min: t.op === '?' || t.op === '*' ? 0 : 1,
    max: t.op === '*' || t.op === '+' ? MAX_REPEAT : 1,
  }));
  const starts = startWords(tests);
  return starts ? { tests, starts } : { tests };
}

/**
 * The words a match can start with: those of the first test, and of the tests after it
 * while they are optional. Undefined when one of them passes tokens whatever their word.
 */
function startWords(tests: readonly CompiledTest[]): Set<string> | undefined {
  const words = new Set<string>();
  for (const test of tests) {
    // A token passes only if its lower-cased text is in `lower`, or (without `lower`) its text or lemma is in `lemma`.
    const own = test.not ? undefined : (test.lower ?? test.lemma);
    if (!own) return undefined;
    for (const w of own) words.add(w);
    if (test.min > 0) return words;
  }
  return undefined;
}

function tokenPasses(test: CompiledTest, token: Token): boolean {
  const ok =
    (!test.lower || test.lower.has(token.lower)) &&
    (!test.lemma || test.lemma.has(token.lemma) || test.lemma.has(token.lower)) &&
    (!test.pos || test.pos.has(token.pos));
  return test.not ? !ok : ok;
}

function step(tests: readonly CompiledTest[], ti: number, tokens: readonly Token[], pos: number, end: number): number {
  if (ti === tests.length) return pos;
  const test = tests[ti];
  // Greedy with backtracking; bounded by MAX_REPEAT per test.
  let n = 0;
  while (n < test.max && pos + n < end && tokenPasses(test, tokens[pos + n])) n++;
  for (; n >= test.min; n--) {
    const r = step(tests, ti + 1, tokens, pos + n, end);
    if (r >= 0) return r;
  }
  return -1;
}

/**
 * Matches `pattern` starting exactly at `tokens[start]`, not beyond `end`.
 * Returns the end index (exclusive) of the longest match, or -1.
 */
export function matchAt(pattern: CompiledPattern, tokens: readonly Token[], start: number, end = tokens.length): number {
  const first = pattern.tests[0];
  // Fast path: most positions fail the first test, which must match once.
  if (first.min === 1 && start < end && !tokenPasses(first, tokens[start])) return -1;
  return step(pattern.tests, 0, tokens, start, end);
}

export interface TokenMatch {
  /** Token index range [start, end). */
  start: number;
  end: number;
}

/**
 * All non-overlapping matches in tokens[from, to), left to right, longest at each position.
 * `starts`, when given, holds (in order) every position where the pattern may start a match
 * (see `StartIndex`): only those are tried.
 */
export function findAll(pattern: CompiledPattern, tokens: readonly Token[], from = 0, to = tokens.length, starts?: readonly number[]): TokenMatch[] {
  const matches: TokenMatch[] = [];
  if (starts) {
    let i = from;
    for (let k = lowerBound(starts, from); k < starts.length && starts[k] < to; k++) {
      if (starts[k] < i) continue;
      const e = matchAt(pattern, tokens, starts[k], to);
      if (e > starts[k]) {
        matches.push({ start: starts[k], end: e });
        i = e;
      }
    }
    return matches;
  }
  for (let i = from; i < to; ) {
    const e = matchAt(pattern, tokens, i, to);
    if (e > i) {
      matches.push({ start: i, end: e });
      i = e;
    } else i++;
  }
  return matches;
}

/**
 * Where each of a list of patterns may start a match in a token list, found in one pass
 * over the tokens (a word lookup per token) instead of one pass per pattern.
 */
export class StartIndex {
  /** Pattern indexes by start word. */
  private readonly byWord = new Map<string, number[]>();
  /** Patterns that may start anywhere. */
  private readonly anywhere: number[] = [];
  /**
   * Bit (first UTF-16 unit & 31) of entry (length & 31) is set for each start word: a word whose
   * bit is clear is no start word, told without hashing it (four tokens in five on news text).
   */
  private readonly shapes = new Uint32Array(32);

  constructor(private readonly patterns: readonly CompiledPattern[]) {
    patterns.forEach((p, k) => {
      if (!p.starts) this.anywhere.push(k);
      else for (const w of p.starts) this.byWord.set(w, [...(this.byWord.get(w) ?? []), k]);
    });
    for (const w of this.byWord.keys()) this.shapes[w.length & 31] |= 1 << (w.charCodeAt(0) & 31);
  }

  private patternsStartingWith(word: string): number[] | undefined {
    return (this.shapes[word.length & 31] >>> (word.charCodeAt(0) & 31)) & 1 ? this.byWord.get(word) : undefined;
  }

  /** For each pattern, the positions where it may start, in order; undefined for a pattern that may start anywhere. */
  positions(tokens: readonly Token[]): Array<number[] | undefined> {
    const out = this.patterns.map((_, k): number[] | undefined => (this.anywhere.includes(k) ? undefined : []));
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const byLower = this.patternsStartingWith(t.lower);
      if (byLower) for (const k of byLower) out[k]!.push(i);
      const byLemma = this.patternsStartingWith(t.lemma);
      // A pattern keyed by both words of the token, or by a lemma that is the word itself, lists the position once.
      if (byLemma) for (const k of byLemma) if (out[k]!.at(-1) !== i) out[k]!.push(i);
    }
    return out;
  }
}
