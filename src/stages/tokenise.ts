/**
 * Stage 1: sentences and tokens with UTF-16 offsets into the original text,
 * plus the article's layout (title line, dateline).
 *
 * wink-nlp (./wink.ts) reads the whole text once, made plain (../text/plain.ts):
 * invisible and spacing characters as the spaces and line breaks they stand for.
 * Each token's offsets are found in that text, which has the article's length,
 * never summed from wink's lengths (wink drops some characters). wink does not end a
 * sentence at a single line break, and news uses line breaks for headlines,
 * bylines and captions, so sentences are also cut there.
 */
import { span, type Doc, type Sentence, type Token } from '../doc.ts';
import type { Span } from '../schema.ts';
import { wink } from './wink.ts';

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
/** Char codes of "s" and "S", the last letter of a possessive: only such tokens are tried with POSSESSIVE_END. */
const CODE_S = 0x73;
const CODE_CAPITAL_S = 0x53;

/** Lower-cased, with typographic apostrophes made straight. */
function lowerOf(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(APOSTROPHE, "'") : lower;
}

/** Where wink's token `value` lies in `read`, looked up from `at`: where its spacing says, or else the next place it occurs. */
function locate(read: string, value: string, at: number, spacing: number): number {
  if (read.startsWith(value, at + spacing)) return at + spacing;
  const found = read.indexOf(value, at);
  return found < 0 ? at + spacing : found;
}

/** Whether [from, to) of the text holds a line break. */
function breaksLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/**
 * Tokens of one piece of the article: `text` is the piece as read, `plain` the same piece
 * made plain (what wink reads), `offset` where the piece starts in the article.
 */
function tokenisePiece(text: string, plain: string, offset: number, tokens: Token[], sentences: Sentence[]): void {
  const nlp = wink();
  const { its } = nlp;
  const read = HAS_LONG_RUN.test(plain) ? plain.replace(LONG_RUN, (run) => '0'.repeat(run.length)) : plain;
  const wdoc = nlp.readDoc(read);
  const values = wdoc.tokens().out(its.value) as string[];
  const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
  const pos = wdoc.tokens().out(its.pos) as string[];
  const lemmas = wdoc.tokens().out(its.lemma) as string[];
  const indexOf = new Int32Array(values.length + 1);
  // Offsets are found in the text wink read, never summed from its lengths: wink drops or
  // merges characters, and a sum would shift every later token.
  let at = 0;
  /** Where the last real token ended: the gap since then is this token's spacing. */
  let gapFrom = 0;
  for (let i = 0; i < values.length; i++) {
    const winkValue = values[i];
    const start = locate(read, winkValue, at, spaces[i].length);
    at = start + winkValue.length;
    indexOf[i] = tokens.length;
    // wink keeps line breaks as tokens of their own; the gap before the next real token holds them.
    // A blank token starts with a control, space or non-ASCII character: the common word skips trim().
    const first = winkValue.charCodeAt(0);
    if ((first <= 0x20 || first >= 0x7f) && winkValue.trim() === '') continue;
    const end = at;
    // The article's own text, which differs from wink's where a long run was masked or a character made plain.
    const value = text.slice(start, end);
    const wasMasked = read !== plain && !plain.startsWith(winkValue, start);
    const lineBefore = (offset > 0 && gapFrom === 0) || breaksLine(read, gapFrom, start);
    const token: Token = {
      start: offset + start,
      end: offset + end,
      text: value,
      lower: lowerOf(wasMasked ? value : winkValue),
      pos: wasMasked ? 'X' : pos[i],
      // wink has no lemma for a few contractions ("cannot").
      lemma: (wasMasked ? value : (lemmas[i] ?? winkValue)).toLowerCase(),
      spaceBefore: start > gapFrom || lineBefore,
      lineBefore,
    };
    gapFrom = end;
    // wink keeps a possessive whole in a few contexts ("Blunkett's,"): split, a name ends before it.
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

const OUTLET = String.raw`\s*\([A-Za-z .&]{2,30}\)`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?`;
/**
 * A dateline at the start of a paragraph: a place, maybe a date or state, maybe the outlet, then a
 * dash or colon. In capitals: "HANOI (Reuters) -", "SEOUL, Aug 3 (Yonhap) —", "LONDON —".
 * In title case, which ordinary lines also start with, only with a date or an outlet, or with a
 * separator set off by a space: "Havana, April 15 (RHC), --", "New Delhi :", "Tokyo –" — not
 * "Analysis: …" or "Tokyo-based".
 */
const DATELINE = new RegExp(
  String.raw`^(?:(?<caps>[A-Z][A-Z.'’ -]{1,40}[A-Z.])(?<where>,[^()\n]{1,40})?|(?<name>[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){0,3})(?<when>,\s*(?:${MONTH} \d{1,2}|\d{1,2} ${MONTH})(?:,? \d{4})?)?)` +
    String.raw`(?<outlet>${OUTLET})?,?(?<gap>\s*)(?<separator>[-–—]{1,2}|:)`,
);

/** The dateline in one line, if it has one: a dash after a place in capitals, or a date, an outlet or a spaced separator. */
function datelineIn(line: string, isTitle: boolean): string | undefined {
  const g = DATELINE.exec(line)?.groups;
  if (!g) return undefined;
  // A headline in title case has the same shape ("Trump - Putin summit").
  if (g.name && isTitle) return undefined;
  if (!(g.where || g.when || g.outlet || g.gap || (g.caps && g.separator !== ':'))) return undefined;
  return `${g.caps ?? g.name}${g.where ?? g.when ?? ''}${g.outlet ?? ''}`.trimEnd();
}

export function tokenise(doc: Doc): Doc {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (const [start, end] of pieces(doc.plain)) tokenisePiece(doc.text.slice(start, end), doc.plain.slice(start, end), start, tokens, sentences);
  const lines = lineRanges(doc.plain, 3);

  let title: string | undefined;
  let dateline: Span | undefined;
  if (lines.length > 1) {
    const [s, e] = lines[0];
    const first = doc.text.slice(s, e);
    // A headline: one short line with no sentence-final full stop, followed by more text.
    if (first.length <= 200 && !/[.]$/.test(first)) title = first;
  }
  for (const [i, [s, e]] of lines.entries()) {
    const found = datelineIn(doc.text.slice(s, e), i === 0 && title !== undefined);
    if (found) {
      dateline = span(doc.text, s, s + found.length);
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
