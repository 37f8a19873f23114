/**
 * Builds data/actors/leaders.tsv, the derived half of the actor knowledge base
 * (src/actors/), from the leader data beside the repository:
 *
 *   ../shared/data/leaders/phoenix/        PETRARCH2's Phoenix CAMEO actor dictionaries (MIT), ~1960-2015
 *   ../shared/data/leaders/wikidata-2022/  Wikidata heads of state and government, 2021-2022 (CC0)
 *
 * `node --import tsx scripts/build-actors.ts [LEADERS_DIR]`. What it writes are facts
 * (names, countries, roles, dates) with the sources' notices in data/actors/NOTICE.md;
 * users have no ../shared, so both files are committed. Run it again when a source
 * changes; the output is deterministic (sorted, no timestamps).
 *
 * Phoenix persons are the entries with dated role lines ("[GBRGOV 970502-070627]");
 * country entries, organisations (a name with a word of rules/organizations.yaml in it:
 * "U.S._FEDERAL_RESERVE") and names with a title in them ("PRIME_MINISTER_GORDON_BROWN_")
 * are left out, since the entities stage reads titles from the text. Role codes keep
 * their first family only (GOV, ELI, MIL, OPP, LEG, JUD …). A code that is not an
 * ISO 3166-1 alpha-3 country known to world-countries is dropped (IGO, UNO …).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { worldCountries } from '../src/gazetteer/packages.ts';
import { ACTOR_ROLES, DERIVED_COLUMNS, foldName, formatTerm, type ActorRole, type DerivedActors, type DerivedTerm } from '../src/actors/data.ts';

const root = path.resolve(import.meta.dirname, '..');
const { positionals } = parseArgs({ allowPositionals: true });
const leaders = path.resolve(positionals[0] ?? path.join(root, '..', 'shared', 'data', 'leaders'));
const outDir = path.join(root, 'data', 'actors');

const countryCodes = new Set(worldCountries().map((c) => c.cca3));

/**
 * The words of the entities stage's own titles and role modifiers (rules/titles.yaml), but
 * not its honorifics, which are part of a name ("Sheikh Hasina"): a Phoenix name that
 * starts with them is a description ("PRIME_MINISTER_GORDON_BROWN_", "KING_ABDULLAH_II_").
 */
function titleWords(): Set<string> {
  const file = parseYaml(readFileSync(path.join(root, 'rules', 'titles.yaml'), 'utf8')) as {
    titles: Array<{ kind?: string; names: string[] }>;
    modifiers: Array<{ words: string[] }>;
  };
  const functionWords = new Set(['of', 'the', 'and', 'to', 'for', "d'affaires"]);
  const words = new Set<string>();
  for (const t of file.titles) if (t.kind !== 'honorific' && t.kind !== 'courtesy') for (const name of t.names) for (const w of name.toLowerCase().split(/\s+/)) if (!functionWords.has(w)) words.add(w);
  for (const m of file.modifiers) for (const w of m.words) words.add(w.toLowerCase());
  return words;
}
const TITLE_WORDS = titleWords();

/**
 * The words that make a name an organisation's (rules/organizations.yaml: suffixes, heads,
 * descriptors): the Phoenix countries file ends with agencies and forces ("U.S._FEDERAL_RESERVE").
 */
function organisationWords(): Set<string> {
  const words = new Set<string>();
  const collect = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) node.forEach((n) => (typeof n === 'string' ? (key === 'words' || key === 'heads') && words.add(n.toLowerCase()) : collect(n)));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== 'examples') collect(v, k);
  };
  collect(parseYaml(readFileSync(path.join(root, 'rules', 'organizations.yaml'), 'utf8')));
  for (const w of ['force', 'forces', 'reserve', 'army', 'navy', 'police', 'party', 'government', 'guard', 'administration', 'assembly', 'parliament', 'congress', 'senate', 'service', 'services', 'authority']) words.add(w);
  return words;
}
const ORGANISATION_WORDS = organisationWords();

/** The name without the titles it starts with ("King Abdullah II" → "Abdullah II"); undefined when a title is left inside, or no name. */
function withoutTitles(name: string): string | undefined {
  const words = name.split(' ');
  let i = 0;
  while (i < words.length && TITLE_WORDS.has(words[i].toLowerCase())) i++;
  const rest = words.slice(i);
  if (rest.length === 0 || rest.length > 6 || rest.some((w) => TITLE_WORDS.has(w.toLowerCase()) || ORGANISATION_WORDS.has(w.toLowerCase())) || !/\p{L}{2}/u.test(rest.join(' '))) return undefined;
  return rest.join(' ');
}

