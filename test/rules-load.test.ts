import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, RuleError } from '../src/rules/load.ts';
import { visitRules } from '../src/events/rules.ts';
import { figureGrammar } from '../src/figures/grammar.ts';

/** A copy of the shipped rules with one file rewritten. */
function rulesWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'envoy-rules-'));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const full = path.join(dir, file);
  writeFileSync(full, edit(readFileSync(full, 'utf8')));
  return dir;
}

function problems(dir: string, file: 'visit' | 'figures' = 'visit'): string {
  try {
    if (file === 'visit') visitRules(dir);
    else figureGrammar(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(RuleError);
    return (err as Error).message;
  }
  throw new Error('expected the rules to be rejected');
}

const lineOf = (dir: string, file: string, needle: string) =>
  readFileSync(path.join(dir, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('rule loading', () => {
  it('loads the shipped rules', () => {
    const rules = visitRules();
    expect(rules.triggers.map((t) => t.id)).toContain('visit-verb');
    expect(rules.cues.some((c) => c.status === 'cancelled')).toBe(true);
  });

  it('reports bad YAML with file, line and column, once', () => {
    const dir = rulesWith('visit.yaml', (t) => t.replace("description: '\"X visits/visited/will visit Y\"'", "description: '\"X visits/visited/will visit Y\""));
    const line = lineOf(dir, 'visit.yaml', 'X visits/visited/will visit Y');
    const message = problems(dir);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(new RegExp(`visit\\.yaml:${line}:50 YAML: Missing closing 'quote$`));
  });

  it('rejects an unknown key at its line', () => {
    const dir = rulesWith('visit.yaml', (t) => t.replace("    visitor: [subject]\n    destination: [object, to, coreference]", "    visitor: [subject]\n    visiter: [subject]\n    destination: [object, to, coreference]"));
    const line = lineOf(dir, 'visit.yaml', 'visiter:');
    expect(problems(dir)).toContain(`visit.yaml:${line}:5 trigger 'visit-verb' has an unknown key 'visiter'`);
  });

  it('rejects a trigger with no visitor role, at the trigger', () => {
    const dir = rulesWith('visit.yaml', (t) => t.replace("    visitor: [subject]\n    destination: [object, to, coreference]", '    destination: [object, to, coreference]'));
    const line = lineOf(dir, 'visit.yaml', 'id: visit-verb');
    expect(problems(dir)).toContain(`visit.yaml:${line}:5 trigger 'visit-verb' has no 'visitor'`);
  });

  it('rejects an empty list of visitor finders', () => {
    const dir = rulesWith('visit.yaml', (t) => t.replace("    visitor: [subject]\n    destination: [object, to, coreference]", '    visitor: []\n    destination: [object, to, coreference]'));
    const line = lineOf(dir, 'visit.yaml', 'visitor: []');
    expect(problems(dir)).toContain(`visit.yaml:${line}:14 trigger 'visit-verb' has an empty 'visitor' (at least 1 needed)`);
  });

  it('rejects an unknown finder name', () => {
    const dir = rulesWith('visit.yaml', (t) => t.replace('visitor: [possessor, agent, subject]', 'visitor: [possessor, guest]'));
    expect(problems(dir)).toMatch(/visit\.yaml:\d+:\d+ trigger 'visit-noun': "guest" is not one of subject, possessor, agent, object, since/);
  });

  it('rejects a rule without examples', () => {
    const dir = rulesWith('status.yaml', (t) => t.replace(/    examples: \["US President Donald Trump has no plans to visit Britain."\]\n/, ''));
    expect(problems(dir)).toMatch(/status\.yaml:\d+:5 negation 'no-plans' has no 'examples'/);
  });

  it('rejects any rule that carries no examples, in any rule file', () => {
    const dir = rulesWith('figures.yaml', (t) => t.replace(/(  - id: currency\.kpw\n(?:    .*\n)*?)    examples:\n      - .*\n/, '$1'));
    const line = lineOf(dir, 'figures.yaml', 'id: currency.kpw');
    expect(problems(dir, 'figures')).toBe(`${path.join(dir, 'figures.yaml')}:${line}:5 currency 'currency.kpw' has no examples: add at least one sentence it must (or must not) match`);
  });

  it('rejects a regular expression that can backtrack catastrophically, at its position', () => {
    const dir = rulesWith('attribution.yaml', (t) => t.replace("regex: 'according to (?<source>[^,.;:]{3,80})'", () => "regex: 'according to (?<source>(\\w+\\s?)*)$'"));
    const line = lineOf(dir, 'attribution.yaml', 'according to (?<source>(');
    expect(problems(dir)).toMatch(new RegExp(`attribution\\.yaml:${line}:12 regular expression can backtrack catastrophically \\((exponential|polynomial) time, e\\.g\\. on .+\\)`));
  });

  it('rejects an invalid regular expression at its position', () => {
    const dir = rulesWith('attribution.yaml', (t) => t.replace("regex: 'according to (?<source>", "regex: 'according to ((?<source>"));
    const line = lineOf(dir, 'attribution.yaml', "according to ((?<source>");
    expect(problems(dir)).toMatch(new RegExp(`attribution\\.yaml:${line}:\\d+ invalid regular expression`));
  });
});
