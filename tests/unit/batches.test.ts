/** src/lib/batches.ts: many calls at once, never more than a batch, results in order. */
import { describe, expect, it } from "vitest";
import { mapInBatches } from "../../src/lib/batches.ts";

describe("mapInBatches", () => {
  it("runs at most a batch at a time, and gives every result in the items' order", async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const items = Array.from({ length: 150 }, (_, i) => i);
    const out = await mapInBatches(
      items,
      64,
      async (i) => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, (i * 7) % 5)); // finishing out of order
        running--;
        return i * 2;
      },
      (n) => done.push(n),
    );
    expect(out).toEqual(items.map((i) => i * 2));
    expect(most).toBe(64);
    expect(done).toEqual([64, 128, 150]);
    expect(await mapInBatches([], 64, async () => 1)).toEqual([]);
  });
});
