/** The dates stage: each envoy parser and refiner, chrono's traps, tense, reference-date inference, the seeds. */
import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { emptyDoc, type Doc } from '../src/doc.ts';
import { defaultContext, runPipeline, stagesThrough } from '../src/pipeline.ts';
import { DateMentionSchema, type DateMention, type ReferenceDate } from '../src/schema.ts';
import { dates } from '../src/stages/dates.ts';
import { envoyChrono, SUPERSEDED_PARSERS, SUPERSEDED_REFINERS } from '../src/dates/configuration.ts';
import { noteOf, placeholderInstant } from '../src/dates/notes.ts';
import { resolveYear } from '../src/dates/timeml.ts';
import { isoWeek, dayNumber } from '../src/dates/reference.ts';

const ctx = defaultContext();

function run(text: string, ref: string | null = '2025-09'): Doc {
  const given: ReferenceDate = ref === null ? { value: null, origin: 'none' } : { value: ref, origin: 'option' };
  return dates(runPipeline(emptyDoc(text, given), ctx, stagesThrough('tokenise')), ctx);
}

/** The mention whose text is `phrase`, else the one containing it; fails when there is none. */
function mention(doc: Doc, phrase: string): DateMention {
  const m = doc.dates.find((d) => d.text === phrase) ?? doc.dates.find((d) => d.text.includes(phrase));
  expect(m, `a date mention for '${phrase}' in ${JSON.stringify(doc.dates.map((d) => d.text))}`).toBeDefined();
  return m!;
}
const valueOf = (text: string, phrase: string, ref: string | null = '2025-09') => mention(run(text, ref), phrase).value;
const texts = (text: string, ref: string | null = '2025-09') => run(text, ref).dates.map((d) => d.text);
const expectPairs = (doc: Doc, expected: Array<[string, string]>) => {
  for (const [phrase, value] of expected) expect(mention(doc, phrase).value, phrase).toBe(value);
};

describe('years (envoy/year)', () => {
  it('reads bare and in-phrase years, without the preposition in the span', () => {
    const doc = run('The last visit was in 2007, the first since 1957. During the 2014 visit they met. As of 2024, trade grew.');
    expect(doc.dates.map((d) => [d.text, d.value, d.type, d.rule])).toEqual([
      ['2007', '2007', 'DATE', 'envoy/year'],
      ['1957', '1957', 'DATE', 'envoy/year'],
      ['2014', '2014', 'DATE', 'envoy/year'],
      ['2024', '2024', 'DATE', 'envoy/year'],
    ]);
  });

  it('keeps early/late/mid in the span', () => {
    expect(mention(run('Kim visited Hanoi in late 2019.'), '2019')).toMatchObject({ text: 'late 2019', value: '2019' });
    expect(mention(run('Prices peaked in mid-2020.'), '2020')).toMatchObject({ text: 'mid-2020', value: '2020' });
    expect(mention(run('Output fell at the end of 2004.'), '2004')).toMatchObject({ text: 'the end of 2004', value: '2004' });
  });

  it('does not read money, counts, decimals, percentages or clock times as years', () => {
    expect(texts('It cost $2014 and £1999. Some 2,014 people and 1957 troops came. Rates hit 20.14 and 2014%.')).toEqual([]);
    expect(texts('More than 2000 attended, and 1800 Soviet troops left. Kick-off is at 1900 GMT.')).toEqual([]);
  });

  it('reads a year before a plural noun when a temporal preposition leads to it', () => {
    expect(valueOf('In 2014 people voted for change.', '2014')).toBe('2014');
  });
});

describe('decades and centuries (envoy/decade)', () => {
  it('gives the known leading digits', () => {
    expect(valueOf('Sales boomed in the 1990s.', '1990s')).toBe('199');
    expect(valueOf('It was a hit in the early 1980s.', '1980s')).toBe('198');
    expect(mention(run('a hit in the early 1980s'), '1980s').text).toBe('early 1980s');
    expect(valueOf("A relic of the '80s.", "'80s")).toBe('198');
    expect(valueOf('Europe in the 21st century.', 'century')).toBe('20');
  });

  it('leaves ages and names alone', () => {
    expect(texts('Both men are in their 90s and work at 20th Century Fox.')).toEqual([]);
  });
});

