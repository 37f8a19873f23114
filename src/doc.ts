/**
 * The document every stage reads and extends. Stages add their own layer and
 * return a new Doc; no stage mutates a layer another stage produced.
 */
import type { DateMention, Entity, Figure, ReferenceDate, Setting, Span, VisitEvent } from './schema.ts';
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
  /** "NAIROBI (Reuters)", "Havana, April 15 (RHC)": where the article says it was written, without the separator after it. */
  dateline?: Span;
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  /** The country the article is written from, found by the entities stage. */
  setting?: Setting;
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

/** Header and credit lines are among the first or last few lines, short, and not sentences: "By Jane Roe", "Published: 17 May 2025", "(Reporting by Jane Roe)". */
const NOTE_LINES = 5;
const NOTE_LENGTH = 80;

/** Whether a trimmed line is short and no sentence. */
const isNote = (line: string) => line.length <= NOTE_LENGTH && !/[.!?]["”’]?$/.test(line);

/** [start, end) of the dateline and of the header lines among the first few, the title excepted. */
export function headerLines(doc: Doc): Array<[number, number]> {
  const lines: Array<[number, number]> = doc.dateline ? [[doc.dateline.start, doc.dateline.end]] : [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(doc.text), n = 0; m && n < NOTE_LINES; m = re.exec(doc.text)) {
    const line = m[0].trim();
    if (!line) continue;
    n++;
    if (line !== doc.title && isNote(line)) lines.push([m.index, m.index + m[0].length]);
  }
  return lines;
}

/** [start, end) of the credit lines among the last few: "(Reporting by Jane Roe; Editing by John Doe)", "— RNZ". */
export function footerLines(doc: Doc): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let end = doc.text.length;
  for (let n = 0; n < NOTE_LINES && end > 0; ) {
    const start = Math.max(doc.text.lastIndexOf('\n', end - 1), doc.text.lastIndexOf('\r', end - 1)) + 1;
    const line = doc.text.slice(start, end).trim();
    if (line) {
      n++;
      if (isNote(line)) lines.push([start, end]);
    }
    end = start - 1;
  }
  return lines;
}

/** Index of the sentence containing character offset `offset` (binary search), or -1. */
export function sentenceIndexAt(doc: Doc, offset: number): number {
  const { sentences } = doc;
  const i = partitionPoint(sentences.length, (k) => sentences[k].end <= offset);
  return i < sentences.length && sentences[i].start <= offset ? i : -1;
}
