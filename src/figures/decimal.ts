/**
 * Exact decimal scaling. "272.9" × 10^9 must be 272900000000, but 272.9 * 1e9
 * is 272900000000.00003, so the decimal point is moved in the digit string and
 * the result parsed once.
 */

/** The number written as `digits` ("1,234.5", Indian "5,00,000" too) times 10^power. */
export function scaleDecimal(digits: string, power: number): number {
  const [whole, fraction = ''] = digits.replace(/,/g, '').split('.');
  const all = whole + fraction;
  const point = whole.length + power;
  if (point <= 0) return Number(`0.${'0'.repeat(-point)}${all}`);
  if (point >= all.length) return Number(all + '0'.repeat(point - all.length));
  return Number(`${all.slice(0, point)}.${all.slice(point)}`);
}
