/**
 * Years said in words, as broadcast transcripts write them: "in nineteen ninety-six", "the year
 * two thousand", "January nineteen ninety-seven" (→ 1997-01), "May 5th, nineteen ninety-one".
 * "Two thousand" is a year only after "the year" or a month ("two thousand people" is a count);
 * "nineteen ninety-six" is one unless a counted noun follows.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { COUNT_NOUNS, MONTH_NAMES, SPELLED_YEAR, SPELLED_YEAR_WORDS, spelledYearValue } from '../lexicon.ts';
import { resultAt, wordAfter, type EnvoyParser } from '../result.ts';

/** The year words start the pattern; a month (and day) or "the year" before them is read backwards. */
const PATTERN = new RegExp(`\\b${SPELLED_YEAR}\\b`, 'i');
const LEAD = new RegExp(`\\b(?:(${MONTH_NAMES.join('|')})\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?|(the\\s+year\\s+))$`, 'i');

export default class SpelledYearParser implements EnvoyParser {
  readonly rule = 'envoy/spelled-year';
  readonly cue = { words: SPELLED_YEAR_WORDS };

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const spoken = match[0];
    const end = match.index! + spoken.length;
    const lead = LEAD.exec(context.text.slice(Math.max(0, match.index! - 24), match.index!));
    const [before = '', month, day, theYear] = lead ?? [];
    if (/^two/i.test(spoken) && !month && !theYear) return null;
    if (COUNT_NOUNS.has(wordAfter(context.text, end).toLowerCase())) return null;
    const known: { year: number; month?: number; day?: number } = { year: spelledYearValue(spoken) };
    if (month) known.month = MONTH_NAMES.indexOf(month.toLowerCase()) + 1;
    if (month && day) known.day = Number(day);
    return resultAt(context, match.index! - before.length, end, undefined, known);
  }
}
