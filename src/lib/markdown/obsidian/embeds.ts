/**
 * Obsidian's block embeds: an embed on a line of its own is a block where it stands (transcluded there, not inside a
 * `<p>`); an embed within a line of text stays inline, a link.
 */
import type { Nodes, Paragraph, PhrasingContent, Root } from "mdast";
import type {} from "../nodes.ts"; // the mdast `Data` fields (embedsOnly, standalone) declared there
import type { MarkdownTransform } from "../pipeline.ts";
import { mergeAdjacentText, visitParents } from "../tree.ts";

export const embeds: MarkdownTransform = { name: "embeds", notes: "obsidian", tree: standaloneEmbeds };

declare module "mdast" {
  interface Data {
    /** A paragraph holding only embeds: rendered without its `<p>`, each embed as a block. */
    embedsOnly?: boolean;
    /** An embed alone in its paragraph (or with other embeds only). */
    standalone?: boolean;
  }
}

/**
 * An embed on a line of its own is a block, as in Obsidian: its paragraph is cut around it (`> text` then
 * `> ![[note]]` is a paragraph, the embed, and what follows), the embed's part marked `embedsOnly` (rendered without
 * a `<p>`) and the embed `standalone`. An embed within a line of text stays inline.
 */
export function standaloneEmbeds(tree: Root): void {
  visitParents(tree, (parent) => {
    if (!parent.children.some((c) => c.type === "paragraph")) return;
    const out: Nodes[] = [];
    for (const node of parent.children as Nodes[]) {
      if (node.type !== "paragraph" || !node.children.some((c) => c.type === "wikiLink" && c.embed)) {
        out.push(node);
        continue;
      }
      out.push(...splitAtEmbedLines(node));
    }
    (parent as { children: Nodes[] }).children = out;
  });
}

/** A paragraph's lines, grouped: runs of lines holding only embeds become their own (unwrapped) parts. */
function splitAtEmbedLines(node: Paragraph): Paragraph[] {
  // Cut the children into lines at line endings inside text nodes (and at hard breaks).
  const lines: PhrasingContent[][] = [[]];
  for (const c of node.children) {
    if (c.type === "break") {
      lines[lines.length - 1].push(c);
      lines.push([]);
    } else if (c.type === "text" && c.value.includes("\n")) {
      c.value.split("\n").forEach((piece, i) => {
        if (i > 0) lines.push([]);
        if (piece) lines[lines.length - 1].push({ type: "text", value: piece });
      });
    } else lines[lines.length - 1].push(c);
  }
  const embedLine = (line: PhrasingContent[]) => line.some((c) => c.type === "wikiLink" && c.embed) && line.every((c) => (c.type === "wikiLink" && c.embed) || c.type === "break" || (c.type === "text" && !c.value.trim()));
  if (!lines.some(embedLine)) return [node];
  const parts: Paragraph[] = [];
  for (const line of lines) {
    const alone = embedLine(line);
    const last = parts[parts.length - 1];
    if (last && !!last.data?.embedsOnly === alone) {
      last.children.push({ type: "text", value: "\n" }, ...line);
      continue;
    }
    parts.push({ type: "paragraph", children: [...line], position: node.position, ...(alone ? { data: { ...node.data, embedsOnly: true } } : node.data ? { data: { ...node.data } } : {}) });
  }
  for (const p of parts) {
    if (p.data?.embedsOnly) for (const c of p.children) if (c.type === "wikiLink") c.data = { ...c.data, standalone: true };
    mergeAdjacentText(p);
    // A text part keeps no line ending at its edges.
    const first = p.children[0];
    const end = p.children[p.children.length - 1];
    if (first?.type === "text") first.value = first.value.replace(/^\n+/, "");
    if (end?.type === "text") end.value = end.value.replace(/\n+$/, "");
  }
  return parts.filter((p) => p.children.some((c) => c.type !== "text" || c.value.trim()));
}
