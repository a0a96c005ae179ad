/** The parents whose text Obsidian's inline syntax (highlights, tags) is read in: every one outside links. */
import type { Parents, Root } from "mdast";
import { visitParents } from "../tree.ts";

/** Calls `fn` on every parent with a text child, outermost first, never inside a link (wikilink, link, reference). */
export function visitTextParents(tree: Root, fn: (parent: Parents) => void): void {
  visitParents(tree, (parent) => {
    if (parent.type === "wikiLink" || parent.type === "link" || parent.type === "linkReference") return false;
    if (parent.children.some((c) => c.type === "text")) fn(parent);
  });
}
