import { describe, expect, it } from 'vitest';
import { parseConll, scoreConll } from '../src/eval/conll.ts';

// A made-up document in CoNLL-2003 layout (token POS chunk IOB1-tag).
const SAMPLE = [
  '-DOCSTART- -X- O O',
  '',
  'French JJ I-NP I-MISC',
  'President NNP I-NP O',
  'Emmanuel NNP I-NP I-PER',
  'Macron NNP I-NP I-PER',
  'visited VBD I-VP O',
  'Beijing NNP I-NP I-LOC',
  'and CC O O',
  'Airbus NNP I-NP I-ORG',
  '. . O O',
  '',
  'Paris NNP I-NP I-LOC',
  'Lyon NNP I-NP B-LOC',
  '',
].join('\n');

describe('CoNLL-2003 harness', () => {
  it('rebuilds the text with single spaces and a line per sentence, with character spans (IOB1)', () => {
    const [doc] = parseConll(SAMPLE);
    expect(doc.text).toBe('French President Emmanuel Macron visited Beijing and Airbus .\nParis Lyon');
    expect(doc.gold.map((g) => [doc.text.slice(g.start, g.end), g.type])).toEqual([
      ['French', 'MISC'],
      ['Emmanuel Macron', 'PER'],
      ['Beijing', 'LOC'],
      ['Airbus', 'ORG'],
      ['Paris', 'LOC'],
      ['Lyon', 'LOC'],
    ]);
  });

  it('scores exact span matches per type', () => {
    const score = scoreConll(parseConll(SAMPLE));
    expect(score.perType.PER).toMatchObject({ tp: 1, fn: 0 });
    expect(score.perType.MISC).toMatchObject({ tp: 1 });
    expect(score.micro.tp + score.micro.fn).toBe(5);
  });
});
