/**
 * The one list of what parses dates in envoy, in order — chrono's casual English configuration,
 * cloned, with envoy's news parsers and refiners added the way chrono is extended.
 *
 * Envoy's parsers come first, so they win ties with chrono's on the same span. Chrono parsers
 * whose job an envoy parser does better for news are left out, by class name; a test checks
 * that each named class still exists in chrono's configuration.
 */
import * as chrono from 'chrono-node';
import type { Parser, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { ParsingComponents, ParsingResult as ChronoResult } from 'chrono-node';
import { CueIndex, glued, type Cue } from './cues.ts';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from './lexicon.ts';
import { noteOf } from './notes.ts';
import { hasRule, ruleOf, setRule } from './rule.ts';
import type { EnvoyParser } from './result.ts';
import AnaphoricParser from './parsers/anaphoric.ts';
import HalfParser from './parsers/half.ts';
import HolidayParser from './parsers/holiday.ts';
import SeasonParser from './parsers/season.ts';
import SpelledYearParser from './parsers/spelledYear.ts';
import SetParser from './parsers/set.ts';
import DurationParser from './parsers/duration.ts';
import DeicticParser from './parsers/deictic.ts';
import RelativePeriodParser from './parsers/relativePeriod.ts';
import DecadeParser from './parsers/decade.ts';
import YearParser from './parsers/year.ts';
import QuarterParser from './parsers/quarter.ts';
import FalsePositiveFilter, { dropsUnread } from './refiners/falsePositiveFilter.ts';
import TrimSpanRefiner from './refiners/trimSpan.ts';
import ModifierSpanRefiner from './refiners/modifierSpan.ts';
import LineBreakRefiner from './refiners/lineBreak.ts';
import MonthInRelativeYearRefiner from './refiners/monthInRelativeYear.ts';

/** Chrono's configuration: the ordered parsers and refiners (the type chrono-node does not export). */
export interface Configuration {
  parsers: Parser[];
  refiners: Refiner[];
}

/** Envoy's parsers, in order: on a tie the earlier one wins ("£5m a year" is a set, not a duration). */
export function envoyParsers(): EnvoyParser[] {
  return [new SetParser(), new AnaphoricParser(), new DurationParser(), new DeicticParser(), new HolidayParser(), new QuarterParser(), new HalfParser(), new RelativePeriodParser(), new SeasonParser(), new DecadeParser(), new SpelledYearParser(), new YearParser()];
}

/** Chrono parsers left out, and what takes their place. */
export const SUPERSEDED_PARSERS: Record<string, string> = {
  ENTimeUnitWithinFormatParser: 'duration ("within three days", "for a year" are durations)',
  ENTimeUnitLaterFormatParser: 'duration ("eight days after taking office" is not anchored on the article date)',
  ENTimeUnitAgoFormatParser: 'duration ("two years ago" at year granularity; "a year earlier" is not anchored on the article date; "$153m a year ago" is no 153 minutes)',
  ENTimeUnitCasualRelativeFormatParser: 'duration ("the past five years" is P5Y)',
  ENRelativeDateFormatParser: 'relative-period (unit granularity: "next month" is a month)',
  ENCasualDateParser: 'deictic ("now" is PRESENT_REF; "today" needs a day in the reference date)',
  ENEndOfCurrentMonthParser: 'modifier-span refiner ("the end of the month")',
};

/** Chrono refiners left out, and what takes their place. */
export const SUPERSEDED_REFINERS: Record<string, string> = {
  UnlikelyFormatFilter: 'false-positive filter (chrono drops every all-digit result, so every bare year)',
  ENUnlikelyFormatFilter: 'false-positive filter (chrono drops "since May")',
  ENEndOfPeriodRefiner: 'modifier-span refiner ("the end of 2019" keeps the value 2019)',
};

/**
 * Records the parser's rule id with every result it makes, and skips a match the false-positive
 * filter would drop unread. (Chrono's relative parsers are all
 * superseded, so no chrono result depends on the placeholder instant it was parsed against; a
 * test checks that none carries chrono's relative-date tag.)
 */
function withRule(parser: Parser, rule: string): Parser {
  return {
    pattern: (context) => parser.pattern(context),
    extract(context: ParsingContext, match: RegExpMatchArray) {
      if (dropsUnread(rule, match)) return null;
      let out = parser.extract(context, match);
      if (!out) return out;
      if (!(out instanceof ChronoResult) && !(out instanceof ParsingComponents)) out = context.createParsingComponents(out);
      if (out instanceof ParsingComponents) setRule(out, rule);
      else {
        setRule(out.start, rule);
        if (out.end) setRule(out.end, rule);
      }
      return out;
    },
  };
}

/** A pattern that fails at once (sticky, so it is tried at the first position only). */
const NEVER = /(?!)/y;

const PARTS_OF_DAY = ['morning', 'afternoon', 'evening', 'night', 'midnight', 'midday', 'noon'];
const MONTH_WORDS = [...MONTH_NAMES, ...MONTH_ABBREVIATIONS];
const MONTHS = MONTH_WORDS.join('|');
/** The first words of chrono's ordinal day words ("twenty" of "twenty-first"). */
const ORDINAL_STARTS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth',
  'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty', 'thirtieth', 'thirty',
];
/** Chrono's weekday words, its abbreviations without their dot ("Sun.") and the two week words its weekday pattern takes. */
const WEEKDAY_WORDS = ['sunday', 'sun', 'monday', 'mon', 'tuesday', 'tue', 'wednesday', 'wed', 'thursday', 'thurs', 'thur', 'thu', 'friday', 'fri', 'saturday', 'sat', 'weekend', 'weekday'];
const WEEK_MODIFIERS = ['this', 'last', 'past', 'next'];
/** What the weekday pattern lets touch a weekday word, as its `\s*` allow: "on", a modifier or both before it ("onthisMonday"). */
const WEEKDAY_LEADS = ['', 'on', ...WEEK_MODIFIERS, ...glued('on', WEEK_MODIFIERS)];
/** … and after it, "of", a modifier and "week", as far as they are glued ("Mondayof this week", "Mondaynextweek"). */
const WEEKDAY_TAILS = ['', 'of', ...['', 'of'].flatMap((of) => WEEK_MODIFIERS.flatMap((m) => [of + m, `${of + m}week`]))];
/** A month word ending a word: alone, or glued after a day ("5thMay", "firstofMay") or an era ("2004ADMay"). */
const MONTH_ENDING_A_WORD: Cue = { words: MONTH_WORDS, text: new RegExp(`[a-z](?:${MONTHS})(?![a-z])`, 'i') };

