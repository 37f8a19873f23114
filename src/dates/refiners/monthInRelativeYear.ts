/**
 * "July last year", "June 3 this year", "March of next year": a month (or day) without a year
 * followed by a relative year is one date, in that year. The month result takes the relative
 * year's span and a note; the relative year result goes.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { annotate, noteOf } from '../notes.ts';

const BETWEEN = /^,?\s*(?:of\s+)?$/i;

export default class MonthInRelativeYearRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const out: ParsingResult[] = [];
    for (let i = 0; i < results.length; i++) {
      const a = results[i];
      const b = results[i + 1];
      const year = b && noteOf(b.start);
      if (year?.kind === 'relative' && year.unit === 'year' && !noteOf(a.start) && !a.end && a.start.isCertain('month') && !a.start.isCertain('year')) {
        const between = context.text.slice(a.index + a.text.length, b.index);
        if (BETWEEN.test(between)) {
          a.text += between + b.text;
          annotate(a.start, { kind: 'inYear', offset: year.offset });
          i++;
        }
      }
      out.push(a);
    }
    return out;
  }
}
