/**
 * Inferring the reference date from the text when none was given — never from today's date.
 *
 * Evidence, strongest first:
 * 1. a full date (day, month, year) in a header line at the top ("Published: 17 September 2025",
 *    a dateline): the reference day. A date in the first sentence is an event's, not the article's;
 * 2. a month: the dateline's date ("SEOUL, July 3 (Yonhap) -"), or a relative period paired with
 *    a named month of the same tense — "next month" + "(to visit) in October" ⇒ September,
 *    "next month" + "(arriving) on Aug. 10" ⇒ July;
 * 3. a year: a wire tag ("tagreuters.com2025binary_…" ⇒ 2025), else the latest full date not in a
 *    future-tense sentence ("June 11, 2025"), taking the year that puts the month of (2) closest
 *    to it — unless a later year is mentioned outside the future tense, which shows that date
 *    is history ("born on 5 April 1920" in an obituary that mentions 2004).
 * A month without a year gives nothing; a year alone gives a year-precision reference.
 */
import type { ParsedResult } from 'chrono-node';
import type { ReferenceDate, Span } from '../schema.ts';
import { headerLines, span, type Doc } from '../doc.ts';
import { noteOf } from './notes.ts';
import { monthIndex, pad2, ymd } from './reference.ts';
import type { Tense } from './tense.ts';

/** A wire service's trailing tag, "tagreuters.com2025binary_…", within the last TAIL characters. */
const WIRE_TAG = /\btag[a-z]+\.com((?:19|20)\d\d)/i;
const TAIL = 600;

interface Inferred {
  referenceDate: ReferenceDate;
  reason: string;
}

function certainDate(r: ParsedResult): { y: number; m: number | null; d: number | null } | null {
  if (noteOf(r.start) || !r.start.isCertain('year')) return null;
  const m = r.start.isCertain('month') ? r.start.get('month') : null;
  const d = m !== null && r.start.isCertain('day') ? r.start.get('day') : null;
  return { y: r.start.get('year')!, m, d };
}

function spanOf(doc: Doc, r: ParsedResult): Span {
  return span(doc.text, r.index, r.index + r.text.length);
}

/** A month for the reference from a relative month ("next month") and a named month of matching tense. */
function pairedMonth(results: ParsedResult[], tenseAt: (offset: number) => Tense): { month: number; evidence: ParsedResult; relative: ParsedResult } | null {
  const relatives = results.filter((r) => {
    const n = noteOf(r.start);
    return n?.kind === 'relative' && n.unit === 'month' && n.offset !== 0;
  });
  if (relatives.length === 0) return null;
  const named = results.filter((r) => !noteOf(r.start) && !r.end && r.start.isCertain('month') && !r.start.isCertain('year'));
  let best: { month: number; evidence: ParsedResult; relative: ParsedResult; distance: number } | null = null;
  for (const rel of relatives) {
    const offset = (noteOf(rel.start) as { offset: number }).offset;
    const wanted: Tense = offset > 0 ? 'future' : 'past';
    for (const r of named) {
      const tense = tenseAt(r.index);
      if (tense !== wanted) continue;
      const month = ((r.start.get('month')! - 1 - offset + 24) % 12) + 1;
      const distance = Math.abs(r.index - rel.index);
      if (!best || distance < best.distance) best = { month, evidence: r, relative: rel, distance };
    }
  }
  return best;
}

export function inferReferenceDate(doc: Doc, results: ParsedResult[], tenseAt: (offset: number) => Tense): Inferred | null {
  // 1. A full date in a header line (not the title) or the dateline.
  for (const [start, end] of headerLines(doc)) {
    const r = results.find((x) => x.index >= start && x.index < end);
    const d = r && certainDate(r);
    if (r && d && d.m !== null && d.d !== null) {
      return { referenceDate: { value: ymd(d.y, d.m, d.d), origin: 'text', evidence: spanOf(doc, r) }, reason: 'a dated header line' };
    }
  }

  // 2. A month: the dateline, else a relative + named month pair.
  let month: { m: number; d: number | null; evidence: Span; reason: string } | null = null;
  const { dateline } = doc;
  if (dateline) {
    const r = results.find((x) => x.index >= dateline.start && x.index + x.text.length <= dateline.end && !noteOf(x.start));
    if (r && r.start.isCertain('month') && r.start.isCertain('day')) {
      month = { m: r.start.get('month')!, d: r.start.get('day')!, evidence: spanOf(doc, r), reason: `the dateline '${dateline.text}'` };
    }
  }
  if (!month) {
    const pair = pairedMonth(results, tenseAt);
    if (pair) month = { m: pair.month, d: null, evidence: spanOf(doc, pair.evidence), reason: `'${pair.relative.text}' with '${pair.evidence.text}'` };
  }

  // 3. A year: the wire tag, else the latest full date.
  let year: { y: number; evidence: Span; reason: string; near?: { y: number; m: number } } | null = null;
  const tailStart = Math.max(0, doc.text.length - TAIL);
  const tag = WIRE_TAG.exec(doc.text.slice(tailStart));
  if (tag) {
    const at = tailStart + tag.index;
    year = { y: Number(tag[1]), evidence: span(doc.text, at, at + tag[0].length), reason: `the wire tag '${tag[0]}'` };
  } else {
    // Full dates, latest first; the first outside the future tense gives the year, unless a later
    // year is mentioned outside the future tense. Tense is looked up only where it decides.
    const dated = results.flatMap((r) => {
      const d = certainDate(r);
      return d ? [{ r, ...d, key: d.y * 10000 + (d.m ?? 0) * 100 + (d.d ?? 0) }] : [];
    });
    const latest = dated
      .filter((x) => x.m !== null && x.d !== null)
      .sort((a, b) => b.key - a.key)
      .find((x) => tenseAt(x.r.index) !== 'future');
    if (latest && !dated.some((x) => x.y > latest.y && tenseAt(x.r.index) !== 'future')) {
      year = { y: latest.y, evidence: spanOf(doc, latest.r), reason: `the latest full date '${latest.r.text}'`, near: { y: latest.y, m: latest.m! } };
    }
  }

  if (!year) return null;
  if (!month) {
    return { referenceDate: { value: String(year.y), origin: 'text', evidence: year.evidence }, reason: year.reason };
  }
  let y = year.y;
  if (year.near) {
    // The year that puts the reference month closest to the latest dated mention.
    const near = monthIndex(year.near.y, year.near.m);
    y = [year.y, year.y - 1, year.y + 1].reduce((a, b) => (Math.abs(monthIndex(b, month!.m) - near) < Math.abs(monthIndex(a, month!.m) - near) ? b : a));
  }
  const value = month.d !== null ? ymd(y, month.m, month.d) : `${y}-${pad2(month.m)}`;
  return { referenceDate: { value, origin: 'text', evidence: month.evidence }, reason: `${month.reason} (month) and ${year.reason} (year)` };
}
