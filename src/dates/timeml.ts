/**
 * TimeML TIMEX3 values, in one place: chrono's results and envoy's notes (notes.ts) become values
 * at the granularity the text supports — only components chrono marks certain (`isCertain`) are
 * written; the rest come from the reference date when the expression is relative to it, or stay
 * X. Durations and sets are formatted here too (durationValue) for the parsers that find them.
 *
 * Conventions (when the reference date is too coarse, or null):
 * - relative expressions that need a finer reference than known ("next month" with a year-only
 *   reference, "yesterday" with a month-only one) become PAST_REF / PRESENT_REF / FUTURE_REF by
 *   their direction;
 * - a month or day without a year and no reference year: XXXX-10, XXXX-08-10;
 * - a weekday without a reference day: XXXX-WXX-3 (ISO weekday, Monday = 1); a weekend: XXXX-WXX-WE;
 * - a clock time without a reference day: XXXX-XX-XXT15:00.
 *
 * Month names and weekdays without a year resolve by tense (tense.ts), not by chrono's
 * closest-date rule: with a reference of 2025-02, "will visit in November" is 2025-11, and with
 * 2025-10, "visited in November" is 2024-11.
 */
import type { ParsedComponents } from 'chrono-node';
import type { TimexType } from '../schema.ts';
import { noteOf, type AnaphoricNote, type RelativeUnit, type Season } from './notes.ts';
import {
  dayNumber, fromDayNumber, fromMonthIndex, isoWeek, monthIndex, pad2, ymd, type Ref,
} from './reference.ts';
import { HOLIDAYS } from './holidays.ts';
import type { Tense } from './tense.ts';

export interface Timex {
  value: string;
  type: TimexType;
}

/**
 * What an anaphoric date is resolved against: the dates before it in the text (Discourse, in
 * discourse.ts; named here by its method alone, since discourse.ts imports this module).
 */
export interface AnaphoraResolver {
  resolve(note: AnaphoricNote, offset: number): Timex | null;
}

/** Chrono components for the date parts of a range's start that only its end states ("6 to 9 January"). */
export type Components = Pick<ParsedComponents, 'get' | 'isCertain'>;

export function withFallback(start: ParsedComponents, end: ParsedComponents): Components {
  // A day borrows a month and a year ("6 to 9 January 2010"), a month a year ("January to March
  // 2010"); a weekday borrows nothing ("last Thursday, to Nov. 6").
  const finer = (k: string) => start.isCertain('day') || (k === 'year' && start.isCertain('month'));
  const borrowed = (k: string) => (k === 'year' || k === 'month') && finer(k) && !start.isCertain(k) && end.isCertain(k);
  return {
    isCertain: (k) => start.isCertain(k) || borrowed(k),
    get: (k) => (borrowed(k) ? end.get(k) : start.get(k)),
  };
}

/** TimeML duration unit letters, with `T` for time units, and how many of the base unit one word is. */
export const DURATION_UNITS: Record<string, { letter: string; time: boolean; times: number }> = {
  second: { letter: 'S', time: true, times: 1 },
  minute: { letter: 'M', time: true, times: 1 },
  hour: { letter: 'H', time: true, times: 1 },
  day: { letter: 'D', time: false, times: 1 },
  week: { letter: 'W', time: false, times: 1 },
  fortnight: { letter: 'W', time: false, times: 2 },
  month: { letter: 'M', time: false, times: 1 },
  quarter: { letter: 'M', time: false, times: 3 },
  year: { letter: 'Y', time: false, times: 1 },
  decade: { letter: 'Y', time: false, times: 10 },
  century: { letter: 'Y', time: false, times: 100 },
  millennium: { letter: 'Y', time: false, times: 1000 },
};

/** TimeML duration value: (3, "day") → "P3D", (null, "year") → "PXY", (1, "decade") → "P10Y", (2, "hour") → "PT2H". */
export function durationValue(n: number | null, unit: string): string {
  const u = DURATION_UNITS[unit];
  if (!u) return 'PX';
  if (n === null) {
    if (unit === 'decade') return 'PXDE';
    if (unit === 'century') return 'PXCE';
    return `P${u.time ? 'T' : ''}X${u.letter}`;
  }
  const amount = n * u.times;
  const T = u.time ? 'T' : '';
  // A fraction becomes whole smaller units where it can: two and a half years → P2Y6M, 5 1/2 hours → PT5H30M.
  const finer = FINER[`${T}${u.letter}`];
  if (!Number.isInteger(amount) && finer && Number.isInteger((amount % 1) * finer.times)) {
    const whole = Math.floor(amount);
    const rest = `${finer.time && !T ? 'T' : ''}${(amount % 1) * finer.times}${finer.letter}`;
    return `P${T}${whole ? `${whole}${u.letter}` : ''}${rest}`;
  }
  return `P${T}${amount}${u.letter}`;
}

