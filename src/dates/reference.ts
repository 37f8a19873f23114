/** The reference date at the precision known, and calendar helpers over it (all in UTC). */

export interface Ref {
  year: number | null;
  month: number | null;
  day: number | null;
}

export const NO_REF: Ref = { year: null, month: null, day: null };

/** "2025" | "2025-09" | "2025-09-17" | null → Ref. */
export function parseRef(value: string | null | undefined): Ref {
  const m = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value) : null;
  if (!m) return NO_REF;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Days since the epoch of a calendar date. */
export function dayNumber(y: number, m: number, d: number): number {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return Math.round(t.getTime() / 86_400_000);
}

export function fromDayNumber(n: number): { year: number; month: number; day: number; weekday: number } {
  const t = new Date(n * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), weekday: t.getUTCDay() };
}

/** ISO 8601 week of a day number: "2025-W38". */
export function isoWeek(n: number): string {
  const { weekday } = fromDayNumber(n);
  const thursday = n - ((weekday + 6) % 7) + 3;
  const { year } = fromDayNumber(thursday);
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return `${year}-W${pad2(week)}`;
}

/** Month index since year 0 (for month arithmetic). */
export function monthIndex(y: number, m: number): number {
  return y * 12 + (m - 1);
}

export function fromMonthIndex(i: number): { year: number; month: number } {
  return { year: Math.floor(i / 12), month: (((i % 12) + 12) % 12) + 1 };
}
