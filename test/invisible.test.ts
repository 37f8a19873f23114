/**
 * Invisible and spacing characters change nothing a reader sees, so they must
 * change nothing envoy finds. Real-looking articles (the seeds and paragraphs
 * written here) get random characters inserted at word and line boundaries:
 * every Unicode space (Zs), line and paragraph separators (Zl, Zp), controls
 * (Cc), format characters (Cf: BOM, ZWJ/ZWNJ, bidi marks, soft hyphen …),
 * emoji with surrogate pairs and combining marks. Every entity, date, figure
 * and visit must come out the same, its spans mapped back through the
 * insertions landing on exactly the same text. A span that only slices the new
 * text to its own `text` is not enough: a shifted span does that too.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';
import type { Extraction, Span } from '../src/schema.ts';

const SEEDS = path.join(import.meta.dirname, '..', 'seeds');

/** Paragraphs of our own: visits, figures in several currencies, dates relative and absolute, a list of names. */
const WRITTEN = [
  [
    'Kenya and Japan sign $1.2 billion port deal during Ruto visit',
    '',
    'NAIROBI (Reuters) - Kenyan President William Ruto arrived in Tokyo on Monday for a four-day state visit, his first to Japan since taking office.',
    'He will meet Prime Minister Shigeru Ishiba on Wednesday and is expected to sign agreements worth $1.2 billion, officials said.',
    'Trade between the two countries rose 14% last year to about 300 billion yen.',
  ].join('\n'),
  [
    'Modi to visit Germany, Denmark and France',
    '',
    'NEW DELHI - Indian Prime Minister Narendra Modi will visit Germany, Denmark and France from May 2 to May 4, the foreign ministry said on Friday.',
    "In Berlin he will hold talks with Chancellor Olaf Scholz; Germany's development aid to India reached €10 billion in 2021.",
    'Modi last travelled abroad in January, when he visited the United Arab Emirates.',
  ].join('\n'),
  [
    'Brazilian President Luiz Inacio Lula da Silva visited Beijing on 14 April 2023 and met President Xi Jinping.',
    'The two leaders signed 15 agreements, and Chinese investment in Brazil could exceed $10 billion over the next five years.',
    "Lula's trip, postponed in March because of pneumonia, was his first to Asia since he returned to office.",
  ].join('\n\n'),
];

const ARTICLES = [...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(SEEDS, f), 'utf8')), ...WRITTEN];
const REFERENCE_DATE = '2025-09-17';

/** Characters that may stand in any gap between words: spaces, controls and format characters of every kind. */
const IN_GAPS = [
  // Zs: no-break, en/em quads and spaces, thin, hair, narrow no-break, medium mathematical, ideographic, ogham.
  '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000',
  // Cc: controls a copied or converted file carries.
  '\u0001', '\u0007', '\b', '\u001b', '\u007f', '\u0090', '\t',
  // Cf: BOM, zero-width space/non-joiner/joiner, bidi marks, embeddings and isolates, soft hyphen, word joiner, a format tag (surrogate pair).
  '\ufeff', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u00ad', '\u2060', '\u061c', '\u{e0020}',
];
/** Combining marks: after a space, with no letter to combine with (after a word's last letter they would change the word). */
const MARKS = ['\u0301', '\u0308', '\u20dd', '\u0327\u0301'];
/** Characters that break lines: only where a line already breaks, since a new break would cut a sentence. */
const AT_LINE_BREAKS = ['\u000b', '\f', '\u0085', '\u2028', '\u2029', '\f\n', '\r'];
/** Emoji (surrogate pairs, flags, skin tones, ZWJ sequences): at a line's start or end, where news puts them. */
const EMOJI = ['😀', '🇫🇷', '👍🏽', '👩‍👩‍👧', '🔥', '📰 ', ' ✈️'];

interface Insertion {
  at: number;
  chars: string;
}

