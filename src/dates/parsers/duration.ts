/**
 * Stretches of time: "nearly 20 years" → P20Y, "three-day trip" → P3D, "a decade" → P10Y,
 * "more than a decade" → P10Y, "three consecutive years" → P3Y, "the past five years" → P5Y,
 * "two and a half years", "2 1/2 years" → P2Y6M, "a minute and a half" → PT1M30S, "decades" → PXDE,
 * "for years" → PXY, "24-hour" → PT24H, "year-long" → P1Y, "the year ended March 31" → P1Y.
 *
 * "eight days after taking office" is the duration P8D: it is anchored on an event, not on the
 * time of writing (chrono's "later/after/within/before/earlier" parsers are left out of the
 * configuration for this reason). "two years ago" and "three months from now" are dates, counted
 * from the reference date: relative notes resolved in timeml.ts ("two years ago" → 2023).
 * Qualifiers such as "nearly" and "more than" stay in the span; TimeML keeps the number.
 *
 * The pattern finds the unit word, which is rare, and the extractor reads the number phrase
 * backwards from it; a single regex starting at every number word would be much slower.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { NUMBER, UNIT_WORD, numberValue, unitOf } from '../lexicon.ts';
import { durationValue } from '../timeml.ts';
import type { Note, RelativeUnit } from '../notes.ts';
import { fixed, resultAt, type EnvoyParser } from '../result.ts';

const PATTERN = new RegExp(`\\b${UNIT_WORD}\\b`, 'i');

const QUALIFIER =
  '(?:(?:nearly|almost|about|around|approximately|roughly|some|over(?!\\s+the\\b)|under(?!\\s+the\\b)|only|just|barely|at\\s+least|at\\s+most|up\\s+to|more\\s+than|less\\s+than|fewer\\s+than|just\\s+over|just\\s+under|well\\s+over|well\\s+under)\\s+)?';
const PERIOD = '(?:the\\s+(?:(?:past|last|next|coming|previous|first|final|following|remaining|latest)\\s+)?)?';
const ADJECTIVE = '(?:(?:consecutive|straight|successive|full|long|more|additional|whole|short|solid|extra|further|previous|hard|difficult|turbulent)\\s+)?';
/** The number phrase that must end right before the unit word. */
const NUMBER_BEFORE = new RegExp(`\\b(${QUALIFIER}${PERIOD})(${NUMBER})(\\s+and\\s+a\\s+half)?(\\s+|-)${ADJECTIVE}$`, 'i');
/** "the (fiscal) year ended …": a period named by its end date. */
const ENDED_AFTER = /^\s+(?:that\s+)?(?:ended|ending|ends)\b/i;
const THE_BEFORE = /\bthe\s+(?:fiscal\s+)?$/i;
/** "the past year", "the next month": one unit. */
const PERIOD_BEFORE = /\b(the\s+(?:past|last|next|coming)\s+)$/i;
/** Bare plurals are durations after these words: "for years", "took months", "over decades". */
const VAGUE_BEFORE = /\b(?:for|over|in|within|after|took|take|takes|taking|spent|spend|lasting|lasted)\s+$/i;
const LOOKBACK = 50;
/** "ago" and "from now" make the phrase a date: so many units before or after the time of writing. */
const DEIXIS_AFTER = /^\s+(ago|from\s+now)\b/i;
const RELATIVE_UNITS: Record<string, [RelativeUnit, number]> = {
  day: ['day', 1], week: ['week', 1], fortnight: ['week', 2], month: ['month', 1], quarter: ['quarter', 1],
  year: ['year', 1], decade: ['decade', 1], century: ['century', 1],
};

/** The date `n` units before (sign -1) or after the time of writing; hours and vague counts only give the direction. */
function shifted(n: number | null, unit: string, sign: number): Note {
  const u = RELATIVE_UNITS[unit];
  if (n === null || !u || !Number.isInteger(n)) return fixed(sign < 0 ? 'PAST_REF' : 'FUTURE_REF');
  return { kind: 'relative', unit: u[0], offset: sign * n * u[1] };
}

export default class DurationParser implements EnvoyParser {
  readonly rule = 'envoy/duration';

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const text = context.text;
    const unitStart = match.index!;
    let end = unitStart + match[0].length;
    const unit = unitOf(match[0]);
    const after = text.slice(end, end + 16);
    const deixis = DEIXIS_AFTER.exec(after);
    if (/^-(?!long\b|old\b)[a-z]/i.test(after)) return null; // "second-largest", "two second-half goals"
    if (unit === 'quarter' && /^\s+of\b/i.test(after)) return null; // "a quarter of the vote"
    // Ages ("the 27-year-old", "52 years old") are no times in TimeML.
    if (/^[-\s]old\b/i.test(after)) return null;
    const suffix = /^-long\b/i.exec(after);
    const plural = /s$/i.test(match[0]) && unit !== match[0].toLowerCase();

    const lookback = text.slice(Math.max(0, unitStart - LOOKBACK), unitStart);
    const numbered = NUMBER_BEFORE.exec(lookback);
    if (numbered) {
      const [whole, lead, numberText, half, separator] = numbered;
      // "60 Minutes", "28 Days Later": a capitalised unit after a number is a title.
      if (/^[A-Z]/.test(match[0]) && /\d/.test(numberText)) return null;
      let n = numberValue(numberText);
      // "the 1988 quarter" is a year's quarter, not 1988 of them.
      if (n !== null && n >= 1000 && !plural) return null;
      const halfAfter = /^\s+and\s+a\s+half\b/i.exec(after);
      if (halfAfter && n !== null && !half) {
        n += 0.5;
        end += halfAfter[0].length;
      }
      // "a second" is the ordinal in news ("for a second time"), never a duration.
      if (unit === 'second' && /^an?$/i.test(numberText)) return null;
      if (n !== null && half) n += 0.5;
      // A hyphenated adjective ("the three-day trip") keeps only its own words; a phrase keeps its
      // qualifier ("nearly 20 years").
      let start = unitStart - whole.length + (separator === '-' ? lead.length : 0);
      if (suffix && /^an?$/i.test(numberText) && separator !== '-') start = unitStart; // "a year-long inquiry"
      if (deixis) return resultAt(context, start, end + deixis[0].length, shifted(n, unit, /^\s+ago/i.test(deixis[0]) ? -1 : 1));
      if (suffix) end += suffix[0].length;
      return resultAt(context, start, end, fixed(durationValue(n, unit), 'DURATION'));
    }
    // "the year ended March 31", "the fiscal year ending in June": a twelve-month period named by its end.
    const named = !plural && ENDED_AFTER.test(after) ? THE_BEFORE.exec(lookback) : null;
    if (named) return resultAt(context, unitStart - named[0].length, end, fixed(durationValue(1, unit), 'DURATION'));
    const period = PERIOD_BEFORE.exec(lookback);
    if (period && !plural) {
      return resultAt(context, unitStart - period[1].length, end, fixed(durationValue(1, unit), 'DURATION'));
    }
    if (suffix && !plural) {
      return resultAt(context, unitStart, end + suffix[0].length, fixed(durationValue(1, unit), 'DURATION'));
    }
    if (deixis) return plural && /ago/i.test(deixis[0]) ? resultAt(context, unitStart, end + deixis[0].length, fixed('PAST_REF')) : null; // "years ago"
    if (plural && (unit === 'decade' || unit === 'century' || VAGUE_BEFORE.test(lookback))) {
      return resultAt(context, unitStart, end, fixed(durationValue(null, unit), 'DURATION'));
    }
    return null;
  }
}
