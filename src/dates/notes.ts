/**
 * What an envoy parser knows about a result beyond chrono's date components.
 *
 * Chrono results carry only calendar components (year, month, day …). Durations,
 * sets and PRESENT_REF-style values have none, and relative periods ("next
 * month") must be resolved against envoy's reference date at its own precision
 * rather than against the instant chrono parsed with. Parsers attach a note to
 * the components they return; timeml.ts reads it.
 *
 * Results with a note are envoy's own and pass around chrono's merging refiners
 * (see configuration.ts), so a note is never lost to a refiner's clone().
 */
import type { ParsedComponents } from 'chrono-node';
import type { TimexType } from '../schema.ts';

export type RelativeUnit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export type Note =
  /** A value that needs no reference date: P3D, PXDE, P1Y (SET), PRESENT_REF, 199 … */
  | { kind: 'fixed'; value: string; type: TimexType }
  /** A period `offset` units from the reference date: "next month" is {month, +1}. */
  | { kind: 'relative'; unit: RelativeUnit; offset: number; suffix?: string }
  /**
   * "last summer", "this winter": a season `offset` seasons-of-its-name from the reference month;
   * "the winter of 1994": in `year`; "the summer": by tense.
   */
  | { kind: 'season'; season: Season; offset?: number; year?: number }
  /** "the third quarter" (year from the reference and tense), "the fourth quarter of 2004", "this year's first quarter". */
  | { kind: 'quarter'; quarter: number; year?: number; yearOffset?: number }
  /** "last February", "next May", "this September": a month `offset` (-1, 0, 1) from the reference month. */
  | { kind: 'namedMonth'; month: number; offset: number }
  /** "the first half of 2004", "the second half of the year": a half of the year given, or `yearOffset` years from the reference. */
  | { kind: 'half'; half: 1 | 2; year?: number; yearOffset?: number }
  /** "July last year": the month (and day) chrono read, in the year `offset` years from the reference. */
  | { kind: 'inYear'; offset: number }
  /** "Christmas", "last Thanksgiving", "Easter 1998": a holiday of holidays.ts, in a year given, or `offset` from the reference date, or by tense. */
  | { kind: 'holiday'; holiday: string; year?: number; offset?: number }
  /** Refers back to the dates before it (discourse.ts): "the quarter", "a year earlier", "the year-ago quarter". */
  | AnaphoricNote;

/**
 * - `quarter`: the quarter under discussion ("the latest quarter"), `yearOffset` years away, with
 *   its own number or year when the text gives one ("the year-ago third quarter", "the 1988
 *   quarter"); the latest one is never
 *   a quarter still to come ("the latest quarter" after an outlook for the fourth quarter);
 * - `yearBefore`: the date under discussion a year before ("a year earlier");
 * - `date`: the last date mentioned, at the unit's precision, `offset` units away ("that year",
 *   "the following month", "the next day"), with a part of the day ("the next morning").
 */
export type AnaphoricNote =
  | { kind: 'anaphoric'; focus: 'quarter'; yearOffset: number; quarter?: number; year?: number; latest?: boolean }
  | { kind: 'anaphoric'; focus: 'yearBefore' }
  | { kind: 'anaphoric'; focus: 'date'; unit: 'year' | 'month' | 'day'; offset: number; suffix?: string };

/** Kept under a private symbol on the components object (as rule ids are, rule.ts); a clone made by chrono does not carry it. */
const NOTE = Symbol('envoy note');
type Noted = { [NOTE]?: Note };

export function annotate<T extends object>(components: T, note: Note): T {
  (components as Noted)[NOTE] = note;
  return components;
}

export function noteOf(components: ParsedComponents | undefined | null): Note | undefined {
  return components ? (components as Noted)[NOTE] : undefined;
}

/**
 * The instant every parse runs against. It is never a real reference date: relative expressions
 * are envoy's notes, resolved against the document's reference date in timeml.ts, and only
 * components chrono marks certain are read, so nothing depends on this instant. Chrono thus runs
 * once per document, even when the reference date still has to be inferred from the parse.
 */
const PLACEHOLDER = new Date(2000, 5, 15, 12, 0, 0, 0);
export function placeholderInstant(): Date {
  return new Date(PLACEHOLDER);
}
