/**
 * Stage 4: money amounts and percentages.
 *
 * 1. One regular expression (compiled from rules/figures.yaml) finds every
 *    number with whatever currency prefix, scale and currency or percent
 *    suffix is written around it. Bare numbers are kept for a moment: they
 *    can still be the first half of a range ("between 50 and 60%").
 * 2. Ranges share what one side leaves out ("$2-3 billion").
 * 3. Each amount with a unit becomes a figure; its qualifier comes from the
 *    words right before (or after) it, from its range partner, or from the
 *    amount it restates in brackets ("over $50 billion (£27bn)").
 * 4. Measure and year come from cue words and years in the figure's clause,
 *    nearest first.
 */
import { span, sentenceIndexAt, type Doc } from '../doc.ts';
import type { StageContext } from '../stage-context.ts';
import type { Figure, Qualifier } from '../schema.ts';
import { figureGrammar, normaliseSpaces, type FigureGrammar, type UnitForm } from '../figures/grammar.ts';
import { scaleDecimal } from '../figures/decimal.ts';

/** A number found in the text, with the unit and scale written around it. */
interface Amount {
  start: number;
  end: number;
  digits: string;
  /** Power of ten of the scale words; undefined when none is written. */
  power?: number;
  /** The currency or percent form, read in context. */
  unit?: { code: string; power: number; rule: string };
  /** The unit was written before the number. */
  prefixed: boolean;
  /** Something (scale or unit) came from the other side of a range. */
  inherited: boolean;
  /** The amount that opens the range this one closes. */
  rangeStart?: Amount;
}

interface Located {
  amount: Amount;
  qualifier: Qualifier;
  /** Start and end of the qualifier words (before and after) plus the amount. */
  evidenceStart: number;
  evidenceEnd: number;
  /** Whether the qualifier was written next to this amount. */
  ownQualifier: boolean;
  /** The figure this one restates or continues, whose qualifier, measure and year it shares. */
  source?: Located;
  isConversion: boolean;
  measure?: string;
  year?: number;
}

const LEADING_SEPARATOR = /^(?:[ \u00a0]+|-)/;
const YEAR_LIKE = /^(?:1[89]|20)\d\d$/;
const DIGIT = /^\d/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** How far before an amount its qualifier (with fillers) may start. */
const QUALIFIER_WINDOW = 48;

/** Compiles rules/figures.yaml up front, so a broken rule fails before any article. */
export function prepareFigures(ctx: StageContext): void {
  figureGrammar(ctx.rulesDir);
}

export function figures(doc: Doc, ctx: StageContext): Doc {
  const grammar = figureGrammar(ctx.rulesDir);
  const amounts = findAmounts(doc, grammar);
  joinRanges(doc.plain, amounts, grammar);
  const located = qualify(doc.plain, amounts.filter((a) => a.unit), grammar);
  if (located.length === 0) return { ...doc, figures: [] }; // half the articles: no clause to read
  const context = new ClauseContext(doc, grammar, located);
  for (const f of located) {
    const measure = f.source?.measure ?? context.nearestMeasure(f);
    const year = f.source?.year ?? context.nearestYear(f);
    if (measure !== undefined) f.measure = measure;
    if (year !== undefined) f.year = year;
  }
  return { ...doc, figures: located.map((f) => toFigure(doc.text, f, grammar)) };
}