describe('relative periods (envoy/relative-period) at their own granularity', () => {
  it('resolves against a month-precision reference', () => {
    const doc = run('He will visit next month. Trade rose last year and this year. Talks stalled last month. A vote is due next year.', '2025-09');
    expect(doc.dates.map((d) => [d.text, d.value])).toEqual([
      ['next month', '2025-10'],
      ['last year', '2024'],
      ['this year', '2025'],
      ['last month', '2025-08'],
      ['next year', '2026'],
    ]);
  });

  it('gives ISO weeks and quarters when the reference has the precision', () => {
    expect(valueOf('Talks continue this week.', 'this week', '2025-09-17')).toBe('2025-W38');
    expect(valueOf('Talks resume next week.', 'next week', '2025-09-17')).toBe('2025-W39');
    expect(valueOf('They met last weekend.', 'last weekend', '2025-09-17')).toBe('2025-W37-WE');
    expect(valueOf('Profits fell last quarter.', 'last quarter', '2025-09')).toBe('2025-Q2');
    expect(valueOf('It was hot last summer.', 'last summer', '2025-09')).toBe('2025-SU');
  });

  it('falls back to the direction when the reference is too coarse or missing', () => {
    expect(valueOf('Talks continue this week.', 'this week', '2025-09')).toBe('PRESENT_REF');
    expect(valueOf('He will visit next month.', 'next month', '2025')).toBe('FUTURE_REF');
    expect(valueOf('Trade rose last year.', 'last year', null)).toBe('PAST_REF');
  });

  it('takes earlier/later and "the end of" into the span', () => {
    expect(mention(run('He visited earlier this year.'), 'this year')).toMatchObject({ text: 'earlier this year', value: '2025' });
    expect(mention(run('Growth slowed at the end of last year.'), 'last year')).toMatchObject({ text: 'the end of last year', value: '2024' });
  });

  it('leaves "the last year" to the duration parser', () => {
    expect(mention(run('Prices rose over the past year.'), 'year')).toMatchObject({ text: 'the past year', value: 'P1Y', type: 'DURATION' });
  });
});

describe('quarters (envoy/quarter) and months of a relative year (month-in-relative-year refiner)', () => {
  it('gives a quarter its year from an explicit year, a relative year, or the reference and tense', () => {
    expect(mention(run('Profits rose in the fourth quarter of 2004.'), 'quarter')).toMatchObject({ text: 'fourth quarter of 2004', value: '2004-Q4' });
    expect(valueOf('First-quarter profits fell.', 'First-quarter', '2025-05')).toBe('2025-Q1');
    expect(valueOf('Profits fell in the fourth quarter.', 'fourth quarter', '2025-02')).toBe('2024-Q4');
    expect(valueOf("Sales in this year's third quarter rose.", 'third quarter', '2025-11')).toBe('2025-Q3');
    expect(valueOf('Profits fell in the third quarter.', 'third quarter', null)).toBe('XXXX-Q3');
    expect(valueOf('It will report third-quarter earnings.', 'third-quarter', '2025-10')).toBe('2025-Q3');
    expect(valueOf('Profit rose in the fourth quarter.', 'fourth quarter', '2025-10')).toBe('2025-Q4');
  });

  it('reads "July last year" as one date', () => {
    expect(mention(run('In July last year, Motorola and Apple announced a deal.'), 'July')).toMatchObject({ text: 'July last year', value: '2024-07' });
    expect(valueOf('The talks open on June 3 next year.', 'June 3', '2025-09')).toBe('2026-06-03');
  });
});

describe('deictic words (envoy/deictic)', () => {
  it('gives PRESENT_REF, PAST_REF and FUTURE_REF', () => {
    const doc = run('The two countries currently have no trade, and now talk. Officials met recently, as in recent years. In the future they may meet. A deal is coming soon.');
    expect(doc.dates.map((d) => [d.text, d.value])).toEqual([
      ['currently', 'PRESENT_REF'],
      ['now', 'PRESENT_REF'],
      ['recently', 'PAST_REF'],
      ['recent years', 'PAST_REF'],
      ['the future', 'FUTURE_REF'],
      ['soon', 'FUTURE_REF'],
    ]);
  });

  it('resolves today, yesterday and tonight only with a reference day', () => {
    expect(valueOf('He arrived yesterday and leaves today.', 'yesterday', '2025-09-17')).toBe('2025-09-16');
    expect(valueOf('He arrived yesterday and leaves today.', 'today', '2025-09-17')).toBe('2025-09-17');
    expect(mention(run('He speaks tonight.', '2025-09-17'), 'tonight')).toMatchObject({ value: '2025-09-17TNI', type: 'TIME' });
    expect(valueOf('He leaves today.', 'today', '2025-09')).toBe('PRESENT_REF');
  });

  it('reads the near future, the short term and coming weeks as FUTURE_REF', () => {
    const doc = run('A listing is planned in the near future. Rates may fall in coming weeks, but not in the short term.');
    expect(doc.dates.map((d) => [d.text, d.value])).toEqual([
      ['the near future', 'FUTURE_REF'],
      ['coming weeks', 'FUTURE_REF'],
      ['the short term', 'FUTURE_REF'],
    ]);
    expect(texts('He spoke of the future of Europe and of long-term plans.')).toEqual([]);
  });

  it('leaves names and "as soon as" alone', () => {
    expect(texts("He told BBC Radio 4's Today programme he would act as soon as possible.")).toEqual([]);
  });
});

