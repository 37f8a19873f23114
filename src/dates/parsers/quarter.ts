/**
 * Quarters of a year, common in business news: "the third quarter" → 2025-Q3, "first-quarter
 * profits", "the fourth quarter of 2004" → 2004-Q4, "this year's second quarter", "the fiscal
 * first quarter", "fiscal 1990's second quarter". Without a year,
 * the year comes from the reference date and the tense, like a month name's (timeml.ts).
 * "last quarter" (the one before now) is the relative-period parser's.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { resultAt, type EnvoyParser } from '../result.ts';

const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 };
/** The ordinal starts the pattern (a leading optional "fiscal" would be tried at every word); "fiscal" before it is read backwards. */
const PATTERN = /\b(first|1st|second|2nd|third|3rd|fourth|4th|final)[\s-]+(?:fiscal[\s-]+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?((?:19|20)\d\d)\b)?/i;
const FISCAL_BEFORE = /\bfiscal[\s-]+$/i;
const RELATIVE_YEAR_BEFORE = /\b(this|last|next)\s+year['’]s\s+$/i;
const YEAR_BEFORE = /\b(?:fiscal\s+)?((?:19|20)\d\d)(?:['’]s)?\s+$/i;

export default class QuarterParser implements EnvoyParser {
  readonly rule = 'envoy/quarter';
  readonly cue = { words: ['quarter'] };

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    let start = match.index!;
    const end = start + match[0].length;
    start -= FISCAL_BEFORE.exec(context.text.slice(Math.max(0, start - 8), start))?.[0].length ?? 0;
    const quarter = ORDINALS[match[1].toLowerCase()];
    if (match[2]) return resultAt(context, start, end, { kind: 'quarter', quarter, year: Number(match[2]) });
    const before = context.text.slice(Math.max(0, start - 16), start);
    const relative = RELATIVE_YEAR_BEFORE.exec(before);
    if (relative) {
      const yearOffset = { this: 0, last: -1, next: 1 }[relative[1].toLowerCase() as 'this' | 'last' | 'next'];
      return resultAt(context, start - relative[0].length, end, { kind: 'quarter', quarter, yearOffset });
    }
    const year = YEAR_BEFORE.exec(before);
    if (year) {
      start -= year[0].length;
      return resultAt(context, start, end, { kind: 'quarter', quarter, year: Number(year[1]) });
    }
    return resultAt(context, start, end, { kind: 'quarter', quarter });
  }
}
