/**
 * CoNLL-2003 NER scoring for the entity stage: documents rebuilt from tokens
 * (single spaces, one sentence per line), entity mentions mapped to PER / ORG /
 * LOC / MISC, span-level exact-match P/R/F1 per type and micro over PER+ORG+LOC.
 */
import { emptyDoc } from '../doc.ts';
import { defaultContext, runPipeline, stagesThrough } from '../pipeline.ts';
import type { EntityType } from '../schema.ts';
import { prf, type Prf } from './visits.ts';

export type ConllType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface ConllDocument {
  text: string;
  /** Gold spans as character offsets into `text`. */
  gold: Array<{ start: number; end: number; type: ConllType }>;
}

const TYPE_OF: Record<EntityType, ConllType> = {
  person: 'PER',
  organization: 'ORG',
  country: 'LOC',
  city: 'LOC',
  place: 'LOC',
  nationality: 'MISC',
};

/** Parses a CoNLL-2003 file (token POS chunk IOB1-tag per line) into documents with character spans. */
export function parseConll(source: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let lines: string[] = [];
  let gold: ConllDocument['gold'] = [];
  let sentence: string[] = [];
  let offset = 0;
  let open: { start: number; end: number; type: ConllType } | null = null;
  const closeEntity = () => {
    if (open) gold.push(open);
    open = null;
  };
  const closeSentence = () => {
    closeEntity();
    if (sentence.length) {
      const line = sentence.join(' ');
      lines.push(line);
      offset += line.length + 1;
    }
    sentence = [];
  };
  const closeDoc = () => {
    closeSentence();
    if (lines.length) docs.push({ text: lines.join('\n'), gold });
    lines = [];
    gold = [];
    offset = 0;
  };
  for (const row of source.split(/\r?\n/)) {
    if (row.startsWith('-DOCSTART-')) {
      closeDoc();
      continue;
    }
    if (row.trim() === '') {
      closeSentence();
      continue;
    }
    const parts = row.split(' ');
    const token = parts[0];
    const tag = parts[parts.length - 1];
    const start = offset + sentence.reduce((n, t) => n + t.length + 1, 0);
    sentence.push(token);
    const end = start + token.length;
    if (tag === 'O') {
      closeEntity();
      continue;
    }
    const [bio, type] = tag.split('-') as [string, ConllType];
    // IOB1: B- only starts an entity right after another of the same type.
    if (open && (open as { type: ConllType }).type === type && bio === 'I') (open as { end: number }).end = end;
    else {
      closeEntity();
      open = { start, end, type };
    }
  }
  closeDoc();
  return docs;
}

export interface ConllScore {
  perType: Record<ConllType, Prf>;
  /** Micro average over PER, ORG and LOC. */
  micro: Prf;
  documents: number;
  bytes: number;
  seconds: number;
}

export function scoreConll(docs: ConllDocument[], rulesDir?: string): ConllScore {
  const counts: Record<ConllType, { tp: number; fp: number; fn: number }> = {
    PER: { tp: 0, fp: 0, fn: 0 },
    ORG: { tp: 0, fp: 0, fn: 0 },
    LOC: { tp: 0, fp: 0, fn: 0 },
    MISC: { tp: 0, fp: 0, fn: 0 },
  };
  const ctx = defaultContext(rulesDir);
  const stages = stagesThrough('entities');
  let bytes = 0;
  const started = performance.now();
  for (const d of docs) {
    bytes += Buffer.byteLength(d.text);
    const doc = runPipeline(emptyDoc(d.text, { value: null, origin: 'none' }), ctx, stages);
    const predicted = new Set(doc.entities.flatMap((e) => e.mentions.map((m) => `${m.start}:${m.end}:${TYPE_OF[e.type]}`)));
    const gold = new Set(d.gold.map((g) => `${g.start}:${g.end}:${g.type}`));
    for (const key of predicted) counts[key.split(':')[2] as ConllType][gold.has(key) ? 'tp' : 'fp']++;
    for (const key of gold) if (!predicted.has(key)) counts[key.split(':')[2] as ConllType].fn++;
  }
  const seconds = (performance.now() - started) / 1000;
  const perType = Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, prf(c.tp, c.fp, c.fn)])) as Record<ConllType, Prf>;
  const sum = (f: 'tp' | 'fp' | 'fn') => counts.PER[f] + counts.ORG[f] + counts.LOC[f];
  return { perType, micro: prf(sum('tp'), sum('fp'), sum('fn')), documents: docs.length, bytes, seconds };
}
