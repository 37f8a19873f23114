/** Word lists and pattern fragments shared by envoy's date parsers. Compiled once, at load. */

const UNITS_0_19 = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Quantity phrases → value; `null` for vague quantities (few, several, many …) that TimeML writes as X. */
const QUANTITIES: Record<string, number | null> = {
  a: 1, an: 1, single: 1, 'a single': 1, 'a couple of': 2, 'couple of': 2, 'a couple': 2, 'a pair of': 2,
  'a dozen': 12, dozen: 12, 'a hundred': 100, hundred: 100, 'one hundred': 100, 'a thousand': 1000,
  'a few': null, few: null, several: null, many: null, 'so many': null, 'a number of': null, 'the past few': null,
};

const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|');

/** A number written in digits ("20", "1,000", "2.5", "5 1/2", "2½") or in words ("twenty-five", "eleven", "a few"). */
export const NUMBER =
  `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\s+1/2|½)|\\d+(?:\\.\\d+)?|(?:${TENS.join('|')})(?:[-\\s](?:${UNITS_0_19.slice(1, 10).join('|')}))?|${alt(UNITS_0_19.slice(0).concat(Object.keys(QUANTITIES)))})`;

const CENTURY_WORDS = ['eighteen', 'nineteen'];

/**
 * A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "nineteen
 * seventy", "nineteen hundred", "two thousand", "two thousand and one".
 */
export const SPELLED_YEAR = `(?:(?:${CENTURY_WORDS.join('|')})[\\s-]+(?:(?:${TENS.join('|')})(?:[\\s-](?:${UNITS_0_19.slice(1, 10).join('|')}))?|${UNITS_0_19.slice(10).join('|')}|hundred)|two\\s+thousand(?:\\s+(?:and\\s+)?(?:${UNITS_0_19.slice(1).join('|')}))?)`;

/** The words a SPELLED_YEAR match cannot be without: its century word or "thousand". */
export const SPELLED_YEAR_WORDS = [...CENTURY_WORDS, 'thousand'];

/** Value of a SPELLED_YEAR match. */
export function spelledYearValue(text: string): number {
  const words = text.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and');
  if (words[0] === 'two') return 2000 + (words[2] ? UNITS_0_19.indexOf(words[2]) : 0);
  const century = UNITS_0_19.indexOf(words[0]) * 100;
  if (words[1] === 'hundred') return century;
  const tens = TENS.indexOf(words[1]);
  return century + (tens >= 0 ? (tens + 2) * 10 + (words[2] ? UNITS_0_19.indexOf(words[2]) : 0) : UNITS_0_19.indexOf(words[1]));
}

/** Value of a NUMBER match; null for vague quantities. */
export function numberValue(text: string): number | null {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  if (/^[\d,.]+$/.test(t)) return Number(t.replace(/,/g, ''));
  const half = /^(\d+)(?: 1\/2|½)$/.exec(t);
  if (half) return Number(half[1]) + 0.5;
  const compound = /^([a-z]+)(?:[- ]([a-z]+))?$/.exec(t);
  if (compound && TENS.includes(compound[1])) return (TENS.indexOf(compound[1]) + 2) * 10 + (compound[2] ? UNITS_0_19.indexOf(compound[2]) : 0);
  const unit = UNITS_0_19.indexOf(t);
  if (unit >= 0) return unit;
  return QUANTITIES[t] ?? null;
}

/** Singular unit of a unit word: "centuries" → "century", "years" → "year", "yr" → "year". */
export function unitOf(word: string): string {
  const w = word.toLowerCase();
  if (w === 'centuries') return 'century';
  if (w === 'millennia') return 'millennium';
  if (w === 'yr' || w === 'yrs') return 'year';
  if (w === 'hrs' || w === 'hr') return 'hour';
  if (w === 'mins' || w === 'min') return 'minute';
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

export const UNIT_WORD = '(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millennium|millennia)';

export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** The abbreviations of month names chrono reads (with or without a dot). */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

/**
 * Plural nouns that make a four-digit number a count rather than a year: "1957 troops", "2014 people".
 * Time units are here too: "2000 years" is a duration, not the year 2000.
 */
export const COUNT_NOUNS = new Set(
  (
    'people persons men women children kids babies adults residents citizens civilians troops soldiers police officers ' +
    'officials workers jobs staff employees members votes voters seats cases deaths dead casualties injuries refugees ' +
    'migrants asylum-seekers students pupils teachers doctors nurses patients users customers subscribers fans spectators ' +
    'homes houses households flats buildings cars vehicles trucks planes aircraft ships tanks weapons missiles guns units ' +
    'copies shares points metres meters feet foot miles km kilometres kilometers tonnes tons barrels acres hectares ' +
    'pounds dollars euros yen yuan calories words pages games matches goals runs wickets laps times items products ' +
    'companies firms businesses schools hospitals villages towns cities species animals birds cattle sheep trees ' +
    'signatures applications complaints arrests prisoners detainees hostages delegates participants visitors tourists ' +
    'passengers flights messages emails calls songs albums films episodes seconds minutes hours days nights weeks ' +
    'months years decades centuries gmt bst utc hrs'
  ).split(' '),
);

/** Prepositions after which a four-digit number is a year even when a plural noun follows ("in 2014 people voted"). */
export const YEAR_PREPOSITIONS = new Set(['in', 'since', 'until', 'till', 'during', 'before', 'after', 'circa', 'c.']);

/**
 * Words that can follow an adverb of frequency ("rallies are held daily outside", "paid
 * annually since 1980"): any other word after it makes it an adjective ("quarterly dividend",
 * "daily flights"), which names a kind of thing rather than a time.
 */
export const AFTER_ADVERB = new Set(
  (
    'and or but nor so yet than as while when whenever if because although though until till since before after ' +
    'in on at by for from to with without within through throughout during over under outside inside near about around ' +
    'across along among against between into onto upon per via the a an this that these those its their his her our ' +
    'is are was were be been being will would shall should can could may might must has have had do does did ' +
    'thereafter afterwards again too also instead now then there here anyway'
  ).split(' '),
);
