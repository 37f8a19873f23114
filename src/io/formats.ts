/**
 * Output formats: one pretty JSON object per article, JSON Lines, or CSV with
 * one row per visit (the GDELT-like columns a spreadsheet user expects).
 */
import type { Extraction } from '../schema.ts';
import { formatJson } from './write.ts';

export const OUTPUT_FORMATS = ['json', 'jsonl', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const CSV_COLUMNS = [
  'document',
  'date',
  'visitor',
  'visitor country',
  'destination country',
  'place',
  'status',
  'CAMEO code',
  'evidence',
] as const;

/** RFC 4180: a field with a comma, quote, line break or outer space is quoted, and its quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export const CSV_HEADER = csvLine(CSV_COLUMNS);

/** One CSV row per visit event; an article without visits has none. */
export function csvRows(extraction: Extraction): string {
  return extraction.events
    .map((event) =>
      csvLine([
        extraction.document.source,
        event.when?.value ?? '',
        event.visitors.map((v) => v.name).join('; '),
        event.visitorCountry ?? '',
        event.destination.country ?? '',
        event.destination.place ?? '',
        event.status,
        event.cameo,
        event.evidence.map((e) => e.text).join(' … '),
      ]),
    )
    .join('');
}

/** The text of one article's output in `format`: a whole file under --out, or a piece of the stdout stream. */
export function formatExtraction(extraction: Extraction, format: OutputFormat, standalone: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(extraction);
    case 'jsonl':
      return `${JSON.stringify(extraction)}\n`;
    case 'csv':
      return standalone ? CSV_HEADER + csvRows(extraction) : csvRows(extraction);
  }
}
