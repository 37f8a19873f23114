/**
 * Decades and centuries, which TimeML writes with the known leading digits:
 * "the 1990s" → 199, "the '80s" → 198, "the nineties" → 199, "the 21st century" → 20.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { fixed, resultAt, wordBefore, type EnvoyParser } from '../result.ts';

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty first': 21,
};
const DECADE_WORDS = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
/**
 * A decade word needs "the" ("in their sixties" is an age), which starts its alternative: tried
 * at every "the" only, where a bare word list would be tried at every word.
 */
const PATTERN = new RegExp(`\\b(?:(1[5-9]\\d|20\\d)0s|(\\d)0s|(century)|the\\s+(?:(eighteen|nineteen)[\\s-]+)?(${DECADE_WORDS.join('|')}))\\b`, 'i');
const ORDINAL_BEFORE = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)|(${Object.keys(ORDINAL_WORDS).join('|').replace(/ /g, '\\s+')}))[\\s-]+$`, 'i');

export default class DecadeParser implements EnvoyParser {
  readonly rule = 'envoy/decade';
  readonly cue = { words: ['century', ...DECADE_WORDS], text: /0s/i };

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const text = context.text;
    let start = match.index!;
    const end = start + match[0].length;
    const [, decade, shortDecade, century, hundreds, decadeWord] = match;
    if (decade) return resultAt(context, start, end, fixed(decade));
    if (decadeWord) {
      // "the nineties", "the nineteen-sixties"
      return resultAt(context, start, end, fixed(`${hundreds?.toLowerCase() === 'eighteen' ? 18 : 19}${DECADE_WORDS.indexOf(decadeWord.toLowerCase()) + 2}`));
    }
    if (century) {
      const ordinal = ORDINAL_BEFORE.exec(text.slice(Math.max(0, start - 20), start));
      if (!ordinal) return null;
      if (/^\s+[A-Z]/.test(text.slice(end, end + 3))) return null; // "20th Century Fox"

      const n = ordinal[1] ? Number(ordinal[1]) : ORDINAL_WORDS[ordinal[2].toLowerCase().replace(/\s+/, ' ')];
      start -= ordinal[0].length;
      return n ? resultAt(context, start, end, fixed(String(n - 1).padStart(2, '0'))) : null;
    }
    // "the '90s", "the 80s": without "the" or an apostrophe, "in their 90s" is an age.
    const apostrophe = /['’]/.test(text[start - 1] ?? '');
    if (apostrophe || wordBefore(text, start) === 'the') {
      if (apostrophe) start -= 1;
      return resultAt(context, start, end, fixed(`19${shortDecade}`));
    }
    return null;
  }
}
