/**
 * Many file-system calls at once, but not all: `size` at a time, each batch awaited before the next starts. Tens of
 * thousands of calls awaited one after another wait on each other (seconds at 10,000 notes); all at once would open
 * as many files together.
 */

/** `run` on every item, `size` at a time; the results in the items' order. `onBatch` sees how many are done. */
export async function mapInBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>, onBatch?: (done: number) => void): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
    onBatch?.(Math.min(i + size, items.length));
  }
  return out;
}