function findAmounts(doc: Doc, g: FigureGrammar): Amount[] {
  const text = doc.plain;
  const amounts: Amount[] = [];
  const re = g.amount;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const { prefix = '', number, scale = '', suffix = '' } = m.groups!;
    const numberStart = m.index + prefix.length;
    const scaleEnd = numberStart + number.length + scale.length;
    const power = scale ? scalePower(scale, g) : undefined;
    const hasMagnitude = power !== undefined || number.includes(',');
    const prefixForm = usable(prefix ? g.prefixes.get(normaliseSpaces(prefix).trim()) : undefined, power, hasMagnitude);
    let suffixForm = usable(suffix ? g.suffixes.get(normaliseSpaces(suffix.replace(LEADING_SEPARATOR, '').trimStart())) : undefined, power, hasMagnitude);
    // A prefix decides the unit; a suffix that disagrees with it is not part of the amount.
    if (prefixForm && suffixForm && (suffixForm.unit !== prefixForm.unit || suffixForm.power !== prefixForm.power)) suffixForm = undefined;
    const form = prefixForm ?? suffixForm;
    const start = prefixForm ? m.index : numberStart;
    // Every field written, unset ones undefined: one shape for all amounts, and no spread of an optional field (microseconds an amount).
    amounts.push({
      start,
      end: suffixForm ? scaleEnd + suffix.length : scaleEnd,
      digits: DIGIT.test(number) ? number : String(spelledValue(number, g)),
      power,
      unit: form ? readUnit(doc, form, start) : undefined,
      prefixed: prefixForm !== undefined,
      inherited: false,
      rangeStart: undefined,
    });
  }
  return amounts;
}

/** An ambiguous form ("R", "won", "pounds") counts only next to a scale (or a digit-grouped number). */
function usable(form: UnitForm | undefined, power: number | undefined, hasMagnitude: boolean): UnitForm | undefined {
  return !form || (form.needs === 'scale' && power === undefined) || (form.needs === 'magnitude' && !hasMagnitude) ? undefined : form;
}

/** "forty-three" → 43. */
function spelledValue(words: string, g: FigureGrammar): number {
  return words.split(/[ \u00a0-]+/).reduce((sum, word) => sum + g.numberWords.get(word)!, 0);
}

function scalePower(scale: string, g: FigureGrammar): number {
  return scale
    .replace(LEADING_SEPARATOR, '')
    .split(/[ \u00a0-]+/)
    .reduce((sum, word) => sum + (g.scales.get(word) ?? 0), 0);
}

/** The unit a form stands for in its sentence ("¥" is yuan in a sentence about Chinese money). */
function readUnit(doc: Doc, form: UnitForm, at: number): Amount['unit'] {
  if (form.readings.length) {
    const [s, e] = sentenceBounds(doc, at);
    const sentence = doc.plain.slice(s, e);
    const reading = form.readings.find((r) => r.cue.test(sentence));
    if (reading) return { code: reading.unit, power: form.power, rule: reading.rule };
  }
  return { code: form.unit, power: form.power, rule: form.rule };
}

/** Gives each side of a range what the other side states: "$2-3 billion", "between 50 and 60%". */
function joinRanges(text: string, amounts: Amount[], g: FigureGrammar): void {
  for (let i = 0; i + 1 < amounts.length; i++) {
    const [a, b] = [amounts[i], amounts[i + 1]];
    if (!a.unit && !b.unit) continue;
    // "rose 2.8% to 14.96bn euros" is a change between two figures, not a range.
    if (a.unit && b.unit && a.unit.code !== b.unit.code) continue;
    // A year followed by an amount ("in 2004 to $3bn") is not a range either.
    if (!a.unit && a.power === undefined && YEAR_LIKE.test(a.digits)) continue;
    const gap = text.slice(a.end, b.start);
    const between = g.range.leadJoiner.test(gap) && g.range.lead.test(text.slice(Math.max(0, a.start - 16), a.start));
    const tight = between || g.range.tightJoiner.test(gap);
    if (!tight && !g.range.joiner.test(gap)) continue;
    // Only the second side states the scale ("$2-3 billion"); not when it restarts with its own symbol ("$500-$1bn").
    const sharedScale = a.power === undefined && b.power !== undefined && !b.prefixed;
    // The second side takes the first's unit across a dash, "between … and", or when they share a scale
    // ("$20 to 30 billion"), but not across a plain "to" ("paid $20 to 30 people", "up 8% to 4.7 million").
    if (a.unit && !b.unit && (tight || (sharedScale && a.prefixed))) {
      b.unit = a.unit;
      b.inherited = true;
    } else if (b.unit && !a.unit) {
      a.unit = b.unit;
      a.inherited = true;
    }
    if (!a.unit || !b.unit) continue;
    if (sharedScale) {
      a.power = b.power;
      a.inherited = true;
    }
    if (tight || a.inherited || b.inherited) b.rangeStart = a;
  }
}

