/**
 * Removes what chrono reads as a date but a news text does not mean as one. Replaces chrono's
 * own UnlikelyFormatFilter and ENUnlikelyFormatFilter (taken out of the configuration: the first
 * drops every all-digit result, bare years included; the second drops "since May").
 *
 * - invalid calendar dates ("February 30");
 * - month names in lower case ("may" and "march" as verbs, "august" as an adjective);
 * - "May" alone unless a temporal word leads to it ("Theresa May said", "it May rain");
 * - a month alone followed by a capitalised word, without a temporal word before it ("April Smith");
 * - abbreviated weekdays alone ("The Sun", "He sat down", "wed");
 * - clock times without am/pm or a time zone, unless written h:mm after "at", "from", "until",
 *   "by" ("at 1", "from 7", "at 1-1", "£1,000 a", "$1.30", "3.25%", "in 2:01.52");
 * - parts of the day alone ("night", "in the morning"), except "at noon"/"at midnight" and after a
 *   weekday, which chrono then merges ("Monday morning");
 * - slash dates without a year ("9/11", "6/4");
 * - a day written as an ordinal word after a comma ("In November, first-half profits fell").
 *
 * Envoy's own results (those with a note) are left alone.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { MONTH_NAMES } from '../lexicon.ts';
import { noteOf } from '../notes.ts';
import { ruleOf } from '../rule.ts';
import { wordAfter } from '../result.ts';

const MONTH_WORD = new RegExp(`\\b(${MONTH_NAMES.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\b`, 'i');
const TEMPORAL_BEFORE = new RegExp(
  `(?:\\b(?:in|since|until|till|by|from|during|of|last|next|this|before|after|through|between|early|late|end|start|beginning|middle|mid|on)\\s+|\\bmid-|\\b(?:${MONTH_NAMES.join('|')})\\s+(?:and|or|to)\\s+)$`,
  'i',
);
const WEEKDAY_ABBREVIATION = /^(?:[,(（]\s*)?(?:on\s+)?(?:(?:this|last|past|next)\s+)?(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?(?:\s*[,)）])?$/i;
const CLOCK = /\d\s*(?:[ap]\.?m\b\.?)|o['’]?clock|\b(?:gmt|bst|utc|[ecmp][sd]t)\b/i;
const COLON_TIME_AFTER_WORD = /(?:^|\b(?:at|from|until|till|by|before|after)\s+)\d{1,2}:\d\d$/i;
const PART_OF_DAY_TIME = /^(?:noon|midday|midnight)$/i;

/** Chrono's parsers whose every result has a month, written as a word. */
const MONTH_NAME_PARSERS = new Set(['chrono/ENMonthNameParser', 'chrono/ENMonthNameLittleEndianParser', 'chrono/ENMonthNameMiddleEndianParser', 'chrono/ENYearMonthNameParser']);

/**
 * Whether the filter drops whatever chrono's parser `rule` would read from `match`: a month name
 * in lower case, an abbreviated weekday alone. Asked before chrono builds the result, which costs
 * far more than this test ("may" is in most articles, "sat" and "Sun" in many).
 */
export function dropsUnread(rule: string, match: RegExpMatchArray): boolean {
  if (!MONTH_NAME_PARSERS.has(rule) && rule !== 'chrono/ENWeekdayParser') return false;
  // These parsers capture the character before the date first (chrono's word-boundary check).
  const text = match[0].slice(match[1]?.length ?? 0);
  if (MONTH_NAME_PARSERS.has(rule)) {
    const month = MONTH_WORD.exec(text);
    return month !== null && month[1][0] === month[1][0].toLowerCase();
  }
  return WEEKDAY_ABBREVIATION.test(text.trim());
}

export default class FalsePositiveFilter implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((r) => noteOf(r.start) !== undefined || this.isValid(context, r));
  }

  isValid(context: ParsingContext, r: ParsingResult): boolean {
    if (!r.start.isValidDate() || (r.end && !r.end.isValidDate())) return false;
    const text = context.text;
    const s = r.start;
    const rule = ruleOf(r);
    const before = text.slice(Math.max(0, r.index - 16), r.index);
    const after = text.slice(r.index + r.text.length, r.index + r.text.length + 8);

    const month = MONTH_WORD.exec(r.text);
    if (s.isCertain('month') && month) {
      if (month[1][0] === month[1][0].toLowerCase()) return false;
      const bare = !s.isCertain('day') && !s.isCertain('year') && !r.end;
      if (bare) {
        const temporal = TEMPORAL_BEFORE.test(before) || /^(?:in|of)\s/i.test(r.text);
        if (/^may$/i.test(month[1]) && !temporal) return false;
        const next = wordAfter(text, r.index + r.text.length);
        if (!temporal && /^[A-Z][a-z]/.test(next) && r.text.trim() !== r.text.trim().toUpperCase()) return false;
      }
    }
    if (s.isOnlyWeekdayComponent() && !s.isCertain('hour') && WEEKDAY_ABBREVIATION.test(r.text.trim())) return false;
    if (rule === 'chrono/ENTimeExpressionParser' && s.isOnlyTime()) {
      const clock = CLOCK.test(r.text) || (COLON_TIME_AFTER_WORD.test(r.text.trim()) && /\b(?:at|from|until|till|by|before|after)\s*$/i.test(before + r.text.replace(/\d.*$/s, '')));
      if (!clock || /^\s*[-–.,:]?\d/.test(after)) return false;
    }
    if (rule === 'chrono/ENCasualTimeParser' && s.isOnlyTime() && !/day,?\s*$/i.test(before)) {
      const t = r.text.trim().replace(/^(?:at|by|until|before|after)\s+/i, '');
      if (!PART_OF_DAY_TIME.test(t) || !/\b(?:at|by|until|before|after)\s*$/i.test(before + r.text.slice(0, r.text.length - t.length))) return false;
    }
    if (/,\s*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/i.test(r.text)) return false;
    if ((rule === 'chrono/SlashDateFormatParser' || rule === 'chrono/ENSlashMonthFormatParser') && !s.isCertain('year')) return false;
    return true;
  }
}
