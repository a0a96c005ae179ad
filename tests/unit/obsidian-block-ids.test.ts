/** Block ids on a line of their own (src/lib/markdown/obsidian/block-ids.ts). */
import { describe, expect, it } from "vitest";
import { blockIdLines } from "../../src/lib/markdown/obsidian/block-ids.ts";
import { transformed } from "../helpers/markdown.ts";

describe("block ids on their own line", () => {
  it("moves ^id onto the list, quote or table before it, and drops its paragraph", () => {
    const { tree } = transformed(blockIdLines, "- a\n- b\n\n^list-1\n\n> quoted\n\n^q\n\n| x |\n| - |\n| 1 |\n\n^t");
    expect(tree.children.map((c) => [c.type, c.data?.blockId, c.data?.hProperties?.id])).toEqual([
      ["list", "list-1", "^list-1"],
      ["blockquote", "q", "^q"],
      ["table", "t", "^t"],
    ]);
  });

  it("keeps ^id as text after a heading, a rule or at the start, and never moves two ids onto one block", () => {
    const { tree } = transformed(blockIdLines, "^first\n\n# H\n\n^h\n\n---\n\n^r\n\ntext\n\n^a\n\n^b");
    expect(tree.children.map((c) => c.type)).toEqual(["paragraph", "heading", "paragraph", "thematicBreak", "paragraph", "paragraph", "paragraph"]);
    expect(tree.children[5].data?.blockId).toBe("a");
    expect(tree.children[6].data).toBeUndefined();
  });
});
