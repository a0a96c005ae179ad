/** `$math$` as Obsidian delimits it (src/lib/markdown/obsidian/math.ts). */
import { describe, expect, it } from "vitest";
import { math } from "../../src/lib/markdown/obsidian/math.ts";
import { nodesOf, textOf, transformed } from "../helpers/markdown.ts";

describe("math", () => {
  it("keeps $x^2$ as math, and marks $$…$$ inside a paragraph as displayed", () => {
    const { tree } = transformed(math, "Area $x^2$ and $$\\sum_i i$$ here.");
    expect(nodesOf(tree, "inlineMath").map((m) => [m.value, !!m.data?.display])).toEqual([["x^2", false], ["\\sum_i i", true]]);
  });

  it('reads "$5 and $10" as text, as Obsidian does: a space after the opening $ or before the closing one, or a digit after it', () => {
    for (const text of ["It costs $5 and $10.", "a $ b$ c", "a $b $ c", "a $b$1 c"]) {
      const { tree } = transformed(math, text);
      expect(nodesOf(tree, "inlineMath")).toEqual([]);
      expect(textOf(tree)).toBe(text); // one text node again, as written
    }
  });
});
