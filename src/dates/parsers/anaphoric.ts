/**
 * Dates that refer back to the ones before them (resolved in text order by discourse.ts):
 * - the quarter under discussion, as business news writes it: "the quarter", "the latest
 *   quarter", "that quarter", "the latest period"; in a year given: "the 1988 quarter"; a year
 *   before it: "the year-ago quarter",
 *   "the year-earlier third quarter", "the quarter a year ago";
 * - the date under discussion a year before: "a year earlier", "a year ago", "year-earlier" profit;
 * - the last date mentioned: "that year", "that same day", "the following month", "the next
 *   day", "the next morning", "the previous year".
 *
 * "the quarter-finals" and "the quarter of the vote" are no dates; "period" needs "latest"
 * ("the period of mourning"); "the next year" and "the previous week" are stretches of time
 * (the duration parser's): only a day or a part of one follows "next".
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import type { AnaphoricNote } from '../notes.ts';
import { resultAt, type EnvoyParser } from '../result.ts';

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
const OFFSETS: Record<string, number> = { following: 1, next: 1, previous: -1, preceding: -1 };
const PARTS: Record<string, string> = { morning: 'TMO', afternoon: 'TAF', evening: 'TEV', night: 'TNI' };

const PATTERN = new RegExp(
  [
    // 1-3: "the (comparable) year-ago (third) quarter|period", "year-earlier", "(a) year ago"
    `\\b((?:the\\s+(?:comparable\\s+|corresponding\\s+|same\\s+)?)?)year[-\\s](?:ago|earlier)\\b(?:[\\s-]+(?:fiscal[\\s-]+)?(first|second|third|fourth)[\\s-]+quarter\\b|\\s+(quarter|period)\\b)?`,
    // 4: "the quarter a year ago"
    `\\b(the\\s+quarter\\s+a\\s+year\\s+(?:ago|earlier))\\b`,
    // 5, 6: "the (latest|most recent) (fiscal) quarter", "that quarter", "the latest period"
    `\\b(?:the|that)\\s+(?:(latest|most\\s+recent)\\s+)?(?:fiscal\\s+)?(quarter|period)\\b`,
    // 7: "the 1988 quarter", "the 1989 period"
    `\\bthe\\s+((?:19|20)\\d\\d)\\s+(?:quarter|period)\\b`,
    // 8, 9: "that (same) year", "the same day", "the following month", "the next morning"
    `\\b(?:that\\s+(?:same\\s+)?|the\\s+same\\s+|the\\s+(following|next|previous|preceding)\\s+)(year|month|day|morning|afternoon|evening|night)\\b`,
  ].join('|'),
  'i',
);

export default class AnaphoricParser implements EnvoyParser {
  readonly rule = 'envoy/anaphoric';

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const text = context.text;
    let start = match.index!;
    const end = start + match[0].length;
    if (/^[-\w]/.test(text.slice(end, end + 1)) || /^\s+of\b/i.test(text.slice(end, end + 4))) return null;
    const note = this.noteOf(match);
    if (!note) return null;
    if (note.focus === 'yearBefore' && /^year\s/i.test(match[0])) {
      // "a year earlier", "one year ago"; "each year earlier" is not one.
      const count = /\b(?:a|one)\s+$/i.exec(text.slice(Math.max(0, start - 8), start));
      if (!count) return null;
      start -= count[0].length;
    }
    return resultAt(context, start, end, note);
  }

  private noteOf(match: RegExpMatchArray): AnaphoricNote | null {
    const [, , ordinal, noun, quarterAgo, latest, focusNoun, year, direction, unit] = match;
    if (quarterAgo) return { kind: 'anaphoric', focus: 'quarter', yearOffset: -1 };
    if (year) return { kind: 'anaphoric', focus: 'quarter', yearOffset: 0, year: Number(year) };
    if (focusNoun) {
      if (!latest) return focusNoun.toLowerCase() === 'period' ? null : { kind: 'anaphoric', focus: 'quarter', yearOffset: 0 };
      return { kind: 'anaphoric', focus: 'quarter', yearOffset: 0, latest: true };
    }
    if (unit) {
      const offset = direction ? OFFSETS[direction.toLowerCase()] : 0;
      const part = PARTS[unit.toLowerCase()];
      if (direction?.toLowerCase() === 'next' && unit.toLowerCase() !== 'day' && !part) return null;
      if (part) return offset === 1 ? { kind: 'anaphoric', focus: 'date', unit: 'day', offset, suffix: part } : null;
      return { kind: 'anaphoric', focus: 'date', unit: unit.toLowerCase() as 'year' | 'month' | 'day', offset };
    }
    if (ordinal) return { kind: 'anaphoric', focus: 'quarter', yearOffset: -1, quarter: ORDINALS[ordinal.toLowerCase()] };
    if (noun) return { kind: 'anaphoric', focus: 'quarter', yearOffset: -1 };
    return { kind: 'anaphoric', focus: 'yearBefore' }; // "a year earlier", "year-ago" profit
  }
}
