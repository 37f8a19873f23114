/**
 * What every stage found in one article, flattened into annotations with a
 * span, a rule id and a resolved value, so the text and HTML views of
 * `envoy explain` show the same thing.
 */
import type { Doc } from '../doc.ts';
import type { Span } from '../schema.ts';

export type AnnotationKind = 'entity' | 'date' | 'figure' | 'visit' | 'fired' | 'near-miss' | 'dropped';

export interface Annotation {
  kind: AnnotationKind;
  /** Finer class for styling: the entity type, "visitor", "destination", "trigger" … */
  role: string;
  span: Span;
  rule: string;
  /** What the span was resolved to, in a few words. */
  value: string;
  /** The visit event this annotation belongs to, if any. */
  event?: string;
}

export interface SentenceView {
  index: number;
  span: Span;
  annotations: Annotation[];
}

function eventAnnotations(doc: Doc): Annotation[] {
  const out: Annotation[] = [];
  for (const e of doc.events) {
    const summary = `${e.id}: ${e.visitors.map((v) => v.name).join(', ') || '(unnamed)'} [${e.visitorCountry ?? '?'}] → ${e.destination.country ?? '?'}${e.destination.place ? ` (${e.destination.place})` : ''}, ${e.when?.value ?? 'no date'}, ${e.status}`;
    for (const s of e.evidence) out.push({ kind: 'visit', role: 'evidence', span: s, rule: e.rule, value: summary, event: e.id });
  }
  return out;
}

/** Every annotation of the article, in text order. */
export function annotate(doc: Doc): Annotation[] {
  const all: Annotation[] = [
    ...doc.entities.flatMap((e) =>
      e.mentions.map((m): Annotation => ({
        kind: 'entity',
        role: e.type,
        span: m,
        rule: e.rule,
        value: `${e.name} (${e.type}${e.country ? `, ${e.country}` : ''}${e.titles.length ? `; ${e.titles.join(', ')}` : ''}) ${e.id}`,
      })),
    ),
    ...doc.dates.map((d): Annotation => ({ kind: 'date', role: d.type.toLowerCase(), span: d, rule: d.rule, value: `${d.value} (${d.type})` })),
    ...doc.figures.map(
      (f): Annotation => ({
        kind: 'figure',
        role: f.unit === 'percent' ? 'percent' : 'money',
        span: f,
        rule: f.rule,
        value: `${f.value} ${f.unit}, ${f.qualifier}${f.measure ? `, ${f.measure}` : ''}${f.year ? `, ${f.year}` : ''}`,
      }),
    ),
    ...eventAnnotations(doc),
    ...doc.diagnostics
      .filter((d) => d.span && d.kind)
      .map((d): Annotation => ({ kind: d.kind!, role: d.stage, span: d.span!, rule: d.rule ?? d.stage, value: d.message })),
  ];
  return all.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

/** Annotations grouped by the sentence they start in; `rule` keeps only those of one rule id. */
export function bySentence(doc: Doc, rule?: string): SentenceView[] {
  const annotations = annotate(doc).filter((a) => rule === undefined || a.rule === rule);
  const views: SentenceView[] = doc.sentences.map((s, index) => ({
    index,
    span: { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) },
    annotations: [],
  }));
  let si = 0;
  for (const a of annotations) {
    while (si < views.length - 1 && a.span.start >= views[si].span.end) si++;
    views[si]?.annotations.push(a);
  }
  return rule === undefined ? views : views.filter((v) => v.annotations.length);
}
