/** `==highlights==` (src/lib/markdown/obsidian/highlights.ts): pairing, spans over markup, what stays text. */
import { describe, expect, it } from "vitest";
import { highlights } from "../../src/lib/markdown/obsidian/highlights.ts";
import { nodesOf, textOf, transformed } from "../helpers/markdown.ts";

describe("highlights", () => {
  it("wraps what lies between a pair of == in a <mark>, over other markup too", () => {
    const { tree } = transformed(highlights, "a ==b **c** d== e ==f==");
    const marks = nodesOf(tree, "highlight");
    expect(marks.map((m) => m.children.map((c) => c.type))).toEqual([["text", "strong", "text"], ["text"]]);
    expect(marks[0].data?.hName).toBe("mark");
  });

  it("keeps == as text when unpaired or with a space inside the markers", () => {
    expect(nodesOf(transformed(highlights, "a == b== and c ==d").tree, "highlight")).toEqual([]);
    expect(textOf(transformed(highlights, "x ==y").tree)).toBe("x ==y");
  });

  it("never reads == inside code or a link", () => {
    expect(nodesOf(transformed(highlights, "`==a==` [==b==](https://e.org)").tree, "highlight")).toEqual([]);
  });
});
