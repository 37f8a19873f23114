/**
 * rules/figures.yaml: its schema, and its compilation into the handful of
 * regular expressions and lookup tables the figures stage runs. Compiled once
 * per rules directory.
 */
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { z } from 'zod';
import { QualifierSchema, type Qualifier } from '../schema.ts';
import { DEFAULT_RULES_DIR, cachedByDir, compilePattern, loadRuleFile } from '../rules/load.ts';

export const RULE_FILE = 'figures.yaml';

const ExampleSchema = z
  .object({
    text: z.string().min(1),
    amount: z.string().min(1).optional().describe('span text of the expected figure; default: the whole text'),
    value: z.number().optional(),
    unit: z.string().optional(),
    qualifier: QualifierSchema.optional(),
    measure: z.string().optional(),
    year: z.number().int().optional(),
  })
  .strict();
export type FigureExample = z.infer<typeof ExampleSchema>;

const ruleFields = {
  id: z.string().min(1),
  description: z.string().min(1),
  examples: z.array(ExampleSchema).optional(),
  not: z.array(z.string().min(1)).optional().describe('texts that must produce no figure'),
};
const forms = z.array(z.string().min(1));

const FiguresFileSchema = z
  .object({
    numberWords: z.object({ ...ruleFields, values: z.record(z.string(), z.number().int().positive()) }).strict(),
    scales: z.array(
      z.object({ ...ruleFields, power: z.number().int(), words: forms.min(1), abbreviations: forms }).strict(),
    ),
    currencies: z.array(
      z
        .object({
          ...ruleFields,
          code: z.string().regex(/^[A-Z]{3}$/),
          symbols: forms,
          words: forms,
          subunits: forms.describe('words for a hundredth of the currency'),
        })
        .strict(),
    ),
    percent: z.object({ ...ruleFields, forms: forms.min(1) }).strict(),
    ambiguous: z.object({ ...ruleFields, needScale: forms, needMagnitude: forms }).strict(),
    readings: z.array(
      z
        .object({ ...ruleFields, forms: forms.min(1), cue: z.string().min(1), code: z.string().regex(/^[A-Z]{3}$/) })
        .strict(),
    ),
    qualifiers: z.array(
      z.object({ ...ruleFields, qualifier: QualifierSchema.exclude(['exact']), before: forms, after: forms }).strict(),
    ),
    fillers: z.object({ ...ruleFields, words: forms.min(1) }).strict(),
    ranges: z
      .object({
        ...ruleFields,
        joiner: z.string().min(1),
        tightJoiner: z.string().min(1),
        lead: z.string().min(1),
        leadJoiner: z.string().min(1),
      })
      .strict(),
    conversion: z.object({ ...ruleFields, opens: z.string().min(1), continues: z.string().min(1) }).strict(),
    clause: z.object({ ...ruleFields, boundary: z.string().min(1) }).strict(),
    measures: z.array(z.object({ ...ruleFields, measure: z.string().min(1), cues: forms.min(1) }).strict()),
    years: z.object({ ...ruleFields, pattern: z.string().min(1) }).strict(),
  })
  .strict();

/** What a currency form (symbol, code or word) stands for. */
export interface UnitForm {
  /** ISO 4217 code, or "percent". */
  unit: string;
  rule: string;
  /** Power of ten the number is multiplied by: -2 for cents and pence. */
  power: number;
  /** The form is also an ordinary word or letter: it needs a scale word, or a scale word or a digit-grouped number. */
  needs?: 'scale' | 'magnitude';
  /** Sentence cues that read the form as another currency. */
  readings: Reading[];
}

export interface Reading {
  cue: RegExp;
  unit: string;
  rule: string;
}

export interface QualifierForm {
  qualifier: Exclude<Qualifier, 'exact'>;
  rule: string;
}

export interface FigureGrammar {
  /**
   * One amount, in four contiguous named groups that together cover the match:
   * `prefix` (symbol or code, with its space), `number` (digits or number
   * words), `scale` (with its separator), `suffix` (separator and currency
   * word or percent form).
   */
  amount: RegExp;
  prefixes: Map<string, UnitForm>;
  suffixes: Map<string, UnitForm>;
  /** Number word (as written) → value. */
  numberWords: Map<string, number>;
  /** Scale form (as written) → power of ten. */
  scales: Map<string, number>;
  /** Matches a qualifier (and fillers) that ends where the text ends: run on the text before an amount. */
  qualifierBefore: RegExp;
  /** Matches a qualifier at the start of the text: run on the text after an amount. */
  qualifierAfter: RegExp;
  /** Lower-cased qualifier form → qualifier. */
  qualifiers: Map<string, QualifierForm>;
  range: { rule: string; joiner: RegExp; tightJoiner: RegExp; lead: RegExp; leadJoiner: RegExp };
  conversion: { rule: string; opens: RegExp; continues: RegExp };
  clauseBoundary: RegExp;
  /** All measure cues, global; the index of the matching `m<i>` group names the measure. */
  measureCue: RegExp;
  measures: string[];
  year: RegExp;
}