/** The next smaller unit of a duration letter (with `T` for time units), for fractions. */
const FINER: Record<string, { letter: string; times: number; time: boolean }> = {
  Y: { letter: 'M', times: 12, time: false },
  W: { letter: 'D', times: 7, time: false },
  D: { letter: 'H', times: 24, time: true },
  TH: { letter: 'M', times: 60, time: true },
  TM: { letter: 'S', times: 60, time: true },
};

function direction(offset: number): Timex {
  return { value: offset < 0 ? 'PAST_REF' : offset > 0 ? 'FUTURE_REF' : 'PRESENT_REF', type: 'DATE' };
}

function year4(y: number): string {
  return String(y).padStart(4, '0');
}

/** A period `offset` units away from the reference date, or the direction when the reference is too coarse. */
export function relative(unit: RelativeUnit, offset: number, ref: Ref, suffix = ''): Timex {
  const type: TimexType = suffix ? 'TIME' : 'DATE';
  const { year: y, month: m, day: d } = ref;
  switch (unit) {
    case 'year':
      return y === null ? direction(offset) : { value: year4(y + offset), type };
    case 'decade':
      return y === null ? direction(offset) : { value: String(Math.floor(y / 10) + offset).padStart(3, '0'), type };
    case 'century':
      return y === null ? direction(offset) : { value: String(Math.floor(y / 100) + offset).padStart(2, '0'), type };
    case 'month': {
      if (y === null || m === null) return direction(offset);
      const t = fromMonthIndex(monthIndex(y, m) + offset);
      return { value: `${year4(t.year)}-${pad2(t.month)}`, type };
    }
    case 'quarter': {
      if (y === null || m === null) return direction(offset);
      const q = y * 4 + Math.floor((m - 1) / 3) + offset;
      return { value: `${year4(Math.floor(q / 4))}-Q${(q % 4) + 1}`, type };
    }
    case 'week':
    case 'weekend': {
      if (y === null || m === null || d === null) return direction(offset);
      return { value: isoWeek(dayNumber(y, m, d) + 7 * offset) + (unit === 'weekend' ? '-WE' : ''), type };
    }
    case 'day': {
      if (y === null || m === null || d === null) return direction(offset);
      const t = fromDayNumber(dayNumber(y, m, d) + offset);
      return { value: ymd(t.year, t.month, t.day) + suffix, type };
    }
  }
}

const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
/** The month that stands for a season when its year is found by tense (a winter is labelled by its December). */
const SEASON_MIDDLE: Record<Season, number> = { SP: 4, SU: 7, FA: 10, WI: 12 };

/** "last summer", "this winter": the season's year follows the reference month (a winter is labelled by its December). */
export function season(s: Season, offset: number, ref: Ref): Timex {
  if (ref.year === null) return direction(offset);
  const y = ref.year;
  let label = y + offset;
  if (ref.month !== null) {
    const m = ref.month;
    const start = (L: number) => monthIndex(L, SEASON_START[s]);
    const end = (L: number) => start(L) + 2;
    const now = monthIndex(y, m);
    if (offset < 0) label = end(y) < now ? y : y - 1;
    else if (offset > 0) label = start(y) > now ? y : y + 1;
    else label = s === 'WI' && m <= 2 ? y - 1 : y;
  }
  return { value: `${year4(label)}-${s}`, type: 'DATE' };
}

/**
 * The year of a month (and day) written without one, from the reference date and the tense:
 * past → the latest such month not after the reference month, future → the earliest not before
 * it (so a date later in the reference month is this year's whatever the tense: news reports
 * deadlines and payment dates in the past tense), otherwise the closest date (ties go to the past).
 */
export function resolveYear(month: number, day: number | null, ref: Ref, tense: Tense): number | null {
  if (ref.year === null) return null;
  if (ref.month === null) return ref.year;
  const candidates = [ref.year - 1, ref.year, ref.year + 1].map((y) => ({ y, months: monthIndex(y, month) - monthIndex(ref.year!, ref.month!) }));
  if (tense === 'past') return candidates.filter((c) => c.months <= 0).at(-1)!.y;
  if (tense === 'future') return candidates.find((c) => c.months >= 0)!.y;
  const distance = (c: { y: number; months: number }) =>
    day !== null && ref.day !== null ? Math.abs(dayNumber(c.y, month, day) - dayNumber(ref.year!, ref.month!, ref.day)) : Math.abs(c.months);
  return candidates.reduce((best, c) => (distance(c) < distance(best) ? c : best)).y;
}

