/**
 * Obsidian's `$math$`, as Obsidian delimits it. The parse reads `$…$` and `$$…$$` (micromark-extension-math, joined
 * to an Obsidian note's parse in index.ts), pairing dollars as code spans pair backticks; this transform then keeps
 * as math only what Obsidian (like Pandoc) reads as math: the opening `$` not followed by a space, the closing one not
 * preceded by a space nor followed by a digit, so "$5 and $10" stays text. `$$…$$` within a paragraph is displayed.
 */
import type { Root, Text } from "mdast";
import type {} from "../nodes.ts";
import type { MarkdownTransform } from "../pipeline.ts";
import { mergeAdjacentText, visitParents } from "../tree.ts";

export const math: MarkdownTransform = { name: "math", notes: "obsidian", tree: (tree, { source }) => fixMath(tree, source) };

/** Inline math Obsidian would not read as math back to its text; `$$…$$` inline marked `display`. */
export function fixMath(tree: Root, source: string): void {
  visitParents(tree, (parent) => {
    parent.children = parent.children.map((child) => {
      if (child.type !== "inlineMath" || !child.position) return child;
      const start = child.position.start.offset!;
      const end = child.position.end.offset!;
      const text = source.slice(start, end);
      if (text.startsWith("$$")) return { ...child, data: { ...child.data, display: true } };
      const ok = !/\s/.test(text[1] ?? " ") && !/\s/.test(text[text.length - 2] ?? " ") && !/\d/.test(source[end] ?? "");
      return ok ? child : ({ type: "text", value: text, position: child.position } as Text);
    }) as typeof parent.children;
    mergeAdjacentText(parent);
  });
}
