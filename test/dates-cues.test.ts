/** Cues (src/dates/cues.ts): what each gated date parser cannot match without, looked for once per text. */
import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { CueIndex, glued, type Cue } from '../src/dates/cues.ts';
import { CHRONO_CUES, createConfiguration, envoyParsers } from '../src/dates/configuration.ts';
import { placeholderInstant } from '../src/dates/notes.ts';

const holds = (cue: Cue, text: string) => new CueIndex([cue]).present(text) !== 0;

describe('cue index', () => {
  it('finds a word cue as a whole word, in any case', () => {
    expect(holds({ words: ['night'] }, 'It rained all Night.')).toBe(true);
    expect(holds({ words: ['night'] }, '(night)')).toBe(true);
    expect(holds({ words: ['night'] }, 'night')).toBe(true);
    expect(holds({ words: ['night'] }, 'Two nights later')).toBe(false);
    expect(holds({ words: ['night'] }, 'a fortnight ago')).toBe(false);
    expect(holds({ words: ['night'] }, 'the nigh end')).toBe(false);
  });

  it('ends a word at anything but an ASCII letter', () => {
    expect(holds({ words: ['spring'] }, '2004spring5')).toBe(true);
    expect(holds({ words: ['spring'] }, 'café-spring_')).toBe(true);
    expect(holds({ words: ['spring'] }, 'éspringé')).toBe(true);
    expect(holds({ words: ['spring'] }, 'offspring')).toBe(false);
    expect(holds({ words: ['spring'] }, 'springs')).toBe(false);
  });

  it('needs a capital for a capitalised cue, and finds glued words only as their own cue', () => {
    expect(holds({ capitalised: ['easter'] }, 'before Easter Monday')).toBe(true);
    expect(holds({ capitalised: ['easter'] }, 'an easter egg')).toBe(false);
    expect(holds({ capitalised: ['easter'] }, 'EASTER')).toBe(true);
    expect(holds({ words: ['morning'] }, 'thismorning')).toBe(false);
    expect(holds({ words: glued('this', ['morning']) }, 'thismorning')).toBe(true);
  });

  it('tries a text cue, and reports each cue on its own bit', () => {
    const index = new CueIndex([{ words: ['winter'] }, { text: /0s/i }, { words: ['summer'], text: /\// }]);
    expect(index.present('the 1990S')).toBe(0b010);
    expect(index.present('a Winter in the 80s')).toBe(0b011);
    expect(index.present('3/2004')).toBe(0b100);
    expect(index.present('nothing here')).toBe(0);
  });

  it('refuses a word cue that is not letters alone', () => {
    expect(() => new CueIndex([{ words: ["new year's"] }])).toThrow(/letters only/);
  });
});

/** Sentences with what the gated parsers read, written plainly and in the odd ways their patterns allow. */
const SENTENCES = [
  'We met this morning, thismorning, in the afternoon, at midnight, at noon and at midday; the evening and the night passed.',
  'In the 1990s and the 80s, in the \'70s, the nineties, the nineteen-sixties, the twenty-first century and the 19th century.',
  'In spring, the winter of 1994, autumn 2004, in the fall of nineteen ninety-eight and the summer.',
  'At Christmas, on New Year\'s Eve, on New Years Day, New Year’s Day, St. Patrick\'s Day, St Patricks day, May Day, the Fourth of July, Good Friday, Easter 2004 and Guy Fawkes night.',
  'In nineteen ninety-six, the year two thousand, January nineteen ninety-seven and two thousand and one.',
  'The first half of 2004, the second half of the year and the last half of next year.',
  'The third quarter, first-quarter profits, the fourth quarter of 2004 and the fiscal first quarter.',
  'From 3/2004 to 11/2005, at 10:30, at 5pm, at 7 a.m., at six o\'clock and 1900 GMT.',
  'On 2004-03-05, 2004-3-5T10:30 and 1999-12-31.',
  'In recent years, in the coming weeks, in the past, in future, in the near future, in the short term, right now, now, currently, at present, presently, nowadays, these days, today, tonight, yesterday, tomorrow, recently, lately, soon, last night and this evening.',
  'On Monday, on Sun., onTuesday, this Wednesday, lastThursday, onnextFriday, (Sat), Monday next week, Tuesdaythisweek, Wednesday of last week, Thursdayof this week, this weekend and a weekday.',
  'On 5 May 2004, 5thMay, the firstofJune, 6 to 9 January, March 2004, inMay, Mayof 2004, May 5, Sept. 5, Junefirst, Maytwenty-first, 2004 March, 2004ADMay and in may.',
];

describe('gated date parsers', () => {
  const casual = chrono.casual.clone();
  const gated = [
    ...envoyParsers().filter((p) => p.cue).map((p) => [p.rule, p, p.cue!] as const),
    ...casual.parsers.filter((p) => CHRONO_CUES[p.constructor.name]).map((p) => [p.constructor.name, p, CHRONO_CUES[p.constructor.name]] as const),
  ];

  it('gates the parsers these sentences are for', () => {
    expect(gated.map(([name]) => name)).toEqual(expect.arrayContaining(['envoy/holiday', 'envoy/decade', 'envoy/season', 'envoy/spelled-year', 'envoy/half', 'envoy/quarter', 'ENCasualTimeParser', 'ENTimeExpressionParser', 'ENSlashMonthFormatParser', 'ISOFormatParser', 'ENMonthNameParser', 'ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENYearMonthNameParser', 'ENWeekdayParser', 'envoy/deictic']));
  });

  it('find something only where their cue holds', () => {
    // The clock-time parser's cue is what the false-positive filter keeps a clock time by, not its pattern ("05" of "2004-03-05").
    for (const [name, parser, cue] of gated.filter(([name]) => name !== 'ENTimeExpressionParser')) {
      const alone = new chrono.Chrono({ parsers: [parser], refiners: [] });
      let found = 0;
      for (const sentence of SENTENCES) {
        for (const phrase of sentence.split(/[,;.]\s+|\s+and\s+/)) {
          const results = alone.parse(phrase, placeholderInstant());
          found += results.length;
          if (results.length) expect(holds(cue, phrase), `${name} reads '${results[0].text}' in '${phrase}'`).toBe(true);
        }
      }
      expect(found, `${name} finds something in the sentences`).toBeGreaterThan(0);
    }
  });

  it("cover every word of chrono's part-of-day pattern, written alone and after a glued 'this'", () => {
    const parser = casual.parsers.find((p) => p.constructor.name === 'ENCasualTimeParser') as unknown as { innerPattern(): RegExp };
    const words = /\(((?:[a-z]+\|)+[a-z]+)\)/.exec(parser.innerPattern().source)![1].split('|');
    expect(words.length).toBeGreaterThan(5);
    for (const w of words) expect(CHRONO_CUES.ENCasualTimeParser.words).toEqual(expect.arrayContaining([w, `this${w}`]));
  });

  it("cover every month word of chrono's month-name patterns and every ordinal day glued after one", () => {
    const alternation = (parser: string, word: string) => {
      const pattern = (casual.parsers.find((p) => p.constructor.name === parser) as unknown as { innerPattern(): RegExp }).innerPattern().source;
      const found = [...pattern.matchAll(/\(\?:((?:[a-z\\. -]+\|)+[a-z\\. -]+)\)/g)].find((m) => m[1].split('|').includes(word));
      return found![1].split('|').map((w) => w.replace(/\\\./g, ''));
    };
    const months = alternation('ENMonthNameMiddleEndianParser', 'january');
    const ordinals = alternation('ENMonthNameMiddleEndianParser', 'twentieth');
    expect(months.length).toBeGreaterThan(20);
    expect(ordinals.length).toBeGreaterThan(20);
    for (const month of months) {
      expect(CHRONO_CUES.ENMonthNameParser.words).toEqual(expect.arrayContaining([month, `in${month}of`]));
      expect(holds(CHRONO_CUES.ENMonthNameLittleEndianParser, `on 5th${month}`), month).toBe(true);
      for (const ordinal of ordinals) expect(holds(CHRONO_CUES.ENMonthNameMiddleEndianParser, `${month}${ordinal}`), `${month}${ordinal}`).toBe(true);
    }
    expect(holds(CHRONO_CUES.ENMonthNameLittleEndianParser, 'a market for the dismayed')).toBe(false);
    expect(holds(CHRONO_CUES.ENMonthNameMiddleEndianParser, 'a market for the mayor')).toBe(false);
  });

  it("cover every word of chrono's weekday pattern, alone and with the words its pattern glues to it", () => {
    const parser = casual.parsers.find((p) => p.constructor.name === 'ENWeekdayParser') as unknown as { innerPattern(): RegExp };
    const words = /\(\(\?:((?:[a-z\\.]+\|)+[a-z\\.]+)\)\|weekend\|weekday\)/.exec(parser.innerPattern().source)![1].split('|').map((w) => w.replace(/\\\./, ''));
    expect(words.length).toBeGreaterThan(10);
    const cue = new CueIndex([CHRONO_CUES.ENWeekdayParser]);
    for (const w of [...words, 'weekend', 'weekday']) {
      for (const text of [w, `on${w}`, `past${w}`, `onlast${w}`, `${w}of`, `${w}this`, `${w}nextweek`, `onthis${w}ofpastweek`]) expect(cue.present(` ${text.toUpperCase()} `), text).not.toBe(0);
    }
    expect(holds(CHRONO_CUES.ENWeekdayParser, 'the sunny weekends of the Monday Club')).toBe(true);
    expect(holds(CHRONO_CUES.ENWeekdayParser, 'the sunny weekends of the Mondays Club')).toBe(false);
  });

  it('are not run on a text without their cue, and run on one with it', () => {
    const { parsers } = createConfiguration();
    const skipped = (text: string) => {
      const context = new chrono.ParsingContext(text, placeholderInstant(), {});
      return parsers.filter((p) => p.pattern(context).source === '(?!)').length;
    };
    expect(skipped('They met in Paris.')).toBe(gated.length);
    expect(skipped(SENTENCES.join(' '))).toBe(0);
  });
});
