/**
 * Calendar periods named relative to the time of writing: "next month", "last year", "this week",
 * "next weekend", "last quarter", "this summer", "this fiscal year", "the current quarter", "the
 * full year", "last February", "next May", "year-end", "the end of the year". Resolved in timeml.ts at the unit's own granularity
 * ("next month" → 2025-10, never a day; "last February" → the latest February before the
 * reference month). With "the" in front ("the last year", "the next month") the phrase is a
 * stretch of time, left to the duration parser; "the current year" is the period itself.
 *
 * Capitalised, "This Week" is a programme's name.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { MONTH_NAMES } from '../lexicon.ts';
import type { RelativeUnit, Season } from '../notes.ts';
import { resultAt, wordBefore, type EnvoyParser } from '../result.ts';

const PATTERN = new RegExp(
  `\\b(?:(this|next|last|past|current|full)\\s+(?:(fiscal)\\s+)?(weekend|week|month|year|quarter|decade|century|spring|summer|autumn|fall|winter|${MONTH_NAMES.join('|')})|(year[-\\s]end|year['’]s\\s+end)|(?:end|beginning|start|middle)\\s+of\\s+the\\s+(year|month|week|decade|century))\\b`,
  'i',
);
const OFFSETS: Record<string, number> = { this: 0, current: 0, full: 0, next: 1, last: -1, past: -1 };
const SEASONS: Record<string, Season> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

export default class RelativePeriodParser implements EnvoyParser {
  readonly rule = 'envoy/relative-period';

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    let start = match.index!;
    const end = start + match[0].length;
    const [, modifierWord, fiscal, unitWord, yearEnd, partOf] = match;
    if (yearEnd) return resultAt(context, start, end, { kind: 'relative', unit: 'year', offset: 0 });
    if (partOf) {
      // "(by) the end of the year": the period itself, with its modifier in the span.
      const the = /\bthe\s+$/i.exec(context.text.slice(Math.max(0, start - 6), start));
      return resultAt(context, start - (the?.[0].length ?? 0), end, { kind: 'relative', unit: partOf.toLowerCase() as RelativeUnit, offset: 0 });
    }
    const modifier = modifierWord.toLowerCase();
    const unit = unitWord.toLowerCase();
    const before = wordBefore(context.text, start);
    if (/^[A-Z]/.test(unitWord) && !MONTH_NAMES.includes(unit)) return null; // "This Week"
    if ((fiscal && unit !== 'year' && unit !== 'quarter') || (modifier === 'full' && unit !== 'year')) return null;
    if (modifier === 'current' || modifier === 'full') {
      // "the current year", "the full year"; "current account" has no unit, "a full week" is a duration.
      const the = /\bthe\s+$/i.exec(context.text.slice(Math.max(0, start - 8), start));
      if (!the) return null;
      start -= the[0].length;
    } else if (before === 'the' || (modifier === 'past' && before !== 'this')) {
      // "the past week" is a duration, and "past year" without "this"/"the" is rare enough to leave out.
      return null;
    }
    const offset = OFFSETS[modifier];
    const month = MONTH_NAMES.indexOf(unit) + 1;
    if (month) {
      // "last May" in lower case is no month, and "past June" no date.
      if (!/^[A-Z]/.test(unitWord) || modifier === 'past' || modifier === 'current' || modifier === 'full') return null;
      return resultAt(context, start, end, { kind: 'namedMonth', month, offset });
    }
    const season = SEASONS[unit];
    if (season) return resultAt(context, start, end, { kind: 'season', season, offset });
    return resultAt(context, start, end, { kind: 'relative', unit: unit as RelativeUnit, offset });
  }
}
