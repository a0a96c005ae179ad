/** Heading ids and block anchors (src/lib/markdown/anchors.ts), made once on the tree for every note. */
import { describe, expect, it } from "vitest";
import { addAnchors } from "../../src/lib/markdown/anchors.ts";
import { parseMarkdown } from "../../src/lib/markdown/index.ts";
import { nodesOf } from "../helpers/markdown.ts";

describe("anchors", () => {
  it("gives headings GitHub's ids, numbering repeats in document order, a link read as its label or target", () => {
    const tree = parseMarkdown("# Hello, World!\n\n## Hello World\n\n> # Hello world\n\n## See [[Other note|the other]] and [[X#Part]]");
    addAnchors(tree);
    expect(nodesOf(tree, "heading").map((h) => h.data?.hProperties?.id)).toEqual(["hello-world", "hello-world-1", "hello-world-2", "see-the-other-and-part"]);
  });

  it("takes a trailing ^id off a paragraph, anchoring it or the list item it is the content of, and lists every id in order", () => {
    const tree = parseMarkdown("Para one ^p1\n\n- item ^li\n- other\n\nNo id^here");
    tree.children[2].data = { blockId: "moved" }; // as obsidian/block-ids.ts leaves a lone `^moved` line's id
    addAnchors(tree);
    const [para, list, last] = tree.children;
    expect(para.data?.hProperties?.id).toBe("^p1");
    expect(para.type === "paragraph" && para.children).toMatchObject([{ type: "text", value: "Para one" }]);
    expect(list.type === "list" && list.children[0].data?.hProperties?.id).toBe("^li");
    expect(last.data?.hProperties).toBeUndefined(); // `^` inside a word names nothing
    expect(tree.data?.blockIds).toEqual(["p1", "li", "moved"]);
  });
});