describe('anaphoric dates (envoy/anaphoric, discourse)', () => {
  it('takes the quarter under discussion, else the last one completed before the reference', () => {
    const doc = run('Net income rose in the third quarter. Sales in the quarter grew 5%, from $2m a year earlier. In the year-ago quarter it lost money.', '2025-11-04');
    expect(doc.dates.map((d) => [d.text, d.value, d.rule])).toEqual([
      ['third quarter', '2025-Q3', 'envoy/quarter'],
      ['the quarter', '2025-Q3', 'envoy/anaphoric'],
      ['a year earlier', '2024-Q3', 'envoy/anaphoric'],
      ['the year-ago quarter', '2024-Q3', 'envoy/anaphoric'],
    ]);
    expect(valueOf('Profit fell in the latest quarter.', 'the latest quarter', '2025-11-04')).toBe('2025-Q3');
    expect(valueOf('Results for the 2024 period were restated after the third quarter.', 'the 2024 period', '2025-11-04')).toBe('2024-Q3');
  });

  it('never takes a quarter still to come as "the latest quarter"', () => {
    const doc = run('The fourth-quarter outlook is weak. In the latest quarter, profit fell.', '2025-11-04');
    expect(mention(doc, 'the latest quarter').value).toBe('2025-Q3');
  });

  it('puts "a year earlier" a year before the date of its sentence when no quarter is discussed', () => {
    expect(valueOf('Debt stood at $3bn on Sept. 30, up from $2bn a year earlier.', 'a year earlier', '2025-11-04')).toBe('2024-09-30');
    expect(valueOf('Sales were flat, against a 4% rise a year ago.', 'a year ago', '2025-11-04')).toBe('2024');
  });

  it('counts "that year", "the following month" and "the next day" from the last date mentioned', () => {
    const doc = run('He fled in June 1998 and returned later that year. The following month he was jailed. He arrived on 3 March 2001 and left the next day.', '2025-09');
    expectPairs(doc, [
      ['later that year', '1998'],
      ['The following month', '1998-07'],
      ['the next day', '2001-03-04'],
    ]);
  });

  it('leaves out "that day" when no day was mentioned, and reads no quarter-final or "a quarter of"', () => {
    expect(texts('Nobody forgot that day.')).toEqual([]);
    expect(texts('They reached the quarter-finals with the quarter of the vote they had.')).toEqual([]);
  });
});

describe('holidays (envoy/holiday)', () => {
  it('computes fixed and moving holidays in the year given, relative to the reference, or by tense', () => {
    expect(valueOf('The boy was found on Thanksgiving Day.', 'Thanksgiving Day', '2000-01-07')).toBe('1999-11-25');
    expect(valueOf('He was rescued last Thanksgiving.', 'last Thanksgiving', '2000-02-10')).toBe('1999-11-25');
    expect(valueOf('Markets close on Good Friday.', 'Good Friday', '2025-03-01')).toBe('2025-04-18');
    expect(valueOf('The vote is on Election Day.', 'Election Day', '2000-10-20')).toBe('2000-11-07');
    expect(valueOf('They met at Christmas 2004.', 'Christmas 2004', '2025-09')).toBe('2004-12-25');
    expect(valueOf('He will return next Easter.', 'next Easter', '2025-05-01')).toBe('2026-04-05');
    expect(valueOf('Celebrations on May Day drew crowds.', 'May Day', '2025-09')).toBe('2025-05-01');
    expect(valueOf('Shops open on Boxing Day.', 'Boxing Day', null)).toBe('XXXX-12-26');
  });

  it('needs a capital', () => {
    expect(texts('They ate an easter egg.')).toEqual([]);
  });
});

