import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../src/doc.ts';
import { defaultContext, runPipeline, stagesThrough } from '../src/pipeline.ts';
import { FigureSchema, type Figure } from '../src/schema.ts';
import { figures } from '../src/stages/figures.ts';
import { figureExamples, RULE_FILE } from '../src/figures/grammar.ts';
import { scaleDecimal } from '../src/figures/decimal.ts';
import { DEFAULT_RULES_DIR, RuleError } from '../src/rules/load.ts';

const root = path.resolve(import.meta.dirname, '..');

function run(text: string, rulesDir?: string): Figure[] {
  const ctx = defaultContext(rulesDir);
  const doc = runPipeline(emptyDoc(text, { value: '2025-09', origin: 'option' }), ctx, stagesThrough('dates'));
  const found = figures(doc, ctx).figures;
  for (const f of found) {
    FigureSchema.parse(f);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
    expect(f.evidence.start).toBeLessThanOrEqual(f.start);
    expect(f.evidence.end).toBeGreaterThanOrEqual(f.end);
  }
  return found;
}

const brief = (f: Figure) => ({ text: f.text, value: f.value, unit: f.unit, qualifier: f.qualifier });

describe('figures: forms', () => {
  const cases: Array<[sentence: string, text: string, value: number, unit: string, qualifier?: Figure['qualifier']]> = [
    ['Trade reached $86.7 billion.', '$86.7 billion', 86_700_000_000, 'USD'],
    ['The fund holds US$1.2bn.', 'US$1.2bn', 1_200_000_000, 'USD'],
    ['Brussels offered €500 million.', '€500 million', 500_000_000, 'EUR'],
    ['The club paid £3m for him.', '£3m', 3_000_000, 'GBP'],
    ['Brown wants a £5.5bn fund.', '£5.5bn', 5_500_000_000, 'GBP'],
    ['Profits hit £106m.', '£106m', 106_000_000, 'GBP'],
    ['Sales were $1.13bn.', '$1.13bn', 1_130_000_000, 'USD'],
    ['Beijing lent 10 billion yuan to the port.', '10 billion yuan', 10_000_000_000, 'CNY'],
    ['The scheme costs Rs 5,000 crore.', 'Rs 5,000 crore', 50_000_000_000, 'INR'],
    ['Pretoria set aside R2.5 billion.', 'R2.5 billion', 2_500_000_000, 'ZAR'],
    ['Wellington pledged NZ$30 million.', 'NZ$30 million', 30_000_000, 'NZD'],
    ['Canberra gave A$15m.', 'A$15m', 15_000_000, 'AUD'],
    ['Ottawa gave C$40m.', 'C$40m', 40_000_000, 'CAD'],
    ['The tycoon paid HK$2bn.', 'HK$2bn', 2_000_000_000, 'HKD'],
    ['The port cost S$900 million.', 'S$900 million', 900_000_000, 'SGD'],
    ['Brasilia spent R$7bn.', 'R$7bn', 7_000_000_000, 'BRL'],
    ['Canberra announced a $US60 million partnership.', '$US60 million', 60_000_000, 'USD'],
    ['Tokyo offered ¥100 billion.', '¥100 billion', 100_000_000_000, 'JPY'],
    ['The bank, which lends in yuan, offered ¥100 billion.', '¥100 billion', 100_000_000_000, 'CNY'],
    ['They signed deals worth 1.6 billion US dollars.', '1.6 billion US dollars', 1_600_000_000, 'USD'],
    ['The cost is USD 500 billion.', 'USD 500 billion', 500_000_000_000, 'USD'],
    ['The cost is KRW 686 trillion.', 'KRW 686 trillion', 686_000_000_000_000, 'KRW'],
    ['Retailers will buy goods worth 2 billion euros.', '2 billion euros', 2_000_000_000, 'EUR'],
    ['They will build a 10-billion-euro plant.', '10-billion-euro', 10_000_000_000, 'EUR'],
    ['Each dose costs $20.', '$20', 20, 'USD'],
    ['Prices rose 2.5% in May.', '2.5%', 2.5, 'percent'],
    ['Turnout was 25 per cent.', '25 per cent', 25, 'percent'],
    ['Turnout was 60 percent.', '60 percent', 60, 'percent'],
    ['The road plan is worth $1 trillion.', '$1 trillion', 1_000_000_000_000, 'USD'],
    ['A stamp costs 50 pence.', '50 pence', 0.5, 'GBP'],
    ['They approved a $2bn package.', '$2bn', 2_000_000_000, 'USD', 'exact'],
    ['The EU lent €1.5-billion to Kyiv.', '€1.5-billion', 1_500_000_000, 'EUR'],
    ['Only five per cent voted.', 'five per cent', 5, 'percent'],
    ['The 2.5 lakh crore budget is Rs 2.5 lakh crore.', 'Rs 2.5 lakh crore', 2_500_000_000_000, 'INR'],
    ['Pakistan approved Rs 500 billion.', 'Rs 500 billion', 500_000_000_000, 'PKR'],
    ['Shares closed at 325.5p.', '325.5p', 3.255, 'GBP'],
  ];
  for (const [sentence, text, value, unit, qualifier = 'exact'] of cases) {
    it(`${text} in "${sentence}"`, () => {
      const found = run(sentence);
      expect(found.map(brief)).toContainEqual({ text, value, unit, qualifier });
      expect(found).toHaveLength(1);
    });
  }

  it('reads the rule that matched', () => {
    expect(run('A £5m grant.')[0].rule).toBe('currency.gbp');
    expect(run('Up 5%.')[0].rule).toBe('percent');
    expect(run('China lent ¥3bn in yuan loans.')[0].rule).toBe('reading.yen-sign-as-yuan');
  });
});

