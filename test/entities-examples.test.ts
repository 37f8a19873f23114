/**
 * Every `examples:` entry of the entity rule files runs through the stage
 * and must come out as the example says.
 */
import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../src/doc.ts';
import { defaultContext, runPipeline, stagesThrough } from '../src/pipeline.ts';
import { entities } from '../src/stages/entities.ts';
import { entityExamples, settingExamples } from '../src/entities/rules.ts';

const ctx = defaultContext();
const read = (text: string) => entities(runPipeline(emptyDoc(text, { value: null, origin: 'none' }), ctx, stagesThrough('tokenise')), ctx);
const extract = (text: string) => read(text).entities;
const examples = entityExamples();

describe('entity rule examples', () => {
  it('has examples in every rule file', () => {
    expect(new Set(examples.map((e) => e.file))).toEqual(new Set(['titles.yaml', 'places.yaml', 'organizations.yaml', 'entity-persons.yaml']));
  });

  it.each(examples.map((e) => [`${e.file} ${e.rule}: ${e.example.text}`, e.example] as const))('%s', (_, example) => {
    const found = extract(example.text);
    if (example.mention !== undefined) {
      const entity = found.find((e) => e.mentions.some((m) => m.text === example.mention));
      expect(entity, `no entity mentioned as "${example.mention}" in ${JSON.stringify(found.map((e) => e.name))}`).toBeDefined();
      if (example.type !== undefined) expect(entity!.type).toBe(example.type);
      if (example.name !== undefined) expect(entity!.name).toBe(example.name);
      if (example.country !== undefined) expect(entity!.country).toBe(example.country);
      if (example.title !== undefined) expect(entity!.titles).toContain(example.title);
    }
    for (const text of example.absent ?? []) {
      expect(found.flatMap((e) => e.mentions.map((m) => m.text))).not.toContain(text);
    }
  });
});

describe('outlet examples', () => {
  it.each(settingExamples().map((e) => [`outlets.yaml ${e.rule}: ${e.example.text}`, e.example] as const))('%s', (_, example) => {
    expect(read(example.text).setting?.country ?? null).toBe(example.setting);
  });
});
