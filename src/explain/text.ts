/** The plain-text view of `envoy explain`: per sentence, what each stage found and which rule did it. */
import type { Doc } from '../doc.ts';
import { bySentence, type Annotation } from './annotations.ts';

const LABEL: Record<Annotation['kind'], string> = {
  entity: 'entity',
  date: 'date',
  figure: 'figure',
  visit: 'visit',
  fired: 'fired',
  'near-miss': 'near miss',
  dropped: 'dropped',
};

function line(a: Annotation): string {
  const label = LABEL[a.kind].padEnd(9);
  if (a.kind === 'fired' || a.kind === 'near-miss' || a.kind === 'dropped') return `  ${label} ${a.value}`;
  if (a.kind === 'visit') return `  ${label} "${a.span.text}" is evidence of ${a.value}  [${a.rule}]`;
  return `  ${label} "${a.span.text}" → ${a.value}  [${a.rule}]`;
}

export function explainText(doc: Doc, rule?: string): string {
  const head = [
    `reference date: ${doc.referenceDate.value ?? 'none'} (${doc.referenceDate.origin}${doc.referenceDate.evidence ? `, from "${doc.referenceDate.evidence.text}"` : ''})`,
    ...(doc.title ? [`title: ${doc.title}`] : []),
    ...(doc.dateline ? [`dateline: ${doc.dateline.text}`] : []),
    ...(doc.setting ? [`setting: ${doc.setting.country}, from "${doc.setting.evidence.text}"  [${doc.setting.rule}]`] : []),
    `found: ${doc.entities.length} entities, ${doc.dates.length} dates, ${doc.figures.length} figures, ${doc.events.length} visits`,
  ];
  const body = bySentence(doc, rule).map((s) => [`[${s.index + 1}] ${s.span.text}`, ...s.annotations.map(line)].join('\n'));
  if (rule !== undefined && body.length === 0) body.push(`rule '${rule}' did not fire in this article`);
  return `${head.join('\n')}\n\n${body.join('\n\n')}\n`;
}
