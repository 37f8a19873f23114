/**
 * The output contract (schemaVersion "1"). Every type the pipeline emits is
 * inferred from these schemas, and `envoy schema` exports them as JSON Schema.
 * Add fields freely; never change a field's meaning without a new version.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = '1' as const;

/** UTF-16 offsets into the original text; `text === source.slice(start, end)`. */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof SpanSchema>;

export const Alpha3Schema = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 3166-1 alpha-3 country code (XKX for Kosovo)');

export const ReferenceDateOriginSchema = z.enum(['option', 'metadata', 'text', 'none']);
export const ReferenceDateSchema = z.object({
  value: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable()
    .describe('ISO 8601 at the precision known: YYYY, YYYY-MM or YYYY-MM-DD'),
  origin: ReferenceDateOriginSchema.describe('where the reference date came from'),
  evidence: SpanSchema.optional().describe('the text the date was inferred from, when origin is "text"'),
});
export type ReferenceDate = z.infer<typeof ReferenceDateSchema>;

export const SettingSchema = z
  .object({
    country: Alpha3Schema,
    rule: z.string().describe('setting.dateline: the place of the dateline; setting.outlet: the country of an outlet the dateline or a credit line names; setting.majority: the country most of the places belong to'),
    evidence: SpanSchema.describe('the place or outlet that decided it'),
  })
  .describe('the country the article is written from: where "here" and "the country" are when nothing else says');
export type Setting = z.infer<typeof SettingSchema>;

export const DocumentSchema = z.object({
  id: z.string().describe('file stem'),
  source: z.string().describe('path as given on the command line, relative where possible'),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('sha256 of the text every offset points into: the decoded article, as UTF-8, without a leading byte-order mark'),
  fileSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .describe("sha256 of the file's bytes as read, what sha256sum prints, when the article came from a file"),
  referenceDate: ReferenceDateSchema,
  title: z.string().optional(),
  dateline: z.string().optional(),
  setting: SettingSchema.optional(),
  encoding: z
    .string()
    .optional()
    .describe('the encoding the file was decoded from, when it was not UTF-8: UTF-16LE, UTF-16BE, windows-1252, ISO-8859-1 …'),
});
export type DocumentInfo = z.infer<typeof DocumentSchema>;

export const EntityTypeSchema = z.enum(['person', 'organization', 'country', 'city', 'place', 'nationality']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const EntitySchema = z.object({
  id: z.string(),
  type: EntityTypeSchema,
  name: z.string().describe('canonical name'),
  country: Alpha3Schema.nullable(),
  titles: z.array(z.string()),
  official: z
    .boolean()
    .optional()
    .describe('persons only: holds or held a public office, by a title of government, diplomacy, a party, a royal house, the military, the judiciary or a church, or by the actor knowledge base; only officials make visits'),
  mentions: z.array(SpanSchema).min(1),
  rule: z.string().describe('id of the rule or gazetteer that typed the entity'),
});
export type Entity = z.infer<typeof EntitySchema>;

export const TimexTypeSchema = z.enum(['DATE', 'TIME', 'DURATION', 'SET']);
export type TimexType = z.infer<typeof TimexTypeSchema>;

export const DateMentionSchema = SpanSchema.extend({
  value: z.string().describe('TimeML value: 2025-10, 2025-08-10, 2024, P3D, 2013-W12, PRESENT_REF, XXXX …'),
  type: TimexTypeSchema,
  rule: z.string(),
});
export type DateMention = z.infer<typeof DateMentionSchema>;

export const QualifierSchema = z.enum(['exact', 'approx', 'over', 'under']);
export type Qualifier = z.infer<typeof QualifierSchema>;

export const FigureSchema = SpanSchema.extend({
  value: z.number().finite(),
  unit: z
    .string()
    .regex(/^([A-Z]{3}|percent)$/)
    .describe('ISO 4217 currency code, or "percent"'),
  qualifier: QualifierSchema,
  measure: z.string().optional().describe('what the amount measures: trade, exports, investment, aid …'),
  year: z.number().int().optional().describe('the year the amount refers to, when stated'),
  evidence: SpanSchema.describe('the figure with its qualifier and context words'),
  rule: z.string(),
});
export type Figure = z.infer<typeof FigureSchema>;

export const VisitStatusSchema = z.enum(['planned', 'ongoing', 'completed', 'cancelled']);
export type VisitStatus = z.infer<typeof VisitStatusSchema>;

export const ActorRefSchema = z.object({
  name: z.string(),
  entity: z.string().nullable().describe('id of the entity in entities[]'),
  title: z.string().optional(),
});
export type ActorRef = z.infer<typeof ActorRefSchema>;

export const VisitEventSchema = z.object({
  id: z.string(),
  type: z.literal('visit'),
  visitors: z.array(ActorRefSchema),
  visitorCountry: Alpha3Schema.nullable(),
  destination: z.object({
    country: Alpha3Schema.nullable(),
    place: z.string().nullable(),
  }),
  met: z.array(ActorRefSchema),
  when: z
    .object({
      text: z.string().describe('the date expression; empty when the basis is the reference date'),
      value: z.string(),
      type: TimexTypeSchema,
      basis: z
        .enum(['text', 'reference'])
        .describe('"text": a date stated for the visit; "reference": an ongoing visit dated by the reference date'),
    })
    .nullable(),
  status: VisitStatusSchema,
  attribution: z.string().optional().describe('who says so'),
  cameo: z.string().describe('CAMEO event code: 042 make a visit, 043 host a visit'),
  plover: z.object({ type: z.literal('CONSULT'), mode: z.literal('visit') }),
  evidence: z.array(SpanSchema).min(1),
  rule: z.string(),
});
export type VisitEvent = z.infer<typeof VisitEventSchema>;

export const ExtractionSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: DocumentSchema,
  entities: z.array(EntitySchema),
  dates: z.array(DateMentionSchema),
  figures: z.array(FigureSchema),
  events: z.array(VisitEventSchema),
});
export type Extraction = z.infer<typeof ExtractionSchema>;

/** JSON Schema (draft 2020-12) of one output object, for downstream tools. */
export function extractionJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://envoy.invalid/schema/envoy.schema.json',
    title: 'envoy extraction',
    ...z.toJSONSchema(ExtractionSchema, { target: 'draft-2020-12' }),
  };
}
