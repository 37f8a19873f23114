/**
 * Keeps a date on one line. Chrono lets whitespace between a day-month and a year run over line
 * breaks, so a list of fixtures reads "Tuesday, 1 March\n\n2000 GMT" as 1 March 2000. A result is
 * cut at its first line break, and a year (or range end) that stood after it is forgotten.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

export default class LineBreakRefiner implements Refiner {
  refine(_context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const r of results) {
      const cut = r.text.search(/[\r\n]/);
      if (cut < 0) continue;
      const removed = r.text.slice(cut);
      r.text = r.text.slice(0, cut);
      if (/\d{4}/.test(removed) && !/\d{4}/.test(r.text)) {
        r.start.delete('year');
        r.end?.delete('year');
      }
      if (r.end && /\S/.test(removed)) r.end = undefined;
    }
    return results.filter((r) => r.text.trim() !== '');
  }
}
