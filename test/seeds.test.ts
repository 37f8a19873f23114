/** End to end on the two seed articles: the facts a reader takes from them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract, type Extraction, type VisitEvent } from '../src/index.ts';

function run(file: string, referenceDate?: string): Extraction {
  return extract(readFileSync(`seeds/${file}`, 'utf8'), { id: file.replace(/\.txt$/, ''), source: `seeds/${file}`, referenceDate });
}

const surname = (name: string) => name.split(/[\s-]+/);
function visitOf(x: Extraction, visitorWord: string, destination: string): VisitEvent {
  const found = x.events.filter((e) => e.destination.country === destination && e.visitors.some((v) => surname(v.name).includes(visitorWord)));
  expect(found, `one visit by ${visitorWord} to ${destination}`).toHaveLength(1);
  return found[0];
}
const metNames = (e: VisitEvent) => e.met.map((m) => m.name);

describe('seed 000 (Reuters, To Lam to North Korea)', () => {
  const x = run('000_8adeb89ad61cd016.txt');

  it('infers the reference date from the text when none is given', () => {
    expect(x.document.referenceDate).toMatchObject({ value: '2025-09', origin: 'text' });
    expect(x.document.dateline).toBe('HANOI (Reuters)');
  });

  it('To Lam (VNM) will visit North Korea in October 2025 and meet Kim Jong Un', () => {
    const v = visitOf(x, 'Lam', 'PRK');
    expect(v).toMatchObject({ visitorCountry: 'VNM', status: 'planned', when: { value: '2025-10' } });
    expect(v.visitors.map((p) => p.name)).toEqual(['To Lam']);
    expect(metNames(v)).toContain('Kim Jong Un');
    expect(v.attribution).toMatch(/Vietnamese officials|sources/);
  });

  it('Nong Duc Manh visited North Korea in 2007; Ho Chi Minh in 1957', () => {
    expect(visitOf(x, 'Manh', 'PRK')).toMatchObject({ visitorCountry: 'VNM', status: 'completed', when: { value: '2007' } });
    expect(visitOf(x, 'Minh', 'PRK')).toMatchObject({ visitorCountry: 'VNM', status: 'completed', when: { value: '1957' } });
  });

  it('Kim Jong Un visited Hanoi in 2019 and met Donald Trump', () => {
    const v = visitOf(x, 'Kim', 'VNM');
    expect(v).toMatchObject({ visitorCountry: 'PRK', destination: { place: 'Hanoi' }, status: 'completed', when: { value: '2019' } });
    expect(metNames(v)).toContain('Donald Trump');
  });

  it('To Lam visited South Korea in August 2025, hosted by Lee Jae Myung', () => {
    const v = visitOf(x, 'Lam', 'KOR');
    expect(v).toMatchObject({ visitorCountry: 'VNM', status: 'completed', when: { value: '2025-08' } });
    expect(metNames(v)).toContain('Lee Jae Myung');
  });

  it('finds exactly the five visits, each with evidence that slices the text and a rule id', () => {
    const text = readFileSync('seeds/000_8adeb89ad61cd016.txt', 'utf8');
    expect(x.events).toHaveLength(5);
    for (const e of x.events) {
      expect(e.rule).toMatch(/^[a-z-]+$/);
      expect(e).toMatchObject({ cameo: expect.stringMatching(/^04\d$/), plover: { type: 'CONSULT', mode: 'visit' } });
      for (const s of e.evidence) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('reads the figures: over $90 billion, nearly $3 million', () => {
    expect(x.figures.map((f) => [f.text, f.value, f.unit, f.qualifier])).toEqual([
      ['$90 billion', 90_000_000_000, 'USD', 'over'],
      ['$3 million', 3_000_000, 'USD', 'approx'],
    ]);
  });
});

describe('seed 003 (Korea Economic Daily, To Lam to Seoul)', () => {
  const x = run('003_ee4086bdbad132e3.txt');

  it('infers July 2025 as the reference date', () => {
    expect(x.document.referenceDate).toMatchObject({ value: '2025-07', origin: 'text' });
  });

  it('To Lam will visit Seoul on 10 August 2025 and meet Lee Jae-myung', () => {
    const v = visitOf(x, 'Lam', 'KOR');
    expect(v).toMatchObject({ visitorCountry: 'VNM', destination: { place: 'Seoul' }, status: 'planned', when: { value: '2025-08-10' } });
    expect(metNames(v)).toContain('Lee Jae-myung');
  });

  it('Nguyen Phu Trong visited Seoul in 2014, meeting Park Geun-hye and Lee Jae-yong', () => {
    const v = visitOf(x, 'Trong', 'KOR');
    expect(v).toMatchObject({ visitorCountry: 'VNM', destination: { place: 'Seoul' }, status: 'completed', when: { value: '2014' } });
    expect(metNames(v)).toEqual(expect.arrayContaining(['Park Geun-hye', 'Lee Jae-yong']));
  });

  it('the phone call between Lee Jae-myung and Luong Cuong is not a visit', () => {
    expect(x.events.some((e) => e.visitors.some((v) => /Cuong|Jae-myung/.test(v.name)))).toBe(false);
    expect(x.events.filter((e) => e.visitorCountry === 'VNM')).toHaveLength(2);
  });

  it('reads five exact USD figures, with measure and year where stated', () => {
    expect(x.figures.map((f) => [f.text, f.value, f.unit, f.qualifier])).toEqual([
      ['$86.7 billion', 86_700_000_000, 'USD', 'exact'],
      ['$272.9 billion', 272_900_000_000, 'USD', 'exact'],
      ['$199.9 billion', 199_900_000_000, 'USD', 'exact'],
      ['$55.9 billion', 55_900_000_000, 'USD', 'exact'],
      ['$25.6 billion', 25_600_000_000, 'USD', 'exact'],
    ]);
    expect(x.figures[0].measure).toBe('trade');
    expect(x.figures[4].year).toBe(2024);
  });

  it('resolves the actors to their countries', () => {
    const country = (name: string) => x.entities.find((e) => e.name === name)?.country;
    expect(country('To Lam')).toBe('VNM');
    expect(country('Lee Jae-myung')).toBe('KOR');
    expect(country('Luong Cuong')).toBe('VNM');
    expect(country('Seoul')).toBe('KOR');
  });
});