/**
 * Cues of chrono's parsers (cues.ts), by class name; envoy's parsers carry their own. The
 * clock-time parser is slow and rarely right in news: it reads every "1.30" and "at 1" and keeps
 * almost none of them (see the false-positive filter), so it runs only where am/pm, h:mm,
 * o'clock or a time zone appears. The part-of-day parser's pattern is
 * `(?:this)?\s{0,3}(morning|…|noon)`; the month/year one's needs a slash, the ISO one's
 * (yyyy-mm-dd) a hyphen between digits. The month-name parsers' patterns have a month word
 * with a non-letter (`\W`, a separator, a digit) on one side at least: before it and, glued,
 * "in", after it "of" for "(in) May (of) 2004"; after it for "5 May", "5thMay", "2004 May",
 * which may glue letters before it; before it for "May 5", which may glue an ordinal after it.
 * The weekday parser's pattern has a weekday word with a non-word character before the words
 * glued to it and after them; most articles name no weekday.
 */
export const CHRONO_CUES: Record<string, Cue> = {
  ENTimeExpressionParser: { text: /\d(?:\s*[aApP]\.?[mM]\b|:\d\d)|o['’]?clock|\b(?:GMT|BST|UTC|[ECMP][SD]T)\b/ },
  ENCasualTimeParser: { words: [...PARTS_OF_DAY, ...glued('this', PARTS_OF_DAY)] },
  ENSlashMonthFormatParser: { text: /\// },
  ISOFormatParser: { text: /\d-\d/ },
  ENMonthNameParser: { words: [...MONTH_WORDS, ...glued('in', MONTH_WORDS)].flatMap((w) => [w, `${w}of`]) },
  ENMonthNameLittleEndianParser: MONTH_ENDING_A_WORD,
  ENYearMonthNameParser: MONTH_ENDING_A_WORD,
  ENMonthNameMiddleEndianParser: { words: MONTH_WORDS, text: new RegExp(`\\b(?:${MONTHS})(?:${ORDINAL_STARTS.join('|')})`, 'i') },
  ENWeekdayParser: { words: WEEKDAY_LEADS.flatMap((lead) => glued(lead, WEEKDAY_WORDS)).flatMap((word) => WEEKDAY_TAILS.map((tail) => word + tail)) },
};

/**
 * The cues of one configuration, looked for once per text: the parsers' patterns are asked for
 * one after another with the same parsing context, so the last context's cues are kept.
 */
class CueReader {
  private context: ParsingContext | undefined;
  private found = 0;

  constructor(private readonly index: CueIndex) {}

  present(context: ParsingContext): number {
    if (context !== this.context) {
      this.context = context;
      this.found = this.index.present(context.text);
    }
    return this.found;
  }
}

/** `parser`, run only on a text where its cue (bit `bit` of `cues`) is present. */
function gated(parser: Parser, cues: CueReader, bit: number): Parser {
  return {
    pattern: (context) => (cues.present(context) & bit ? parser.pattern(context) : NEVER),
    extract: (context, match) => parser.extract(context, match),
  };
}

const byIndex = (a: ParsingResult, b: ParsingResult) => a.index - b.index;

function sortedByIndex(results: ParsingResult[]): boolean {
  for (let i = 1; i < results.length; i++) if (results[i].index < results[i - 1].index) return false;
  return true;
}

/** `first` and `then` in one list by index, stably (on a tie `first` comes first), as `[...first, ...then].sort(byIndex)`. */
function mergedByIndex(first: ParsingResult[], then: ParsingResult[]): ParsingResult[] {
  if (!sortedByIndex(first) || !sortedByIndex(then)) return [...first, ...then].sort(byIndex);
  const out: ParsingResult[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length && j < then.length) out.push(then[j].index < first[i].index ? then[j++] : first[i++]);
  while (i < first.length) out.push(first[i++]);
  while (j < then.length) out.push(then[j++]);
  return out;
}

/** Spans and rules of the results given to the refiner running now (refiners run one at a time), reused. */
const givenStarts: number[] = [];
const givenEnds: number[] = [];
const givenRules: string[] = [];

/**
 * Runs chrono refiners, one after another, on chrono's own results only. Envoy's results (those
 * with a note: durations, sets, relative periods) pass around them, so chrono never merges
 * "Monday, two days" into one date, nor clones a note away; no chrono refiner makes a result
 * with a note, so envoy's are set aside once for the run. Each refiner gets chrono's results in
 * text order whenever envoy's were set aside, as if they had been put back between refiners. A
 * result a refiner merged from several (it clones components and loses their tags) gets the
 * rule of the first result it took in.
 */
function datesOnly(refiners: Refiner[]): Refiner {
  return {
    refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
      const own = results.filter((r) => noteOf(r.start) !== undefined);
      let chronos = own.length ? results.filter((r) => noteOf(r.start) === undefined) : results;
      if (chronos.length === 0) return results; // nothing for the refiners to read
      for (const refiner of refiners) {
        if (chronos.length === 0) break;
        const n = chronos.length;
        for (let i = 0; i < n; i++) {
          givenStarts[i] = chronos[i].index;
          givenEnds[i] = chronos[i].index + chronos[i].text.length;
          givenRules[i] = ruleOf(chronos[i]);
        }
        chronos = refiner.refine(context, chronos);
        for (const r of chronos) {
          if (hasRule(r)) continue;
          const end = r.index + r.text.length;
          for (let i = 0; i < n; i++) {
            if (givenStarts[i] >= r.index && givenEnds[i] <= end) {
              setRule(r.start, givenRules[i]);
              break;
            }
          }
        }
        if (own.length && !sortedByIndex(chronos)) chronos = [...chronos].sort(byIndex);
      }
      return own.length ? mergedByIndex(chronos, own) : chronos;
    },
  };
}

/** `refiners` with each run of chrono's between OverlapRemovalRefiners run on chrono's results only (datesOnly). */
function chronoRefiners(refiners: Refiner[]): Refiner[] {
  const out: Refiner[] = [];
  let run: Refiner[] = [];
  for (const r of [...refiners, undefined]) {
    if (r && r.constructor.name !== 'OverlapRemovalRefiner') {
      run.push(r);
      continue;
    }
    if (run.length) out.push(datesOnly(run));
    run = [];
    if (r) out.push(r);
  }
  return out;
}

export function createConfiguration(): Configuration {
  const base = chrono.en.casual.clone();
  const overlapRemoval = base.refiners.find((r) => r.constructor.name === 'OverlapRemovalRefiner');
  if (!overlapRemoval) throw new Error('chrono-node has no OverlapRemovalRefiner');
  const ruled: [Parser, string, Cue | undefined][] = [
    ...envoyParsers().map((p): [Parser, string, Cue | undefined] => [p, p.rule, p.cue]),
    ...base.parsers
      .filter((p) => !(p.constructor.name in SUPERSEDED_PARSERS))
      .map((p): [Parser, string, Cue | undefined] => [p, `chrono/${p.constructor.name}`, CHRONO_CUES[p.constructor.name]]),
  ];
  const cued = [...new Set(ruled.flatMap(([, , cue]) => (cue ? [cue] : [])))];
  const cues = new CueReader(new CueIndex(cued));
  const parsers = ruled.map(([p, rule, cue]) => withRule(cue ? gated(p, cues, 1 << cued.indexOf(cue)) : p, rule));
  const lineBreak = new LineBreakRefiner();
  const refiners = [
    new FalsePositiveFilter(),
    lineBreak,
    ...chronoRefiners(base.refiners.filter((r) => !(r.constructor.name in SUPERSEDED_REFINERS))),
    lineBreak, // again: chrono's year-suffix refiner reads across line breaks too
    new MonthInRelativeYearRefiner(),
    new TrimSpanRefiner(),
    new ModifierSpanRefiner(),
    overlapRemoval,
  ];
  return { parsers, refiners };
}

let instance: chrono.Chrono | undefined;
/** The configured chrono, built once. */
export function envoyChrono(): chrono.Chrono {
  instance ??= new chrono.Chrono(createConfiguration());
  return instance;
}
