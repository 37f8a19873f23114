/** Small helpers for envoy's chrono parsers. */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import type { Cue } from './cues.ts';
import { annotate, type Note } from './notes.ts';
import type { TimexType } from '../schema.ts';

/** A chrono parser with the rule id envoy reports for what it finds, and what its pattern cannot match without (cues.ts). */
export interface EnvoyParser extends Parser {
  readonly rule: string;
  readonly cue?: Cue;
}

/** A result spanning [start, end) of the context text, carrying `note` and optional known components. */
export function resultAt(
  context: ParsingContext,
  start: number,
  end: number,
  note?: Note,
  known?: Parameters<ParsingContext['createParsingComponents']>[0],
): ParsingResult {
  const result = context.createParsingResult(start, end, known ?? {});
  if (note) annotate(result.start, note);
  return result;
}

export function fixed(value: string, type: TimexType = 'DATE'): Note {
  return { kind: 'fixed', value, type };
}

/** The word (letters, dots, apostrophes) ending right before `index`, lower-cased, or ''. */
export function wordBefore(text: string, index: number): string {
  const m = /([A-Za-z.'’]+)[\s\u00a0]*$/.exec(text.slice(Math.max(0, index - 24), index));
  return m ? m[1].toLowerCase() : '';
}

/** The word starting right after `index` (after spaces), as written, or ''. */
export function wordAfter(text: string, index: number): string {
  const m = /^[ \t\u00a0]*([A-Za-z][A-Za-z'’-]*)/.exec(text.slice(index, index + 32));
  return m ? m[1] : '';
}