/** Where each kind of character may go in `text`: beside a space (gaps), beside a line break (breaks and emoji). */
function boundaries(text: string): { gaps: number[]; afterSpaces: number[]; lines: number[] } {
  const gaps: number[] = [];
  const afterSpaces: number[] = [];
  const lines: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ') gaps.push(i, i + 1);
    if (text[i] === ' ' || text[i] === '\n') afterSpaces.push(i + 1);
    if (text[i] === '\n') lines.push(i, i + 1);
  }
  return { gaps, afterSpaces, lines };
}

const insertions = (text: string): fc.Arbitrary<Insertion[]> => {
  const { gaps, afterSpaces, lines } = boundaries(text);
  const one = fc.oneof(
    { weight: 6, arbitrary: fc.record({ at: fc.constantFrom(...gaps), chars: fc.constantFrom(...IN_GAPS) }) },
    { weight: 1, arbitrary: fc.record({ at: fc.constantFrom(...afterSpaces), chars: fc.constantFrom(...MARKS) }) },
    { weight: 2, arbitrary: fc.record({ at: fc.constantFrom(...lines), chars: fc.constantFrom(...AT_LINE_BREAKS, ...IN_GAPS) }) },
    { weight: 2, arbitrary: fc.record({ at: fc.constantFrom(...lines), chars: fc.constantFrom(...EMOJI) }) },
    { weight: 1, arbitrary: fc.record({ at: fc.constantFrom(0), chars: fc.constantFrom('\ufeff\ufeff', '\u200b', '\u2028', ' \u0301') }) },
  );
  return fc.array(one, { minLength: 1, maxLength: 12 });
};

/**
 * The text with the insertions made (`given`), and the text offsets point into (`text`: the
 * same without a leading byte-order mark) with each of its code units' original offset (-1 where inserted).
 */
function inserted(text: string, list: Insertion[]): { given: string; text: string; origin: Int32Array } {
  const sorted = [...list].sort((a, b) => a.at - b.at);
  let out = '';
  const origin: number[] = [];
  let from = 0;
  for (const { at, chars } of sorted) {
    out += text.slice(from, at) + chars;
    for (let i = from; i < at; i++) origin.push(i);
    for (let i = 0; i < chars.length; i++) origin.push(-1);
    from = at;
  }
  out += text.slice(from);
  for (let i = from; i < text.length; i++) origin.push(i);
  // extract() drops a leading byte-order mark, and its offsets are into the text without it.
  if (out.startsWith('\ufeff')) return { given: out, text: out.slice(1), origin: Int32Array.from(origin.slice(1)) };
  return { given: out, text: out, origin: Int32Array.from(origin) };
}

/** A span as the original's offsets, or a mark that it starts or ends on an inserted character. */
type SpanMap = (s: { start: number; end: number }) => string;

const identity: SpanMap = (s) => `${s.start}-${s.end}`;
function mappedBy(origin: Int32Array): SpanMap {
  return ({ start, end }) => {
    if (start === end) return `${origin[start] ?? 'end'}-empty`;
    const a = origin[start];
    const b = origin[end - 1];
    return a < 0 || b < 0 ? `starts or ends inside an insertion (${start}-${end})` : `${a}-${b + 1}`;
  };
}

/** What a reader gets from an extraction, every span as an original offset. */
function findings(x: Extraction, at: SpanMap) {
  const spans = (list: Span[]) => list.map(at).join(' ');
  return {
    entities: x.entities.map((e) => `${e.type} ${e.name} ${e.country} [${e.titles.join(', ')}] ${spans(e.mentions)}`),
    dates: x.dates.map((d) => `${d.value} ${d.type} ${at(d)}`),
    figures: x.figures.map((f) => `${f.value} ${f.unit} ${f.qualifier} ${f.measure ?? ''} ${at(f)} ${at(f.evidence)}`),
    visits: x.events.map(
      (v) =>
        `${v.visitors.map((a) => `${a.name}/${a.entity}`).join('+')} ${v.visitorCountry} -> ${v.destination.country}/${v.destination.place} ` +
        `met ${v.met.map((a) => a.name).join('+')} ${v.status} ${v.when?.value ?? ''} ${spans(v.evidence)}`,
    ),
  };
}

