import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../src/doc.ts';
import { tokenise } from '../src/stages/tokenise.ts';
import { compilePattern, findAll, PatternSchema, StartIndex } from '../src/rules/matcher.ts';

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

  describe('start index', () => {
    const compile = (pattern: unknown) => compilePattern(PatternSchema.parse(pattern));

    it('keys a pattern by the words its first required token may have, through optional tokens before it', () => {
      expect(compile([{ lemma: ['visit', 'trip'] }]).starts).toEqual(new Set(['visit', 'trip']));
      expect(compile([{ lower: 'courtesy', op: '?' }, { lemma: 'call' }]).starts).toEqual(new Set(['courtesy', 'call']));
      // A test on POS alone, a negated test, or an optional test with only optional ones after it can start anywhere.
      expect(compile([{ pos: 'VERB' }, { lower: 'to' }]).starts).toBeUndefined();
      expect(compile([{ lower: 'no', not: true }]).starts).toBeUndefined();
      expect(compile([{ lower: 'the', op: '?' }, { pos: 'NOUN', op: '+' }]).starts).toBeUndefined();
    });

    it('finds positions by text or lemma in one pass, and findAll over them finds what a full scan finds', () => {
      const text = 'She paid a courtesy call on the king, then made a state visit and called on the premier. The visits went well.';
      const toks = tokens(text);
      const patterns = [
        compile([{ lower: 'courtesy', op: '?' }, { lemma: 'call' }, { lower: 'on' }]),
        compile([{ lemma: ['pay', 'make'] }, { lower: ['a', 'an'], op: '?' }, { pos: ['ADJ', 'NOUN'], op: '*' }, { lemma: 'visit' }]),
        compile([{ pos: 'DET' }, { lemma: 'visit' }]),
      ];
      const positions = new StartIndex(patterns).positions(toks);
      const words = (k: number) => positions[k]!.map((i) => toks[i].text);
      expect(words(0)).toEqual(['courtesy', 'call', 'called']);
      expect(words(1)).toEqual(['paid', 'made']);
      expect(positions[2]).toBeUndefined();
      patterns.forEach((p, k) => {
        const full = findAll(p, toks);
        expect(full.length).toBeGreaterThan(0);
        expect(findAll(p, toks, 0, toks.length, positions[k])).toEqual(full);
      });
      // Within a range, as per sentence: only the second "call on" lies after token 8.
      expect(findAll(patterns[0], toks, 8, toks.length, positions[0]).map((m) => toks[m.start].text)).toEqual(['called']);
    });

    it('lists no position for a word of the length and first letter of a start word', () => {
      const toks = tokens('A cell phone call, a mall visit, a vista; Calls were made.');
      const positions = new StartIndex([compile([{ lemma: 'call' }]), compile([{ lower: 'visit' }])]).positions(toks);
      expect(positions[0]!.map((i) => toks[i].text)).toEqual(['call', 'Calls']);
      expect(positions[1]!.map((i) => toks[i].text)).toEqual(['visit']);
    });
  });
});
