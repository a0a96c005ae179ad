/**
 * The anchors a page's elements carry, for every note, made once on the tree before anything reads it: each heading's
 * id (github-slugger over its text, as GitHub and Obsidian Publish make them), and each block id: a `^id` ending a
 * paragraph (taken out of its text; the anchor goes on the list item when the paragraph is its content, as Obsidian
 * links to the item) and those obsidian/block-ids.ts moved onto their blocks. The ids go on the nodes
 * (`data.hProperties.id`), which html.ts renders, and the list of block ids, in document order, on the root
 * (`data.blockIds`), which extract.ts reads.
 */
import GithubSlugger from "github-slugger";
import type { Nodes, Parents, Root, RootContent } from "mdast";
import type {} from "./nodes.ts";
import type { MarkdownTransform } from "./pipeline.ts";
import { linkText, plainText } from "./tree.ts";

export const anchors: MarkdownTransform = { name: "anchors", notes: "all", tree: addAnchors };

const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/;

/** Gives headings their ids and blocks their anchors; lists the block ids on the root. */
export function addAnchors(tree: Root): void {
  const slugger = new GithubSlugger();
  const blocks: string[] = [];
  // A loop in document order (the slugger numbers repeated headings in that order), never into a wikilink's label.
  const stack: [Nodes, Parents | undefined][] = [[tree, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    if (node.data?.blockId) blocks.push(node.data.blockId);
    if (node.type === "heading") {
      const id = slugger.slug(plainText(node, linkText));
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
    } else if (node.type === "paragraph") trailingBlockId(node, parent, blocks);
    if ("children" in node && node.type !== "wikiLink") for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as Nodes, node]);
  }
  tree.data = { ...tree.data, blockIds: blocks };
}

/** A trailing `^id` on a paragraph names the block: record it, drop it from the text, anchor the block. */
function trailingBlockId(node: Extract<Nodes, { type: "paragraph" }>, parent: Parents | undefined, blocks: string[]) {
  const last = node.children[node.children.length - 1];
  if (!last || last.type !== "text") return;
  const m = BLOCK_ID.exec(last.value);
  if (!m) return;
  blocks.push(m[1]);
  last.value = last.value.slice(0, m.index).replace(/\s+$/, "");
  const target: RootContent = parent && parent.type === "listItem" ? parent : node;
  target.data = { ...target.data, hProperties: { ...(target.data?.hProperties ?? {}), id: `^${m[1]}` } };
}
