/**
 * The schemas of the entity rule files (titles.yaml, places.yaml, organizations.yaml,
 * entity-persons.yaml, outlets.yaml) and the types read from them. The gazetteer reads places and known
 * organisations in these shapes, and rules.ts, which compiles the files, builds the gazetteer:
 * so the shapes live here, and both import them.
 */
import { z } from 'zod';
import { Alpha3Schema, EntityTypeSchema } from '../schema.ts';

/** An example a test runs through the stage: the mention must come out with these facts. */
export const EntityExampleSchema = z
  .object({
    text: z.string().min(1),
    mention: z.string().optional().describe('an entity must have a mention with exactly this text'),
    type: EntityTypeSchema.optional(),
    name: z.string().optional(),
    country: Alpha3Schema.nullable().optional(),
    title: z.string().optional().describe('one of the entity titles'),
    absent: z.array(z.string()).optional().describe('no entity may have a mention with one of these texts'),
  })
  .strict();
export type EntityExample = z.infer<typeof EntityExampleSchema>;

const rule = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string().min(1),
  examples: z.array(EntityExampleSchema).optional(),
};
const words = z.array(z.string().min(1)).min(1);

const TitleKindSchema = z.enum(['office', 'honorific', 'courtesy', 'relation']);
export type TitleKind = z.infer<typeof TitleKindSchema>;

export const TitlesFileSchema = z
  .object({
    modifiers: z.array(z.object({ ...rule, inTitle: z.boolean(), words }).strict()),
    titles: z.array(
      z
        .object({
          ...rule,
          domain: z.string().min(1),
          kind: TitleKindSchema.default('office'),
          case: z.enum(['any', 'capitalised', 'lower']).default('any'),
          generic: z.boolean().default(false),
          names: words,
        })
        .strict(),
    ),
  })
  .strict();

export const PlacesFileSchema = z
  .object({
    cities: z.object({ minPopulation: z.number().int().nonnegative(), strongPopulation: z.number().int().positive() }).strict(),
    locationCues: words,
    ordinaryWordCues: words,
    directions: z.object({ ...rule, words }).strict(),
    placeCue: z.object({ ...rule, before: words }).strict(),
    venue: z.object({ ...rule }).strict(),
    codes: z.array(z.object({ ...rule, from: z.string().regex(/^[A-Z]{3}$/), to: Alpha3Schema }).strict()),
    ofPhrases: z.array(z.object({ ...rule, heads: words }).strict()),
    suffixes: z.array(z.object({ ...rule, words }).strict()),
    aliases: z.array(
      z
        .object({
          ...rule,
          type: EntityTypeSchema,
          country: Alpha3Schema.nullable().optional(),
          countries: z.record(z.string(), Alpha3Schema).optional(),
          names: words,
        })
        .strict(),
    ),
  })
  .strict();

export type PlacesFile = z.infer<typeof PlacesFileSchema>;

export const OrganizationsFileSchema = z
  .object({
    suffixes: z.array(
      z
        .object({
          ...rule,
          domain: z.string().min(1),
          legal: z.boolean().default(false),
          keepNationality: z.boolean().default(false),
          locatedIn: z.boolean().default(false),
          words,
        })
        .strict(),
    ),
    ofPhrases: z.array(z.object({ ...rule, heads: words }).strict()),
    descriptors: z.array(z.object({ ...rule, words }).strict()),
    known: z.array(z.object({ ...rule, domain: z.string().min(1), orgs: z.record(z.string(), Alpha3Schema.nullable()) }).strict()),
    patterns: z.array(z.object({ ...rule, before: words.optional(), after: words.optional() }).strict()),
  })
  .strict();

export type KnownOrganizations = z.infer<typeof OrganizationsFileSchema>['known'];

export const PersonsFileSchema = z
  .object({
    particles: words,
    notNames: words,
    patterns: z.array(
      z
        .object({
          ...rule,
          words: words.optional(),
          before: words.optional(),
          after: words.optional(),
          lineStart: words.optional(),
          lemmas: words.optional(),
        })
        .strict(),
    ),
  })
  .strict();

/** An example of an article's setting: the text, read by the stage, must be set in this country (null: in none). */
export const SettingExampleSchema = z.object({ text: z.string().min(1), setting: Alpha3Schema.nullable() }).strict();
export type SettingExample = z.infer<typeof SettingExampleSchema>;

export const OutletsFileSchema = z
  .object({
    pictureWords: words,
    outlets: z.array(
      z
        .object({
          id: rule.id,
          description: rule.description,
          country: Alpha3Schema.nullable().describe('null: the outlet reports from everywhere'),
          names: words,
          examples: z.array(SettingExampleSchema).min(1),
        })
        .strict(),
    ),
  })
  .strict();
