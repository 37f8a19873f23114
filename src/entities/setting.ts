/**
 * The article's setting: the country it is written from, where "here" and "the
 * country" are when the text does not say. Cues, strongest first:
 * - setting.dateline: a place the dateline names ("NAIROBI (Reuters)" → KEN);
 * - setting.outlet: the country of the outlets the dateline and credit lines name
 *   (rules/outlets.yaml), when they all name the same one;
 * - setting.majority: the country most of the article's places belong to, when it
 *   clearly dominates.
 */
import { footerLines, headerLines, span, type Doc } from '../doc.ts';
import type { Entity, EntityType, Setting, Span } from '../schema.ts';
import type { Outlets } from './rules.ts';

const PLACE_TYPES: ReadonlySet<EntityType> = new Set(['country', 'city', 'place']);

/** The places with a country (a plain loop: this runs for every article). */
function places(entities: readonly Entity[]): Array<Entity & { country: string }> {
  return entities.filter((e): e is Entity & { country: string } => e.country !== null && PLACE_TYPES.has(e.type));
}

function fromDateline(doc: Doc, entities: ReadonlyArray<Entity & { country: string }>): Setting | undefined {
  const { dateline } = doc;
  if (!dateline) return undefined;
  let first: { country: string; mention: Span } | undefined;
  for (const e of entities) {
    for (const mention of e.mentions) {
      if (mention.start >= dateline.start && mention.end <= dateline.end && (!first || mention.start < first.mention.start)) first = { country: e.country, mention };
    }
  }
  return first && { country: first.country, rule: 'setting.dateline', evidence: first.mention };
}

function fromOutlets(doc: Doc, outlets: Outlets): Setting | undefined {
  const named: Array<{ country: string | null; evidence: Span }> = [];
  for (const [start, end] of [...headerLines(doc), ...footerLines(doc)]) {
    const line = doc.plain.slice(start, end);
    if (outlets.picture.test(line)) continue;
    for (const m of line.matchAll(outlets.names)) {
      named.push({ country: outlets.countryOf.get(m[0]) ?? null, evidence: span(doc.text, start + m.index, start + m.index + m[0].length) });
    }
  }
  // Outlets of two countries, or a wire that reports from everywhere, do not say where the article was written.
  const countries = new Set(named.map((n) => n.country));
  const [country] = countries;
  return countries.size === 1 && country ? { country, rule: 'setting.outlet', evidence: named[0].evidence } : undefined;
}

/**
 * A clear majority: the country of at least MAJORITY_MIN place mentions, at least half
 * of all place mentions with a country, and twice as many as the next country's, so
 * that an article about two countries (a visit from one to the other) has none.
 */
const MAJORITY_MIN = 3;

function fromMajority(entities: ReadonlyArray<Entity & { country: string }>): Setting | undefined {
  const counts = new Map<string, { n: number; first: Span }>();
  let total = 0;
  for (const { country, mentions } of entities) {
    total += mentions.length;
    const first = mentions[0];
    const c = counts.get(country);
    if (!c) counts.set(country, { n: mentions.length, first });
    else {
      c.n += mentions.length;
      if (first.start < c.first.start) c.first = first;
    }
  }
  const [top, next] = [...counts].sort((a, b) => b[1].n - a[1].n);
  if (!top) return undefined;
  const [country, { n, first }] = top;
  const clear = n >= MAJORITY_MIN && 2 * n >= total && n >= 2 * (next?.[1].n ?? 0);
  return clear ? { country, rule: 'setting.majority', evidence: first } : undefined;
}

/** The article's setting from the entities the stage found, or undefined when no cue holds. */
export function findSetting(doc: Doc, entities: readonly Entity[], outlets: Outlets): Setting | undefined {
  const placed = places(entities);
  return fromDateline(doc, placed) ?? fromOutlets(doc, outlets) ?? fromMajority(placed);
}
