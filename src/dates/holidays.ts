/**
 * The calendar of the holidays news names, by name: fixed days, days counted from a weekday of a
 * month ("the fourth Thursday of November"), and days counted from Easter. Names are lower case,
 * with straight apostrophes; `HOLIDAY_NAMES` is what the holiday parser looks for.
 */
import { dayNumber, fromDayNumber } from './reference.ts';

type MonthDay = [month: number, day: number];

/** The `n`th (1-based; -1 for the last) `weekday` (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): MonthDay {
  if (n > 0) {
    const first = fromDayNumber(dayNumber(year, month, 1)).weekday;
    return [month, 1 + ((weekday - first + 7) % 7) + 7 * (n - 1)];
  }
  const lastDay = month === 12 ? 31 : fromDayNumber(dayNumber(year, month + 1, 1) - 1).day;
  const last = fromDayNumber(dayNumber(year, month, lastDay)).weekday;
  return [month, lastDay - ((last - weekday + 7) % 7)];
}

/** Easter Sunday (Gregorian calendar, the anonymous algorithm), shifted by `days`. */
function easter(year: number, days = 0): MonthDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3);
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  const t = fromDayNumber(dayNumber(year, month, day) + days);
  return [t.month, t.day];
}

const fixed = (month: number, day: number) => (): MonthDay => [month, day];

export const HOLIDAYS: Record<string, (year: number) => MonthDay> = {
  christmas: fixed(12, 25),
  'christmas day': fixed(12, 25),
  'christmas eve': fixed(12, 24),
  'boxing day': fixed(12, 26),
  "new year's day": fixed(1, 1),
  "new year's eve": fixed(12, 31),
  hogmanay: fixed(12, 31),
  "valentine's day": fixed(2, 14),
  "st patrick's day": fixed(3, 17),
  "st. patrick's day": fixed(3, 17),
  'may day': fixed(5, 1),
  'anzac day': fixed(4, 25),
  'bastille day': fixed(7, 14),
  'the fourth of july': fixed(7, 4),
  halloween: fixed(10, 31),
  'guy fawkes night': fixed(11, 5),
  'bonfire night': fixed(11, 5),
  'armistice day': fixed(11, 11),
  'remembrance day': fixed(11, 11),
  'veterans day': fixed(11, 11),
  "veterans' day": fixed(11, 11),
  'martin luther king day': (y) => nthWeekday(y, 1, 1, 3),
  "presidents' day": (y) => nthWeekday(y, 2, 1, 3),
  'memorial day': (y) => nthWeekday(y, 5, 1, -1),
  "father's day": (y) => nthWeekday(y, 6, 0, 3),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'thanksgiving': (y) => nthWeekday(y, 11, 4, 4),
  'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4),
  // The Tuesday after the first Monday of November.
  'election day': (y) => {
    const [, monday] = nthWeekday(y, 11, 1, 1);
    return [11, monday + 1];
  },
  easter: (y) => easter(y),
  'easter sunday': (y) => easter(y),
  'easter day': (y) => easter(y),
  'good friday': (y) => easter(y, -2),
  'easter monday': (y) => easter(y, 1),
};

export const HOLIDAY_NAMES = Object.keys(HOLIDAYS);