describe('figures: values are exact', () => {
  it('computes scaled decimals from the digits, not by floating multiplication', () => {
    expect(272.9 * 1e9).not.toBe(272_900_000_000);
    expect(run('China with $272.9 billion.')[0].value).toBe(272_900_000_000);
    expect(run('Sales of $0.29bn.')[0].value).toBe(290_000_000);
    expect(run('A fee of £1,234.56.')[0].value).toBe(1234.56);
  });
  it('shifts the decimal point in either direction', () => {
    expect(scaleDecimal('272.9', 9)).toBe(272_900_000_000);
    expect(scaleDecimal('1.13', 9)).toBe(1_130_000_000);
    expect(scaleDecimal('5,00,000', 0)).toBe(500_000);
    expect(scaleDecimal('7', -2)).toBe(0.07);
    expect(scaleDecimal('325.5', -2)).toBe(3.255);
    expect(scaleDecimal('0.000015', 9)).toBe(15_000);
  });
});

describe('figures: qualifiers', () => {
  const cases: Array<[string, string, Figure['qualifier']]> = [
    ['Investments exceeding $90 billion remain.', '$90 billion', 'over'],
    ['They exported goods worth nearly $3 million.', '$3 million', 'approx'],
    ['It needs more than $10 billion.', '$10 billion', 'over'],
    ['It needs at least £2m.', '£2m', 'over'],
    ['It needs upwards of £2m.', '£2m', 'over'],
    ['Costs are in excess of £2m.', '£2m', 'over'],
    ['Costs are just over £2m.', '£2m', 'over'],
    ['Costs are less than £2m.', '£2m', 'under'],
    ['Costs are under £2m.', '£2m', 'under'],
    ['Costs are below 3%.', '3%', 'under'],
    ['Fines of up to €500,000 apply.', '€500,000', 'under'],
    ['No more than 3% may be spent.', '3%', 'under'],
    ['Costs are just under £2m.', '£2m', 'under'],
    ['It is about 60% of output.', '60%', 'approx'],
    ['It is around $4bn.', '$4bn', 'approx'],
    ['It rose roughly 30%.', '30%', 'approx'],
    ['It is almost $4bn.', '$4bn', 'approx'],
    ['Ankara secured some $28 billion.', '$28 billion', 'approx'],
    ['It costs approximately $4bn.', '$4bn', 'approx'],
    ['It is close to $4bn.', '$4bn', 'approx'],
    ['The cost is an estimated USD 500 billion.', 'USD 500 billion', 'approx'],
    ['It cost ~$4bn.', '$4bn', 'approx'],
    ['It will cost $3bn or so.', '$3bn', 'approx'],
    ['It will cost $3bn or more.', '$3bn', 'over'],
    ['Sales rose 21% last year.', '21%', 'exact'],
  ];
  for (const [sentence, text, qualifier] of cases) {
    it(`${qualifier}: "${sentence}"`, () => {
      const f = run(sentence).find((x) => x.text === text);
      expect(f?.qualifier).toBe(qualifier);
    });
  }

  it('keeps the qualifier words in the evidence but out of the span', () => {
    const [f] = run('They exported goods worth nearly $3 million.');
    expect(f.text).toBe('$3 million');
    expect(f.evidence.text).toBe('nearly $3 million');
    const [g] = run('It will cost $3bn or more.');
    expect(g.evidence.text).toBe('$3bn or more');
  });

  it('gives a bracketed conversion the qualifier of the amount it restates', () => {
    const found = run('"At least $10 billion per annum (£5.5bn) is needed," he said, raising aid by over $50 billion (£27bn).');
    expect(found.map(brief)).toEqual([
      { text: '$10 billion', value: 10_000_000_000, unit: 'USD', qualifier: 'over' },
      { text: '£5.5bn', value: 5_500_000_000, unit: 'GBP', qualifier: 'over' },
      { text: '$50 billion', value: 50_000_000_000, unit: 'USD', qualifier: 'over' },
      { text: '£27bn', value: 27_000_000_000, unit: 'GBP', qualifier: 'over' },
    ]);
  });
});

