/** Binary searches over sorted lists, shared by the stages. */

/** The first index in [0, length) where `before(index)` is false, for a `before` that holds on a prefix and nowhere after. */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of ascending `sorted` that is at least `value`. */
export function lowerBound(sorted: readonly number[], value: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i] < value);
}
