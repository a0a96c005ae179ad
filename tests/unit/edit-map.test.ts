/**
 * micromark's EditMap with `consume` replaced (src/lib/markdown/edit-map-fix.ts): on any events and any edits, the
 * same result as the original, which copied every event.
 */
import fc from "fast-check";
import { EditMap } from "micromark-util-edit-map";
import { describe, expect, it } from "vitest";
import { consumeFromFirstEdit, originalConsume } from "../../src/lib/markdown/edit-map-fix.ts";

type Ev = Parameters<EditMap["add"]>[2][number];
const event = (n: number) => ["enter", { type: `t${n}` }, {}] as unknown as Ev;

describe("EditMap.consume, replaced", () => {
  it("is the one micromark uses once the parser is loaded", async () => {
    await import("../../src/lib/markdown/index.ts");
    expect(EditMap.prototype.consume).toBe(consumeFromFirstEdit);
    expect(originalConsume).not.toBe(consumeFromFirstEdit);
  });

  it("applies any edits exactly as the original does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.array(fc.nat({ max: 999 }), { maxLength: 4 }), fc.boolean()), { maxLength: 8 }),
        (size, edits) => {
          const events = Array.from({ length: size }, (_x, i) => event(1000 + i));
          const [a, b] = [new EditMap(), new EditMap()];
          for (const [at, remove, add, before] of edits) {
            const index = size ? at % (size + 1) : 0;
            const removed = Math.min(remove, size - index);
            for (const m of [a, b]) (before ? m.addBefore : m.add).call(m, index, removed, add.map(event));
          }
          const [x, y] = [[...events], [...events]];
          originalConsume.call(a, x);
          b.consume(y);
          expect(y.map((e) => e[1].type)).toEqual(x.map((e) => e[1].type));
        },
      ),
      { numRuns: 500 },
    );
  });
});
