/**
 * Loading rule files: YAML parsed with positions, validated by a zod schema,
 * every problem reported as `file:line:col message`. Nothing in a rule file is
 * ever executed; regular expressions are compiled here, once, and a bad one is
 * reported at its position.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { DEFAULT_RULES_DIR } from '../paths.ts';
import { assertLinearRegex } from './redos.ts';

/** The rule set shipped with envoy. */
export { DEFAULT_RULES_DIR };

export interface RuleProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export class RuleError extends Error {
  readonly problems: RuleProblem[];
  constructor(problems: RuleProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`).join('\n'));
    this.name = 'RuleError';
    this.problems = problems;
  }
}

/** A parsed rule file that can still point at the line and column of any value in it. */
export interface RuleSource {
  file: string;
  /** Position of the value at `path` (or of the nearest ancestor that exists). */
  position(path: ReadonlyArray<string | number>): { line: number; col: number };
  /** Position of the key `key` of the mapping at `path`. */
  keyPosition(path: ReadonlyArray<string | number>, key: string): { line: number; col: number };
  /** Throws a RuleError for the value at `path`. */
  fail(path: ReadonlyArray<string | number>, message: string): never;
  /** The file's content as plain data. */
  data: unknown;
}

function sourceOf(file: string, doc: Document, counter: LineCounter): RuleSource {
  const position = (p: ReadonlyArray<string | number>) => {
    for (let n = p.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = counter.linePos(node.range[0]);
        return { line, col };
      }
    }
    return { line: 1, col: 1 };
  };
  const keyPosition = (p: ReadonlyArray<string | number>, key: string) => {
    const map = p.length === 0 ? doc.contents : doc.getIn(p, true);
    if (isMap(map)) {
      const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair && isNode(pair.key) && pair.key.range) {
        const { line, col } = counter.linePos(pair.key.range[0]);
        return { line, col };
      }
    }
    return position(p);
  };
  return {
    file,
    data: doc.toJS() as unknown,
    position,
    keyPosition,
    fail(p, message) {
      throw new RuleError([{ file, ...position(p), message }]);
    },
  };
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/**
 * Reads `dir/name`, parses it as YAML and validates it against `schema`.
 * Unknown keys are errors when the schema is strict (all envoy rule schemas are).
 */
export function loadRuleFile<S extends z.ZodType>(
  dir: string,
  name: string,
  schema: S,
): { data: z.infer<S>; source: RuleSource } {
  const full = path.join(dir, name);
  const file = displayPath(full);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (err) {
    throw new RuleError([{ file, line: 1, col: 1, message: `cannot read rule file: ${(err as Error).message}` }]);
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    // Only the first: after one syntax error the parser's later complaints are mostly echoes of it.
    const first = doc.errors[0];
    const { line, col } = counter.linePos(first.pos[0]);
    throw new RuleError([{ file, line, col, message: `YAML: ${first.message.split('\n')[0]}` }]);
  }
  const source = sourceOf(file, doc, counter);
  const parsed = schema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) {
    throw new RuleError(
      parsed.error.issues.map((issue) => {
        const p = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
        const where = issue.code === 'unrecognized_keys' ? source.keyPosition(p, issue.keys[0]) : source.position(p);
        return { file, ...where, message: describeIssue(issue, p, source.data) };
      }),
    );
  }
  requireExamples(source.data, [], source);
  return { data: parsed.data, source };
}

/**
 * Every rule (an object with an `id`) carries its own spec: `examples` of what it
 * must extract, or `not` sentences it must leave alone. The test suite runs them.
 */
function requireExamples(node: unknown, at: Array<string | number>, source: RuleSource): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => requireExamples(item, [...at, i], source));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const rule = node as Record<string, unknown>;
  const has = (key: string) => Array.isArray(rule[key]) && (rule[key] as unknown[]).length > 0;
  if (typeof rule.id === 'string' && !has('examples') && !has('not')) {
    source.fail(at, `${subjectOf(at, source.data)} has no examples: add at least one sentence it must (or must not) match`);
  }
  for (const [key, value] of Object.entries(rule)) if (key !== 'examples' && key !== 'not') requireExamples(value, [...at, key], source);
}

/** "triggers" → "trigger", "currencies" → "currency": what one item of a list is called. */
function singular(key: string): string {
  return key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.endsWith('s') ? key.slice(0, -1) : key;
}

/** The rule a path points into, named by its id: "trigger 'pay-visit'"; else the path itself. */
function subjectOf(p: ReadonlyArray<string | number>, raw: unknown): string {
  let subject = p.length ? `'${p.join('.')}'` : 'the file';
  let node: unknown = raw;
  for (let i = 0; i < p.length && node !== null && typeof node === 'object'; i++) {
    node = (node as Record<string | number, unknown>)[p[i]];
    const id = node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && typeof p[i] === 'number' && typeof p[i - 1] === 'string') subject = `${singular(p[i - 1] as string)} '${id}'`;
  }
  return subject;
}

/** A zod issue as a plain sentence about the rule it concerns. */
function describeIssue(issue: z.core.$ZodIssue, p: ReadonlyArray<string | number>, raw: unknown): string {
  const key = p.at(-1);
  const owner = subjectOf(typeof key === 'string' ? p.slice(0, -1) : p, raw);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${subjectOf(p, raw)} has an unknown key ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined && typeof key === 'string'
        ? `${owner} has no '${key}'`
        : `${owner}: '${key ?? ''}' should be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `${owner}: ${JSON.stringify(issue.input)} is not one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' && issue.minimum === 1 && !issue.message.startsWith('Too small')
        ? `${owner}: ${issue.message}`
        : issue.origin === 'array'
          ? `${owner} has an empty '${key ?? ''}' (at least ${String(issue.minimum)} needed)`
          : `${owner}: '${key ?? ''}' is too short`;
    default:
      return `${owner}: ${issue.message}`;
  }
}

/**
 * Compiles a rule's regular expression source, reporting a bad pattern at its
 * position in the rule file — including one that can backtrack catastrophically,
 * which could hang the pipeline on a crafted article. Patterns are matched case-insensitively unless
 * `flags` says otherwise.
 */
export function compilePattern(source: RuleSource, at: ReadonlyArray<string | number>, pattern: string, flags = 'iu'): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags);
  } catch (err) {
    return source.fail(at, `invalid regular expression: ${(err as Error).message}`);
  }
  const problem = assertLinearRegex(pattern, flags);
  if (problem) source.fail(at, problem);
  return regex;
}

/**
 * Per-rules-directory cache of compiled rules: each stage compiles its rule
 * files once per directory and reuses them for every article.
 */
const ruleCaches = new Set<Map<string, unknown>>();

export function cachedByDir<T>(compile: (dir: string) => T): (dir?: string) => T {
  const cache = new Map<string, T>();
  // Stages ask once per article: the directory as given is remembered too, so path.resolve runs once per spelling.
  const byGiven = new Map<string, T>();
  ruleCaches.add(cache).add(byGiven);
  return (dir = DEFAULT_RULES_DIR) => {
    let value = byGiven.get(dir);
    if (value !== undefined) return value;
    const key = path.resolve(dir);
    value = cache.get(key);
    if (value === undefined) {
      value = compile(key);
      cache.set(key, value);
    }
    byGiven.set(dir, value);
    return value;
  };
}

/** Forgets every compiled rule set, so the next article reads the rule files again (`envoy eval --watch`). */
export function clearRuleCaches(): void {
  for (const cache of ruleCaches) cache.clear();
}
