/**
 * Stage 1: sentences and tokens with UTF-16 offsets into the original text,
 * plus the article's layout (title line, dateline).
 *
 * wink-nlp does not end a sentence at a single line break, and news text uses
 * line breaks for headlines, bylines and captions, so each line is read on its
 * own. wink gives token values and preceding spaces but no offsets; offsets are
 * recovered by walking the line.
 */
import { createRequire } from 'node:module';
import type { Doc, Sentence, Token } from '../doc.ts';

const require = createRequire(import.meta.url);

interface WinkItem {
  out(what?: unknown): unknown;
}
interface WinkCollection<T> {
  each(fn: (item: T) => void): void;
  out(what?: unknown): unknown;
}
interface WinkSentence extends WinkItem {
  tokens(): WinkCollection<WinkItem>;
}
interface WinkDoc {
  sentences(): WinkCollection<WinkSentence>;
  tokens(): WinkCollection<WinkItem>;
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

let nlp: WinkNlp | undefined;
function wink(): WinkNlp {
  if (!nlp) {
    const winkNLP = require('wink-nlp') as (model: unknown) => WinkNlp;
    nlp = winkNLP(require('wink-eng-lite-web-model'));
  }
  return nlp;
}

/** A line longer than this is cut into pieces for wink, which is otherwise superlinear on huge runs. */
const MAX_PIECE = 20_000;

/** Lines of the text as [start, end) ranges without their line terminators, blank lines skipped. */
function lineRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    for (let s = start; s < end; s += MAX_PIECE) ranges.push([s, Math.min(end, s + MAX_PIECE)]);
  }
  return ranges;
}

function tokeniseLine(text: string, lineStart: number, lineEnd: number, tokens: Token[], sentences: Sentence[]): void {
  const { readDoc, its } = wink();
  const line = text.slice(lineStart, lineEnd);
  const wdoc = readDoc.call(nlp, line);
  let cursor = 0;
  wdoc.sentences().each((ws) => {
    const values = ws.tokens().out(its.value) as string[];
    const pos = ws.tokens().out(its.pos) as string[];
    const lemmas = ws.tokens().out(its.lemma) as string[];
    const first = tokens.length;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      let at = line.indexOf(value, cursor);
      let length = value.length;
      // wink can normalise a token (rare); fall back to consuming the next non-space run.
      if (at < 0 || at - cursor > 64) {
        at = cursor;
        while (at < line.length && /\s/.test(line[at])) at++;
        length = Math.max(1, nextSpace(line, at) - at);
      }
      const start = lineStart + at;
      const end = Math.min(lineEnd, start + length);
      if (end <= start) continue;
      tokens.push({
        start,
        end,
        text: text.slice(start, end),
        pos: pos[i] ?? 'X',
        lemma: (lemmas[i] ?? value).toLowerCase(),
        spaceBefore: at > 0 && /\s/.test(line[at - 1]),
      });
      cursor = at + length;
    }
    if (tokens.length > first) {
      sentences.push({ start: tokens[first].start, end: tokens[tokens.length - 1].end, firstToken: first, endToken: tokens.length });
    }
  });
}

function nextSpace(line: string, from: number): number {
  let i = from;
  while (i < line.length && !/\s/.test(line[i])) i++;
  return i;
}

/** "HANOI (Reuters) -", "SEOUL, Aug 3 (Yonhap) —", "LONDON —" at the start of a paragraph. */
const DATELINE = /^([A-Z][A-Z.'’ -]{1,40}[A-Z.])(,[^()\n]{1,40})?\s*(\([A-Za-z .&]{2,30}\))?\s*[-–—]{1,2}\s*/;

export function tokenise(doc: Doc): Doc {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const lines = lineRanges(doc.text);
  for (const [start, end] of lines) tokeniseLine(doc.text, start, end, tokens, sentences);

  let title: string | undefined;
  let dateline: string | undefined;
  if (lines.length > 1) {
    const [s, e] = lines[0];
    const first = doc.text.slice(s, e);
    // A headline: one short line with no sentence-final full stop, followed by more text.
    if (first.length <= 200 && !/[.]$/.test(first)) title = first;
  }
  for (const [s, e] of lines.slice(0, 3)) {
    const m = DATELINE.exec(doc.text.slice(s, e));
    if (m && (m[3] || /[-–—]/.test(m[0]))) {
      dateline = m[0].replace(/[\s\-–—]+$/, '');
      break;
    }
  }
  return { ...doc, tokens, sentences, title: doc.title ?? title, dateline: doc.dateline ?? dateline };
}
