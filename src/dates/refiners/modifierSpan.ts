/**
 * Takes a date's modifier into its span, as TimeML keeps it with the expression (its MOD
 * attribute): "late 2019", "early next week", "mid-2020", "earlier this year",
 * "the end of last year". The value is the date's own.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { noteOf } from '../notes.ts';

const MODIFIER_BEFORE =
  /(?:\b(?:early|earlier|late|later|mid)[\s-]+|\b(?:the\s+)?(?:end|beginning|start|middle|turn)\s+of\s+(?:the\s+)?)$/i;

export default class ModifierSpanRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const r of results) {
      const note = noteOf(r.start);
      if (note?.kind === 'fixed' && (note.type !== 'DATE' || note.value.endsWith('_REF'))) continue;
      const m = MODIFIER_BEFORE.exec(context.text.slice(Math.max(0, r.index - 32), r.index));
      if (m) {
        r.index -= m[0].length;
        r.text = m[0] + r.text;
      }
    }
    return results;
  }
}
