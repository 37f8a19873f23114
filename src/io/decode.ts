/**
 * Turning an article's bytes into text: UTF-8 first, a byte-order mark for
 * UTF-16, and a detected single-byte encoding (Windows-1252, Latin-1 …) for
 * older files. Binary data and corrupt UTF-8 are refused rather than guessed at.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { text: string; encoding?: string } | { problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Share of control characters (other than tab, line breaks, form feed and escape) above which bytes are not text. */
const MAX_CONTROL_SHARE = 0.1;
const SAMPLE_BYTES = 65_536;
const DETECT_BYTES = 262_144;

function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes.subarray(2)), encoding: label.toUpperCase() };
  } catch {
    return { problem: `invalid ${label.toUpperCase()} text after its byte-order mark` };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) return true;
  let controls = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  return controls > sample.length * MAX_CONTROL_SHARE;
}

/**
 * Walks the bytes as UTF-8: where the first invalid sequence starts, and
 * whether any valid multi-byte sequence came before it. Text in a single-byte
 * encoding almost never forms one, so a valid sequence means corrupt UTF-8.
 */
function scanUtf8(bytes: Uint8Array): { firstInvalid: number; sawMultibyte: boolean } {
  let sawMultibyte = false;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return { firstInvalid: i, sawMultibyte };
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return { firstInvalid: i, sawMultibyte };
    if (length > 1) sawMultibyte = true;
    i += length;
  }
  return { firstInvalid: -1, sawMultibyte };
}

export function decodeArticleBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (looksBinary(bytes)) return { problem: 'binary file (NUL or control bytes), not text' };
  // A UTF-8 byte-order mark is not part of the article.
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: utf8.decode(hasBom ? bytes.subarray(3) : bytes) };
  } catch {
    // Not UTF-8: corrupt, or an older single-byte encoding.
  }
  const { firstInvalid, sawMultibyte } = scanUtf8(bytes);
  if (hasBom || sawMultibyte) {
    return { problem: `not valid UTF-8 text (invalid byte 0x${bytes[firstInvalid].toString(16)} at offset ${firstInvalid})` };
  }
  // The detectors only need text around the non-ASCII bytes, not a whole 50 MB file.
  const sample = bytes.subarray(Math.max(0, firstInvalid - 1024), firstInvalid + DETECT_BYTES);
  const detected = chardet.analyse(sample).find((c) => !c.name.startsWith('UTF') && c.name !== 'ASCII' && iconv.encodingExists(c.name));
  if (detected === undefined) return { problem: `not valid UTF-8 text (invalid byte at offset ${firstInvalid}) and no other encoding recognised` };
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), detected.name), encoding: detected.name };
}
