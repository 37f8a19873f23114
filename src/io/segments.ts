/**
 * Very large texts (a 50 MB file is a dump of many articles, not one) are
 * extracted in segments of at most SEGMENT_CHARS, cut at paragraph, line or
 * sentence ends, and the results merged with offsets into the whole text. This
 * keeps time linear and memory bounded whatever any stage does with one huge
 * text; references between segments (a surname far from the full name) are
 * not resolved across a cut.
 */
import { createHash } from 'node:crypto';
import { extract, ValidationError, type ExtractOptions } from '../index.ts';
import { ExtractionSchema, SCHEMA_VERSION, type ActorRef, type Entity, type Extraction, type Span } from '../schema.ts';
import { withoutByteOrderMark } from '../text/plain.ts';

export const SEGMENT_CHARS = 1_000_000;

/** Where to cut a segment, best first: a paragraph, a line, a sentence, a space. */
const CUTS = ['\n\n', '\n', '. ', '? ', '! ', ' '];

/** [start, end) of each segment; every cut lands in the second half of a full segment. */
export function segmentBounds(text: string, size = SEGMENT_CHARS): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > size) {
    const low = start + (size >> 1);
    const window = text.slice(low, start + size);
    let cut = -1;
    for (const mark of CUTS) {
      const at = window.lastIndexOf(mark);
      if (at >= 0) {
        cut = low + at + mark.length;
        break;
      }
    }
    if (cut < 0) {
      cut = start + size;
      // Never split a surrogate pair.
      if (/[\uD800-\uDBFF]/.test(text[cut - 1])) cut--;
    }
    bounds.push([start, cut]);
    start = cut;
  }
  bounds.push([start, text.length]);
  return bounds;
}

function shift<T extends Span>(span: T, offset: number): T {
  return { ...span, start: span.start + offset, end: span.end + offset };
}

/** Entities of all segments, one per (type, name, country), renumbered in order of first mention. */
function mergeEntities(parts: Array<{ offset: number; extraction: Extraction }>) {
  const merged = new Map<string, Entity>();
  const renames = parts.map(() => new Map<string, string>());
  parts.forEach(({ offset, extraction }, p) => {
    for (const entity of extraction.entities) {
      const key = `${entity.type}\u0000${entity.name}\u0000${entity.country ?? ''}`;
      const mentions = entity.mentions.map((m) => shift(m, offset));
      const known = merged.get(key);
      if (known) {
        known.mentions.push(...mentions);
        for (const title of entity.titles) if (!known.titles.includes(title)) known.titles.push(title);
      } else {
        merged.set(key, { ...entity, id: `e${merged.size + 1}`, titles: [...entity.titles], mentions });
      }
      renames[p].set(entity.id, merged.get(key)!.id);
    }
  });
  return { entities: [...merged.values()], renames };
}

/** Like `extract`, for a text of any length: a text longer than `segmentChars` is extracted in segments and merged. */
export function extractText(given: string, options: ExtractOptions, segmentChars = SEGMENT_CHARS): Extraction {
  const text = withoutByteOrderMark(given);
  if (text.length <= segmentChars) return extract(text, options);
  const parts = segmentBounds(text, segmentChars).map(([start, end]) => ({ offset: start, extraction: extract(text.slice(start, end), options) }));
  const { entities, renames } = mergeEntities(parts);
  const first = parts[0].extraction.document;
  const actor = (p: number) => (ref: ActorRef) => ({ ...ref, entity: ref.entity === null ? null : renames[p].get(ref.entity) ?? null });
  let visit = 0;
  const merged = {
    schemaVersion: SCHEMA_VERSION,
    document: {
      ...first,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      referenceDate: first.referenceDate,
    },
    entities,
    dates: parts.flatMap(({ offset, extraction }) => extraction.dates.map((d) => shift(d, offset))),
    figures: parts.flatMap(({ offset, extraction }) =>
      extraction.figures.map((f) => ({ ...shift(f, offset), evidence: shift(f.evidence, offset) })),
    ),
    events: parts.flatMap(({ offset, extraction }, p) =>
      extraction.events.map((e) => ({
        ...e,
        id: `v${++visit}`,
        visitors: e.visitors.map(actor(p)),
        met: e.met.map(actor(p)),
        evidence: e.evidence.map((s) => shift(s, offset)),
      })),
    ),
  };
  const parsed = ExtractionSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`output does not match schema ${SCHEMA_VERSION}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
