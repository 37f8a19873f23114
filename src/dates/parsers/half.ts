/**
 * Halves of a year: "the first half of 2004" → 2004-H1, "the second half of the year" → the
 * reference year's H2, "the last half of next year". Without a year the phrase is a half of
 * something else ("the second half" of a match), so a year, "the year" or a relative year is required.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { resultAt, type EnvoyParser } from '../result.ts';

/** "half" starts the pattern, as it is rare; the ordinal before it is read backwards. */
const PATTERN = /\bhalf\s+of\s+(?:(?:fiscal\s+)?((?:19|20)\d\d)|(?:the|this)\s+(?:fiscal\s+)?year|(last|next)\s+year)\b/i;
const ORDINAL_BEFORE = /\b(?:the\s+)?(first|second|last)[\s-]+$/i;

export default class HalfParser implements EnvoyParser {
  readonly rule = 'envoy/half';
  readonly cue = { words: ['half'] };

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const [whole, year, relative] = match;
    const end = match.index! + whole.length;
    const ordinal = ORDINAL_BEFORE.exec(context.text.slice(Math.max(0, match.index! - 14), match.index!));
    if (!ordinal) return null;
    const half = ordinal[1].toLowerCase() === 'first' ? 1 : 2;
    const yearOf = year ? { year: Number(year) } : { yearOffset: relative ? (relative.toLowerCase() === 'last' ? -1 : 1) : 0 };
    return resultAt(context, match.index! - ordinal[0].length, end, { kind: 'half', half, ...yearOf });
  }
}
