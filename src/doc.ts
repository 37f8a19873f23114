/**
 * The document every stage reads and extends. Stages add their own layer and
 * return a new Doc; no stage mutates a layer another stage produced.
 */
import type { DateMention, Entity, Figure, ReferenceDate, Span, VisitEvent } from './schema.ts';
import { partitionPoint } from './sorted.ts';
import { plainText } from './text/plain.ts';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text with typographic apostrophes made straight, for matching. */
  lower: string;
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, …). */
  pos: string;
  /** Lower-cased lemma from wink-nlp. */
  lemma: string;
  /** Whitespace precedes this token in the text. */
  spaceBefore: boolean;
  /** A line break precedes this token: it starts a new line. */
  lineBefore: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token of the sentence in `Doc.tokens`. */
  firstToken: number;
  /** One past the index of its last token. */
  endToken: number;
}

export interface Diagnostic {
  stage: string;
  /** 'fired': a rule matched and produced something; 'near-miss': it matched but lacked an argument or was negated; 'dropped': its result was discarded. */
  kind?: 'fired' | 'near-miss' | 'dropped';
  message: string;
  span?: Span;
  rule?: string;
}

export interface Doc {
  /** The article text exactly as read; every offset points into it. */
  text: string;
  /** The same text with every invisible or spacing character made a plain space or line break (same length): what patterns read. */
  plain: string;
  referenceDate: ReferenceDate;
  title?: string;
  dateline?: string;
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  dates: DateMention[];
  figures: Figure[];
  events: VisitEvent[];
  diagnostics: Diagnostic[];
}

export function emptyDoc(text: string, referenceDate: ReferenceDate): Doc {
  return {
    text,
    plain: plainText(text),
    referenceDate,
    sentences: [],
    tokens: [],
    entities: [],
    dates: [],
    figures: [],
    events: [],
    diagnostics: [],
  };
}

export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Index of the sentence containing character offset `offset` (binary search), or -1. */
export function sentenceIndexAt(doc: Doc, offset: number): number {
  const { sentences } = doc;
  const i = partitionPoint(sentences.length, (k) => sentences[k].end <= offset);
  return i < sentences.length && sentences[i].start <= offset ? i : -1;
}
