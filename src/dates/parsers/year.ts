/**
 * Bare years: "in 2007", "since 1957", "the 2014 visit", "As of 2024", "the year 2000", "fiscal
 * 1989" (a fiscal year is named by the calendar year it ends in, which TimeML keeps). The span is
 * the year with "the year" or "fiscal" when they lead to it; early/late/mid are added by the modifier refiner. Chrono reads years only next to a month.
 *
 * A four-digit number is not a year when it is money ("$2014"), part of a bigger number ("2,014",
 * "12014"), a decimal or a percentage, a clock time ("1900 GMT"), follows "than", or counts a
 * plural noun ("1957 troops") — unless a temporal preposition precedes it ("in 2014 people voted").
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { COUNT_NOUNS, YEAR_PREPOSITIONS } from '../lexicon.ts';
import { resultAt, wordBefore, type EnvoyParser } from '../result.ts';

const PATTERN = /\b(?:1[6-9]|20)\d\d\b/;
const NUMBER_AFTER = /^(?:[.,:]\d|\s*(?:%|per\s?cent\b|percent\b))/i;
const NEXT_WORDS = /^[ \t\u00a0]+([A-Za-z][\w-]*)(?:[ \t\u00a0]+([A-Za-z][\w-]*))?/;

export default class YearParser implements EnvoyParser {
  readonly rule = 'envoy/year';

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const text = context.text;
    const start = match.index!;
    const end = start + match[0].length;
    const before = text[start - 1] ?? '';
    if (/[$£€¥#\d]/.test(before) || (/[.,]/.test(before) && /\d/.test(text[start - 2] ?? ''))) return null;
    if (NUMBER_AFTER.test(text.slice(end, end + 12))) return null;
    const prev = wordBefore(text, start);
    if (prev === 'than') return null;
    const next = NEXT_WORDS.exec(text.slice(end, end + 40));
    if (next && !YEAR_PREPOSITIONS.has(prev)) {
      const [, w1, w2] = next;
      if (COUNT_NOUNS.has(w1.toLowerCase())) return null;
      // "1957 Soviet troops", "2014 new jobs": one modifier between the number and its noun.
      if (w2 && COUNT_NOUNS.has(w2) && !COUNT_NOUNS.has(w1.toLowerCase())) return null;
    }
    const lead = /\b(?:the\s+year|fiscal)\s+$/i.exec(text.slice(Math.max(0, start - 12), start));
    return resultAt(context, start - (lead?.[0].length ?? 0), end, undefined, { year: Number(match[0]) });
  }
}
