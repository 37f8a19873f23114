/**
 * The visit rule files (rules/visit.yaml, rules/status.yaml,
 * rules/attribution.yaml): their schemas and their compiled form.
 */
import { z } from 'zod';
import { cachedByDir, compilePattern as compileRegex, loadRuleFile } from '../rules/load.ts';
import { compilePattern, PatternSchema, StartIndex, type CompiledPattern } from '../rules/matcher.ts';
import { VisitStatusSchema, type VisitStatus } from '../schema.ts';

export const VISITOR_FINDERS = ['subject', 'possessor', 'agent', 'object', 'since', 'topic'] as const;
export const DESTINATION_FINDERS = ['object', 'to', 'modifier', 'within', 'coreference', 'host-country', 'setting', 'sentence'] as const;
export const HOST_FINDERS = ['subject', 'agent', 'object', 'place'] as const;
export type VisitorFinder = (typeof VISITOR_FINDERS)[number];
export type DestinationFinder = (typeof DESTINATION_FINDERS)[number];
export type HostFinder = (typeof HOST_FINDERS)[number];

const ruleId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'rule ids are lower-case words joined by hyphens');

const ExpectedVisitSchema = z
  .object({
    visitors: z.array(z.string()).optional(),
    destination: z.string().regex(/^[A-Z]{3}$/).optional(),
    when: z.string().nullable().optional(),
    status: VisitStatusSchema.optional(),
  })
  .strict();

export const VisitExampleSchema = z
  .object({
    text: z.string().min(1),
    referenceDate: z.string().optional(),
    expect: z.union([z.literal('none'), z.array(ExpectedVisitSchema).min(1)]),
  })
  .strict();
export type VisitExample = z.infer<typeof VisitExampleSchema>;

const TriggerSchema = z
  .object({
    id: ruleId,
    description: z.string().min(1),
    pattern: PatternSchema,
    visitor: z.array(z.enum(VISITOR_FINDERS)).min(1),
    destination: z.array(z.enum(DESTINATION_FINDERS)).min(1),
    host: z.array(z.enum(HOST_FINDERS)).optional(),
    anchor: z.enum(['trigger', 'visitor']).default('trigger'),
    cameo: z.string().regex(/^\d{3,4}$/).default('042'),
    /** A status the trigger itself implies ("returning from X": completed), deciding before any cue. */
    status: VisitStatusSchema.optional(),
    examples: z.array(VisitExampleSchema).min(1, 'every trigger needs at least one example'),
  })
  .strict()
  .refine((t) => !t.destination.includes('host-country') || t.host !== undefined, {
    message: "destination 'host-country' needs a host finder",
    path: ['destination'],
  });

const MeetingSchema = z
  .object({
    id: ruleId,
    description: z.string().min(1),
    pattern: PatternSchema,
    examples: z
      .array(z.object({ text: z.string().min(1), referenceDate: z.string().optional(), met: z.array(z.string()).min(1) }).strict())
      .min(1, 'every meeting rule needs at least one example'),
  })
  .strict();

export const VisitFileSchema = z
  .object({
    actorNouns: z.array(z.string().min(1)),
    triggers: z.array(TriggerSchema).min(1),
    meetings: z.array(MeetingSchema),
  })
  .strict();

const CueSchema = z
  .object({
    id: ruleId,
    description: z.string().min(1),
    status: VisitStatusSchema,
    pattern: PatternSchema,
    examples: z
      .array(z.object({ text: z.string().min(1), referenceDate: z.string().optional(), status: VisitStatusSchema }).strict())
      .min(1, 'every cue needs at least one example'),
  })
  .strict();

export const StatusFileSchema = z
  .object({
    window: z.object({ before: z.number().int().min(0).max(30), after: z.number().int().min(0).max(30) }).strict(),
    negations: z.array(
      z
        .object({
          id: ruleId,
          description: z.string().min(1),
          pattern: PatternSchema,
          examples: z.array(z.string().min(1)).min(1, 'every negation needs at least one example'),
        })
        .strict(),
    ),
    cues: z.array(CueSchema),
  })
  .strict();

