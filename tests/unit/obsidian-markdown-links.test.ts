/** Markdown links to the vault's files read as wikilinks (src/lib/markdown/obsidian/markdown-links.ts). */
import { describe, expect, it } from "vitest";
import { markdownLinks } from "../../src/lib/markdown/obsidian/markdown-links.ts";
import { nodesOf, transformed } from "../helpers/markdown.ts";

describe("Markdown links to notes and files", () => {
  it("reads [text](Other%20note.md#Heading) and ![alt](image.png) as the wikilinks they are, keeping their places", () => {
    const { tree } = transformed(markdownLinks, "See [the *other*](Other%20note.md#Part%20two) and ![a chart](img/c.png) or [b](N.md#^blk).");
    const links = nodesOf(tree, "wikiLink");
    expect(links.map(({ target, heading, block, label, embed }) => ({ target, heading, block, label, embed }))).toEqual([
      { target: "Other note.md", heading: "Part two", block: undefined, label: "the ", embed: false },
      { target: "img/c.png", heading: undefined, block: undefined, label: "a chart", embed: true },
      { target: "N.md", heading: undefined, block: "blk", label: "b", embed: false },
    ]);
    expect(links[0].position?.start.column).toBe(5);
    expect(links[0].children.map((c) => c.type)).toEqual(["text", "emphasis"]);
  });

  it("leaves web, protocol-relative and site-absolute addresses as links", () => {
    const { tree } = transformed(markdownLinks, "[a](https://e.org/x.md) [b](//e.org/y) [c](/z) [d](mailto:x@e.org)");
    expect(nodesOf(tree, "wikiLink")).toEqual([]);
    expect(nodesOf(tree, "link")).toHaveLength(4);
  });
});
