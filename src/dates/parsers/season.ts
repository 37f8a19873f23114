/**
 * Seasons named without "this"/"last"/"next" (those are the relative-period parser's): "the
 * summer", "in spring", "the early summer", "the winter of 1994", "autumn 2004", "the fall of
 * nineteen ninety-eight". With a year they are that year's; without one, the year comes from the
 * reference date and the tense, like a month's (timeml.ts).
 *
 * Without a year a season needs "the" or a preposition before it ("prices fall", "a hot spring",
 * "the Summer Olympics" are no dates), and "fall" a preposition ("in the fall", but "the fall in
 * profits").
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { SPELLED_YEAR, spelledYearValue } from '../lexicon.ts';
import type { Season } from '../notes.ts';
import { resultAt, wordAfter, wordBefore, type EnvoyParser } from '../result.ts';

const SEASONS: Record<string, Season> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
/** The season word starts the pattern; "the" and "early"/"late"/"mid" before it are read backwards. */
const PATTERN = new RegExp(`\\b(spring|summer|autumn|fall|winter)\\b(?:\\s+(?:of\\s+)?(?:((?:19|20)\\d\\d)|(${SPELLED_YEAR}))\\b)?`, 'i');
const LEAD = /(?:\b(the\s+))?(?:\b(?:early|late|mid)[\s-]+)?$/i;
const NOUN_FALL_AFTER = /^\s+(?:in|of|out|from|to|back|off|below|by)\b/i;
const PREPOSITIONS = new Set(['in', 'during', 'over', 'through', 'throughout', 'by', 'until', 'till', 'since', 'before', 'after', 'from', 'early', 'late']);

export default class SeasonParser implements EnvoyParser {
  readonly rule = 'envoy/season';
  readonly cue = { words: Object.keys(SEASONS) };

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const text = context.text;
    const [whole, name, digits, spoken] = match;
    const end = match.index! + whole.length;
    const lead = LEAD.exec(text.slice(Math.max(0, match.index! - 12), match.index!))!;
    const start = match.index! - lead[0].length;
    const season = SEASONS[name.toLowerCase()];
    if (digits || spoken) return resultAt(context, start, end, { kind: 'season', season, year: digits ? Number(digits) : spelledYearValue(spoken) });
    const prepositionBefore = PREPOSITIONS.has(wordBefore(text, start));
    if (!lead[1] && !prepositionBefore) return null;
    // "the fall in profits", "the fall of Baghdad": without a preposition before it, "fall" is a drop.
    if (name.toLowerCase() === 'fall' && (!prepositionBefore || NOUN_FALL_AFTER.test(text.slice(end, end + 8)))) return null;
    if (/^[A-Z]/.test(wordAfter(text, end)) || /^-/.test(text.slice(end, end + 1))) return null;
    return resultAt(context, start, end, { kind: 'season', season });
  }
}
