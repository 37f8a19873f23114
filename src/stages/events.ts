// PLACEHOLDER: replaced by the real events stage before any commit.
import type { Doc } from '../doc.ts';
import type { StageContext } from '../pipeline.ts';
export function events(doc: Doc, _ctx: StageContext): Doc {
  return doc;
}
