/** Runs one Markdown transform (src/lib/markdown/pipeline.ts) alone on a parse, for the transforms' unit tests. */
import type { Nodes, Root } from "mdast";
import { parseMarkdown } from "../../src/lib/markdown/index.ts";
import type { MarkdownTransform, TransformContext } from "../../src/lib/markdown/pipeline.ts";

/** The tree of `source` (parsed as an Obsidian note) after `transform` alone, and what the transform reported. */
export function transformed(transform: MarkdownTransform, source: string): { tree: Root; context: TransformContext } {
  const context: TransformContext = { source, tags: [] };
  const tree = parseMarkdown(source, { obsidian: true });
  transform.tree!(tree, context);
  return { tree, context };
}

/** Every node of `type` in the tree, in document order. */
export function nodesOf<T extends Nodes["type"]>(tree: Nodes, type: T): Extract<Nodes, { type: T }>[] {
  const out: Nodes[] = [];
  const walk = (n: Nodes) => {
    if (n.type === type) out.push(n);
    if ("children" in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(tree);
  return out as Extract<Nodes, { type: T }>[];
}

/** The text of every text node, joined. */
export const textOf = (tree: Nodes) => nodesOf(tree, "text").map((t) => t.value).join("|");
