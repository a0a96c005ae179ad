/**
 * Obsidian's base code blocks (```base): recognised in the note's one parse, in every kind of vault. Each is marked on
 * its node (`data.base`, its number), which html.ts renders as a base slot (markers.ts) for the page to fill with the
 * base evaluated over the vault (src/lib/bases/); its text and where that starts in the body are listed on the root
 * (`data.bases`), which parse-note.ts keeps with the parse (and the parse cache), so no page parses the note again.
 */
import type { Nodes, Root } from "mdast";
import type { MarkdownTransform } from "./pipeline.ts";

export const bases: MarkdownTransform = { name: "bases", notes: "all", tree: markBaseBlocks };

declare module "mdast" {
  interface Data {
    /** A ```base code block: its number among the note's base blocks. */
    base?: number;
  }
  interface RootData {
    /** The note's base blocks in document order: the text, and its first line and indentation in the body. */
    bases?: { text: string; line: number; column: number }[];
  }
}

/** Marks each ```base code block and lists them on the root, in document order. */
export function markBaseBlocks(tree: Root): void {
  const found: { text: string; line: number; column: number }[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "code" && node.lang?.trim().toLowerCase() === "base") {
      node.data = { ...node.data, base: found.length };
      const start = node.position?.start;
      // The text starts on the line after the fence, as far in as the fence is.
      found.push({ text: node.value, line: (start?.line ?? 0) + 1, column: (start?.column ?? 1) - 1 });
    }
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  if (found.length) tree.data = { ...tree.data, bases: found };
}