describe('figures: ranges', () => {
  it('"$2-3 billion" gives both amounts, the first with the scale of the second', () => {
    expect(run('It will cost $2-3 billion.').map(brief)).toEqual([
      { text: '$2', value: 2_000_000_000, unit: 'USD', qualifier: 'exact' },
      { text: '3 billion', value: 3_000_000_000, unit: 'USD', qualifier: 'exact' },
    ]);
  });
  it('"between $2bn and $3bn" gives both amounts', () => {
    expect(run('It will cost between $2bn and $3bn.').map((f) => [f.text, f.value])).toEqual([
      ['$2bn', 2_000_000_000],
      ['$3bn', 3_000_000_000],
    ]);
  });
  it('"between 50 and 60%" makes both percentages; a qualifier covers both sides', () => {
    expect(run('Sales fell by between 50 and 60%.').map((f) => [f.text, f.value, f.unit])).toEqual([
      ['50', 50, 'percent'],
      ['60%', 60, 'percent'],
    ]);
    expect(run('Growth of about 20-30% is likely.').map((f) => f.qualifier)).toEqual(['approx', 'approx']);
  });
  it('does not join a change between two different figures, or a count after an amount', () => {
    expect(run('Sales rose 2.8% to 14.96bn euros.').map(brief)).toEqual([
      { text: '2.8%', value: 2.8, unit: 'percent', qualifier: 'exact' },
      { text: '14.96bn euros', value: 14_960_000_000, unit: 'EUR', qualifier: 'exact' },
    ]);
    expect(run('Sales rose 8% to 4.7 million cars.').map((f) => [f.text, f.value])).toEqual([['8%', 8]]);
    expect(run('They paid $20 to 30 people.').map((f) => [f.text, f.value])).toEqual([['$20', 20]]);
    expect(run('Exports rose in 2004 to $3bn.').map((f) => [f.text, f.value])).toEqual([['$3bn', 3_000_000_000]]);
  });
});

describe('figures: not figures', () => {
  const nonFigures = [
    'The two countries celebrate 75 years of diplomatic relations.',
    'It was the first visit in nearly 20 years.',
    'Korea ranked as the third-largest export destination.',
    'Call 020 7946 0958 for details.',
    'The visit took place in 2019.',
    'The G7 leaders met at No. 10 Downing Street.',
    'Chelsea won 2-1 on Sunday.',
    'Some 3,000 troops and 110m tons of oil.',
    'Halo 2 won three awards.',
    'The rapper 50 Cent performed.',
    'Rates rose by 0.5 percentage points.',
    'They were ranked No 3 in the world.',
  ];
  for (const sentence of nonFigures) {
    it(sentence, () => expect(run(sentence)).toEqual([]));
  }
});

describe('figures: measure and year', () => {
  it('takes the nearest cue word in the clause as the measure', () => {
    const found = run('Asia’s fourth-largest economy exported $55.9 billion worth of goods to Vietnam and imported $25.6 billion in 2024.');
    expect(found.map((f) => [f.text, f.measure, f.year])).toEqual([
      ['$55.9 billion', 'exports', 2024],
      ['$25.6 billion', 'imports', 2024],
    ]);
  });
  it('reads investment, aid, loans and deals', () => {
    expect(run('Existing investments exceeding $90 billion.')[0].measure).toBe('investment');
    expect(run('Biden will announce nearly $2bn in fresh security aid.')[0].measure).toBe('aid');
    expect(run('The bank granted a $4bn loan.')[0].measure).toBe('loan');
    expect(run('Ankara secured some $28 billion in currency swap deals.')[0].measure).toBe('deal');
  });
  it('does not look past a clause boundary', () => {
    const [f] = run('The budget was approved; it includes $5bn.');
    expect(f.measure).toBeUndefined();
  });
  it('takes the year from the clause, but not from another sentence', () => {
    expect(run('The data for 2016 show goods worth nearly $3 million.')[0].year).toBe(2016);
    expect(run('It happened in 2016. Goods worth $3 million were sold.')[0].year).toBeUndefined();
    expect(run('Goods worth $3 million were sold, 3,000 more than before.')[0].year).toBeUndefined();
  });
  it('shares measure and year with the amount a conversion restates', () => {
    const found = run('Exports reached 10bn yuan ($1.4bn) in 2004.');
    expect(found.map((f) => [f.text, f.measure, f.year])).toEqual([
      ['10bn yuan', 'exports', 2004],
      ['$1.4bn', 'exports', 2004],
    ]);
  });
});

