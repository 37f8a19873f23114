/** Every example in rules/visit.yaml, rules/status.yaml and rules/attribution.yaml is a spec: run it. */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';
import { DEFAULT_RULES_DIR } from '../src/rules/load.ts';
import { ruleExamples, visitRules } from '../src/events/rules.ts';

const words = (name: string) => name.split(/[\s-]+/);
const examples = ruleExamples(DEFAULT_RULES_DIR);

describe('rules/visit.yaml trigger examples', () => {
  for (const { rule, example } of examples.triggers) {
    it(`${rule}: ${example.text}`, () => {
      const x = extract(example.text, { referenceDate: example.referenceDate });
      if (example.expect === 'none') {
        expect(x.events).toEqual([]);
        return;
      }
      for (const want of example.expect) {
        const matches = x.events.filter(
          (e) =>
            (want.destination === undefined || e.destination.country === want.destination) &&
            (want.visitors ?? []).every((w) => e.visitors.some((v) => words(v.name).includes(w))),
        );
        // Two trips to one place ("in July and again in December") are told apart by their dates.
        const found = matches.find((e) => (want.when === undefined || (e.when?.value ?? null) === want.when) && (want.status === undefined || e.status === want.status)) ?? matches[0];
        expect(found, `a visit matching ${JSON.stringify(want)} in ${JSON.stringify(x.events)}`).toBeDefined();
        if (want.when !== undefined) expect(found!.when?.value ?? null).toBe(want.when);
        if (want.status !== undefined) expect(found!.status).toBe(want.status);
      }
    });
  }
});

describe('rules/visit.yaml meeting examples', () => {
  for (const { rule, example } of examples.meetings) {
    it(`${rule}: ${example.text}`, () => {
      const x = extract(example.text, { referenceDate: example.referenceDate });
      const met = x.events.flatMap((e) => e.met.flatMap((m) => words(m.name)));
      for (const name of example.met) expect(met, JSON.stringify(x.events)).toContain(name);
    });
  }
});

describe('rules/status.yaml examples', () => {
  for (const { rule, example } of examples.cues) {
    it(`${rule}: ${example.text}`, () => {
      const x = extract(example.text, { referenceDate: example.referenceDate });
      expect(x.events.map((e) => e.status)).toEqual([example.status]);
    });
  }
  for (const { rule, text } of examples.negations) {
    it(`${rule} (negation): ${text}`, () => {
      expect(extract(text, { referenceDate: '2020' }).events).toEqual([]);
    });
  }
});

describe('rules/attribution.yaml examples', () => {
  const compiled = visitRules(DEFAULT_RULES_DIR).attribution;
  for (const { rule, example } of examples.attribution) {
    it(`${rule}: ${example.text}`, () => {
      const pattern = compiled.find((p) => p.id === rule)!;
      expect(pattern.regex.exec(example.text)?.groups?.source).toBe(example.source);
    });
  }
});
