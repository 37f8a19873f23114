/**
 * Entity mentions and dates placed on the token grid, so the visit finders can
 * ask "which entity starts at token i" in constant time.
 */
import type { Doc, Token } from '../doc.ts';
import type { DateMention, Entity } from '../schema.ts';
import { partitionPoint } from '../sorted.ts';

export interface MentionRef {
  entity: Entity;
  /** Token range [start, end). */
  start: number;
  end: number;
  /** Character span of the mention. */
  charStart: number;
  charEnd: number;
}

export interface DateRef {
  date: DateMention;
  start: number;
  end: number;
}

export interface MentionIndex {
  /** Mentions in text order. */
  mentions: MentionRef[];
  /** The mention starting at a token index. */
  startingAt: Map<number, MentionRef>;
  /** The mention covering a token index. */
  covering: Map<number, MentionRef>;
  dates: DateRef[];
  /** The date starting at a token index. */
  dateAt: Map<number, DateRef>;
}

/** Index of the first token whose end is after `offset`. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  return partitionPoint(tokens.length, (i) => tokens[i].end <= offset);
}

function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] {
  const a = tokenAt(tokens, start);
  let b = a;
  while (b < tokens.length && tokens[b].start < end) b++;
  return [a, Math.max(b, a + 1)];
}

export function indexMentions(doc: Doc): MentionIndex {
  const mentions: MentionRef[] = [];
  for (const entity of doc.entities) {
    for (const m of entity.mentions) {
      const [start, end] = tokenRange(doc.tokens, m.start, m.end);
      mentions.push({ entity, start, end, charStart: m.start, charEnd: m.end });
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const startingAt = new Map<number, MentionRef>();
  const covering = new Map<number, MentionRef>();
  for (const m of mentions) {
    if (!startingAt.has(m.start)) startingAt.set(m.start, m);
    for (let i = m.start; i < m.end; i++) if (!covering.has(i)) covering.set(i, m);
  }
  const dates = doc.dates.map((date) => {
    const [start, end] = tokenRange(doc.tokens, date.start, date.end);
    return { date, start, end };
  });
  const dateAt = new Map<number, DateRef>();
  for (const d of dates) if (!dateAt.has(d.start)) dateAt.set(d.start, d);
  return { mentions, startingAt, covering, dates, dateAt };
}

export const isPerson = (m: MentionRef) => m.entity.type === 'person';
/** Places a visit can go to: countries, cities, other places, and organisations with a known country. */
export const isPlace = (m: MentionRef) =>
  m.entity.type === 'country' ||
  m.entity.type === 'city' ||
  m.entity.type === 'place' ||
  (m.entity.type === 'organization' && m.entity.country !== null);