describe('figures: without earlier layers', () => {
  it('uses the line as the sentence when there are no sentences, and scans years itself when there are no dates', () => {
    const text = 'China lent ¥3bn in yuan.\nExports hit $5bn in 2024.\n';
    const found = figures(emptyDoc(text, { value: null, origin: 'none' }), defaultContext()).figures;
    expect(found.map((f) => [f.text, f.unit, f.measure, f.year])).toEqual([
      ['¥3bn', 'CNY', 'loan', undefined],
      ['$5bn', 'USD', 'exports', 2024],
    ]);
  });
  it('finds nothing in an empty text', () => expect(run('')).toEqual([]));
});

describe('figures: seed articles', () => {
  const seed = (name: string) => readFileSync(path.join(root, 'seeds', name), 'utf8');
  it('000: "$90 billion" over and "$3 million" approx, and nothing else', () => {
    const found = run(seed('000_8adeb89ad61cd016.txt'));
    expect(found.map(brief)).toEqual([
      { text: '$90 billion', value: 90_000_000_000, unit: 'USD', qualifier: 'over' },
      { text: '$3 million', value: 3_000_000, unit: 'USD', qualifier: 'approx' },
    ]);
    expect(found[0].measure).toBe('investment');
    expect(found[1].year).toBe(2016);
  });
  it('003: five exact USD amounts', () => {
    const found = run(seed('003_ee4086bdbad132e3.txt'));
    expect(found.map((f) => [f.text, f.value, f.unit, f.qualifier])).toEqual([
      ['$86.7 billion', 86_700_000_000, 'USD', 'exact'],
      ['$272.9 billion', 272_900_000_000, 'USD', 'exact'],
      ['$199.9 billion', 199_900_000_000, 'USD', 'exact'],
      ['$55.9 billion', 55_900_000_000, 'USD', 'exact'],
      ['$25.6 billion', 25_600_000_000, 'USD', 'exact'],
    ]);
    expect(found[0].measure).toBe('trade');
    expect(found[4]).toMatchObject({ measure: 'imports', year: 2024 });
  });
});

describe('rules/figures.yaml examples', () => {
  for (const rule of figureExamples()) {
    for (const example of rule.examples) {
      const amount = example.amount ?? example.text;
      it(`${rule.id}: ${amount} in "${example.text}"`, () => {
        const f = run(example.text).find((x) => x.text === amount);
        expect(f, `no figure "${amount}"`).toBeDefined();
        const { text: _text, amount: _amount, ...expected } = example;
        expect(f).toMatchObject(expected);
      });
    }
    for (const text of rule.not) {
      it(`${rule.id}: no figure in "${text}"`, () => expect(run(text)).toEqual([]));
    }
  }
});

describe('rules/figures.yaml validation', () => {
  const withRules = (edit: (yaml: string) => string) => {
    // A full copy of the rule set, so the earlier stages find their own rule files.
    const dir = mkdtempSync(path.join(tmpdir(), 'envoy-figures-'));
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    writeFileSync(path.join(dir, RULE_FILE), edit(readFileSync(path.join(DEFAULT_RULES_DIR, RULE_FILE), 'utf8')));
    return dir;
  };
  it('reports an unknown key at its line', () => {
    const dir = withRules((y) => y.replace('    code: EUR\n', '    code: EUR\n    colour: blue\n'));
    expect(() => run('€5m', dir)).toThrow(RuleError);
    expect(() => run('€5m', dir)).toThrow(/figures\.yaml:\d+:\d+ .*colour/);
  });
  it('rejects a currency code that is not ISO 4217', () => {
    const dir = withRules((y) => y.replace('code: EUR', 'code: EUX'));
    expect(() => run('€5m', dir)).toThrow(/'EUX' is not an ISO 4217 currency code/);
  });
  it('runs with an edited rule file: a new currency symbol is data, not code', () => {
    const dir = withRules((y) => y.replace('symbols: ["€"]', 'symbols: ["€", "EUR€"]'));
    expect(run('It cost EUR€5m.', dir).map(brief)).toEqual([{ text: 'EUR€5m', value: 5_000_000, unit: 'EUR', qualifier: 'exact' }]);
  });
});
