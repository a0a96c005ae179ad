/** Embeds on a line of their own as blocks (src/lib/markdown/obsidian/embeds.ts). */
import { describe, expect, it } from "vitest";
import { embeds } from "../../src/lib/markdown/obsidian/embeds.ts";
import { nodesOf, transformed } from "../helpers/markdown.ts";

describe("embeds on their own line", () => {
  it("cuts the paragraph around a line of embeds, which is marked embedsOnly, its embeds standalone", () => {
    const { tree } = transformed(embeds, "Before.\n![[A]] ![[B#Part]]\nAfter.");
    expect(tree.children.map((p) => [p.type === "paragraph" && p.children.map((c) => c.type), !!p.data?.embedsOnly])).toEqual([
      [["text"], false],
      [["wikiLink", "text", "wikiLink"], true],
      [["text"], false],
    ]);
    expect(nodesOf(tree, "wikiLink").map((l) => l.data?.standalone)).toEqual([true, true]);
  });

  it("leaves an embed within a line of text, and a plain link on its own line, inline", () => {
    const { tree } = transformed(embeds, "See ![[A]] here.\n[[B]]");
    expect(tree.children).toHaveLength(1);
    expect(nodesOf(tree, "wikiLink").map((l) => l.data?.standalone)).toEqual([undefined, undefined]);
  });
});
