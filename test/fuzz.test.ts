/**
 * Fuzzing extract() with fast-check: random unicode, control characters,
 * huge tokens, mixed scripts and shuffled news phrases. Whatever the text, no
 * exception escapes, the output validates against the schema, and every span
 * slices the original text to its reported `text`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';
import { ExtractionSchema, type Extraction, type Span } from '../src/schema.ts';

function spansOf(x: Extraction): Span[] {
  return [
    ...x.entities.flatMap((e) => e.mentions),
    ...x.dates,
    ...x.figures,
    ...x.figures.map((f) => f.evidence),
    ...x.events.flatMap((e) => e.evidence),
    ...(x.document.referenceDate.evidence ? [x.document.referenceDate.evidence] : []),
  ];
}

/** The property every text must satisfy. */
function holdsFor(given: string, referenceDate?: string): void {
  const extraction = extract(given, { id: 'fuzz', referenceDate });
  // Offsets are into the text without a leading byte-order mark, as when the command line reads a file.
  const text = given.startsWith('\ufeff') ? given.slice(1) : given;
  const parsed = ExtractionSchema.safeParse(extraction);
  expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  for (const span of spansOf(extraction)) {
    expect(span.start).toBeLessThanOrEqual(span.end);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(span.start, span.end)).toBe(span.text);
  }
}

const NEWS = [
  'President', 'Xi Jinping', 'Emmanuel Macron', 'will visit', 'visited', 'arrived in', 'Beijing', 'Paris', 'North Korea',
  'Prime Minister', 'Modi', 'next month', 'on Monday', 'Aug. 10', 'in October', 'last year', '2019', 'for talks with',
  '$90 billion', '20%', 'about €5 million', 'trade rose', 'HANOI (Reuters) -', 'said on Tuesday', 'the visit was cancelled',
  "Lam's", '"', '“', '”', '(', ')', ',', '.', '?', '!', '—', '-', "'s", 'U.S.', 'Mr.', 'Dr.',
];
const SCRIPTS = ['Москва', 'Путин посетил', '北京', '习近平访问法国', 'القاهرة', 'مودي', 'नरेंद्र मोदी', 'ソウル', '서울', 'Ελλάδα', 'עברית', '🇫🇷', '👩‍👩‍👧', 'e\u0301', 'ﬁnance', 'Ⅻ'];
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r\n', '\r', '\u000b', '\f', '\u001b', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200d', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ud800', '\udfff'];

const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\n\n', '  ', '\t');
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NEWS) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1e12, max: 1e12 }).map(String) },
);
const newsLike = fc.array(fc.tuple(piece, separator), { maxLength: 60 }).map((parts) => parts.map(([p, s]) => p + s).join(''));
// Runs without whitespace stay at 10k characters: wink-nlp's tokenizer is quadratic in their length (see README, Batch processing).
const hugeToken = fc
  .tuple(fc.constantFrom('a', 'Z', '9', '.', '-', '$', 'é', '北', '🙂', "'", '\u0301'), fc.integer({ min: 1_000, max: 10_000 }), newsLike)
  .map(([unit, n, context]) => `${context} ${unit.repeat(n)} ${context}`);
const referenceDate = fc.option(fc.constantFrom('2025-09', '2004-12-24', '1999'), { nil: undefined });

describe('fuzzing extract()', () => {
  // The run counts are quoted in the README; change both together.
  it('holds for news-like text with mixed scripts and control characters (1000 runs)', () => {
    fc.assert(fc.property(newsLike, referenceDate, (text, ref) => holdsFor(text, ref)), { numRuns: 1000 });
  });

  it('holds for arbitrary unicode, lone surrogates included (500 runs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), referenceDate, (text, ref) => holdsFor(text, ref)),
      { numRuns: 500 },
    );
  });

  it('holds for huge tokens inside news text (60 runs)', () => {
    fc.assert(fc.property(hugeToken, referenceDate, (text, ref) => holdsFor(text, ref)), { numRuns: 60 });
  });
});