/** "TONY_BLAIR_" → "Tony Blair"; "MCDONALD" stays "Mcdonald": the file is in capitals, and names are matched folded anyway. */
function displayName(raw: string): string {
  return raw
    .replace(/\x1a/g, '')
    .replace(/_+$/, '')
    .split('_')
    .filter(Boolean)
    .map((w) => w.toLowerCase().replace(/(^|[-'.])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()))
    .join(' ');
}

/** yymmdd (00-25 read as 20xx) or yyyymmdd → yyyy-mm-dd; undefined for anything else. */
function phoenixDate(raw: string): string | undefined {
  let y: number, m: string, d: string;
  if (/^\d{6}$/.test(raw)) {
    const yy = Number(raw.slice(0, 2));
    y = yy <= 25 ? 2000 + yy : 1900 + yy;
    [m, d] = [raw.slice(2, 4), raw.slice(4, 6)];
  } else if (/^(?:19|20)\d{6}$/.test(raw)) {
    y = Number(raw.slice(0, 4));
    [m, d] = [raw.slice(4, 6), raw.slice(6, 8)];
  } else return undefined;
  if (Number(m) < 1 || Number(m) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  return `${y}-${m}-${d}`;
}

const PHOENIX_ROLE: Record<string, ActorRole> = { GOV: 'government', ELI: 'elite', MIL: 'military', OPP: 'opposition', LEG: 'legislature', JUD: 'judiciary' };

interface Building {
  name: string;
  variants: Set<string>;
  terms: DerivedTerm[];
}

const actors = new Map<string, Building>();
let skippedTerms = 0;

function actorFor(name: string): Building {
  const key = foldName(name);
  let a = actors.get(key);
  if (!a) actors.set(key, (a = { name, variants: new Set(), terms: [] }));
  return a;
}

function addVariant(a: Building, raw: string): void {
  const variant = withoutTitles(raw);
  if (variant && foldName(variant) !== foldName(a.name)) a.variants.add(variant);
}

function readPhoenix(file: string): void {
  let current: { name: string; variants: string[]; terms: DerivedTerm[] } | undefined;
  const flush = () => {
    const name = current && current.terms.length > 0 ? withoutTitles(current.name) : undefined;
    if (current && name) {
      const a = actorFor(name);
      for (const v of [current.name, ...current.variants]) addVariant(a, v);
      a.terms.push(...current.terms);
    }
    current = undefined;
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const role = /^\s+\[([A-Z]{3})([A-Z]{3})?[A-Z]*\s*(?:([<>]?)\s*(\d+)(?:-(\d+))?)?\s*\]/.exec(line);
    if (role) {
      if (!current) continue;
      const [, country, family, bound, a, b] = role;
      const kind = family ? PHOENIX_ROLE[family] : undefined;
      if (!countryCodes.has(country) || !kind) {
        skippedTerms++;
        continue;
      }
      const from = bound === '<' ? undefined : a ? phoenixDate(a) : undefined;
      const to = bound === '<' ? phoenixDate(a!) : b ? phoenixDate(b) : undefined;
      current.terms.push({ country, role: kind, ...(from ? { from } : {}), ...(to ? { to } : {}), source: 'phoenix' });
      continue;
    }
    if (/^\s/.test(line)) continue;
    if (line.startsWith('+')) {
      if (current) current.variants.push(displayName(line.slice(1).split(/\s/)[0]));
      continue;
    }
    flush();
    const [raw, rest = ''] = line.split(/\s+(.*)/);
    // A country entry carries its code on the same line ("AFGHANISTAN_  [AFG]"): not a person.
    if (/^\[/.test(rest.trim())) continue;
    current = { name: displayName(raw), variants: [], terms: [] };
  }
  flush();
}

/** RFC 4180 rows: the Wikidata export quotes labels that hold commas. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** Wikidata's English country label → alpha-3, through world-countries' names; unknown (unrecognised states) → undefined. */
function countryOfLabel(label: string): string | undefined {
  const bare = label.replace(/^(?:The |Kingdom of (?:the )?|Republic of (?:the )?|State of |People's Republic of )/, '');
  const forms = new Set([label, bare, `Republic of ${bare}`].map((s) => s.toLowerCase()));
  const found = worldCountries().find((c) => [c.common, c.official, ...c.altSpellings].some((n) => forms.has(n.toLowerCase())));
  return found?.cca3;
}

function officeRole(position: string): ActorRole {
  return /^(?:Prime Minister|Premier|Federal Chancellor|Chancellor|First Minister|Chief Executive|Chairman of the Council of Ministers)/i.test(position)
    ? 'head-of-government'
    : 'head-of-state';
}

const unmappedCountries = new Set<string>();
function readWikidata(file: string): void {
  const [header, ...rows] = csvRows(readFileSync(file, 'utf8'));
  const col = (name: string) => header.indexOf(name);
  const [country, position, holder, start, end] = ['country', 'positionLabel', 'officeholderLabel', 'start_year', 'end_year'].map(col);
  for (const r of rows) {
    if (r.length < header.length || /^Q\d+$/.test(r[holder])) continue;
    const code = countryOfLabel(r[country]);
    if (!code) {
      unmappedCountries.add(r[country]);
      continue;
    }
    const a = actorFor(r[holder]);
    // Wikidata's label has the accents the text may carry; Phoenix's capitals have none.
    if (a.name !== r[holder] && foldName(a.name) === foldName(r[holder])) a.name = r[holder];
    a.terms.push({ country: code, role: officeRole(r[position]), office: r[position], ...(r[start] ? { from: r[start] } : {}), ...(r[end] ? { to: r[end] } : {}), source: 'wikidata-2022' });
  }
}

function md5(file: string): string {
  return createHash('md5').update(readFileSync(file)).digest('hex');
}

// The international file's persons are UN and EU officials, whose codes are no country's: only the countries file is read.
const phoenixFiles = ['Phoenix.Countries.actors.txt'].map((f) => path.join(leaders, 'phoenix', f));
const wikidataFile = path.join(leaders, 'wikidata-2022', 'heads-of-state-and-government.csv');
for (const f of phoenixFiles) readPhoenix(f);
readWikidata(wikidataFile);

const termKey = (t: DerivedTerm) => [t.country, t.role, t.from ?? '', t.to ?? '', t.source, t.office ?? ''].join(' ');
const sources: DerivedActors['sources'] = [
  { id: 'phoenix', asOf: '2015-02-17', files: phoenixFiles.map((f) => ({ name: path.basename(f), md5: md5(f) })), licence: 'MIT', notice: 'Copyright (c) 2014 Open Event Data Alliance' },
  { id: 'wikidata-2022', asOf: '2022-10-10', files: [{ name: path.basename(wikidataFile), md5: md5(wikidataFile) }], licence: 'CC0-1.0', notice: 'Wikidata, released under CC0 1.0' },
];
const rows = [...actors.values()]
  .filter((a) => a.terms.length > 0)
  .map((a) => {
    const seen = new Set<string>();
    const terms = a.terms.filter((t) => !seen.has(termKey(t)) && !!seen.add(termKey(t))).sort((x, y) => (x.from ?? '').localeCompare(y.from ?? '') || termKey(x).localeCompare(termKey(y)));
    return { name: a.name, variants: [...a.variants].sort(), terms };
  })
  .sort((x, y) => foldName(x.name).localeCompare(foldName(y.name)) || x.name.localeCompare(y.name));
if (!rows.every((a) => a.terms.every((t) => ACTOR_ROLES.includes(t.role)))) throw new Error('a role outside ACTOR_ROLES');
const clean = (s: string) => s.replace(/[\t;\n]/g, ' ');
const tsv = [
  `# envoy's actor knowledge base, written by scripts/build-actors.ts (do not edit: rules/actors.yaml is the hand-kept file). Sources and licences: NOTICE.md`,
  ...sources.map((s) => `# source ${s.id} as of ${s.asOf} ${s.licence} ${s.files.map((f) => `${f.name} md5 ${f.md5}`).join(', ')}`),
  `# ${DERIVED_COLUMNS}`,
  ...rows.map((a) => [clean(a.name), a.variants.map(clean).join(';'), a.terms.map((t) => clean(formatTerm(t))).join(';')].join('\t')),
].join('\n');

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'leaders.tsv'), tsv + '\n');
const licence = readFileSync(phoenixFiles[0], 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('#'))
  .map((l) => l.replace(/^# ?/, ''))
  .join('\n');
const mitStart = licence.indexOf('The MIT License');
writeFileSync(
  path.join(outDir, 'NOTICE.md'),
  `# data/actors: sources and licences

\`leaders.tsv\` is written by \`scripts/build-actors.ts\` from two sources. It holds facts (names,
spelling variants, countries, roles and offices, dates in office), not the sources' text.

## Phoenix actor dictionaries (PETRARCH2), MIT

Phoenix.Countries.actors.txt from
https://github.com/openeventdata/petrarch2 (data/dictionaries, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf),
generated from the Computational Event Data System Project's CountryInfo.140130.txt
(http://eventdata.parusanalytics.com). Their notice:

\`\`\`
${licence.slice(mitStart).trim()}
\`\`\`

## Wikidata heads of state and government 2021-2022, CC0

data/wikidata.csv of github.com/every-politician-scrapers/world-leaders-2021 (commit
be7039cf5952d8121c4f1e24eea64cc5dd465633): Wikidata's data, released under the Creative Commons
CC0 1.0 Universal public domain dedication (https://creativecommons.org/publicdomain/zero/1.0/).

## rules/actors.yaml

Kept by hand for what the sources lack (leaders in office after 2015, nicknames, the Holy See):
facts with their dates, under the repository's own licence.
`,
);
const variants = rows.reduce((n, a) => n + a.variants.length, 0);
const terms = rows.reduce((n, a) => n + a.terms.length, 0);
console.log(`data/actors/leaders.tsv: ${rows.length} actors, ${variants} variants, ${terms} terms; ${skippedTerms} role lines outside a country or a kept role left out`);
if (unmappedCountries.size) console.log(`Wikidata countries with no ISO 3166-1 code, left out: ${[...unmappedCountries].sort().join(', ')}`);
