/** Callouts (src/lib/markdown/obsidian/callouts.ts): `> [!type] Title`, foldable ones, and plain quotes. */
import { describe, expect, it } from "vitest";
import { callouts } from "../../src/lib/markdown/obsidian/callouts.ts";
import { transformed } from "../helpers/markdown.ts";

const quote = (source: string) => {
  const q = transformed(callouts, source).tree.children[0];
  if (q.type !== "blockquote") throw new Error("not a quote");
  return q;
};

describe("callouts", () => {
  it("turns a quote opening with [!type] into a callout titled by the rest of the line, the next lines its body", () => {
    const q = quote("> [!Warning] Mind **this**\n> Body text.");
    expect(q.data?.hName).toBe("div");
    expect(q.data?.hProperties).toEqual({ className: ["callout", "callout-warning"] });
    expect(q.children.map((c) => c.type === "paragraph" && c.children.map((x) => x.type))).toEqual([["text", "strong"], ["text"]]);
    expect(q.children[0].data?.hProperties).toEqual({ className: ["callout-title"] });
  });

  it("titles an untitled callout by its type, and makes a foldable one a <details>, open with +", () => {
    const q = quote("> [!big-idea]+\n> Text.");
    expect(q.data?.hName).toBe("details");
    expect(q.data?.hProperties).toMatchObject({ open: true });
    const title = q.children[0];
    expect(title.data?.hName).toBe("summary");
    expect(title.type === "paragraph" && title.children).toEqual([{ type: "text", value: "Big idea" }]);
    expect(quote("> [!tip]- Closed").data?.hProperties).not.toHaveProperty("open");
  });

  it("leaves a plain quote, and [!x] that does not open the quote, a quote", () => {
    expect(quote("> Just a quote [!note]").data).toBeUndefined();
    expect(quote("> `[!note]` code").data).toBeUndefined();
  });
});