function qualify(text: string, amounts: Amount[], g: FigureGrammar): Located[] {
  const located: Located[] = [];
  const byAmount = new Map<Amount, Located>();
  for (const amount of amounts) {
    let qualifier: Qualifier = 'exact';
    let evidenceStart = amount.start;
    let evidenceEnd = amount.end;
    // The words before the amount, from a word start (the qualifier rule cannot see past the window).
    let windowStart = Math.max(0, amount.start - QUALIFIER_WINDOW);
    while (windowStart > 0 && windowStart < amount.start && WORD_CHAR.test(text[windowStart - 1])) windowStart++;
    const before = g.qualifierBefore.exec(text.slice(windowStart, amount.start));
    if (before) {
      qualifier = g.qualifiers.get(normaliseSpaces(before.groups!.qualifier.toLowerCase()))!.qualifier;
      evidenceStart = windowStart + before.index;
    }
    const after = g.qualifierAfter.exec(text.slice(amount.end, amount.end + 16));
    if (after) {
      if (qualifier === 'exact') qualifier = g.qualifiers.get(normaliseSpaces(after.groups!.qualifier.toLowerCase()))!.qualifier;
      evidenceEnd = amount.end + after[0].length;
    }
    const f: Located = { amount, qualifier, evidenceStart, evidenceEnd, ownQualifier: qualifier !== 'exact', isConversion: false };

    const partner = amount.rangeStart && byAmount.get(amount.rangeStart);
    const previous = located[located.length - 1];
    if (partner) {
      f.source = partner;
      f.evidenceStart = Math.min(f.evidenceStart, partner.evidenceStart);
    } else if (previous && isConversion(text, previous, f, g)) {
      f.source = previous;
      f.isConversion = true;
    }
    if (f.source && !f.ownQualifier) f.qualifier = f.source.qualifier;
    located.push(f);
    byAmount.set(amount, f);
  }
  return located;
}

/** "$10 billion per annum (£5.5bn)", "1.45bn euros (£1bn; $1.3bn)": the bracketed amount restates the previous one. */
function isConversion(text: string, previous: Located, f: Located, g: FigureGrammar): boolean {
  const [p, a] = [previous.amount.unit!, f.amount.unit!];
  if (p.code === 'percent' || a.code === 'percent' || p.code === a.code) return false;
  const gap = text.slice(previous.evidenceEnd, f.evidenceStart);
  return g.conversion.opens.test(gap) || (previous.isConversion && g.conversion.continues.test(gap));
}

/** Start and end of the sentence around `offset`: the tokeniser's sentence, or the line when there is none. */
function sentenceBounds(doc: Doc, offset: number): [number, number] {
  const i = sentenceIndexAt(doc, offset);
  if (i >= 0) return [doc.sentences[i].start, doc.sentences[i].end];
  const lineStart = doc.plain.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = doc.plain.indexOf('\n', offset);
  return [lineStart, lineEnd < 0 ? doc.plain.length : lineEnd];
}

interface Cue<T> {
  start: number;
  end: number;
  value: T;
}

/** Matches of a global regular expression in text[start, end), with offsets into text. */
function* matchesIn(re: RegExp, text: string, start: number, end: number, lookbehind = 0): Generator<RegExpExecArray & { at: number }> {
  const from = Math.max(0, start - lookbehind);
  const slice = text.slice(from, end);
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (from + m.index >= start) yield Object.assign(m, { at: from + m.index });
  }
}

