/**
 * Survey of visits found in sport and entertainment news, where almost nothing
 * is a diplomatic visit: a team's tour, an athlete travelling to a tournament,
 * a band's tour dates or a film festival are not visits (see
 * ../shared/eval/GOLD-FORMAT.md, "What counts as a visit"). It runs envoy's
 * library `extract()` over a deterministic sample of the BBC corpus's sport and
 * entertainment sections (or all of them with --all), with no reference date,
 * and prints every visit it finds — file, visitors (with the entity type and
 * rule that typed them), visitorCountry, destination, status, rule, evidence
 * spans and the sentence(s) they lie in — so that a reader can classify each
 * one as a real visit or a false positive and see which rule to fix. It asserts
 * nothing and exits 0 whatever it finds; it is a reading aid, not a test.
 *
 *   node --import tsx scripts/survey-nonvisits.ts [CORPUS_DIR] [--sample N] [--seed S] [--all]
 *
 * CORPUS_DIR defaults to ../shared/data/news-corpus (beside the repository) and
 * must hold sport/ and entertainment/ folders of *.txt; when it is absent the
 * survey says so and exits 0. The sample: each section's files sorted by name,
 * shuffled with a seeded PRNG (mulberry32, default seed 1), the first ⌈N/2⌉
 * sport and ⌊N/2⌋ entertainment files taken (default N = 50: 25 + 25), then
 * surveyed in file-name order. Corpus text is only printed, never written.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { extract, type Extraction, type Span } from '../src/index.ts';
import { seededRandom } from './seeded-random.ts';

const SECTIONS = ['sport', 'entertainment'] as const;
const DEFAULT_CORPUS = path.resolve(import.meta.dirname, '../../shared/data/news-corpus');
const USAGE = 'usage: node --import tsx scripts/survey-nonvisits.ts [CORPUS_DIR] [--sample N] [--seed S] [--all]';

interface Options {
  corpus: string;
  sample: number;
  seed: number;
  all: boolean;
}

function usage(message: string): never {
  console.error(`survey-nonvisits: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const options: Options = { corpus: DEFAULT_CORPUS, sample: 50, seed: 1, all: false };
  let corpusGiven = false;
  const integer = (flag: string, value: string | undefined, min: number): number => {
    if (value === undefined || !/^-?\d+$/.test(value) || Number(value) < min) usage(`${flag} needs an integer ≥ ${min}`);
    return Number(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--all') options.all = true;
    else if (arg === '--sample') options.sample = integer('--sample', argv[++i], 1);
    else if (arg === '--seed') options.seed = integer('--seed', argv[++i], 0);
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else if (corpusGiven) usage(`more than one corpus directory (${options.corpus}, ${arg})`);
    else {
      options.corpus = path.resolve(arg);
      corpusGiven = true;
    }
  }
  return options;
}

/** Fisher–Yates over a copy. */
function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function articlesOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt') && statSync(path.join(dir, name)).isFile())
    .sort(byName);
}

/** The files to survey, as paths relative to the corpus ("sport/001.txt"), in file-name order. */
function selection(options: Options): string[] {
  const chosen: string[] = [];
  SECTIONS.forEach((section, k) => {
    const names = articlesOf(path.join(options.corpus, section));
    if (options.all) {
      chosen.push(...names.map((n) => `${section}/${n}`));
      return;
    }
    // Sport takes the odd one when N is odd; each section has its own stream, so one section's size never moves the other's sample.
    const want = k === 0 ? Math.ceil(options.sample / 2) : Math.floor(options.sample / 2);
    const picked = shuffled(names, seededRandom(options.seed * 2 + k)).slice(0, want).sort(byName);
    chosen.push(...picked.map((n) => `${section}/${n}`));
  });
  return chosen;
}

/**
 * Sentence bounds around `at` for reading only: a line break, or . ! ? (and a
 * closing quote) before white space, ends a sentence. envoy's own sentences
 * are not in `extract()`'s output; this is close enough to show the context.
 */
function sentenceAround(text: string, at: number): { start: number; end: number } {
  const END = /[.!?]['"’”)]*\s|\n/g;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(END)) {
    const boundary = m.index + m[0].length;
    if (boundary <= at) start = boundary;
    else {
      end = m.index + m[0].trimEnd().length;
      break;
    }
  }
  return { start, end };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function report(file: string, extraction: Extraction, text: string): void {
  const entity = new Map(extraction.entities.map((e) => [e.id, e]));
  for (const event of extraction.events) {
    const visitors =
      event.visitors
        .map((v) => {
          const e = v.entity ? entity.get(v.entity) : undefined;
          const typed = e ? ` [${e.type}, ${e.rule}${e.country ? `, ${e.country}` : ''}]` : ' [no entity]';
          return `${v.title ? `${v.title} ` : ''}${v.name}${typed}`;
        })
        .join('; ') || '(none named)';
    const destination = `${event.destination.country ?? '-'}${event.destination.place ? ` / ${event.destination.place}` : ''}`;
    console.log(`\n${file}  ${event.id}  rule ${event.rule}  status ${event.status}${event.when ? `  when ${event.when.value} ("${event.when.text}")` : ''}`);
    console.log(`  visitors:       ${visitors}`);
    console.log(`  visitorCountry: ${event.visitorCountry ?? '-'}`);
    console.log(`  destination:    ${destination}`);
    if (event.met.length) console.log(`  met:            ${event.met.map((m) => m.name).join('; ')}`);
    console.log(`  evidence:       ${event.evidence.map((s: Span) => `"${oneLine(s.text)}"@${s.start}`).join(', ')}`);
    const sentences = new Map<number, { start: number; end: number }>();
    for (const s of event.evidence) {
      const bounds = sentenceAround(text, s.start);
      sentences.set(bounds.start, bounds);
    }
    for (const bounds of [...sentences.values()].sort((a, b) => a.start - b.start))
      console.log(`  sentence:       ${oneLine(text.slice(bounds.start, bounds.end))}`);
  }
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const missing = [options.corpus, ...SECTIONS.map((s) => path.join(options.corpus, s))].find((dir) => !existsSync(dir) || !statSync(dir).isDirectory());
  if (missing !== undefined) {
    console.log(`survey-nonvisits: ${missing} not found; nothing to survey`);
    process.exit(0);
  }
  const files = selection(options);
  console.log(
    `survey-nonvisits: ${options.corpus}, ${options.all ? 'all sport and entertainment articles' : `sample of ${options.sample}, seed ${options.seed}`}: ${files.length} articles, no reference date`,
  );
  let visits = 0;
  let withVisit = 0;
  const failed: string[] = [];
  for (const file of files) {
    const full = path.join(options.corpus, file);
    let extraction: Extraction;
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
      extraction = extract(text, { id: path.basename(file, '.txt'), source: file });
    } catch (err) {
      failed.push(file);
      console.log(`\n${file}  FAILED: ${(err as Error).message}`);
      continue;
    }
    // extract() drops a leading byte-order mark; offsets are into the text after it.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    visits += extraction.events.length;
    if (extraction.events.length) withVisit++;
    report(file, extraction, text);
  }
  const perSection = SECTIONS.map((s) => `${files.filter((f) => f.startsWith(`${s}/`)).length} ${s}`).join(' + ');
  console.log(
    `\nsummary: ${files.length} articles (${perSection}), ${visits} visits found, ${withVisit} articles with any visit${failed.length ? `, ${failed.length} failed (${failed.join(', ')})` : ''}`,
  );
}

main();
