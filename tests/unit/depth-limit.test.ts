/**
 * The nesting limit (src/lib/markdown/limits.ts) holds to real nesting: what a note's quotes and list items open, as
 * micromark parses them. A long `%% comment %%` (blanked to spaces before the parse), a blank line of spaces or a
 * long line of raw HTML is no nesting, and a public vault had 12 notes turned into plain text by them.
 */
import fc from "fast-check";
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import { containerDepthProblem, MAX_DEPTH } from "../../src/lib/markdown/limits.ts";
import { hideComments } from "../../src/lib/markdown/obsidian/comments.ts";
import { parseNote } from "../../src/lib/parse-note.ts";

/** The deepest quote or list item micromark finds: what the limit is about. */
function realDepth(body: string): number {
  let worst = 0;
  const stack: [Nodes, number][] = [[fromMarkdown(body), 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    const d = depth + (node.type === "blockquote" || node.type === "listItem" ? 1 : 0);
    worst = Math.max(worst, d);
    if ("children" in node) for (const c of node.children) stack.push([c as Nodes, d]);
  }
  return worst;
}

/** Lines that open nothing: comments of any length (blanked as Obsidian hides them), raw HTML, text, spaces. */
const noise = fc.oneof(
  fc.integer({ min: 0, max: 600 }).map((n) => `%% ${"c".repeat(n)} %%`),
  fc.integer({ min: 0, max: 600 }).map((n) => `<span title="${"h".repeat(n)}">x</span>`),
  fc.integer({ min: 0, max: 600 }).map((n) => " ".repeat(n)),
  fc.integer({ min: 0, max: 80 }).map((n) => `word ${"w ".repeat(n)}`),
  fc.constant(""),
);

describe("the nesting limit", () => {
  it("never refuses a note for comments, raw HTML or spaces, whatever their length, at any real depth up to the limit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DEPTH }), fc.array(fc.tuple(fc.nat({ max: 200 }), noise), { maxLength: 12 }), (levels, extra) => {
        // A list `levels` deep, with noise lines after items at any indentation.
        const lines = Array.from({ length: levels }, (_v, k) => `${"  ".repeat(k)}- item ${k}`);
        for (const [at, line] of extra) lines.splice(levels ? at % (levels + 1) : 0, 0, (at % 3 === 0 ? "  ".repeat(at % (levels + 1)) : "") + line);
        const body = hideComments(lines.join("\n"));
        expect(realDepth(body)).toBeLessThanOrEqual(MAX_DEPTH);
        expect(containerDepthProblem(body)).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it("never lets real nesting past the limit through, with noise between the levels", () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_DEPTH + 1, max: MAX_DEPTH + 30 }), fc.array(fc.tuple(fc.nat({ max: 200 }), noise), { maxLength: 8 }), fc.boolean(), (levels, extra, quotes) => {
        const lines = Array.from({ length: levels }, (_v, k) => (quotes ? `${"> ".repeat(k + 1)}level ${k}` : `${"  ".repeat(k)}- item ${k}`));
        // Noise inside the item before it (indented or quoted to its level), so that it goes on with it.
        for (const [at, line] of extra) {
          const k = at % levels;
          lines.splice(1 + k, 0, quotes ? `${"> ".repeat(k + 1)}${line}` : `${"  ".repeat(k + 1)}${line}`);
        }
        const body = hideComments(lines.join("\n"));
        expect(realDepth(body)).toBeGreaterThan(MAX_DEPTH);
        expect(containerDepthProblem(body)?.what).toMatch(/nest \d+ levels deep/);
      }),
      { numRuns: 60 },
    );
  });

  it("publishes a note made only of a long comment, or of a long line of raw HTML, as a note", () => {
    for (const text of [`%% ${"x".repeat(200)} %%\n`, `%%\n${"a comment line that runs on and on and on and on ".repeat(6)}\n%%\n`, `- item\n  %% ${"z".repeat(240)} %%\n`, `<div>${'<span class="a">word</span> '.repeat(40)}</div>\n`]) {
      const note = parseNote(text, { obsidian: true });
      expect(note.tooDeep).toBeUndefined();
      expect(note.html.chunks.join("")).not.toContain("unrendered");
    }
  });
});
