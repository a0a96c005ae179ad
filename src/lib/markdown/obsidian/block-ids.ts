/**
 * Obsidian's block ids on a line of their own: a paragraph that is only `^id`, after a list, quote, callout, table or
 * paragraph, names the block before it (Obsidian's way for structured blocks): the id moves onto that block (its
 * anchor, and `data.blockId`, which anchors.ts lists) and the paragraph goes. A `^id` ending a paragraph or list item
 * is read in every vault, by anchors.ts.
 */
import type { Nodes, Root } from "mdast";
import type {} from "../nodes.ts";
import type { MarkdownTransform } from "../pipeline.ts";
import { visitParents } from "../tree.ts";

export const blockIdLines: MarkdownTransform = { name: "block-ids", notes: "obsidian", tree: moveLoneBlockIds };

const LONE_BLOCK_ID = /^\^([A-Za-z0-9-]+)$/;

/** Moves each lone `^id` paragraph's id onto the block before it. */
export function moveLoneBlockIds(tree: Root): void {
  visitParents(tree, (parent) => {
    const kept: Nodes[] = [];
    for (const node of parent.children as Nodes[]) {
      const only = node.type === "paragraph" && node.children.length === 1 && node.children[0].type === "text" ? LONE_BLOCK_ID.exec(node.children[0].value.trim()) : null;
      const prev = kept[kept.length - 1];
      if (only && prev && prev.type !== "heading" && prev.type !== "thematicBreak" && prev.type !== "html" && !prev.data?.hProperties?.id) {
        prev.data = { ...prev.data, blockId: only[1], hProperties: { ...(prev.data?.hProperties ?? {}), id: `^${only[1]}` } };
        continue;
      }
      kept.push(node);
    }
    (parent as { children: Nodes[] }).children = kept;
  });
}
