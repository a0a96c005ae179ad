/**
 * The Markdown pipeline (src/lib/markdown/pipeline.ts): its transforms run in the declared order, each for the notes it
 * applies to; and the engine's markers (markers.ts) never come from a note.
 */
import { describe, expect, it } from "vitest";
import { BASE_MARK, LINK_CLOSE, LINK_OPEN, MATH_CLOSE, MATH_OPEN, PLACE_CLOSE, PLACE_OPEN, stripMarkers, BASE_OPEN, BASE_CLOSE } from "../../src/lib/markdown/markers.ts";
import { MARKDOWN_TRANSFORMS, transformText, transformTree } from "../../src/lib/markdown/pipeline.ts";
import { parseMarkdown } from "../../src/lib/markdown/index.ts";
import { parseNote } from "../../src/lib/parse-note.ts";

describe("the Markdown pipeline", () => {
  it("declares each transform once, the anchors last (they read the text every other transform has made)", () => {
    const names = MARKDOWN_TRANSFORMS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.at(-1)).toBe("anchors");
    expect(names.indexOf("markdown-links")).toBeLessThan(names.indexOf("embeds")); // `![](x.png)` on its own line is an embed
    expect(names.indexOf("highlights")).toBeLessThan(names.indexOf("tags"));
  });

  it("applies Obsidian's transforms to Obsidian notes only, the anchors to every note", () => {
    const source = "# A #tag ==b==\n\nx %%c%% ^id";
    const typed = parseMarkdown(transformText(source, { obsidian: false }));
    expect(transformTree(typed, source, { obsidian: false }).tags).toEqual([]);
    expect(typed.children[0].data?.hProperties?.id).toBe("a-tag-b");
    expect(typed.data?.blockIds).toEqual(["id"]);

    const text = transformText(source, { obsidian: true });
    expect(text).toBe("# A #tag ==b==\n\nx       ^id");
    const obsidian = parseMarkdown(text, { obsidian: true });
    expect(transformTree(obsidian, text, { obsidian: true }).tags).toEqual(["tag"]);
    expect(obsidian.children[0].data?.hProperties?.id).toBe("a-tag-b"); // the tag's name, without its `#`
  });

  it("gives the tags of a note once each, in order of first use", () => {
    expect(parseNote("#b #a #b", { obsidian: true }).tags).toEqual(["b", "a"]);
  });
});

describe("the engine's markers", () => {
  const all = [LINK_OPEN, LINK_CLOSE, BASE_MARK, PLACE_OPEN, PLACE_CLOSE, MATH_OPEN, MATH_CLOSE, BASE_OPEN, BASE_CLOSE];

  it("are nine distinct characters of the private use area, each stripped from a note's text", () => {
    expect(new Set(all).size).toBe(9);
    for (const m of all) expect(m.codePointAt(0)! >= 0xe000 && m.codePointAt(0)! <= 0xf8ff).toBe(true);
    expect(stripMarkers(`a${all.join("")}b\uE009`)).toBe("ab\uE009");
  });

  it("never reach a page from a note's body or frontmatter", () => {
    const note = parseNote(`---\ntitle: "x${LINK_OPEN}0${LINK_CLOSE}"\n---\nText ${LINK_OPEN}0${LINK_CLOSE} and ${MATH_OPEN}1${MATH_CLOSE} [[a]]\n`);
    expect(note.html.chunks.join("")).toBe("<p>Text 0 and 1 </p>");
    expect((note.data as { title: string }).title).toBe("x0");
  });
});
