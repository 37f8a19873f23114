import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../src/doc.ts';
import { tokenise } from '../src/stages/tokenise.ts';

const run = (text: string) => tokenise(emptyDoc(text, { value: null, origin: 'none' }));
const sentenceTexts = (text: string) => run(text).sentences.map((s) => text.slice(s.start, s.end));

describe('tokenise', () => {
  it('gives every token offsets that slice the original text', () => {
    for (const file of ['seeds/000_8adeb89ad61cd016.txt', 'seeds/003_ee4086bdbad132e3.txt']) {
      const text = readFileSync(file, 'utf8');
      const doc = run(text);
      expect(doc.tokens.length).toBeGreaterThan(400);
      for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it('finds every token in the text when wink drops a character: the ones it drops, spaces of every kind, format characters', () => {
    // Every BMP character wink drops (U+FEFF, U+000B, U+000C, U+2028, U+2029, U+3000, U+1680, U+2000–U+2008), and others it keeps.
    const dropped = ['\ufeff', '\u000b', '\u000c', '\u2028', '\u2029', '\u3000', '\u1680', ...Array.from({ length: 9 }, (_, i) => String.fromCharCode(0x2000 + i))];
    for (const c of [...dropped, '\u00a0', '\u200b', '\u200d', '\u200e', '\u00ad', '\t', '\u0007']) {
      const text = `Page one.${c}${c}French President${c} Emmanuel Macron ${c}arrived${c}.`;
      const words = run(text).tokens.map((t) => t.text);
      expect(words, JSON.stringify(c)).toEqual(['Page', 'one', '.', 'French', 'President', 'Emmanuel', 'Macron', 'arrived', '.']);
    }
  });

  it('reads form feeds, vertical tabs and line separators as the line breaks they are', () => {
    const text = 'Page one.\n\f\nFrench President Emmanuel Macron arrived.\u2028He will meet Xi.\u000bEnd';
    expect(sentenceTexts(text)).toEqual(['Page one.', 'French President Emmanuel Macron arrived.', 'He will meet Xi.', 'End']);
  });

  it('ends a sentence at a line break, which wink alone does not', () => {
    const text = 'DEEPENING TIES BETWEEN SEOUL AND HANOI\nKorea’s President Lee spoke by phone with Vietnam’s President.';
    expect(sentenceTexts(text)).toEqual(['DEEPENING TIES BETWEEN SEOUL AND HANOI', 'Korea’s President Lee spoke by phone with Vietnam’s President.']);
  });

  it('splits sentences within a line and keeps abbreviations whole', () => {
    expect(sentenceTexts('Mr. Lam arrived on Aug. 10 in Seoul. He met President Lee.')).toEqual(['Mr. Lam arrived on Aug. 10 in Seoul.', 'He met President Lee.']);
  });

  it('gives seed 003 its 17 sentences, one per line and sentence', () => {
    expect(run(readFileSync('seeds/003_ee4086bdbad132e3.txt', 'utf8')).sentences).toHaveLength(17);
  });

  it('tags POS and lemmas, and normalises apostrophes for matching', () => {
    const doc = run('Kim visited Hanoi. Lam’s trip.');
    const visited = doc.tokens.find((t) => t.text === 'visited')!;
    expect(visited).toMatchObject({ pos: 'VERB', lemma: 'visit' });
    expect(doc.tokens.find((t) => t.text === '’s')!.lower).toBe("'s");
  });

  it('lemmatises a word by its POS, gives contraction parts their own lemma, and does so alike on every reading', () => {
    const text = "He saw the saw. She can't stay; the saws stayed.";
    const lemmas = () => run(text).tokens.map((t) => `${t.text}:${t.lemma}`);
    const first = lemmas();
    expect(first).toEqual(expect.arrayContaining(['saw:see', 'saw:saw', 'ca:can', "n't:not", 'saws:saw', 'stayed:stay']));
    expect(lemmas()).toEqual(first);
  });

  it('gives a lemma to every token, even where wink has none ("cannot")', () => {
    for (const text of ['He cannot visit.', 'Cannot stop. We cannot.', 'The firm said it "cannot" comment.']) {
      for (const t of run(text).tokens) expect(typeof t.lemma === 'string' && t.lemma.length > 0, `lemma of '${t.text}'`).toBe(true);
    }
  });

  it('splits a possessive the same way whatever wink has read before', () => {
    const text = "Mr Blunkett's word was final.";
    const before = run(text).tokens.map((t) => t.text);
    run("The Home Secretary, Mr Blunkett's deputy, spoke. Blunkett's aides agreed.");
    expect(run(text).tokens.map((t) => t.text)).toEqual(before);
    expect(before.slice(0, 3)).toEqual(['Mr', 'Blunkett', "'s"]);
  });

  it('reads a very long run without spaces (quadratic in wink) as one token, keeping its text', () => {
    const run1 = '-'.repeat(80_000);
    const text = `Before ${run1} after https://example.org/${'a'.repeat(150)} end.`;
    const doc = run(text);
    const long = doc.tokens.find((t) => t.text.length === run1.length)!;
    expect(text.slice(long.start, long.end)).toBe(run1);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(doc.tokens.map((t) => t.text)).toContain('after');
  });

  it('keeps its place after a run of more spaces than wink counts (65,534)', () => {
    const text = `Hello${' '.repeat(70_000)}world again.`;
    const tokens = run(text).tokens;
    expect(tokens.map((t) => [t.text, t.pos === 'X'])).toEqual([
      ['Hello', false],
      ['world', false],
      ['again', false],
      ['.', false],
    ]);
    expect(tokens[1].start).toBe(70_005);
    expect(tokens[1].spaceBefore).toBe(true);
  });

  it('finds the headline and a wire dateline', () => {
    const doc = run(readFileSync('seeds/000_8adeb89ad61cd016.txt', 'utf8'));
    expect(doc.title).toBe('Vietnam’s top leader to pay rare visit to North Korea in October, sources say');
    expect(doc.dateline?.text).toBe('HANOI (Reuters)');
  });

  it('copes with empty, whitespace-only and very long single-line text', () => {
    expect(run('').tokens).toEqual([]);
    expect(run(' \n\t\n').sentences).toEqual([]);
    const long = 'word '.repeat(100_000);
    const doc = run(long);
    expect(doc.tokens).toHaveLength(100_000);
    expect(doc.tokens.at(-1)!.end).toBe(long.length - 1);
  });
});
