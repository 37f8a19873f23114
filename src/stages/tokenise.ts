/**
 * Stage 1: sentences and tokens with UTF-16 offsets into the original text,
 * plus the article's layout (title line, dateline).
 *
 * wink-nlp reads the whole text once (only its sentence and POS components:
 * the rest of its default pipe costs a third of the time and is not used).
 * wink gives token values and the whitespace before each, which together
 * rebuild the text exactly, so offsets are a running sum. wink does not end a
 * sentence at a single line break, and news uses line breaks for headlines,
 * bylines and captions, so sentences are also cut there.
 */
import { createRequire } from 'node:module';
import type { Doc, Sentence, Token } from '../doc.ts';

const require = createRequire(import.meta.url);

interface WinkCollection<T> {
  each(fn: (item: T) => void): void;
  out(what?: unknown): unknown;
}
interface WinkDoc {
  sentences(): WinkCollection<{ out(what?: unknown): unknown }>;
  tokens(): WinkCollection<unknown>;
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

let nlp: WinkNlp | undefined;
function wink(): WinkNlp {
  nlp ??= (require('wink-nlp') as (model: unknown, pipe: string[]) => WinkNlp)(require('wink-eng-lite-web-model'), ['sbd', 'pos']);
  return nlp;
}

/** A possessive "'s" still attached to its word. */
const POSSESSIVE_END = /[\p{L}\p{N}.](['\u2019][sS])$/u;

/** Texts longer than this are read in pieces cut at line breaks, so memory stays bounded. */
const MAX_PIECE = 200_000;

function pieces(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_PIECE);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > start) end = nl + 1;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * Runs of this many non-space characters are given to wink as digits of the same
 * length: its tokenizer is quadratic in the length of such a run (80,000 "-" take
 * 30 s), while a digit run is one number token at once. The token's text still
 * comes from the article.
 */
const LONG_RUN = /\S{100,}/g;
/** Whether a text has such a run: tried only where a run starts, so much cheaper than the replace. */
const HAS_LONG_RUN = /(?<!\S)\S{100}/;

const APOSTROPHE = /\u2019/g;
const LINE_BREAK = /[\r\n]/;
/** Char codes of "s" and "S", the last letter of a possessive: only such tokens are tried with POSSESSIVE_END. */
const CODE_S = 0x73;
const CODE_CAPITAL_S = 0x53;

/** Lower-cased, with typographic apostrophes made straight. */
function lowerOf(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(APOSTROPHE, "'") : lower;
}

/** wink counts at most this many plain spaces before a token: a longer run is measured in the text. */
const MAX_WINK_SPACES = 65_534;

/** Whether wink's preceding spaces hold a line break; almost always they are none or one space. */
const spacesBreakLine = (spaces: string) => spaces.length > 0 && spaces !== ' ' && LINE_BREAK.test(spaces);

function tokenisePiece(text: string, offset: number, tokens: Token[], sentences: Sentence[]): void {
  const { its } = wink();
  const masked = HAS_LONG_RUN.test(text) ? text.replace(LONG_RUN, (run) => '0'.repeat(run.length)) : text;
  const anyMasked = masked !== text;
  const wdoc = wink().readDoc(masked);
  const values = wdoc.tokens().out(its.value) as string[];
  const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
  const pos = wdoc.tokens().out(its.pos) as string[];
  const lemmas = wdoc.tokens().out(its.lemma) as string[];
  // wink keeps line breaks as tokens of their own: they become `lineBefore` of the next real token.
  const indexOf = new Int32Array(values.length + 1);
  let at = 0;
  let lineBreak = false;
  for (let i = 0; i < values.length; i++) {
    const winkValue = values[i];
    let gap = spaces[i].length;
    if (gap === MAX_WINK_SPACES) while (text.charCodeAt(at + gap) === 0x20) gap++;
    at += gap;
    const start = offset + at;
    at += winkValue.length;
    indexOf[i] = tokens.length;
    // A blank token starts with a control, space or non-ASCII character: the common word skips trim().
    const first = winkValue.charCodeAt(0);
    if ((first <= 0x20 || first >= 0x7f) && winkValue.trim() === '') {
      lineBreak ||= LINE_BREAK.test(winkValue);
      continue;
    }
    // The article's own text, which differs from wink's only where a long run was masked.
    const wasMasked = anyMasked && !text.startsWith(winkValue, start - offset);
    const value = wasMasked ? text.slice(start - offset, at) : winkValue;
    const token: Token = {
      start,
      end: offset + at,
      text: value,
      lower: lowerOf(value),
      pos: wasMasked ? 'X' : pos[i],
      // wink has no lemma for a few contractions ("cannot").
      lemma: (wasMasked ? value : (lemmas[i] ?? value)).toLowerCase(),
      spaceBefore: spaces[i].length > 0 || lineBreak,
      lineBefore: lineBreak || spacesBreakLine(spaces[i]),
    };
    // wink learns new words as it reads: after one article it may keep "Blunkett's" whole in the
    // next. Splitting the possessive here makes tokens the same whatever was read before.
    const last = value.charCodeAt(value.length - 1);
    const possessive = (last === CODE_S || last === CODE_CAPITAL_S) && value.length > 2 ? POSSESSIVE_END.exec(value) : null;
    if (possessive) {
      const cut = token.end - possessive[1].length;
      const word = value.slice(0, -possessive[1].length);
      tokens.push({ ...token, end: cut, text: word, lower: token.lower.slice(0, word.length), lemma: word.toLowerCase() });
      tokens.push({ ...token, start: cut, text: possessive[1], lower: lowerOf(possessive[1]), pos: 'PART', lemma: "'s", spaceBefore: false, lineBefore: false });
    } else {
      tokens.push(token);
    }
    lineBreak = false;
  }
  indexOf[values.length] = tokens.length;
  wdoc.sentences().each((ws) => {
    const [a, b] = ws.out(its.span) as [number, number];
    const end = indexOf[b + 1];
    let from = indexOf[a];
    for (let i = from + 1; i <= end; i++) {
      if (i === end || tokens[i].lineBefore) {
        if (i > from) sentences.push({ start: tokens[from].start, end: tokens[i - 1].end, firstToken: from, endToken: i });
        from = i;
      }
    }
  });
}

/** "HANOI (Reuters) -", "SEOUL, Aug 3 (Yonhap) —", "LONDON —" at the start of a paragraph. */
const DATELINE = /^([A-Z][A-Z.'’ -]{1,40}[A-Z.])(,[^()\n]{1,40})?\s*(\([A-Za-z .&]{2,30}\))?\s*[-–—]{1,2}\s*/;

export function tokenise(doc: Doc): Doc {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (const [start, end] of pieces(doc.text)) tokenisePiece(doc.text.slice(start, end), start, tokens, sentences);
  const lines = lineRanges(doc.text, 3);

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

/** The first `max` non-blank lines as [start, end) ranges, trimmed. */
function lineRanges(text: string, max: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m && ranges.length < max; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) ranges.push([start, end]);
  }
  return ranges;
}
