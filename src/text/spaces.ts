/**
 * A text with every run of spaces read as one space, and the way back to the
 * original's offsets. Why: chrono's patterns allow a few spaces between a
 * date's parts, not a run ("14 April    2023" loses its day), and justified or
 * converted text (pdftotext, invisible characters made spaces) has runs.
 */
export interface CompactText {
  text: string;
  /** The original offset of each code unit of `text`, and one past the end. */
  origin: Int32Array;
}

const SPACE_RUN = / {2,}/g;

/** The text with runs of U+0020 made one; undefined when it has no run (the common case costs one search). */
export function compactSpaces(text: string): CompactText | undefined {
  if (!text.includes('  ')) return undefined;
  const origin = new Int32Array(text.length + 1);
  let out = '';
  let from = 0;
  let k = 0;
  for (const m of text.matchAll(SPACE_RUN)) {
    const keep = m.index + 1;
    out += text.slice(from, keep);
    for (let i = from; i < keep; i++) origin[k++] = i;
    from = m.index + m[0].length;
  }
  out += text.slice(from);
  for (let i = from; i <= text.length; i++) origin[k++] = i;
  return { text: out, origin: origin.subarray(0, k) };
}
