/**
 * Makes a span the date words alone: chrono's weekday and day-month parsers take a leading
 * "on", "(" or ",", and a month can take a trailing comma, line break or full stop ("October,",
 * "AUGUST\n", "June 3."). An abbreviation's full stop stays ("Aug.", "p.m.").
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

const LEADING = /^(?:[\s,(（]+|(?:on|in|at|since|by|during|from|until|till|for)\s+)+/i;
const TRAILING = /(?:[\s,;:()（）\-–—]|(?<=\d)\.)+$/;

export default class TrimSpanRefiner implements Refiner {
  refine(_context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((r) => {
      const lead = LEADING.exec(r.text)?.[0].length ?? 0;
      const trail = TRAILING.exec(r.text.slice(lead))?.[0].length ?? 0;
      if (lead + trail >= r.text.length) return false;
      if (lead || trail) {
        r.index += lead;
        r.text = r.text.slice(lead, r.text.length - trail);
      }
      return true;
    });
  }
}
