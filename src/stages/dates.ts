/**
 * Stage 3: date mentions as TimeML values (src/dates/ holds the parts).
 *
 * Chrono, configured with envoy's news parsers and refiners (dates/configuration.ts), reads
 * the whole text once against a placeholder instant. When the document has no reference date,
 * one is inferred from that parse (dates/infer.ts); then every result is turned into a TimeML
 * value against the reference date, with the tense of its sentence for month names and
 * weekdays (dates/timeml.ts, dates/tense.ts), in text order so that "the quarter" or "a year
 * earlier" can refer back to the dates before them, and a clock time takes the day its sentence
 * names (dates/discourse.ts). A range ("6 to 9 January", "2010-2014") gives one mention per end.
 */
import type { Component, ParsedComponents, ParsedResult } from 'chrono-node';
import { sentenceIndexAt, type Diagnostic, type Doc } from '../doc.ts';
import type { StageContext } from '../stage-context.ts';
import type { DateMention } from '../schema.ts';
import { envoyChrono } from '../dates/configuration.ts';
import { inferReferenceDate } from '../dates/infer.ts';
import { clockTimesOnTheirDay, Discourse } from '../dates/discourse.ts';
import { noteOf, placeholderInstant } from '../dates/notes.ts';
import { parseRef, type Ref } from '../dates/reference.ts';
import { ruleOf } from '../dates/rule.ts';
import { tenseReader, type Tense } from '../dates/tense.ts';
import { toTimex, withFallback, type Components } from '../dates/timeml.ts';
import { compactSpaces } from '../text/spaces.ts';

/** A range's two ends: a word connector first ("mid-2010 to 2014"), else a dash ("2010-2014"). */
const RANGES = [/^(.*?[^\s,;])[\s,;]*\s(?:to|until|till|through)\s+(\S.*)$/is, /^(.*?\S)\s*[-–—]\s*(\S.*)$/s];

/** A result with an hour and none of these is a clock time alone. */
const DATE_PARTS: Component[] = ['day', 'weekday', 'month', 'year'];

/** What turning one document's results into mentions needs, shared by all its results. */
interface Reading {
  doc: Doc;
  ref: Ref;
  tenseAt: (offset: number) => Tense;
  discourse: Discourse;
  clockOnly: Set<DateMention>;
}

/** The mention of [start, end) of the text, with `components` (read through `view` for a range's start), if it has a TimeML value. */
function mentionAt(reading: Reading, rule: string, start: number, end: number, components: ParsedComponents, view?: Components): DateMention[] {
  const { doc, ref, tenseAt, discourse } = reading;
  const text = doc.text.slice(start, end);
  const value = toTimex(components, text, start, { ref, tense: tenseAt.bind(null, start), discourse }, view);
  if (!value) return [];
  const note = noteOf(components);
  discourse.observe(value, note, start);
  const m: DateMention = { start, end, text, value: value.value, type: value.type, rule };
  if (!note && components.isCertain('hour') && !DATE_PARTS.some((k) => components.isCertain(k))) reading.clockOnly.add(m);
  return [m];
}

function mentionsOf(reading: Reading, r: ParsedResult): DateMention[] {
  const rule = ruleOf(r);
  const end = r.index + r.text.length;
  if (r.end) {
    const parts = RANGES[0].exec(r.text) ?? RANGES[1].exec(r.text);
    if (parts) {
      const [, left, right] = parts;
      return [...mentionAt(reading, rule, r.index, r.index + left.length, r.start, withFallback(r.start, r.end)), ...mentionAt(reading, rule, end - right.length, end, r.end)];
    }
  }
  return mentionAt(reading, rule, r.index, end, r.start);
}

/** Builds the chrono configuration up front (for a pipeline's `prepare` hook); `dates` builds it on first use otherwise. */
export function prepareDates(_ctx?: StageContext): void {
  envoyChrono();
}

/** Chrono's results on the plain text, read with its runs of spaces made one, at the text's own offsets. */
function parseDates(doc: Doc): ParsedResult[] {
  const compact = compactSpaces(doc.plain);
  if (!compact) return envoyChrono().parse(doc.plain, placeholderInstant());
  const results = envoyChrono().parse(compact.text, placeholderInstant());
  // Chrono's results are its own objects, read-only only in their declared type: moved in place.
  for (const r of results as Array<{ index: number; text: string }>) {
    const start = compact.origin[r.index];
    const end = compact.origin[r.index + r.text.length - 1] + 1;
    r.index = start;
    r.text = doc.plain.slice(start, end);
  }
  return results;
}

export function dates(doc: Doc, _ctx: StageContext): Doc {
  const results = parseDates(doc);
  const tenseAt = tenseReader(doc);
  let referenceDate = doc.referenceDate;
  const diagnostics: Diagnostic[] = [];
  if (referenceDate.origin === 'none') {
    const inferred = inferReferenceDate(doc, results, tenseAt);
    if (inferred) {
      referenceDate = inferred.referenceDate;
      diagnostics.push({ stage: 'dates', message: `reference date ${referenceDate.value} inferred from ${inferred.reason}`, span: referenceDate.evidence, rule: 'envoy/reference-date' });
    }
  }
  const ref = parseRef(referenceDate.value);
  const sentenceAt = sentenceIndexAt.bind(null, doc);
  const reading: Reading = { doc, ref, tenseAt, discourse: new Discourse(ref, sentenceAt), clockOnly: new Set() };
  const found: DateMention[] = [];
  for (const r of results) found.push(...mentionsOf(reading, r));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateMention[] = [];
  for (const m of found) if (kept.length === 0 || m.start >= kept[kept.length - 1].end) kept.push(m);
  const mentions = clockTimesOnTheirDay(kept, reading.clockOnly, sentenceAt);
  return { ...doc, dates: mentions, referenceDate, diagnostics: diagnostics.length ? [...doc.diagnostics, ...diagnostics] : doc.diagnostics };
}
