/**
 * The actor knowledge base's data: people who hold or held national office, each with
 * their spelling variants and dated terms (country, role, office). Two files of one
 * shape: data/actors/leaders.json, derived by scripts/build-actors.ts from the Phoenix
 * actor dictionaries and Wikidata, and rules/actors.yaml, kept by hand for what those
 * sources lack.
 */
import { z } from 'zod';
import { Alpha3Schema } from '../schema.ts';

export const ACTOR_ROLES = ['head-of-state', 'head-of-government', 'government', 'military', 'legislature', 'judiciary', 'opposition', 'elite', 'religious'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** yyyy, yyyy-mm or yyyy-mm-dd: as precise as the source knows. */
const TermDateSchema = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'a date as yyyy, yyyy-mm or yyyy-mm-dd');

export const ActorTermSchema = z
  .object({
    country: Alpha3Schema.optional(),
    organisation: z.string().min(1).optional().describe('for an office of an international organisation ("United Nations"): such a term gives no country'),
    role: z.enum(ACTOR_ROLES),
    office: z.string().min(1).optional().describe('the office as the source names it ("Prime Minister of India")'),
    from: TermDateSchema.optional(),
    to: TermDateSchema.optional().describe('absent: in office when the source was made, or the date is unknown'),
  })
  .strict()
  .refine((t) => (t.country === undefined) !== (t.organisation === undefined), 'a term names a country or an organisation, not both');
export type ActorTerm = z.infer<typeof ActorTermSchema>;

export const ActorSchema = z
  .object({
    name: z.string().min(1),
    variants: z.array(z.string().min(1)).optional().describe('other names and spellings: nicknames, transliterations, a name as the press shortens it'),
    terms: z.array(ActorTermSchema).min(1),
  })
  .strict();

/** rules/actors.yaml. */
export const ActorsFileSchema = z.object({ actors: z.array(ActorSchema) }).strict();

/** A term with the source it came from ("phoenix", "wikidata-2022", "rules/actors.yaml"). */
export type DerivedTerm = ActorTerm & { source: string };
export interface DerivedActors {
  /** asOf: the date the source was last brought up to date; a term with no end was current then, and is not known to be after. */
  sources: Array<{ id: string; asOf: string; files: Array<{ name: string; md5: string }>; licence: string; notice: string }>;
}

/**
 * data/actors/leaders.tsv: `#` lines, then one actor a line, tab-separated: name,
 * variants (`;` between), terms (`;` between), each term written by formatTerm.
 */
export const DERIVED_COLUMNS = 'name<TAB>variants;…<TAB>terms;… (a term: COUNTRY role from..to source office)';

/** "GBR government 1997-05-02..2007-06-27 phoenix", then the office if there is one. */
export function formatTerm(t: DerivedTerm): string {
  return [t.country ?? '---', t.role, `${t.from ?? ''}..${t.to ?? ''}`, t.source, ...(t.office ? [t.office] : [])].join(' ');
}

const TERM = /^([A-Z]{3}|---) ([a-z-]+) ([\d-]*)\.\.([\d-]*) (\S+)(?: (.+))?$/;

export function parseTerm(text: string): DerivedTerm | undefined {
  const m = TERM.exec(text);
  if (!m || !(ACTOR_ROLES as readonly string[]).includes(m[2])) return undefined;
  const [, country, role, from, to, source, office] = m;
  return { ...(country !== '---' ? { country } : {}), role: role as ActorRole, ...(office ? { office } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), source };
}

/** The form names are compared in: lower case, no accents, hyphens and dots as spaces, one space between words. */
const ASCII_NAME = /^[A-Za-z ]*$/;
const ASCII_PUNCTUATED = /^[A-Za-z .'-]*$/;
export function foldName(name: string): string {
  // Most names are plain ASCII: the accent fold is for the rest (it costs a tenth of the index's build).
  if (ASCII_NAME.test(name)) return name.toLowerCase().trim().replace(/ {2,}/g, ' ');
  if (!ASCII_PUNCTUATED.test(name)) name = name.normalize('NFD').replace(/\p{M}+/gu, '');
  return name
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
