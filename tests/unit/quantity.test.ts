/** Numbers as readers take them in: counts compact, compute in powers of ten, hand-written sizes read as numbers. */
import { describe, expect, it } from "vitest";
import { countOf, quantity } from "../../src/lib/views/values.ts";

describe("quantity", () => {
  it("shows counts compact and compute in powers of ten; text as written", () => {
    expect(quantity("102000000000", "count")).toBe("102B");
    expect(quantity("1000000000000", "count")).toBe("1T");
    expect(quantity("8386", "count")).toBe("8.39K");
    expect(quantity("512", "count")).toBe("512");
    expect(quantity("1.52e+24", "flop")).toBe("1.52 × 10²⁴ FLOP");
    expect(quantity("1e+21", "flop")).toBe("10²¹ FLOP");
    expect(quantity("75474000000", "flop")).toBe("7.55 × 10¹⁰ FLOP");
    expect(quantity("120B", "count")).toBe("120B");
    expect(quantity("about 7B", "count")).toBe("about 7B");
  });

  it("reads hand-written sizes as numbers, for sorting", () => {
    expect(countOf("120B")).toBe(120e9);
    expect(countOf("1.5T")).toBe(1.5e12);
    expect(countOf("671000000000")).toBe(671e9);
    expect(countOf("4.02e+24")).toBe(4.02e24);
    expect(countOf("about 7B")).toBeNaN();
  });
});
