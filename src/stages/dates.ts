// PLACEHOLDER: replaced by the real dates stage before any commit.
import type { Doc } from '../doc.ts';
import type { StageContext } from '../pipeline.ts';
export function dates(doc: Doc, _ctx: StageContext): Doc {
  return doc;
}
