/** Small mdast tree helpers for the transforms on the one parse (pipeline.ts) and for reading the tree (extract.ts). */
import type { Nodes, Parents } from "mdast";
import type { WikiLink } from "./wikilink-mdast.ts";

/** Calls `fn` on every parent, outermost first; `false` skips the parent's descendants. */
export function visitParents(node: Nodes, fn: (parent: Parents) => boolean | void): void {
  if (!("children" in node)) return;
  if (fn(node as Parents) === false) return;
  for (const child of (node as Parents).children) visitParents(child as Nodes, fn);
}

export function mergeAdjacentText(parent: Parents): void {
  const out: Nodes[] = [];
  for (const c of parent.children as Nodes[]) {
    const last = out[out.length - 1];
    if (last?.type === "text" && c.type === "text") {
      out[out.length - 1] = { ...last, value: last.value + c.value, position: last.position && c.position ? { start: last.position.start, end: c.position.end } : undefined };
    } else out.push(c);
  }
  (parent as { children: Nodes[] }).children = out;
}

/** Plain text of a node; `ofLink` says what an unlabelled wikilink reads as. */
export function plainText(node: Nodes, ofLink: (link: WikiLink) => string): string {
  if (node.type === "wikiLink" && node.label === undefined) return ofLink(node);
  if ("value" in node && node.type !== "html") return node.value;
  if (node.type === "break") return " ";
  if ("children" in node) return (node.children as Nodes[]).map((c) => plainText(c, ofLink)).join("");
  return "";
}

/** A link's text for heading ids and plain text: its label, else what it names. */
export function linkText(link: WikiLink): string {
  if (link.label !== undefined) return plainText(link, () => "");
  return link.heading ?? link.block ?? link.target;
}