/**
 * The year of a quarter written without one, like a month's but at quarter precision, and a
 * future quarter may be the one just ended: news announces results for it ("will report
 * third-quarter earnings" in October is this year's third quarter).
 */
export function resolveQuarterYear(quarter: number, ref: Ref, tense: Tense): number | null {
  if (ref.year === null) return null;
  if (ref.month === null) return ref.year;
  const now = ref.year * 4 + Math.floor((ref.month - 1) / 3);
  const candidates = [ref.year - 1, ref.year, ref.year + 1].map((y) => ({ y, quarters: y * 4 + quarter - 1 - now }));
  if (tense === 'past') return candidates.filter((c) => c.quarters <= 0).at(-1)!.y;
  if (tense === 'future') return candidates.find((c) => c.quarters >= -1)!.y;
  return candidates.reduce((best, c) => (Math.abs(c.quarters) < Math.abs(best.quarters) ? c : best)).y;
}

const ISO_DAY = (weekday: number) => ((weekday + 6) % 7) + 1; // chrono/JS Sunday 0 → ISO 7

/**
 * A weekday (or weekend) from the reference day, its modifier word and the tense: past → the last
 * one not after the reference day; future or present → the next one not before it (news puts a
 * scheduled event in the present: "On Monday the minister begins a tour"); "this" → the one in
 * the reference's ISO week; no tense → the closest (the past one on a tie).
 */
function weekday(w: number, text: string, weekend: boolean, ref: Ref, tense: Tense): string {
  if (ref.year === null || ref.month === null || ref.day === null) return weekend ? 'XXXX-WXX-WE' : `XXXX-WXX-${ISO_DAY(w)}`;
  const refDn = dayNumber(ref.year, ref.month, ref.day);
  const refW = fromDayNumber(refDn).weekday;
  const modifier = /\b(last|past|next|this|coming)\b/i.exec(text)?.[1].toLowerCase();
  let dn: number;
  if (modifier === 'last' || modifier === 'past') dn = refDn - ((refW - w + 7) % 7 || 7);
  else if (modifier === 'next' || modifier === 'coming') dn = refDn + ((w - refW + 7) % 7 || 7);
  else if (modifier !== 'this' && tense === 'past') dn = refDn - ((refW - w + 7) % 7);
  else if (modifier !== 'this' && (tense === 'future' || tense === 'present')) dn = refDn + ((w - refW + 7) % 7);
  else if (modifier === 'this') dn = refDn - (ISO_DAY(refW) - 1) + (ISO_DAY(w) - 1);
  else dn = refDn - ((refW - w + 7) % 7 > 3 ? (refW - w + 7) % 7 - 7 : (refW - w + 7) % 7); // the closest, within three days
  if (weekend) return `${isoWeek(dn)}-WE`;
  const t = fromDayNumber(dn);
  return ymd(t.year, t.month, t.day);
}

const PART_OF_DAY: Array<[RegExp, string]> = [
  [/\bmorning\b/i, 'TMO'],
  [/\bafternoon\b/i, 'TAF'],
  [/\bevening\b/i, 'TEV'],
  [/\b(?:night|tonight)\b/i, 'TNI'],
  [/\b(?:noon|midday)\b/i, 'T12:00'],
  [/\bmidnight\b/i, 'T24:00'],
];

/**
 * A holiday's date: in the year given; "last"/"next" → the latest one before / the earliest one
 * after the reference date, "this" → the reference year's; otherwise the year by tense (resolveYear).
 */
function holiday(name: string, year: number | undefined, offset: number | undefined, ref: Ref, tense: () => Tense): Timex {
  const dateIn = HOLIDAYS[name];
  let y: number | null = year ?? null;
  if (y === null && ref.year !== null) {
    const [month, day] = dateIn(ref.year);
    if (offset === 0 || ref.month === null) y = ref.year;
    else if (offset !== undefined) {
      // This year's holiday against the reference, at the precision the reference has.
      const versus = ref.day !== null ? dayNumber(ref.year, month, day) - dayNumber(ref.year, ref.month, ref.day) : month - ref.month;
      y = offset > 0 ? (versus > 0 ? ref.year : ref.year + 1) : versus < 0 ? ref.year : ref.year - 1;
    } else y = resolveYear(month, day, ref, tense());
  }
  if (y === null) {
    // Without any year, a holiday on a fixed day keeps its month and day.
    const [[m1, d1], [m2, d2]] = [dateIn(2001), dateIn(2002)];
    return { value: m1 === m2 && d1 === d2 ? `XXXX-${pad2(m1)}-${pad2(d1)}` : 'XXXX-XX-XX', type: 'DATE' };
  }
  const [month, day] = dateIn(y);
  return { value: ymd(y, month, day), type: 'DATE' };
}