/** The measure cues and years of the clauses that hold figures, found once per clause. */
class ClauseContext {
  private readonly clauses = new Map<string, { measures: Array<Cue<string>>; years: Array<Cue<number>> }>();
  private readonly yearDates: Array<Cue<number>>;

  constructor(
    private readonly doc: Doc,
    private readonly g: FigureGrammar,
    private readonly located: Located[],
  ) {
    // The dates stage's DATE mentions whose value is a bare year ("in 2024", "last year" → 2024).
    this.yearDates = doc.dates
      .filter((d) => d.type === 'DATE' && /^\d{4}$/.test(d.value))
      .map((d) => ({ start: d.start, end: d.end, value: Number(d.value) }));
  }

  nearestMeasure(f: Located): string | undefined {
    return nearest(f, this.clauseOf(f).measures);
  }

  nearestYear(f: Located): number | undefined {
    return nearest(f, this.clauseOf(f).years);
  }

  private clauseOf(f: Located) {
    const [s, e] = this.clauseBounds(f);
    const key = `${s}:${e}`;
    let clause = this.clauses.get(key);
    if (!clause) {
      const { text } = this.doc;
      const measures = [...matchesIn(this.g.measureCue, text, s, e)].map((m) => {
        const group = Object.keys(m.groups!).find((k) => m.groups![k] !== undefined)!;
        return { start: m.at, end: m.at + m[0].length, value: this.g.measures[Number(group.slice(1))] };
      });
      // The year rule looks back at the words before a year; give it a few characters before the clause.
      const years = [
        ...this.yearDates.filter((y) => y.start >= s && y.end <= e),
        ...[...matchesIn(this.g.year, text, s, e, 24)].map((m) => ({ start: m.at, end: m.at + m[0].length, value: Number(m[0]) })),
      ].filter((y) => !this.located.some((o) => y.start < o.amount.end && o.amount.start < y.end));
      clause = { measures, years };
      this.clauses.set(key, clause);
    }
    return clause;
  }

  /** The clause holding the figure: its sentence cut at the clause boundaries. */
  private clauseBounds(f: Located): [number, number] {
    let [s, e] = sentenceBounds(this.doc, f.amount.start);
    for (const m of matchesIn(this.g.clauseBoundary, this.doc.plain, s, e)) {
      if (m.at + m[0].length <= f.evidenceStart) s = m.at + m[0].length;
      else if (m.at >= f.evidenceEnd) {
        e = m.at;
        break;
      }
    }
    return [s, e];
  }
}

/** The cue closest to the figure's evidence; on a tie the earlier one. */
function nearest<T>(f: Located, cues: Array<Cue<T>>): T | undefined {
  let best: Cue<T> | undefined;
  let bestDistance = Infinity;
  for (const c of cues) {
    const d = c.end <= f.evidenceStart ? f.evidenceStart - c.end : c.start >= f.evidenceEnd ? c.start - f.evidenceEnd : 0;
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best?.value;
}

function toFigure(text: string, f: Located, g: FigureGrammar): Figure {
  const { amount } = f;
  const unit = amount.unit!;
  const at = span(text, amount.start, amount.end);
  // Field by field, in the schema's order: spreading the optional ones in costs microseconds a figure.
  const figure: Partial<Figure> = {
    start: at.start,
    end: at.end,
    text: at.text,
    value: scaleDecimal(amount.digits, (amount.power ?? 0) + unit.power),
    unit: unit.code,
    qualifier: f.qualifier,
  };
  if (f.measure !== undefined) figure.measure = f.measure;
  if (f.year !== undefined) figure.year = f.year;
  figure.evidence = span(text, f.evidenceStart, f.evidenceEnd);
  figure.rule = amount.inherited ? g.range.rule : unit.rule;
  return figure as Figure;
}