/** ISO 4217 codes of the currencies in use, from world-countries (a CommonJS module exporting the country list). */
const countries = createRequire(import.meta.url)('world-countries') as Country[];
const ISO_4217 = new Set(countries.flatMap((c) => Object.keys(c.currencies ?? {})));

const LETTER = /\p{L}/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whitespace inside a multi-word form matches spaces or no-break spaces (an invisible character beside a space reads as one more). */
const formPattern = (form: string) => escapeRegExp(form).replace(/ +/g, '[ \\u00a0]+');
/** Longest first, so that "US$" is tried before "$" and "no more than" before "more than". */
const alternation = (list: Iterable<string>) =>
  [...new Set(list)]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(formPattern)
    .join('|') || '(?!)';
export const normaliseSpaces = (s: string) => s.replace(/[ \u00a0]+/g, ' ');

/** A word as it may be written: as given, lower case, UPPER CASE, Capitalised, Title Case. */
function caseVariants(word: string): string[] {
  const lower = word.toLowerCase();
  const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return [word, lower, word.toUpperCase(), capitalise(word), lower.split(' ').map(capitalise).join(' ')];
}

const isSingleLetter = (form: string) => form.length === 1 && LETTER.test(form);
const hasLetter = (form: string) => LETTER.test(form);

function compile(dir: string): FigureGrammar {
  const { data, source } = loadRuleFile(dir, RULE_FILE, FiguresFileSchema);
  const needs = new Map<string, UnitForm['needs']>([
    ...data.ambiguous.needScale.map((f) => [f, 'scale'] as const),
    ...data.ambiguous.needMagnitude.map((f) => [f, 'magnitude'] as const),
  ]);
  const readingsOf = new Map<string, Reading[]>();
  data.readings.forEach((r, i) => {
    const cue = compilePattern(source, ['readings', i, 'cue'], r.cue);
    for (const form of r.forms) readingsOf.set(form, [...(readingsOf.get(form) ?? []), { cue, unit: r.code, rule: r.id }]);
  });

  const prefixes = new Map<string, UnitForm>();
  const suffixes = new Map<string, UnitForm>();
  const add = (table: Map<string, UnitForm>, at: Array<string | number>, forms: string[], form: UnitForm) => {
    for (const f of forms) {
      const key = normaliseSpaces(f);
      const known = table.get(key);
      if (known && known.unit !== form.unit) source.fail(at, `'${f}' is already ${known.unit} (${known.rule})`);
      table.set(key, form);
    }
  };
  const unitForm = (unit: string, rule: string, power: number, written: string): UnitForm => ({
    unit,
    rule,
    power,
    ...(needs.has(written) ? { needs: needs.get(written) } : {}),
    readings: readingsOf.get(written) ?? [],
  });

  data.currencies.forEach((c, i) => {
    if (!ISO_4217.has(c.code)) source.fail(['currencies', i, 'code'], `'${c.code}' is not an ISO 4217 currency code`);
    for (const s of [...c.symbols, c.code]) add(prefixes, ['currencies', i, 'symbols'], [s], unitForm(c.code, c.id, 0, s));
    add(suffixes, ['currencies', i, 'code'], [c.code], unitForm(c.code, c.id, 0, c.code));
    for (const w of c.words) add(suffixes, ['currencies', i, 'words'], caseVariants(w), unitForm(c.code, c.id, 0, w));
    // Subunits only as written: "50 Cent" is a rapper.
    for (const w of c.subunits) add(suffixes, ['currencies', i, 'subunits'], [w], unitForm(c.code, c.id, -2, w));
  });
  for (const f of data.percent.forms) add(suffixes, ['percent', 'forms'], caseVariants(f), unitForm('percent', data.percent.id, 0, f));

  const currencyForms = new Set(data.currencies.flatMap((c) => [c.code, ...c.symbols, ...c.words, ...c.subunits]));
  for (const list of ['needScale', 'needMagnitude'] as const) {
    data.ambiguous[list].forEach((f, i) => {
      if (!currencyForms.has(f)) source.fail(['ambiguous', list, i], `'${f}' is not a currency form in this file`);
    });
  }
  data.readings.forEach((r, i) =>
    r.forms.forEach((f, j) => {
      if (!currencyForms.has(f)) source.fail(['readings', i, 'forms', j], `'${f}' is not a currency form in this file`);
    }),
  );

  const scales = new Map<string, number>();
  const scaleWords: string[] = [];
  for (const s of data.scales) {
    for (const w of s.words.flatMap(caseVariants)) {
      scales.set(w, s.power);
      scaleWords.push(w);
    }
    for (const a of s.abbreviations.flatMap(caseVariants)) scales.set(a, s.power);
  }

  const numberWords = new Map<string, number>();
  for (const [word, value] of Object.entries(data.numberWords.values)) for (const w of caseVariants(word)) numberWords.set(w, value);
  const wordsWhere = (test: (value: number) => boolean) => [...numberWords].filter(([, v]) => test(v)).map(([w]) => w);
  // "forty-three", "fifty nine": a ten, then a unit.
  const spelledNumber =
    `(?:(?:${alternation(wordsWhere((v) => v >= 20 && v % 10 === 0))})(?:(?:[ \\u00a0]+|-)(?:${alternation(wordsWhere((v) => v < 10))}))?` +
    `|${alternation(numberWords.keys())})(?![\\p{L}\\p{N}])`;

  // A one-letter symbol or word ("R", "p") must touch the number; a word needs a space or hyphen before it.
  const prefixForms = [...prefixes.keys()];
  const suffixForms = [...suffixes.keys()];
  const scaleForms = [...scales.keys()];
  const END = '(?![\\p{L}\\p{N}])';
  const amount = new RegExp(
    '(?<![\\p{L}\\p{N}_.,])' +
      `(?<prefix>(?:${alternation(prefixForms.filter((f) => !isSingleLetter(f)))})[ \\u00a0]*|(?:${alternation(prefixForms.filter(isSingleLetter))}))?` +
      `(?<number>(?:\\d{1,3}(?:,\\d{2,3})*,\\d{3}(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?!\\p{N}|[.,]\\d)|${spelledNumber})` +
      `(?<scale>(?:[ \\u00a0]+|-)?(?:${alternation(scaleForms)})(?:(?:[ \\u00a0]+|-)(?:${alternation(scaleWords)}))?${END})?` +
      `(?<suffix>[ \\u00a0]*(?:${alternation(suffixForms.filter((f) => !hasLetter(f)))})` +
      `|(?:[ \\u00a0]+|-)(?:${alternation(suffixForms.filter((f) => hasLetter(f) && !isSingleLetter(f)))})${END}` +
      `|(?:${alternation(suffixForms.filter(isSingleLetter))})${END})?`,
    'gu',
  );

  const qualifiers = new Map<string, QualifierForm>();
  const before: string[] = [];
  const after: string[] = [];
  data.qualifiers.forEach((q, i) => {
    for (const f of [...q.before, ...q.after]) {
      const key = normaliseSpaces(f.toLowerCase());
      const known = qualifiers.get(key);
      if (known && known.qualifier !== q.qualifier) source.fail(['qualifiers', i], `'${f}' is already ${known.rule}`);
      qualifiers.set(key, { qualifier: q.qualifier, rule: q.id });
    }
    before.push(...q.before);
    after.push(...q.after);
  });
  const qualifierBefore = new RegExp(
    `(?<![\\p{L}\\p{N}])(?<qualifier>${alternation(before)})(?:[ \\u00a0]+(?:${alternation(data.fillers.words)}))*[ \\u00a0]*$`,
    'iu',
  );
  const qualifierAfter = new RegExp(`^[ \\u00a0]*(?<qualifier>${alternation(after)})(?![\\p{L}\\p{N}])`, 'iu');

  const { ranges, conversion } = data;
  // One pass finds every cue; the named group `m<i>` that matched says which measure.
  const cueGroups = data.measures.map((m, i) => {
    const cues = m.cues.map((cue, j) => compilePattern(source, ['measures', i, 'cues', j], cue).source);
    return `(?<m${i}>${cues.join('|')})`;
  });
  const measureCue = new RegExp(`(?<![\\p{L}\\p{N}])(?:${cueGroups.join('|')})(?![\\p{L}\\p{N}])`, 'giu');

  return {
    amount,
    prefixes,
    suffixes,
    numberWords,
    scales,
    qualifierBefore,
    qualifierAfter,
    qualifiers,
    range: {
      rule: ranges.id,
      joiner: compilePattern(source, ['ranges', 'joiner'], ranges.joiner),
      tightJoiner: compilePattern(source, ['ranges', 'tightJoiner'], ranges.tightJoiner),
      lead: compilePattern(source, ['ranges', 'lead'], ranges.lead),
      leadJoiner: compilePattern(source, ['ranges', 'leadJoiner'], ranges.leadJoiner),
    },
    conversion: {
      rule: conversion.id,
      opens: compilePattern(source, ['conversion', 'opens'], conversion.opens),
      continues: compilePattern(source, ['conversion', 'continues'], conversion.continues),
    },
    clauseBoundary: compilePattern(source, ['clause', 'boundary'], data.clause.boundary, 'gu'),
    measureCue,
    measures: data.measures.map((m) => m.measure),
    year: compilePattern(source, ['years', 'pattern'], data.years.pattern, 'giu'),
  };
}

export const figureGrammar = cachedByDir(compile);

/** Every rule of the file that carries examples or counter-examples, for tests. */
export function figureExamples(dir = DEFAULT_RULES_DIR): Array<{ id: string; examples: FigureExample[]; not: string[] }> {
  const { data } = loadRuleFile(dir, RULE_FILE, FiguresFileSchema);
  const rules = [
    data.numberWords,
    ...data.scales,
    ...data.currencies,
    data.percent,
    data.ambiguous,
    ...data.readings,
    ...data.qualifiers,
    data.fillers,
    data.ranges,
    data.conversion,
    data.clause,
    ...data.measures,
    data.years,
  ];
  return rules.map((r) => ({ id: r.id, examples: r.examples ?? [], not: r.not ?? [] }));
}
