/**
 * A small token pattern matcher in the manner of spaCy's Matcher: a pattern is
 * a list of token tests, each optionally repeated (`?`, `*`, `+`). Patterns are
 * data in rule files; this is the whole engine that runs them.
 */
import { z } from 'zod';
import type { Token } from '../doc.ts';

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
}

/** Longest run a `*` or `+` may take: patterns never scan a whole sentence. */
const MAX_REPEAT = 6;

const toSet = (v: string | string[] | undefined, lower: boolean): Set<string> | undefined =>
  v === undefined ? undefined : new Set((Array.isArray(v) ? v : [v]).map((s) => (lower ? s.toLowerCase() : s)));

export function compilePattern(pattern: Pattern): CompiledPattern {
  return {
    tests: pattern.map((t) => ({
      lower: toSet(t.lower, true),
      lemma: toSet(t.lemma, true),
      pos: toSet(t.pos, false),
      not: t.not ?? false,
      min: t.op === '?' || t.op === '*' ? 0 : 1,
      max: t.op === '*' || t.op === '+' ? MAX_REPEAT : 1,
    })),
  };
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

/** All non-overlapping matches in tokens[from, to), left to right, longest at each position. */
export function findAll(pattern: CompiledPattern, tokens: readonly Token[], from = 0, to = tokens.length): TokenMatch[] {
  const matches: TokenMatch[] = [];
  for (let i = from; i < to; ) {
    const e = matchAt(pattern, tokens, i, to);
    if (e > i) {
      matches.push({ start: i, end: e });
      i = e;
    } else i++;
  }
  return matches;
}
