/** Parsing and checking reference dates given by users or sidecar files. */

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Validates an ISO 8601 date at year, month or day precision and returns it
 * unchanged; throws with a plain message otherwise.
 */
export function parseReferenceDate(value: string): string {
  const m = ISO_PARTIAL.exec(value.trim());
  if (!m) throw new Error(`reference date '${value}' is not YYYY, YYYY-MM or YYYY-MM-DD`);
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) throw new Error(`reference date '${value}' has no month ${mo}`);
  if (d !== undefined) {
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (date.getUTCDate() !== Number(d)) throw new Error(`reference date '${value}' is not a calendar day`);
  }
  return value.trim();
}