export const AttributionFileSchema = z
  .object({
    patterns: z.array(
      z
        .object({
          id: ruleId,
          description: z.string().min(1),
          regex: z.string().min(1),
          examples: z.array(z.object({ text: z.string().min(1), source: z.string().min(1) }).strict()).min(1),
        })
        .strict(),
    ),
  })
  .strict();

export interface CompiledTrigger {
  id: string;
  pattern: CompiledPattern;
  visitor: VisitorFinder[];
  destination: DestinationFinder[];
  host: HostFinder[];
  anchor: 'trigger' | 'visitor';
  cameo: string;
  status?: VisitStatus;
}

export interface CompiledVisitRules {
  actorNouns: Set<string>;
  triggers: CompiledTrigger[];
  meetings: Array<{ id: string; pattern: CompiledPattern }>;
  /** Where the trigger and the meeting patterns may match, in the order of `triggers` then `meetings`. */
  starts: StartIndex;
  window: { before: number; after: number };
  negations: Array<{ id: string; pattern: CompiledPattern }>;
  cues: Array<{ id: string; status: VisitStatus; pattern: CompiledPattern }>;
  attribution: Array<{ id: string; regex: RegExp }>;
}

export const visitRules = cachedByDir((dir): CompiledVisitRules => {
  const visit = loadRuleFile(dir, 'visit.yaml', VisitFileSchema).data;
  const status = loadRuleFile(dir, 'status.yaml', StatusFileSchema).data;
  const { data: attribution, source } = loadRuleFile(dir, 'attribution.yaml', AttributionFileSchema);
  const triggers = visit.triggers.map((t): CompiledTrigger => ({
    id: t.id,
    pattern: compilePattern(t.pattern),
    visitor: t.visitor,
    destination: t.destination,
    host: t.host ?? [],
    anchor: t.anchor,
    cameo: t.cameo,
    ...(t.status ? { status: t.status } : {}),
  }));
  const meetings = visit.meetings.map((m) => ({ id: m.id, pattern: compilePattern(m.pattern) }));
  return {
    actorNouns: new Set(visit.actorNouns.map((n) => n.toLowerCase())),
    triggers,
    meetings,
    starts: new StartIndex([...triggers, ...meetings].map((r) => r.pattern)),
    window: status.window,
    negations: status.negations.map((n) => ({ id: n.id, pattern: compilePattern(n.pattern) })),
    cues: status.cues.map((c) => ({ id: c.id, status: c.status, pattern: compilePattern(c.pattern) })),
    attribution: attribution.patterns.map((p, i) => {
      const regex = compileRegex(source, ['patterns', i, 'regex'], p.regex, 'u');
      if (!/\(\?<source>/.test(p.regex)) source.fail(['patterns', i, 'regex'], `pattern '${p.id}' has no named group (?<source>…)`);
      return { id: p.id, regex };
    }),
  };
});

/** Every example of every visit, status and attribution rule, for the spec test that runs them. */
export function ruleExamples(dir: string) {
  const visit = loadRuleFile(dir, 'visit.yaml', VisitFileSchema).data;
  const status = loadRuleFile(dir, 'status.yaml', StatusFileSchema).data;
  const attribution = loadRuleFile(dir, 'attribution.yaml', AttributionFileSchema).data;
  return {
    triggers: visit.triggers.flatMap((t) => t.examples.map((example) => ({ rule: t.id, example }))),
    meetings: visit.meetings.flatMap((m) => m.examples.map((example) => ({ rule: m.id, example }))),
    cues: status.cues.flatMap((c) => c.examples.map((example) => ({ rule: c.id, example }))),
    negations: status.negations.flatMap((n) => n.examples.map((text) => ({ rule: n.id, text }))),
    attribution: attribution.patterns.flatMap((p) => p.examples.map((example) => ({ rule: p.id, example }))),
  };
}