describe('seasons (envoy/season, envoy/relative-period)', () => {
  it('reads a season with a year, or by tense after "the" or a preposition', () => {
    expect(valueOf('It was cold in the winter of 1994.', 'winter', '2025-09')).toBe('1994-WI');
    expect(valueOf('Sales rose over the summer.', 'the summer', '2025-09')).toBe('2025-SU');
    expect(valueOf('Talks will resume in spring.', 'spring', '2025-09')).toBe('2026-SP');
    expect(mention(run('Order entry rose from the low levels of the early summer.', '2025-09'), 'summer')).toMatchObject({ text: 'the early summer', value: '2025-SU' });
  });

  it('leaves verbs, nouns and names alone', () => {
    expect(texts('Prices fall as a hot spring opens before the Winter Olympics; oil is set to fall further.')).toEqual([]);
    expect(texts('The carmaker blamed the fall in profits on costs; the fall out was wide.')).toEqual([]);
    expect(valueOf('The film will open in the fall.', 'fall', '2025-03')).toBe('2025-FA');
  });
});

describe('spelled-out years (envoy/spelled-year) and decade words (envoy/decade)', () => {
  it('reads years said in words', () => {
    expect(valueOf('The bomb went off in nineteen ninety-six.', 'nineteen', '1998-02')).toBe('1996');
    expect(valueOf('His promise runs to the year two thousand.', 'two thousand', '1998-02')).toBe('2000');
    expect(mention(run('It happened in January nineteen ninety-seven.', '1998-02'), 'January')).toMatchObject({ text: 'January nineteen ninety-seven', value: '1997-01' });
    expect(mention(run('Hate groups fell through the nineties.', '1998-02'), 'nineties')).toMatchObject({ text: 'the nineties', value: '199' });
  });

  it('leaves counts alone', () => {
    expect(texts('Some two thousand people and nineteen twenty soldiers came, in their sixties.')).toEqual([]);
  });
});

describe('halves, fiscal years and months named relative to the reference (envoy/half, envoy/relative-period)', () => {
  it('reads halves of a year', () => {
    expect(valueOf('Growth slowed in the first half of 2004.', 'half', '2025-09')).toBe('2004-H1');
    expect(valueOf('It will recover in the second half of the year.', 'half', '2025-09')).toBe('2025-H2');
    expect(texts('He scored in the second half of the match.')).toEqual([]);
  });

  it('reads fiscal years and "the current" periods', () => {
    expect(mention(run('In fiscal 1988, the company earned $17m.'), '1988')).toMatchObject({ text: 'fiscal 1988', value: '1988' });
    expect(valueOf('Sales should rise in the current fiscal year.', 'the current fiscal year', '2025-09')).toBe('2025');
    expect(valueOf('Results in the current quarter look strong.', 'the current quarter', '2025-11')).toBe('2025-Q4');
    expect(valueOf('Profit fell in the fiscal first quarter.', 'first quarter', '2025-11')).toBe('2025-Q1');
    expect(valueOf('The deal should close by year-end.', 'year-end', '2025-09')).toBe('2025');
    expect(mention(run('He will visit by the end of the year.', '2025-09'), 'year')).toMatchObject({ text: 'the end of the year', value: '2025' });
    expect(valueOf('It forecast higher earnings for the full year.', 'the full year', '2025-09')).toBe('2025');
    expect(mention(run('Revenue was $76m for the year ended March 31.', '2025-09'), 'year')).toMatchObject({ text: 'the year', value: 'P1Y', type: 'DURATION' });
  });

  it('reads "last February" as the latest February before the reference month, "next May" as the next one', () => {
    expect(valueOf('Two helicopters crashed last February.', 'last February', '2025-03')).toBe('2025-02');
    expect(valueOf('Two helicopters crashed last February.', 'last February', '2025-01')).toBe('2024-02');
    expect(valueOf('He will return next May.', 'next May', '2025-09')).toBe('2026-05');
    expect(valueOf('It opened this September.', 'this September', '2025-11')).toBe('2025-09');
  });

  it('takes a capitalised "This Week" for a programme', () => {
    expect(texts('He said on ABC\'s "This Week" that talks failed.')).toEqual([]);
  });
});

