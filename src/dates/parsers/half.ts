/**
 * Halves of a year: "the first half of 2004" → 2004-H1, "the second half of the year" → the
 * reference year's H2, "the last half of next year". Without a year the phrase is a half of
 * something else ("the second half" of a match), so a year, "the year" or a relative year is required.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { resultAt, type EnvoyParser } from '../result.ts';

const PATTERN = /\b(?:the\s+)?(first|second|last)[\s-]+half\s+of\s+(?:(?:fiscal\s+)?((?:19|20)\d\d)|(?:the|this)\s+(?:fiscal\s+)?year|(last|next)\s+year)\b/i;

export default class HalfParser implements EnvoyParser {
  readonly rule = 'envoy/half';

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const [whole, which, year, relative] = match;
    const half = which.toLowerCase() === 'first' ? 1 : 2;
    const start = match.index!;
    const yearOf = year ? { year: Number(year) } : { yearOffset: relative ? (relative.toLowerCase() === 'last' ? -1 : 1) : 0 };
    return resultAt(context, start, start + whole.length, { kind: 'half', half, ...yearOf });
  }
}
