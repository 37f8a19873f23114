/**
 * What an anaphoric date refers back to (parsers/anaphoric.ts), from the dates before it in the
 * text: the dates stage resolves its mentions in text order and shows each one to `observe`.
 *
 * - The quarter in focus is the last quarter the text named ("third-quarter profit"), else the
 *   last one completed before the reference date: results are reported after a quarter ends.
 *   "The latest quarter" is never later than that one.
 * - "A year earlier" is a year before the quarter in focus when the text named it in the last few
 *   sentences, else a year before the last date of its sentence ("Sept. 30 … a year earlier"),
 *   else the year before the reference year.
 * - "That year", "the next day" count from the last date mentioned with that precision; with
 *   none, they are left out.
 */
import type { AnaphoricNote, Note } from './notes.ts';
import { dayNumber, fromDayNumber, fromMonthIndex, monthIndex, pad2, ymd, type Ref } from './reference.ts';
import { relative, type AnaphoraResolver, type Timex } from './timeml.ts';

const QUARTER = /^(\d{4})-Q([1-4])$/;
/** A calendar value whose year can be shifted: 1989, 1989-09, 1989-09-30, 1989-Q3, 1989-SU … */
const DATED = /^(\d{4})((?:-(?:\d\d|Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d))*)$/;
const DAY = /^(\d{4})-(\d\d)-(\d\d)/;
const MONTH = /^(\d{4})-(\d\d)(?!\d)/;
const YEAR = /^(\d{4})(?![\dX])/;

/** "A year earlier" refers to the quarter in focus only when the text named it this many sentences before, or fewer. */
const QUARTER_REACH = 3;
const order = (q: { year: number; quarter: number }) => q.year * 4 + q.quarter;

export class Discourse implements AnaphoraResolver {
  private quarter: { year: number; quarter: number; sentence: number } | null = null;
  /** The last date mentioned at each precision, and the sentence of the last one. */
  private lastDay: string | null = null;
  private lastMonth: string | null = null;
  private lastYear: number | null = null;
  private last: { value: string; sentence: number } | null = null;

  constructor(
    private readonly ref: Ref,
    private readonly sentenceAt: (offset: number) => number,
  ) {}

  resolve(note: AnaphoricNote, offset: number): Timex | null {
    switch (note.focus) {
      case 'quarter': {
        const completed = this.completedQuarter();
        const focus = note.latest && completed && (!this.quarter || order(this.quarter) > order(completed)) ? completed : (this.quarter ?? completed);
        if (!focus) return relative('quarter', note.yearOffset * 4 - 1, this.ref);
        return { value: `${(note.year ?? focus.year) + note.yearOffset}-Q${note.quarter ?? focus.quarter}`, type: 'DATE' };
      }
      case 'yearBefore': {
        if (this.quarter && this.sentenceAt(offset) - this.quarter.sentence <= QUARTER_REACH) return { value: `${this.quarter.year - 1}-Q${this.quarter.quarter}`, type: 'DATE' };
        const last = this.last?.sentence === this.sentenceAt(offset) ? DATED.exec(this.last.value) : null;
        if (last) return { value: `${Number(last[1]) - 1}${last[2]}`, type: 'DATE' };
        return relative('year', -1, this.ref);
      }
      case 'date':
        return this.fromLast(note.unit, note.offset, note.suffix);
    }
  }

  /** Records a resolved mention; an anaphoric one never moves the focus ("a year earlier" is not the news). */
  observe(timex: Timex, note: Note | undefined, offset: number): void {
    if (note?.kind === 'anaphoric' || (timex.type !== 'DATE' && timex.type !== 'TIME')) return;
    const v = timex.value;
    const q = QUARTER.exec(v);
    if (q) this.quarter = { year: Number(q[1]), quarter: Number(q[2]), sentence: this.sentenceAt(offset) };
    if (DATED.test(v)) this.last = { value: v, sentence: this.sentenceAt(offset) };
    const day = DAY.exec(v);
    if (day) this.lastDay = day[0];
    const month = MONTH.exec(v);
    if (month) this.lastMonth = month[0];
    const year = YEAR.exec(v);
    if (year) this.lastYear = Number(year[1]);
  }

  private fromLast(unit: 'year' | 'month' | 'day', offset: number, suffix = ''): Timex | null {
    if (unit === 'year') return this.lastYear === null ? null : { value: String(this.lastYear + offset), type: 'DATE' };
    if (unit === 'month') {
      const m = this.lastMonth && MONTH.exec(this.lastMonth);
      if (!m) return null;
      const t = fromMonthIndex(monthIndex(Number(m[1]), Number(m[2])) + offset);
      return { value: `${t.year}-${pad2(t.month)}`, type: 'DATE' };
    }
    const d = this.lastDay && DAY.exec(this.lastDay);
    if (!d) return null;
    const t = fromDayNumber(dayNumber(Number(d[1]), Number(d[2]), Number(d[3])) + offset);
    return { value: ymd(t.year, t.month, t.day) + suffix, type: suffix ? 'TIME' : 'DATE' };
  }

  private completedQuarter(): { year: number; quarter: number } | null {
    const { year, month } = this.ref;
    if (year === null || month === null) return null;
    const q = year * 4 + Math.floor((month - 1) / 3) - 1;
    return { year: Math.floor(q / 4), quarter: (q % 4) + 1 };
  }
}

/**
 * A clock time read without a date ("at about 10:35 a.m. (0735 GMT) Friday") is on the day its
 * sentence names, the nearest one, else on the reference day it was given.
 */
export function clockTimesOnTheirDay<M extends { start: number; value: string }>(mentions: M[], clockOnly: Set<M>, sentenceAt: (offset: number) => number): M[] {
  if (clockOnly.size === 0) return mentions;
  return mentions.map((m) => {
    if (!clockOnly.has(m)) return m;
    const sentence = sentenceAt(m.start);
    let day: M | null = null;
    for (const d of mentions) {
      if (d === m || clockOnly.has(d) || !DAY.test(d.value) || sentenceAt(d.start) !== sentence) continue;
      if (!day || Math.abs(d.start - m.start) < Math.abs(day.start - m.start)) day = d;
    }
    return day ? { ...m, value: day.value.slice(0, 10) + m.value.slice(10) } : m;
  });
}
