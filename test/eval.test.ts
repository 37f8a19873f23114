/** The gold scorer, and `envoy eval` with --json, --baseline and --watch. */
import { spawn, execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scoreArticle, sharesName, summarise, weekToMonth, type GoldArticle } from '../src/eval/visits.ts';
import type { Extraction, VisitEvent } from '../src/schema.ts';
import { DEFAULT_RULES_DIR } from '../src/rules/load.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/envoy.js');
const run = promisify(execFile);

function visit(over: Partial<VisitEvent> & { who: string[]; to: string }): VisitEvent {
  const { who, to, ...rest } = over;
  return {
    id: 'v1',
    type: 'visit',
    visitors: who.map((name) => ({ name, entity: null })),
    visitorCountry: 'VNM',
    destination: { country: to, place: null },
    met: [],
    when: null,
    status: 'planned',
    cameo: '042',
    plover: { type: 'CONSULT', mode: 'visit' },
    evidence: [{ start: 0, end: 1, text: 'x' }],
    rule: 'test',
    ...rest,
  };
}

function extraction(events: VisitEvent[], figures: Extraction['figures'] = []): Extraction {
  return {
    schemaVersion: '1',
    document: { id: 'a', source: 'a.txt', sha256: '0'.repeat(64), referenceDate: { value: null, origin: 'none' } },
    entities: [],
    dates: [],
    figures,
    events,
  };
}

const gold = (over: Partial<GoldArticle>): GoldArticle => ({ id: 'a', referenceDate: '2025-09', visits: [], figures: [], ...over });
const goldVisit = { visitors: ['To Lam'], visitorCountry: 'VNM', destinationCountry: 'PRK', place: null, met: ['Kim Jong Un'], when: '2025-10', status: 'planned' as const, optional: false };

describe('gold scorer', () => {
  it('matches names across hyphens, case and word order', () => {
    expect(sharesName('Lee Jae-myung', 'Lee Jae Myung')).toBe(true);
    expect(sharesName('Kim', 'Kim Jong Un')).toBe(true);
    expect(sharesName('Mohammed bin Salman', 'Tamim bin Hamad Al Thani')).toBe(false);
  });

  it('reads a week value as the month its Thursday falls in', () => {
    expect(weekToMonth('2016-W13')).toBe('2016-03');
    expect(weekToMonth('2020-W01')).toBe('2020-01');
    expect(weekToMonth('2021-W53')).toBe('2022-01');
  });

  it('matches a visit on destination and surname, and scores its facts', () => {
    const score = scoreArticle(
      extraction([visit({ who: ['Lam'], to: 'PRK', when: { text: 'next month', value: '2025-10', type: 'DATE', basis: 'text' }, met: [{ name: 'Kim Jong Un', entity: null }] })]),
      gold({ visits: [goldVisit] }),
    );
    expect(score.matched).toHaveLength(1);
    expect(score.matched[0]).toMatchObject({ when: true, status: true, country: true, met: true });
    expect(score.missed).toEqual([]);
    expect(score.spurious).toEqual([]);
  });

  it('counts a wrong destination as one spurious and one missed visit', () => {
    const score = scoreArticle(extraction([visit({ who: ['To Lam'], to: 'KOR' })]), gold({ visits: [goldVisit] }));
    expect([score.matched.length, score.spurious.length, score.missed.length]).toEqual([0, 1, 1]);
  });

  it('neither rewards nor penalises optional gold visits', () => {
    const optional = { ...goldVisit, optional: true };
    const hit = scoreArticle(extraction([visit({ who: ['Lam'], to: 'PRK' })]), gold({ visits: [optional] }));
    const miss = scoreArticle(extraction([]), gold({ visits: [optional] }));
    const s = summarise([hit, miss]);
    expect([s.visits.tp, s.visits.fp, s.visits.fn]).toEqual([0, 0, 0]);
  });

  it('matches figures within 0.5% and the same unit, and scores qualifiers', () => {
    const f = (value: number, unit: string, qualifier: 'exact' | 'over') => ({
      start: 0, end: 1, text: 'x', value, unit, qualifier, evidence: { start: 0, end: 1, text: 'x' }, rule: 't',
    });
    const score = scoreArticle(extraction([], [f(90_200_000_000, 'USD', 'exact'), f(5, 'EUR', 'exact')]), gold({ figures: [{ text: '$90 billion', value: 90e9, unit: 'USD', qualifier: 'over' }] }));
    expect(score.figures.matched).toHaveLength(1);
    expect(score.figures.matched[0].qualifier).toBe(false);
    expect(score.figures.spurious).toHaveLength(1);
  });
});

