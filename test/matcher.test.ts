import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../src/doc.ts';
import { tokenise } from '../src/stages/tokenise.ts';
import { compilePattern, findAll, PatternSchema } from '../src/rules/matcher.ts';

const tokens = (text: string) => tokenise(emptyDoc(text, { value: null, origin: 'none' })).tokens;
const texts = (text: string, pattern: unknown) => {
  const toks = tokens(text);
  return findAll(compilePattern(PatternSchema.parse(pattern)), toks).map((m) => toks.slice(m.start, m.end).map((t) => t.text).join(' '));
};

describe('token pattern matcher', () => {
  it('matches lemmas across inflections', () => {
    expect(texts('He visited Hanoi and visits Seoul.', [{ lemma: 'visit' }])).toEqual(['visited', 'visits']);
  });

  it('honours optional and repeated tokens, longest match first', () => {
    const pattern = [{ lemma: ['pay', 'make'] }, { lower: ['a', 'an'], op: '?' }, { pos: ['ADJ', 'NOUN'], op: '*' }, { lemma: 'visit' }];
    expect(texts('She will pay a rare state visit to Japan.', pattern)).toEqual(['pay a rare state visit']);
    expect(texts('They made visits.', pattern)).toEqual(['made visits']);
    expect(texts('She paid the bill.', pattern)).toEqual([]);
  });

  it('treats typographic and straight apostrophes alike', () => {
    expect(texts('Lam’s trip and Kim\'s trip', [{ lower: "'s" }, { lemma: 'trip' }])).toHaveLength(2);
  });

  it('negates a test with not', () => {
    expect(texts('the first visit by him since 1990', [{ lower: 'first' }, { lemma: 'visit' }, { op: '*', not: true, lower: ['since', ','] }, { lower: 'since' }])).toEqual([
      'first visit by him since',
    ]);
  });

  it('rejects a token test that tests nothing', () => {
    expect(PatternSchema.safeParse([{ op: '?' }]).success).toBe(false);
  });
});
