// PLACEHOLDER: replaced by the real entities stage before any commit.
import type { Doc } from '../doc.ts';
import type { StageContext } from '../pipeline.ts';
export function entities(doc: Doc, _ctx: StageContext): Doc {
  return doc;
}
