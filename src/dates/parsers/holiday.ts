/**
 * Holidays by name (holidays.ts): "Christmas", "Thanksgiving Day", "Easter Monday", "New Year's
 * Eve", with "last"/"this"/"next" before them or a year after them ("Christmas 2004", "Easter of
 * 1998"). Without a year, the year comes from the reference date and the tense, like a month's.
 * A holiday is written with a capital; "easter" or "christmas" in lower case is not one.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { HOLIDAY_NAMES } from '../holidays.ts';
import { resultAt, type EnvoyParser } from '../result.ts';

/** Words of a name written in lower case, and those written in either case; any other word is capitalised. */
const LOWER_CASE = ['the', 'of'];
const EITHER_CASE = ['day', 'eve', 'night'];

/** A name as written: capitalised words ("Thanksgiving Day", "the Fourth of July"), "day"/"eve"/"night" in either case. */
function written(name: string): string {
  return name
    .split(' ')
    .map((w) => {
      const word = w.replace(/\./g, '\\.?').replace(/'/g, "['’]?");
      if (LOWER_CASE.includes(w)) return word;
      const rest = word.slice(1);
      return EITHER_CASE.includes(w) ? `[${w[0].toUpperCase()}${w[0]}]${rest}` : w[0].toUpperCase() + rest;
    })
    .join('\\s+');
}

/**
 * The longest capitalised word of a name, which no match of the name is without, as it may be
 * written: "Year" or "Years" for "New Year's Eve", "St" for "St. Patrick's Day" (cues.ts).
 */
function capitalisedWords(name: string): string[] {
  const words = name.split(' ').filter((w) => !LOWER_CASE.includes(w) && !EITHER_CASE.includes(w));
  const longest = words.reduce((a, b) => (b.replace(/['.]/g, '').length > a.replace(/['.]/g, '').length ? b : a));
  return [longest.split(/['.]/)[0], longest.replace(/['.]/g, '')];
}

/** Case-sensitive, with the name first: a leading "last"/"next" is read backwards, and a case-blind pattern would be slower. */
const PATTERN = new RegExp(
  `\\b(${[...HOLIDAY_NAMES].sort((a, b) => b.length - a.length).map(written).join('|')})(?:\\s+(?:of\\s+)?((?:19|20)\\d\\d))?\\b`,
);
const MODIFIER_BEFORE = /\b(last|this|next)\s+$/i;
const OFFSETS: Record<string, number> = { last: -1, this: 0, next: 1 };

/** The holiday's key in HOLIDAYS from its name as written: "Thanksgiving  Day" → "thanksgiving day". */
function key(written: string): string {
  const plain = written.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
  return HOLIDAY_NAMES.find((n) => n === plain || n.replace(/[.']/g, '') === plain.replace(/[.']/g, '')) ?? plain;
}

export default class HolidayParser implements EnvoyParser {
  readonly rule = 'envoy/holiday';
  readonly cue = { capitalised: [...new Set(HOLIDAY_NAMES.flatMap(capitalisedWords))] };

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const [whole, name, year] = match;
    const modifier = MODIFIER_BEFORE.exec(context.text.slice(Math.max(0, match.index! - 6), match.index!));
    const start = match.index! - (modifier?.[0].length ?? 0);
    const note = {
      kind: 'holiday' as const,
      holiday: key(name),
      ...(year ? { year: Number(year) } : {}),
      ...(modifier ? { offset: OFFSETS[modifier[1].toLowerCase()] } : {}),
    };
    return resultAt(context, start, match.index! + whole.length, note);
  }
}
