/**
 * Public API: extract(text, options) runs the pipeline and returns one
 * validated Extraction object (schemaVersion "1").
 */
import { createHash } from 'node:crypto';
import { emptyDoc, type Doc } from './doc.ts';
import { defaultContext, runPipeline } from './pipeline.ts';
import { ExtractionSchema, SCHEMA_VERSION, type Extraction, type ReferenceDate } from './schema.ts';
import { parseReferenceDate } from './refdate.ts';
import { withoutByteOrderMark } from './text/plain.ts';

export * from './schema.ts';
export { runPipeline, STAGES, stagesThrough, defaultContext } from './pipeline.ts';
export { emptyDoc } from './doc.ts';
export type { Doc, Token, Sentence } from './doc.ts';
export { RuleError } from './rules/load.ts';

export interface ExtractOptions {
  /** Document id (the file stem); defaults to the first 16 hex digits of the text's sha256. */
  id?: string;
  /** Where the text came from, as it should appear in the output. */
  source?: string;
  /** A reference date given by the caller: "2025-09-17", "2025-09" or "2025", and where it came from. */
  referenceDate?: string | ReferenceDate;
  /** Directory of rule files; defaults to the shipped `rules/`. */
  rulesDir?: string;
}

export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

function initialReferenceDate(given: ExtractOptions['referenceDate']): ReferenceDate {
  if (given === undefined) return { value: null, origin: 'none' };
  if (typeof given === 'string') return { value: parseReferenceDate(given), origin: 'option' };
  return given;
}

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  return analyse(text, options).extraction;
}

/** Like `extract`, and also returns the pipeline's Doc (sentences, tokens, diagnostics) for tools that explain it. */
export function analyse(given: string, options: ExtractOptions = {}): { doc: Doc; extraction: Extraction } {
  // As the command line does when it reads a file: offsets are into the text after a leading byte-order mark.
  const text = withoutByteOrderMark(given);
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const doc = runPipeline(emptyDoc(text, initialReferenceDate(options.referenceDate)), defaultContext(options.rulesDir));
  const result = {
    schemaVersion: SCHEMA_VERSION,
    document: {
      id: options.id ?? sha256.slice(0, 16),
      source: options.source ?? '<text>',
      sha256,
      referenceDate: doc.referenceDate,
      ...(doc.title !== undefined ? { title: doc.title } : {}),
      ...(doc.dateline !== undefined ? { dateline: doc.dateline.text } : {}),
      ...(doc.setting !== undefined ? { setting: doc.setting } : {}),
    },
    entities: doc.entities,
    dates: doc.dates,
    figures: doc.figures,
    events: doc.events,
  };
  const parsed = ExtractionSchema.safeParse(result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`output does not match schema ${SCHEMA_VERSION}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return { doc, extraction: parsed.data };
}