/** The seeds with envoy's own gold annotations, in a folder of their own. */
function goldDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'envoy-gold-'));
  for (const name of readdirSync(path.join(root, 'test/fixtures/gold'))) copyFileSync(path.join(root, 'test/fixtures/gold', name), path.join(dir, name));
  for (const name of readdirSync(path.join(root, 'seeds'))) copyFileSync(path.join(root, 'seeds', name), path.join(dir, name));
  return dir;
}

describe('envoy eval', () => {
  it('scores the seeds, lists what is wrong with --verbose, and compares with a baseline', async () => {
    const dir = goldDir();
    const { stdout } = await run(process.execPath, [bin, 'eval', '--gold', dir, '--json'], { cwd: root, maxBuffer: 32 << 20 });
    const report = JSON.parse(stdout);
    expect(report.summary.visits.tp).toBe(7);
    expect(report.summary.figures.f1).toBe(1);

    // A baseline in which seed 003 found nothing: the current run is better there.
    const worse = structuredClone(report);
    const a = worse.articles.find((x: { id: string }) => x.id === '003_ee4086bdbad132e3');
    a.missed.push(...a.matched.map((m: { gold: unknown }) => m.gold));
    a.matched = [];
    const baseline = path.join(dir, 'baseline.json');
    writeFileSync(baseline, JSON.stringify(worse));
    const diff = await run(process.execPath, [bin, 'eval', '--gold', dir, '--baseline', baseline, '--verbose'], { cwd: root });
    expect(diff.stdout).toMatch(/visits\s+P 1\.000\s+R 1\.000\s+F1 1\.000/);
    expect(diff.stdout).toMatch(/compared with baseline: visits F1 \+0\.\d{3}/);
    expect(diff.stdout).toMatch(/better {2}003_ee4086bdbad132e3: visits F1 0\.000, facts right 0, figures F1 1\.000 → visits F1 1\.000/);
    expect(diff.stdout).toContain('ok        To Lam [VNM] → PRK, when 2025-10, planned  rule visit-verb');
  });

  it('rejects a baseline that is not a report', async () => {
    const dir = goldDir();
    writeFileSync(path.join(dir, 'bad.json'), '{"hello": 1}');
    await expect(run(process.execPath, [bin, 'eval', '--gold', dir, '--baseline', path.join(dir, 'bad.json')], { cwd: root })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('not an envoy eval --json report'),
    });
  });

  it('--watch re-runs when a rule file changes and prints the difference', async () => {
    const dir = goldDir();
    const rules = mkdtempSync(path.join(tmpdir(), 'envoy-watch-rules-'));
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    const child = spawn(process.execPath, [bin, 'eval', '--gold', dir, '--rules', rules, '--watch'], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const waitFor = async (re: RegExp) => {
      for (let i = 0; i < 600 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 100));
      expect(out).toMatch(re);
    };
    try {
      await waitFor(/figures\s+P/);
      // Take away the verb trigger: seed 000 loses visits.
      const file = path.join(rules, 'visit.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('lemma: visit, pos: [VERB, AUX]', 'lemma: vvisit, pos: [VERB, AUX]'));
      await waitFor(/--- visit\.yaml changed ---[\s\S]*compared with baseline: visits F1 -0\.\d{3}[\s\S]*worse {3}000_8adeb89ad61cd016/);
    } finally {
      child.kill();
    }
  });
});
