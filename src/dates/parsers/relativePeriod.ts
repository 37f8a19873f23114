/**
 * Calendar periods named relative to the time of writing: "next month", "last year", "this week",
 * "next weekend", "last quarter", "this summer". Resolved in timeml.ts at the unit's own
 * granularity ("next month" → 2025-10, never a day). With "the" in front ("the last year",
 * "the next month") the phrase is a stretch of time, left to the duration parser.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import type { RelativeUnit, Season } from '../notes.ts';
import { resultAt, wordBefore, type EnvoyParser } from '../result.ts';

const PATTERN = /\b(this|next|last|past)\s+(weekend|week|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)\b/i;
const OFFSETS: Record<string, number> = { this: 0, next: 1, last: -1, past: -1 };
const SEASONS: Record<string, Season> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

export default class RelativePeriodParser implements EnvoyParser {
  readonly rule = 'envoy/relative-period';

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const start = match.index!;
    const modifier = match[1].toLowerCase();
    const unit = match[2].toLowerCase();
    const before = wordBefore(context.text, start);
    // "the past week" is a duration, and "past year" without "this"/"the" is rare enough to leave out.
    if (before === 'the' || (modifier === 'past' && before !== 'this')) return null;
    const offset = OFFSETS[modifier];
    const end = start + match[0].length;
    const season = SEASONS[unit];
    if (season) return resultAt(context, start, end, { kind: 'season', season, offset });
    return resultAt(context, start, end, { kind: 'relative', unit: unit as RelativeUnit, offset });
  }
}
