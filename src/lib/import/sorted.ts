/**
 * Bisection in a sorted array, so the import's per-question look-ups (the next structural line, a
 * body's blocks) stay logarithmic in the size of the notes rather than linear.
 */

/**
 * The index of the first item for which `before` is false, where `before` holds for a leading run of
 * `items` and for nothing after it; `items.length` when it holds for all.
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(items[middle] as T)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first of the ascending `lines` after `line`, or `otherwise` when none is. */
export function nextLineAfter(lines: readonly number[], line: number, otherwise: number): number {
  return lines[partitionPoint(lines, (other) => other <= line)] ?? otherwise;
}