describe('durations (envoy/duration)', () => {
  it('reads numbers, qualifiers and hyphenated adjectives', () => {
    const cases: Array<[string, string, string]> = [
      ['He embarked on a three-day trip.', 'three-day', 'P3D'],
      ['the first visit in nearly 20 years', 'nearly 20 years', 'P20Y'],
      ['It took a decade.', 'a decade', 'P10Y'],
      ['the first in more than a decade', 'more than a decade', 'P10Y'],
      ['They celebrate 75 years of relations.', '75 years', 'P75Y'],
      ['Meetings resumed after a five-year pause.', 'five-year', 'P5Y'],
      ['the third-largest partner for three consecutive years', 'three consecutive years', 'P3Y'],
      ['It has grown over the past five years.', 'the past five years', 'P5Y'],
      ['It lasted two and a half years.', 'two and a half years', 'P2Y6M'],
      ['The operation took 5 1/2 hours.', '5 1/2 hours', 'PT5H30M'],
      ['It was over in a minute and a half.', 'a minute and a half', 'PT1M30S'],
      ['a 24-hour strike', '24-hour', 'PT24H'],
      ['a year-long inquiry', 'year-long', 'P1Y'],
      ['It stayed static for years.', 'years', 'PXY'],
    ];
    for (const [text, span, value] of cases) {
      expect(mention(run(text), span), text).toMatchObject({ text: span, value, type: 'DURATION', rule: 'envoy/duration' });
    }
  });

  it('leaves ages, titles and years of a period alone', () => {
    expect(texts('The 27-year-old scored; he is 52 years old.')).toEqual([]);
    expect(texts('He told CBS\'s 60 Minutes so.')).toEqual([]);
    expect(mention(run('A gain in the 1988 quarter helped after the third quarter.', '1989-11'), '1988')).toMatchObject({ text: 'the 1988 quarter', value: '1988-Q3' });
  });

  it('reads "for decades" as PXDE with "decades" as the span', () => {
    expect(mention(run('North Korea has for decades faced sanctions.'), 'decades')).toMatchObject({ text: 'decades', value: 'PXDE', type: 'DURATION' });
  });

  it('does not anchor "eight days after taking office" on the article date', () => {
    const doc = run('Lee spoke by phone just eight days after taking office.', '2025-07');
    expect(doc.dates).toHaveLength(1);
    expect(mention(doc, 'eight days')).toMatchObject({ value: 'P8D', type: 'DURATION' });
  });

  it('counts "ago" and "from now" from the reference date, at the unit granularity', () => {
    expect(mention(run('She died two years ago.'), 'two years ago')).toMatchObject({ value: '2023', type: 'DATE' });
    expect(valueOf('It opened three months ago.', 'three months ago')).toBe('2025-06');
    expect(valueOf('It opened three days ago.', 'three days ago', '2025-09')).toBe('PAST_REF');
    expect(valueOf('It opened a few years ago.', 'a few years ago')).toBe('PAST_REF');
    expect(valueOf('It opens three months from now.', 'three months from now')).toBe('2025-12');
  });

  it('does not read the ordinal "second" or "a quarter of" as durations', () => {
    expect(texts('He ran for a second time and came second-largest, with a quarter of the vote.')).toEqual([]);
  });
});

describe('sets (envoy/set)', () => {
  it('gives the period as a SET value', () => {
    const cases: Array<[string, string, string]> = [
      ['The summit is held every year.', 'every year', 'P1Y'],
      ['Reports are filed annually.', 'annually', 'P1Y'],
      ['They meet twice a year.', 'twice a year', 'P1Y'],
      ['They vote every four years.', 'every four years', 'P4Y'],
      ['It costs £5m a year.', 'a year', 'P1Y'],
      ['The market opens every Monday.', 'every Monday', 'XXXX-WXX-1'],
      ['The fair is held each July.', 'each July', 'XXXX-07'],
      ['The reserve will be adjusted quarterly and published.', 'quarterly', 'P3M'],
    ];
    for (const [text, span, value] of cases) {
      expect(mention(run(text), span), text).toMatchObject({ text: span, value, type: 'SET', rule: 'envoy/set' });
    }
  });

  it('leaves names, rates and adjectives alone', () => {
    expect(texts('The Daily Mail said speeds reach 8 megabits per second.')).toEqual([]);
    expect(texts('It raised its quarterly dividend and runs daily flights.')).toEqual([]);
  });
});

describe("chrono's false positives (false-positive filter)", () => {
  it('does not read "may" as a month, unless a temporal word leads to it', () => {
    expect(texts('Prices may rise. Theresa May said so, and May Smith agreed.')).toEqual([]);
    expect(valueOf('The election was held in May.', 'May', '2025-09')).toBe('2025-05');
    expect(valueOf('The law has applied since May.', 'May', '2025-09')).toBe('2025-05');
    expect(valueOf('Sales fell between April and May.', 'May', '2025-09')).toBe('2025-05');
  });

  it('does not read "march" the verb, "The Sun" or "sat" as dates', () => {
    expect(texts('Protesters march through the city. The Sun reported it. He sat down on Wed night.')).toEqual([]);
    expect(valueOf('Protesters marched in March.', 'March', '2025-09')).toBe('2025-03');
  });

  it('reads clock times only with am/pm, a time zone or h:mm after "at"', () => {
    expect(texts('The euro buys $1.30 and rates stay at 3.25%. He won in 2:01.52. The score was 1-1 at 1-1, from 7 to 9.')).toEqual([]);
  });

  it('drops slash dates without a year', () => {
    expect(texts('The 9/11 attacks and a 6/4 win.')).toEqual([]);
  });
});

