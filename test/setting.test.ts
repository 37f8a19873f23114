/** The article's setting (document.setting): the country it is written from, and the cue that decided it. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';
import { entityRules } from '../src/entities/rules.ts';
import { DEFAULT_RULES_DIR } from '../src/rules/load.ts';

const settingOf = (text: string) => {
  const { setting } = extract(text).document;
  if (setting) expect(setting.evidence.text).toBe(text.slice(setting.evidence.start, setting.evidence.end));
  return setting;
};

describe('setting', () => {
  it('is the place of a dateline in capitals with the wire in brackets', () => {
    const text = 'NAIROBI (Reuters) - The finance minister said on Monday that the budget would be tabled next week.';
    expect(extract(text).document.dateline).toBe('NAIROBI (Reuters)');
    expect(settingOf(text)).toEqual({ country: 'KEN', rule: 'setting.dateline', evidence: { start: 0, end: 7, text: 'NAIROBI' } });
  });

  it('is the place of a dateline with a date and the outlet, "City, Month Day (Outlet) --"', () => {
    const text = 'Talks on sugar exports resume\nHavana, April 15 (RHC), -- The foreign minister received a trade delegation on Tuesday.';
    expect(extract(text).document.dateline).toBe('Havana, April 15 (RHC)');
    expect(settingOf(text)).toMatchObject({ country: 'CUB', rule: 'setting.dateline', evidence: { text: 'Havana' } });
  });

  it('is the place of a "City :" or "City, Month Day:" dateline', () => {
    expect(settingOf('New Delhi : The cabinet approved the new rail line on Wednesday.')).toMatchObject({ country: 'IND', rule: 'setting.dateline', evidence: { text: 'New Delhi' } });
    expect(settingOf('LIMA, June 2: The congress voted on the budget late on Friday.')).toMatchObject({ country: 'PER', rule: 'setting.dateline', evidence: { text: 'LIMA' } });
  });

  it('takes the dateline over the outlet it names', () => {
    expect(settingOf('NAIROBI, May 3 (Xinhua) -- The two sides signed a road agreement on Friday.')).toMatchObject({ country: 'KEN', rule: 'setting.dateline' });
  });

  it('reads no dateline into a label or a headline', () => {
    const doc = extract('Fishing quotas agreed\nPhoto: Lars Berg\nAnalysis: The ministers agreed on quotas for next year.').document;
    expect(doc.dateline).toBeUndefined();
    expect(doc.setting).toBeUndefined();
    expect(extract('Trump - Putin summit ends\nThe two leaders spoke for two hours.').document.dateline).toBeUndefined();
  });

  it('is the country of an outlet named in a byline when there is no dateline', () => {
    const text = 'Ministers agree on fishing quotas\nBy Ken Sato, Kyodo News\nThe ministers agreed on fishing quotas for next year after two days of talks.';
    expect(settingOf(text)).toEqual({ country: 'JPN', rule: 'setting.outlet', evidence: { start: 47, end: 57, text: 'Kyodo News' } });
  });

  it('takes no outlet from a sentence, and none from a wire that reports from everywhere', () => {
    expect(settingOf('Ministers agree on fishing quotas\nThe ministers agreed on quotas, Kyodo reported on Friday.')).toBeUndefined();
    expect(settingOf('Ministers agree on fishing quotas\nBy Jane Roe (AFP)\nThe ministers agreed on quotas for next year.')).toBeUndefined();
  });

  it('is the country most places belong to when it clearly dominates', () => {
    const text =
      'The president landed in Manila on Monday and drove to the palace.\n' +
      'On Tuesday he flew to Cebu, where he opened a port, and then to Davao.\n' +
      'He leaves the Philippines on Thursday for Japan.';
    expect(settingOf(text)).toMatchObject({ country: 'PHL', rule: 'setting.majority', evidence: { text: 'Manila' } });
  });

  it('is none when two countries have as many places', () => {
    const text =
      'The minister flew from Seoul to Tokyo on Monday.\n' +
      'Talks in Osaka on Tuesday were followed by a dinner in Busan.\n' +
      'South Korea and Japan will meet again next year.';
    expect(settingOf(text)).toBeUndefined();
  });

  it('is none for an article that names no place', () => {
    const doc = extract('The committee met on Monday.\nIt agreed to meet again next month and to publish its report in the spring.').document;
    expect(doc.setting).toBeUndefined();
    expect(doc).not.toHaveProperty('setting');
  });
});

describe('rules/outlets.yaml', () => {
  /** A copy of the shipped rules with outlets.yaml rewritten, and the line of `needle` in it. */
  const rulesWith = (edit: (text: string) => string, needle: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'envoy-outlets-'));
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    const file = path.join(dir, 'outlets.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return { dir, line: readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1 };
  };

  it('reports an outlet without examples at its line', () => {
    const { dir, line } = rulesWith((t) => t.replace(/(  - id: ukraine-outlets\n(?:    .*\n)*?)    examples:\n(?:      .*\n)+/, '$1'), 'id: ukraine-outlets');
    expect(() => entityRules(dir)).toThrow(`outlets.yaml:${line}:5 outlet 'ukraine-outlets' has no 'examples'`);
  });

  it('reports a name listed twice at the second listing', () => {
    const { dir, line } = rulesWith((t) => t.replace('names: [Ukrinform]', 'names: [Ukrinform, Xinhua]'), 'Ukrinform, Xinhua');
    expect(() => entityRules(dir)).toThrow(new RegExp(`outlets\\.yaml:${line}:\\d+ outlet name 'Xinhua' is listed twice`));
  });
});
