/** Offsets in a text and the 1-based lines and columns messages name, for every module that maps one to the other. */

/** Where each line of `text` starts (offset 0 first). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The index of the last of `sorted` (ascending) that is at most `value`; 0 when none is. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The 1-based line and column of `offset`, given the text's `lineStarts`. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  const i = lastAtOrBefore(starts, offset);
  return { line: i + 1, column: offset - starts[i] + 1 };
}