describe('month names, day-months and weekdays by tense', () => {
  it('resolves "Aug. 10" and "June 3" by tense, with a month-precision reference', () => {
    expect(valueOf('Lam is expected to hold a summit meeting with President Lee after arriving in Seoul on Aug. 10.', 'Aug. 10', '2025-07')).toBe('2025-08-10');
    expect(valueOf('Lee spoke by phone with Cuong, following his victory in the June 3 snap presidential election.', 'June 3', '2025-07')).toBe('2025-06-03');
    expect(valueOf('Lee speaks by phone with Cuong on June 11, 2025.', 'June 11, 2025', '2025-07')).toBe('2025-06-11');
  });

  it('resolves a month name by tense even more than six months from the reference', () => {
    expect(valueOf('He will visit Paris in November.', 'November', '2025-02')).toBe('2025-11');
    expect(valueOf('He visited Paris in November.', 'November', '2025-10')).toBe('2024-11');
    expect(valueOf('He will visit Paris in March.', 'March', '2025-09')).toBe('2026-03');
    expect(valueOf('He visited Paris in March.', 'March', '2025-09')).toBe('2025-03');
  });

  it('gives no tense to a date after "to", "until", "payable", "effective": the closest year is taken', () => {
    expect(valueOf('The offer was extended to Nov. 20.', 'Nov. 20', '2025-10-30')).toBe('2025-11-20');
    expect(valueOf('The board declared a dividend payable Dec. 7.', 'Dec. 7', '2025-10-30')).toBe('2025-12-07');
    expect(valueOf('The change became effective Feb. 1.', 'Feb. 1', '2025-11-30')).toBe('2026-02-01');
  });

  it('reads a past plan as no tense and "is to" as future', () => {
    const ref = '2025-09-19'; // a Friday
    expect(valueOf('Exiles planned a large rally on Saturday.', 'Saturday', ref)).toBe('2025-09-20');
    expect(valueOf('The stock is to resume trading Tuesday.', 'Tuesday', ref)).toBe('2025-09-23');
    expect(valueOf('The offer had been scheduled to expire on Monday.', 'Monday', ref)).toBe('2025-09-22');
    expect(valueOf('The offer expired on Monday.', 'Monday', ref)).toBe('2025-09-15');
  });

  it('gives an infinitive the time after its governing verb: future after a future one, none after a past one', () => {
    const ref = '2024-02-06'; // a Tuesday
    expect(valueOf('He will then travel to Italy to meet the Pope on Monday.', 'Monday', ref)).toBe('2024-02-12');
    expect(valueOf('They agreed to buy the firm in January.', 'January', '2024-11')).toBe('2025-01');
  });

  it('reads a headline infinitive as future', () => {
    const text = 'Leader to pay rare visit to North Korea in October, sources say\n\nThe visit was confirmed.';
    expect(valueOf(text, 'October', '2025-09')).toBe('2025-10');
    expect(valueOf(text, 'October', '2025-11')).toBe('2026-10');
  });

  it('resolves weekdays from a reference day by tense and modifier', () => {
    const ref = '2025-09-17'; // a Wednesday
    expect(valueOf('He said on Monday that talks failed.', 'Monday', ref)).toBe('2025-09-15');
    expect(valueOf('He will arrive on Monday.', 'Monday', ref)).toBe('2025-09-22');
    expect(valueOf('They met last Friday.', 'Friday', ref)).toBe('2025-09-12');
    expect(valueOf('They meet next Friday.', 'Friday', ref)).toBe('2025-09-19');
    expect(mention(run('He said on Monday that talks failed.', ref), 'Monday').text).toBe('Monday');
  });

  it('writes a weekday without a reference day as XXXX-WXX-n', () => {
    expect(valueOf('Officials said on Wednesday that talks failed.', 'Wednesday', '2025-09')).toBe('XXXX-WXX-3');
  });

  it('gives XXXX for the year of a month without any reference date', () => {
    expect(valueOf('He will visit in October.', 'October', null)).toBe('XXXX-10');
  });

  it('keeps a date on one line', () => {
    const doc = run('Tuesday, 1 March\n\n2000 GMT\nResults', '2005');
    expect(doc.dates.map((d) => d.value)).not.toContain('2000-03-01');
    expect(doc.dates.every((d) => !d.text.includes('\n'))).toBe(true);
  });

  it('resolveYear: past → latest not after, future → earliest not before, otherwise closest', () => {
    const ref = { year: 2025, month: 9, day: null };
    expect(resolveYear(3, null, ref, 'past')).toBe(2025);
    expect(resolveYear(3, null, ref, 'future')).toBe(2026);
    expect(resolveYear(10, null, ref, null)).toBe(2025);
    expect(resolveYear(9, 30, ref, 'past')).toBe(2025);
    expect(resolveYear(2, 1, { year: 2025, month: null, day: null }, 'future')).toBe(2025);
    expect(resolveYear(2, 1, { year: null, month: null, day: null }, 'future')).toBeNull();
  });
});

