/** Inline `#tags` (src/lib/markdown/obsidian/tags.ts): which `#` starts a tag, nested tags, what is left alone. */
import { describe, expect, it } from "vitest";
import { tagPath, tags } from "../../src/lib/markdown/obsidian/tags.ts";
import { BASE_MARK } from "../../src/lib/markdown/markers.ts";
import { nodesOf, transformed } from "../helpers/markdown.ts";

describe("inline tags", () => {
  it("reads #tag and #nested/tag after a space or at a line's start, lowercase, in order, keeping the text as written", () => {
    const { tree, context } = transformed(tags, "#Alpha then #beta/Gamma, and #Alpha again");
    expect(context.tags).toEqual(["alpha", "beta/gamma", "alpha"]);
    expect(nodesOf(tree, "inlineTag").map((t) => t.value)).toEqual(["Alpha", "beta/Gamma", "Alpha"]);
    expect(nodesOf(tree, "text").map((t) => t.value)).toEqual([" then ", ", and ", " again"]);
  });

  it("links each tag to its page under the site's base, each part percent-encoded", () => {
    const { tree } = transformed(tags, "a #café/x y");
    expect(nodesOf(tree, "inlineTag")[0].data?.hProperties?.href).toBe(`${BASE_MARK}tags/caf%C3%A9/x/`);
    expect(tagPath("a//b/")).toBe("tags/a/b/");
  });

  it("leaves numbers, words with # inside, code and link labels alone", () => {
    const { context } = transformed(tags, "issue #123, C#sharp, `#code`, [[n|#label]], [x](https://e.org/#frag) and [#text](https://e.org)");
    expect(context.tags).toEqual([]);
  });
});