/** A calendar date, weekday or clock time chrono read from the text. */
function absolute(c: Components, text: string, ref: Ref, tense: () => Tense): Timex | null {
  let time = '';
  if (c.isCertain('hour')) time = `T${pad2(c.get('hour')!)}:${pad2(c.get('minute') ?? 0)}`;
  else for (const [re, code] of PART_OF_DAY) if (re.test(text)) { time = code; break; }

  let date: string;
  let dayLevel = true;
  if (c.isCertain('month') && c.isCertain('day')) {
    const month = c.get('month')!;
    const day = c.get('day')!;
    const y = c.isCertain('year') ? c.get('year')! : resolveYear(month, day, ref, tense());
    date = `${y === null ? 'XXXX' : year4(y)}-${pad2(month)}-${pad2(day)}`;
  } else if (c.isCertain('month')) {
    const month = c.get('month')!;
    const y = c.isCertain('year') ? c.get('year')! : resolveYear(month, null, ref, tense());
    date = `${y === null ? 'XXXX' : year4(y)}-${pad2(month)}`;
    dayLevel = false;
  } else if (c.isCertain('year')) {
    date = year4(c.get('year')!);
    dayLevel = false;
  } else if (c.isCertain('weekday') || /\bweekend\b/i.test(text)) {
    const weekend = /\bweekend\b/i.test(text);
    date = weekday(c.get('weekday') ?? 6, text, weekend, ref, tense());
    dayLevel = !weekend;
  } else if (time) {
    date = ref.year !== null && ref.month !== null && ref.day !== null ? ymd(ref.year, ref.month, ref.day) : 'XXXX-XX-XX';
  } else {
    return null;
  }
  if (time && dayLevel) return { value: date + time, type: 'TIME' };
  return { value: date, type: 'DATE' };
}

/** The TimeML value of one chrono result side (`components`, with the text it was read from, at `offset`). */
export function toTimex(
  components: ParsedComponents,
  text: string,
  offset: number,
  context: { ref: Ref; tense: () => Tense; discourse: AnaphoraResolver },
  view: Components = components,
): Timex | null {
  const { ref, tense } = context;
  const note = noteOf(components);
  switch (note?.kind) {
    case 'anaphoric':
      return context.discourse.resolve(note, offset);
    case 'fixed':
      return { value: note.value, type: note.type };
    case 'relative':
      return relative(note.unit, note.offset, ref, note.suffix);
    case 'season':
      if (note.year !== undefined) return { value: `${year4(note.year)}-${note.season}`, type: 'DATE' };
      if (note.offset !== undefined) return season(note.season, note.offset, ref);
      {
        const y = resolveYear(SEASON_MIDDLE[note.season], null, ref, tense());
        return { value: `${y === null ? 'XXXX' : year4(y)}-${note.season}`, type: 'DATE' };
      }
    case 'quarter': {
      const y = note.year ?? (note.yearOffset !== undefined ? (ref.year === null ? null : ref.year + note.yearOffset) : resolveQuarterYear(note.quarter, ref, tense()));
      return { value: `${y === null ? 'XXXX' : year4(y)}-Q${note.quarter}`, type: 'DATE' };
    }
    case 'namedMonth': {
      if (ref.year === null) return direction(note.offset);
      const m = note.month;
      let y = ref.year;
      if (ref.month !== null && note.offset < 0) y = m < ref.month ? ref.year : ref.year - 1;
      else if (ref.month !== null && note.offset > 0) y = m > ref.month ? ref.year : ref.year + 1;
      return { value: `${year4(y)}-${pad2(m)}`, type: 'DATE' };
    }
    case 'half': {
      const y = note.year ?? (ref.year === null ? null : ref.year + (note.yearOffset ?? 0));
      return { value: `${y === null ? 'XXXX' : year4(y)}-H${note.half}`, type: 'DATE' };
    }
    case 'holiday':
      return holiday(note.holiday, note.year, note.offset, ref, tense);
    case 'inYear': {
      if (ref.year === null) return direction(note.offset);
      const month = `${year4(ref.year + note.offset)}-${pad2(view.get('month')!)}`;
      return { value: view.isCertain('day') ? `${month}-${pad2(view.get('day')!)}` : month, type: 'DATE' };
    }
    default:
      return absolute(view, text, ref, tense);
  }
}