describe('times and ranges', () => {
  it('gives a clock time on the reference day', () => {
    expect(mention(run('The vote closes at 3 p.m.', '2025-09-17'), '3 p.m.')).toMatchObject({ value: '2025-09-17T15:00', type: 'TIME' });
    expect(valueOf('The vote closes at 3 p.m.', '3 p.m.', '2025-09')).toBe('XXXX-XX-XXT15:00');
  });

  it('puts a clock time on the day its sentence names', () => {
    expect(valueOf('The blast occurred at about 10:35 a.m. (0735 GMT) Friday.', '10:35 a.m.', '2025-09-20')).toBe('2025-09-19T10:35');
  });

  it('gives one mention per end of a range', () => {
    const doc = run('Output grew from 2010 to 2014.');
    expect(doc.dates.map((d) => [d.text, d.value])).toEqual([
      ['2010', '2010'],
      ['2014', '2014'],
    ]);
    expect(run('It extended the bid, due to expire last Thursday, to Nov. 6.', '2025-10-29').dates.map((d) => [d.text, d.value])).toEqual([
      ['last Thursday', '2025-10-23'],
      ['Nov. 6', '2025-11-06'],
    ]);
    expect(run('Sales grew from January to March 2010.').dates.map((d) => [d.text, d.value])).toEqual([
      ['January', '2010-01'],
      ['March 2010', '2010-03'],
    ]);
    expect(run('The ties are played on 12-13 March 2005.').dates.map((d) => [d.text, d.value])).toEqual([
      ['12', '2005-03-12'],
      ['13 March 2005', '2005-03-13'],
    ]);
  });
});

describe('the stage output', () => {
  it('gives sorted, non-overlapping, schema-valid mentions whose text slices the source', () => {
    for (const file of ['seeds/000_8adeb89ad61cd016.txt', 'seeds/003_ee4086bdbad132e3.txt']) {
      const text = readFileSync(file, 'utf8');
      const doc = run(text, '2025-09-17');
      let end = 0;
      for (const d of doc.dates) {
        expect(DateMentionSchema.safeParse(d).success).toBe(true);
        expect(text.slice(d.start, d.end)).toBe(d.text);
        expect(d.start).toBeGreaterThanOrEqual(end);
        end = d.end;
      }
    }
  });

  it('leaves out of the configuration only chrono classes that exist', () => {
    const casual = chrono.casual.clone();
    const parsers = casual.parsers.map((p) => p.constructor.name);
    const refiners = casual.refiners.map((r) => r.constructor.name);
    for (const name of Object.keys(SUPERSEDED_PARSERS)) expect(parsers).toContain(name);
    for (const name of Object.keys(SUPERSEDED_REFINERS)) expect(refiners).toContain(name);
  });

  it('leaves no chrono result relative to the placeholder instant it parses against', () => {
    const text = 'Two years ago, last week, next Friday, in three days, yesterday, this month, 5 days later, tomorrow at 3pm, within a year.';
    for (const r of envoyChrono().parse(text, placeholderInstant())) {
      if (noteOf(r.start) === undefined) expect([...r.tags()], r.text).not.toContain('result/relativeDate');
    }
  });

  it('computes ISO weeks across year ends', () => {
    expect(isoWeek(dayNumber(2025, 9, 17))).toBe('2025-W38');
    expect(isoWeek(dayNumber(2024, 12, 30))).toBe('2025-W01');
    expect(isoWeek(dayNumber(2021, 1, 3))).toBe('2020-W53');
  });
});

