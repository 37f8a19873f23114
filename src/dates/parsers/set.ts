/**
 * Recurring times, TimeML type SET: "every year", "annually" → P1Y; "twice a year" → P1Y;
 * "every four years" → P4Y; "every other week" → P2W; "every Monday" → XXXX-WXX-1; "each July" → XXXX-07;
 * "$5bn a year", "per month" → P1Y, P1M.
 *
 * An adverb before a noun is an adjective and names a kind of thing, not a time: "quarterly
 * dividend", "daily flights".
 *
 * TimeML writes a set's period as its value (and the frequency in an attribute envoy does not
 * output), so "every year" is P1Y with type SET rather than XXXX.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { AFTER_ADVERB, MONTH_NAMES, NUMBER, numberValue, unitOf } from '../lexicon.ts';
import { pad2 } from '../reference.ts';
import { durationValue } from '../timeml.ts';
import { fixed, resultAt, wordAfter, type EnvoyParser } from '../result.ts';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const PARTS: Record<string, string> = { morning: 'TMO', afternoon: 'TAF', evening: 'TEV', night: 'TNI' };
const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', winter: 'WI' };
const ADVERBS: Record<string, string> = {
  annually: 'P1Y', yearly: 'P1Y', monthly: 'P1M', weekly: 'P1W', daily: 'P1D', hourly: 'PT1H',
  quarterly: 'P3M', fortnightly: 'P2W', nightly: 'XXXX-XX-XXTNI',
};
const UNIT = '(second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)';
/** "per second", "per hour" are units of rates (megabits per second, miles per hour), not times. */
const RATE_ONLY = new Set(['second', 'minute', 'hour']);

/** Each alternative starts with a fixed word, so the scan is fast; the number before "times" is read backwards. */
const PATTERN = new RegExp(
  [
    `\\b(?:every|each)\\s+(?:(other)\\s+|(${NUMBER})\\s+)?(?:${UNIT}s?|(${WEEKDAYS.join('|')})|(${Object.keys(PARTS).join('|')})|(${Object.keys(SEASONS).join('|')})|(${MONTH_NAMES.join('|')}))\\b`,
    `\\b(once|twice|thrice|times)\\s+(?:a|an|per|each|every)\\s+${UNIT}\\b`,
    `\\b(?:(per)|(an?))\\s+${UNIT}\\b`,
    `\\b(${Object.keys(ADVERBS).join('|')})\\b`,
  ].join('|'),
  'i',
);
const NUMBER_BEFORE = new RegExp(`\\b${NUMBER}\\s+$`, 'i');
/** "a year" is a SET after an amount or a count: "£5m a year", "30% a year", "24 hours a day". */
const RATE_BEFORE = /(?:\d(?:m|bn|k|tn)?|%|\b(?:million|billion|trillion|times|hours|days|weeks|months|percent|cent))\s+$/i;

export default class SetParser implements EnvoyParser {
  readonly rule = 'envoy/set';

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    let start = match.index!;
    const end = start + match[0].length;
    const [, other, every, unit1, weekday, part, season, month, times, unit2, per, article, unit3, adverb] = match;
    let value: string | null = null;
    if (unit1 || weekday || part || season || month) {
      if (unit1) value = durationValue(other ? 2 : every ? numberValue(every) : 1, unitOf(unit1));
      else if (weekday) value = `XXXX-WXX-${((WEEKDAYS.indexOf(weekday.toLowerCase()) + 6) % 7) + 1}`;
      else if (part) value = `XXXX-XX-XX${PARTS[part.toLowerCase()]}`;
      else if (season) value = `XXXX-${SEASONS[season.toLowerCase()]}`;
      else value = `XXXX-${pad2(MONTH_NAMES.indexOf(month.toLowerCase()) + 1)}`;
    } else if (times) {
      if (times.toLowerCase() === 'times') {
        const n = NUMBER_BEFORE.exec(context.text.slice(Math.max(0, start - 24), start));
        if (!n) return null;
        start -= n[0].length;
      }
      value = durationValue(1, unitOf(unit2));
    } else if (per || article) {
      if (article && !RATE_BEFORE.test(context.text.slice(Math.max(0, start - 12), start))) return null;
      if (per && RATE_ONLY.has(unitOf(unit3))) return null;
      // "£25.5bn a year earlier": a stretch of time before another date, left to the duration parser.
      if (/^\s+(?:earlier|later|ago|before|after|on)\b/i.test(context.text.slice(end, end + 12))) return null;
      value = durationValue(1, unitOf(unit3));
    } else if (adverb) {
      // "Daily Mail", "China Daily", "Weekly Standard": capitalised, these are names.
      if (adverb[0] !== adverb[0].toLowerCase()) return null;
      const next = wordAfter(context.text, end).toLowerCase();
      if (next && !AFTER_ADVERB.has(next)) return null;
      value = ADVERBS[adverb.toLowerCase()];
    }
    return value ? resultAt(context, start, end, fixed(value, 'SET')) : null;
  }
}
