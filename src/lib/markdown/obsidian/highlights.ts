/**
 * Obsidian's `==highlights==`, rendered as `<mark>`: markers are paired left to right among one parent's children,
 * so a highlight may span markup (`==a **b** c==`); a marker with a space inside it (`== a==`) is text.
 */
import type { Nodes, Parents, PhrasingContent } from "mdast";
import type {} from "../nodes.ts";
import type { MarkdownTransform } from "../pipeline.ts";
import { mergeAdjacentText } from "../tree.ts";
import { visitTextParents } from "./phrasing.ts";

export const highlights: MarkdownTransform = { name: "highlights", notes: "obsidian", tree: (tree) => visitTextParents(tree, highlightsIn) };

/** `==text==` among one parent's children to `highlight` nodes. */
export function highlightsIn(parent: Parents): void {
  if (!parent.children.some((c) => c.type === "text" && c.value.includes("=="))) return;
  // Split the text nodes at every `==`, then wrap what lies between each pair of markers.
  const parts: (Nodes | "mark")[] = [];
  for (const child of parent.children as Nodes[]) {
    if (child.type !== "text" || !child.value.includes("==")) {
      parts.push(child);
      continue;
    }
    child.value.split("==").forEach((piece, i) => {
      if (i > 0) parts.push("mark");
      if (piece) parts.push({ type: "text", value: piece });
    });
  }
  const out: Nodes[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p !== "mark") {
      out.push(p);
      continue;
    }
    const close = parts.indexOf("mark", i + 1);
    const inner = parts.slice(i + 1, close) as PhrasingContent[];
    const first = inner[0];
    const last = inner[inner.length - 1];
    const tight = first && !(first.type === "text" && /^\s/.test(first.value)) && !(last.type === "text" && /\s$/.test(last.value));
    if (close < 0 || !tight) {
      out.push({ type: "text", value: "==" });
      continue;
    }
    out.push({ type: "highlight", children: inner, data: { hName: "mark" } });
    i = close;
  }
  (parent as { children: Nodes[] }).children = out;
  mergeAdjacentText(parent);
}