describe('reference-date inference', () => {
  it('pairs a relative month with a named month and takes the year from a wire tag', () => {
    const doc = run(readFileSync('seeds/000_8adeb89ad61cd016.txt', 'utf8'), null);
    expect(doc.referenceDate).toMatchObject({ value: '2025-09', origin: 'text' });
    expect(doc.referenceDate.evidence).toBeDefined();
    expect(doc.diagnostics.some((d) => d.stage === 'dates' && /2025-09/.test(d.message))).toBe(true);
  });

  it('takes the year from the latest full date when there is no wire tag', () => {
    expect(run(readFileSync('seeds/003_ee4086bdbad132e3.txt', 'utf8'), null).referenceDate).toMatchObject({ value: '2025-07', origin: 'text' });
  });

  it('reads a dateline with a date, and a dated header line', () => {
    const dateline = run('SEOUL, July 3 (Yonhap) -- The minister, who took office on June 11, 2025, said talks would resume.', null);
    expect(dateline.referenceDate).toMatchObject({ value: '2025-07-03', origin: 'text' });
    const header = run('Leaders meet in Hanoi\nPublished: 17 September 2025\n\nThe two leaders met on Monday.', null);
    expect(header.referenceDate).toMatchObject({ value: '2025-09-17', origin: 'text', evidence: { text: '17 September 2025' } });
    expect(mention(header, 'Monday').value).toBe('2025-09-15');
  });

  it('does not take an event date in the first sentence, nor a date older than a year mentioned later', () => {
    const doc = run('Novelist Arthur Hailey, born in Luton on 5 April 1920, has died.\n\nHis last book came out in 2004.', null);
    expect(doc.referenceDate).toEqual({ value: null, origin: 'none' });
  });

  it('keeps no reference date when nothing supports one, and resolves only absolute expressions', () => {
    const doc = run('The minister will visit next month, in October, and returned in 2019.', null);
    expect(doc.referenceDate).toEqual({ value: null, origin: 'none' });
    expect(doc.dates.map((d) => [d.text, d.value])).toEqual([
      ['next month', 'FUTURE_REF'],
      ['October', 'XXXX-10'],
      ['2019', '2019'],
    ]);
  });

  it('never replaces a reference date that was given', () => {
    expect(run(readFileSync('seeds/000_8adeb89ad61cd016.txt', 'utf8'), '2024-01').referenceDate).toEqual({ value: '2024-01', origin: 'option' });
  });
});

describe('seed expectations', () => {
  it('seed 000 with reference 2025-09', () => {
    const doc = run(readFileSync('seeds/000_8adeb89ad61cd016.txt', 'utf8'), '2025-09');
    expectPairs(doc, [
      ['October', '2025-10'],
      ['next month', '2025-10'],
      ['2007', '2007'],
      ['three-day', 'P3D'],
      ['1957', '1957'],
      ['2019', '2019'],
      ['August', '2025-08'],
      ['June', '2025-06'],
      ['2016', '2016'],
      ['last year', '2024'],
      ['This year', '2025'],
      ['75 years', 'P75Y'],
      ['nearly 20 years', 'P20Y'],
      ['decades', 'PXDE'],
      ['currently', 'PRESENT_REF'],
      ['recent years', 'PAST_REF'],
    ]);
    expect(doc.dates.filter((d) => /august/i.test(d.text)).map((d) => d.value)).toEqual(['2025-08', '2025-08']);
  });

  it('seed 003 with reference 2025-07', () => {
    const doc = run(readFileSync('seeds/003_ee4086bdbad132e3.txt', 'utf8'), '2025-07');
    expectPairs(doc, [
      ['next month', '2025-08'],
      ['Aug. 10', '2025-08-10'],
      ['2014', '2014'],
      ['Last year', '2024'],
      ['June 3', '2025-06-03'],
      ['June 11, 2025', '2025-06-11'],
      ['eight days', 'P8D'],
      ['three consecutive years', 'P3Y'],
      ['more than a decade', 'P10Y'],
    ]);
    expect(doc.dates.filter((d) => /last year/i.test(d.text)).map((d) => d.value)).toEqual(['2024', '2024', '2024']);
    expect(doc.dates.filter((d) => d.text === '2024').map((d) => d.value)).toEqual(['2024', '2024']);
  });
});

describe('runs of spaces (justified or converted text)', () => {
  it('reads a date whose parts are spaced out, with its span on the text as given', () => {
    const text = 'The minister arrived  in Accra on 3 March      2024  and left on   Friday , officials said.';
    const doc = run(text, '2024-03-06');
    expect(doc.dates.map((d) => [d.text, d.value])).toEqual([
      ['3 March      2024', '2024-03-03'],
      ['Friday', '2024-03-01'],
    ]);
    for (const d of doc.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  });
});
