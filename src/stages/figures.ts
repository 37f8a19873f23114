// PLACEHOLDER: replaced by the real figures stage before any commit.
import type { Doc } from '../doc.ts';
import type { StageContext } from '../pipeline.ts';
export function figures(doc: Doc, _ctx: StageContext): Doc {
  return doc;
}
