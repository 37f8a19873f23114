/**
 * The text as envoy's patterns read it: the same length as the article, with
 * every character a reader does not see as a letter or mark made the
 * whitespace it stands for. Offsets found in it are offsets into the article.
 *
 * Why: wink-nlp silently drops some of these characters (U+FEFF, U+000B,
 * U+000C, U+2028, U+3000, U+2000-U+2008 …), chrono and the figure grammar
 * treat others (ZWJ, bidi marks, soft hyphens) as letters, and a name read
 * across them would carry them. Made plain, they are what they are: spaces
 * and line breaks.
 */

/**
 * - line and paragraph separators, vertical tab, form feed and NEL (U+0085) break lines;
 * - tabs and other controls, every space but U+0020, format characters (BOM, zero-width
 *   space/joiners, bidi marks, soft hyphen, word joiner) and a combining mark with
 *   no base before it (after a space or a line's start) are spaces.
 */
const LINE_BREAK_LIKE = '\\v\\f\\x85\\u2028\\u2029';
const PLAIN_BREAK = new RegExp(`[${LINE_BREAK_LIKE}]`, 'v');
const NOT_PLAIN = new RegExp(`[${LINE_BREAK_LIKE}]|[[\\p{Cc}\\p{Zs}\\p{Cf}]--[\\n\\r ]]|(?<=^|[\\s\\p{Cf}\\p{Cc}])\\p{M}+`, 'gv');
/** Whether any such character occurs: the common article has none and is returned as it is. */
const HAS_NOT_PLAIN = new RegExp(NOT_PLAIN.source, 'v');

export function plainText(text: string): string {
  if (!HAS_NOT_PLAIN.test(text)) return text;
  // Each replacement keeps the match's length, so a surrogate pair (a format tag) becomes two spaces.
  return text.replace(NOT_PLAIN, (m) => (PLAIN_BREAK.test(m) ? '\n'.repeat(m.length) : ' '.repeat(m.length)));
}

/** A leading byte-order mark, which is not part of the article (the CLI and the library both drop it). */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
