/** HTML escaping, written once (src/lib/html-escape.ts): what it turns into entities, and that text survives it. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { escapeHtml } from "../../src/lib/html-escape.ts";

/** What a browser's parser gives back for the four entities. */
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot);/g, (_m, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"' })[e]!);

describe("escapeHtml", () => {
  it("turns &, <, > and \" into entities, and & first (an entity in the text stays text)", () => {
    expect(escapeHtml(`<a href="x">Q&A</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Q&amp;A&lt;/a&gt;");
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });

  it("leaves everything else as it is, single quotes and non-ASCII included", () => {
    expect(escapeHtml("it's Café 東京 ✓")).toBe("it's Café 東京 ✓");
    expect(escapeHtml("")).toBe("");
  });

  it("gives back the text when unescaped, and leaves no <, > or \" to break out of an element or attribute", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("&", "<", ">", '"', "'", "a", ";", "#", "amp", "lt") }), (s) => {
        const e = escapeHtml(s);
        expect(unescape(e)).toBe(s);
        expect(e).not.toMatch(/[<>"]/);
      }),
    );
  });
});
