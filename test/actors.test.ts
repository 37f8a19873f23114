/** The actor knowledge base: the derived leaders file, the hand-kept rules/actors.yaml, and lookups by name and date. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActorKnowledge, actorKnowledge, countryAt, LEADERS_FILE, readLeaders, type Actor } from '../src/actors/knowledge.ts';
import { ActorSchema, foldName } from '../src/actors/data.ts';

const root = path.resolve(import.meta.dirname, '..');
const kb = actorKnowledge();
const countryOf = (name: string, date?: string) => kb.identify(name, date)?.country;

describe('the derived leaders file', () => {
  const leaders = readLeaders();

  it('holds thousands of office holders, every one a valid actor with dated terms', () => {
    expect(leaders.length).toBeGreaterThan(17_000);
    for (const a of leaders) expect(() => ActorSchema.parse({ name: a.name, variants: a.variants, terms: a.terms.map(({ source: _, ...t }) => t) }), a.name).not.toThrow();
    const lines = readFileSync(LEADERS_FILE, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    // Every term of every line was read: none fell out for a format the reader does not know.
    expect(leaders.reduce((n, a) => n + a.terms.length, 0)).toBe(lines.reduce((n, l) => n + l.split('\t')[2].split(';').length, 0));
  });

  const shared = path.join(root, '..', 'shared', 'data', 'leaders');
  it.skipIf(!existsSync(shared))('is what scripts/build-actors.ts writes from ../shared/data/leaders', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'envoy-actors-'));
    try {
      for (const f of ['package.json', 'rules', 'scripts', 'src']) cpSync(path.join(root, f), path.join(copy, f), { recursive: true });
      symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
      execFileSync(process.execPath, ['--import', 'tsx', path.join(copy, 'scripts', 'build-actors.ts'), shared], { cwd: copy, stdio: 'pipe' });
      for (const f of ['leaders.tsv', 'NOTICE.md']) expect(readFileSync(path.join(copy, 'data', 'actors', f), 'utf8'), f).toBe(readFileSync(path.join(root, 'data', 'actors', f), 'utf8'));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);

  it('keeps the MIT notice of the Phoenix dictionaries beside what is derived from them', () => {
    const notice = readFileSync(path.join(root, 'data', 'actors', 'NOTICE.md'), 'utf8');
    expect(notice).toMatch(/Copyright \(c\) 2014 Open Event Data Alliance/);
    expect(notice).toMatch(/Permission is hereby granted, free of charge/);
    expect(notice).toMatch(/CC0 1\.0/);
  });
});

describe('looking up a name at a date', () => {
  it('gives a leader named in full the country of the office they held', () => {
    expect(countryOf('Tony Blair', '2005-06-01')).toBe('GBR');
    expect(countryOf('Shinzo Abe', '2007')).toBe('JPN');
    expect(countryOf('Recep Tayyip Erdogan', '2023-07')).toBe('TUR');
    expect(kb.identify('Tony Blair', '2005')?.match).toBe('name');
  });

  it('reads accents, hyphens and dots as the same name', () => {
    expect(foldName('Nicolás  Maduro')).toBe(foldName('Nicolas Maduro'));
    expect(foldName('Akufo-Addo')).toBe('akufo addo');
    expect(countryOf('Andres Manuel Lopez Obrador', '2020')).toBe('MEX');
  });

  it('knows a bare surname when the people of that surname in office at the date agree', () => {
    // Dennis Blair (USA) held no office in 2005; Tony Blair did.
    expect(countryOf('Blair', '2005-03')).toBe('GBR');
    expect(kb.identify('Blair', '2005-03')?.match).toBe('surname');
    expect(countryOf('Netanyahu', '2024-02')).toBe('ISR');
    // A family name that comes first.
    expect(kb.identify('Xi', '2014')).toMatchObject({ country: 'CHN', actor: { name: 'Xi Jinping' } });
  });

  it('gives no country when people of the name point to different countries', () => {
    expect(countryOf('Kim', '2005')).toBeUndefined();
    expect(countryOf('Lee', '2012')).toBeUndefined();
    expect(countryOf('Ali', '2010')).toBeUndefined();
  });

  it('finds fuller and shorter forms with the same given name', () => {
    expect(kb.identify('Nana Addo Dankwa Akufo-Addo', '2019')).toMatchObject({ country: 'GHA', match: 'name' });
    expect(kb.identify('Bruno Rodriguez', '2017')).toMatchObject({ country: 'CUB', match: 'form' });
    // A given name that is not the known person's is another person.
    expect(kb.identify('William Lai', '2012')?.match).not.toBe('form');
  });

  it('knows the names the press uses, from rules/actors.yaml', () => {
    expect(countryOf('MBS', '2019')).toBe('SAU');
    expect(countryOf('Jokowi', '2020')).toBe('IDN');
    expect(countryOf('AMLO', '2021')).toBe('MEX');
    expect(countryOf('Lula', '2023-04')).toBe('BRA');
    expect(countryOf('Pope Francis', '2016')).toBe('VAT');
  });

  it('gives no country for an office of an international organisation', () => {
    expect(countryOf('Antonio Guterres', '2020')).toBeUndefined();
    expect(countryOf('Antonio Guterres', '1998')).toBe('PRT');
  });

  it('ties between two countries give none, and the stronger office wins otherwise', () => {
    const union: Actor = {
      name: 'Test Monarch',
      variants: [],
      terms: [
        { country: 'AAA', role: 'head-of-state', from: '2001', source: 'test' },
        { country: 'BBB', role: 'head-of-state', from: '2001', source: 'test' },
      ],
    };
    expect(countryAt(union, '2010')).toBeUndefined();
    const minister: Actor = { ...union, terms: [...union.terms, { country: 'AAA', role: 'government', from: '1995', to: '2000', source: 'test' }] };
    expect(countryAt(minister, '1998')?.country).toBe('AAA');
    const small = new ActorKnowledge([union]);
    expect(small.identify('Monarch', '2010')).toMatchObject({ match: 'surname', candidates: 1 });
    expect(small.identify('Monarch', '2010')?.country).toBeUndefined();
  });
});
