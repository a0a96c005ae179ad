/** `%%comments%%` (src/lib/markdown/obsidian/comments.ts): hidden before the parse, every other character in place. */
import { describe, expect, it } from "vitest";
import { comments, hideComments } from "../../src/lib/markdown/obsidian/comments.ts";

describe("comments", () => {
  it("blanks inline and multi-line comments, keeping the text's length and its line breaks", () => {
    const text = "a %%hidden%% b\nc %%over\ntwo%% d";
    const hidden = hideComments(text);
    expect(hidden).toBe("a            b\nc       \n      d");
    expect(hidden.length).toBe(text.length);
  });

  it("hides the rest of the note after an unclosed %%", () => {
    expect(hideComments("kept %%gone\nalso gone")).toBe("kept       \n         ");
  });

  it("leaves %% in code spans and fenced code as written", () => {
    const text = "`%%a%%` and\n```\n%%b%%\n```\n";
    expect(hideComments(text)).toBe(text);
  });

  it("is a text transform, run before the parse, for Obsidian notes only", () => {
    expect(comments).toMatchObject({ notes: "obsidian", text: hideComments });
    expect(comments.tree).toBeUndefined();
  });
});
