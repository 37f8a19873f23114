/**
 * Holidays by name (holidays.ts): "Christmas", "Thanksgiving Day", "Easter Monday", "New Year's
 * Eve", with "last"/"this"/"next" before them or a year after them ("Christmas 2004", "Easter of
 * 1998"). Without a year, the year comes from the reference date and the tense, like a month's.
 * A holiday is written with a capital; "easter" or "christmas" in lower case is not one.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { HOLIDAY_NAMES } from '../holidays.ts';
import { resultAt, type EnvoyParser } from '../result.ts';

const NAME = [...HOLIDAY_NAMES]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/\./g, '\\.?').replace(/'/g, "['’]?").replace(/ /g, '\\s+'))
  .join('|');
const PATTERN = new RegExp(`\\b(?:(last|this|next)\\s+)?(${NAME})(?:\\s+(?:of\\s+)?((?:19|20)\\d\\d))?\\b`, 'i');
const OFFSETS: Record<string, number> = { last: -1, this: 0, next: 1 };

/** The holiday's key in HOLIDAYS from its name as written: "Thanksgiving  Day" → "thanksgiving day". */
function key(written: string): string {
  const plain = written.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
  return HOLIDAY_NAMES.find((n) => n === plain || n.replace(/[.']/g, '') === plain.replace(/[.']/g, '')) ?? plain;
}

export default class HolidayParser implements EnvoyParser {
  readonly rule = 'envoy/holiday';

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const [whole, modifier, name, year] = match;
    if (!/^[A-Z]/.test(name.replace(/^the\s+/i, ''))) return null;
    const start = match.index!;
    const note = {
      kind: 'holiday' as const,
      holiday: key(name),
      ...(year ? { year: Number(year) } : {}),
      ...(modifier ? { offset: OFFSETS[modifier.toLowerCase()] } : {}),
    };
    return resultAt(context, start, start + whole.length, note);
  }
}