/** Every span's text, as the text of the same original span with the inserted characters inside it left out. */
function textsHold(x: Extraction, original: string, mutated: string, origin: Int32Array): void {
  const all: Span[] = [...x.entities.flatMap((e) => e.mentions), ...x.dates, ...x.figures, ...x.figures.map((f) => f.evidence), ...x.events.flatMap((e) => e.evidence)];
  for (const s of all) {
    expect(mutated.slice(s.start, s.end)).toBe(s.text);
    let visible = '';
    for (let i = s.start; i < s.end; i++) if (origin[i] >= 0) visible += mutated[i];
    expect(visible).toBe(original.slice(origin[s.start], origin[s.end - 1] + 1));
  }
}

describe('invisible and spacing characters at word and line boundaries', () => {
  const before = ARTICLES.map((text) => findings(extract(text, { referenceDate: REFERENCE_DATE }), identity));

  it('the fixtures find something of every kind', () => {
    const all = before.reduce((sum, f) => ({ e: sum.e + f.entities.length, d: sum.d + f.dates.length, f: sum.f + f.figures.length, v: sum.v + f.visits.length }), { e: 0, d: 0, f: 0, v: 0 });
    expect(all.e).toBeGreaterThan(30);
    expect(all.d).toBeGreaterThan(10);
    expect(all.f).toBeGreaterThan(4);
    expect(all.v).toBeGreaterThan(4);
  });

  it('leave every entity, date, figure and visit as it was (2,000 cases)', { timeout: 600_000 }, () => {
    const article = fc.integer({ min: 0, max: ARTICLES.length - 1 }).chain((i) => fc.tuple(fc.constant(i), insertions(ARTICLES[i])));
    fc.assert(
      fc.property(article, ([i, list]) => {
        const { given, text, origin } = inserted(ARTICLES[i], list);
        const x = extract(given, { referenceDate: REFERENCE_DATE });
        expect(findings(x, mappedBy(origin))).toEqual(before[i]);
        textsHold(x, ARTICLES[i], text, origin);
      }),
      { numRuns: 2000 },
    );
  });

  it('the examples that shifted every later span: form feeds between pages, byte-order marks inside', () => {
    const pages = 'Page one.\n\f\nFrench President Emmanuel Macron arrived in Beijing on Monday.\n\f\nHe will meet President Xi Jinping.\n';
    const x = extract(pages);
    expect(x.entities.map((e) => e.name)).toEqual(['French', 'Emmanuel Macron', 'Beijing', 'Xi Jinping']);
    expect(x.events[0].met.map((m) => m.name)).toEqual(['Xi Jinping']);
    const joined = '\ufeffFrench President Emmanuel Macron visited China.\n\ufeffFrench President Emmanuel Macron visited China.\n';
    expect(extract(joined).events[0].visitors.map((v) => v.name)).toEqual(['Emmanuel Macron']);
  });

  it('a run of spaces and marks inside a date keeps its day (found by the property test)', () => {
    const lula = ARTICLES.indexOf(WRITTEN[2]);
    const { given, origin } = inserted(WRITTEN[2], [{ at: 74, chars: '\u00a0' }, { at: 74, chars: '\u0327\u0301' }, { at: 9, chars: '\u2003' }]);
    expect(findings(extract(given, { referenceDate: REFERENCE_DATE }), mappedBy(origin))).toEqual(before[lula]);
  });

  it('a leading byte-order mark is dropped by the library as by the command line: offsets are into the text without it', () => {
    const x = extract('\ufeffPresident Macron visited China on Tuesday.');
    const plain = extract('President Macron visited China on Tuesday.');
    expect(x.entities[0].mentions[0]).toEqual({ start: 10, end: 16, text: 'Macron' });
    expect(x).toEqual(plain);
  });
});
