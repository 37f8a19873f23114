/**
 * Words that point at the time of writing: "now", "currently" → PRESENT_REF; "recently",
 * "(in) recent years", "(in) the past" → PAST_REF; "(in) the future", "soon",
 * "(in) (the) coming weeks", "the near future", "the short term" → FUTURE_REF; and the days around it: "today", "yesterday",
 * "tomorrow", "tonight", "last night", "this morning".
 *
 * Chrono's casual parser turns "now" into an instant and "today" into a day even when the
 * reference date has no day; here the day words are relative notes that timeml.ts resolves only
 * when the reference date has a day, and falls back to PRESENT_REF/PAST_REF/FUTURE_REF otherwise.
 * The leading "in" of "in recent years" is not part of the span.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import type { Note } from '../notes.ts';
import { fixed, resultAt, wordAfter, type EnvoyParser } from '../result.ts';

const PRESENT = fixed('PRESENT_REF');
const PAST = fixed('PAST_REF');
const FUTURE = fixed('FUTURE_REF');

const PHRASES: Record<string, Note> = {
  now: PRESENT, 'right now': PRESENT, currently: PRESENT, 'at present': PRESENT, presently: PRESENT,
  nowadays: PRESENT, 'these days': PRESENT,
  recently: PAST, lately: PAST, 'the past': PAST,
  'the future': FUTURE, future: FUTURE, soon: FUTURE,
  today: { kind: 'relative', unit: 'day', offset: 0 },
  yesterday: { kind: 'relative', unit: 'day', offset: -1 },
  tomorrow: { kind: 'relative', unit: 'day', offset: 1 },
  tonight: { kind: 'relative', unit: 'day', offset: 0, suffix: 'TNI' },
  'last night': { kind: 'relative', unit: 'day', offset: -1, suffix: 'TNI' },
  'this morning': { kind: 'relative', unit: 'day', offset: 0, suffix: 'TMO' },
  'this afternoon': { kind: 'relative', unit: 'day', offset: 0, suffix: 'TAF' },
  'this evening': { kind: 'relative', unit: 'day', offset: 0, suffix: 'TEV' },
};

/**
 * No optional group in front: a pattern that may start with "in" or "the" is tried at every one
 * and is twice as slow. "the" before "coming weeks" and "(near) future" is read backwards.
 */
const PATTERN =
  /\b(?:(recent\s+(?:years|months|weeks|days|decades|times)|coming\s+(?:days|weeks|months|years|decades|quarters))|in\s+(the\s+past|future)|((?:near\s+|distant\s+)?future(?!\s+of\b)|(?:near|short|medium|long)\s+term(?![-\w]))|(right\s+now|now|currently|at\s+present|presently|nowadays|these\s+days|today|tonight|yesterday|tomorrow|recently|lately|soon(?!\s+after)|last\s+night|this\s+(?:morning|afternoon|evening)))\b/i;
const THE_BEFORE = /\bthe\s+$/i;

export default class DeicticParser implements EnvoyParser {
  readonly rule = 'envoy/deictic';
  /** Every phrase of the pattern ends with the last word of one of PHRASES, or turns on "recent", "coming" or "term"; a fifth of the corpus's text has none. */
  readonly cue = { words: [...new Set(Object.keys(PHRASES).map((phrase) => phrase.split(' ').at(-1)!)), 'recent', 'coming', 'term'] };

  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const text = context.text;
    const [, relative, afterIn, afterThe, word] = match;
    const end = match.index! + match[0].length;
    let start = end - (relative ?? afterIn ?? afterThe ?? word).length;
    const the = THE_BEFORE.exec(text.slice(Math.max(0, start - 5), start));
    // "the near future", "the short term" need their article ("future losses", "short term" loans are none);
    // "the coming weeks" takes it in.
    if (afterThe && !the) return null;
    if (the && (afterThe || relative?.toLowerCase().startsWith('coming'))) start -= the[0].length;
    const phrase = text.slice(start, end);
    const key = phrase.toLowerCase().replace(/\s+/g, ' ');
    let note = PHRASES[key];
    if (!note) note = key.startsWith('recent') ? PAST : FUTURE; // recent …, (the) coming …, the near future, the short term
    if (key === 'soon' && /\bas\s+$/i.test(text.slice(Math.max(0, start - 4), start))) return null; // "as soon as"
    // "BBC Radio 4's Today programme", "USA Today": a capitalised "Today" inside a sentence is a name.
    if (phrase === 'Today' && !/(^|[.!?:"“”`'‘]\s*|\n\s*)$/.test(text.slice(Math.max(0, start - 3), start))) return null;
    if (key === 'today' && /^(programme|show)$/i.test(wordAfter(text, end))) return null;
    return resultAt(context, start, end, note);
  }
}
