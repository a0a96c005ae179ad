/**
 * Obsidian's callouts: a blockquote opening with `[!type]` (`> [!note] Title`, foldable with `+` or `-`, and GitHub's
 * `> [!NOTE]` alerts) becomes `<div class="callout callout-type">` with its title, or a `<details>` when foldable.
 */
import type { Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import type { MarkdownTransform } from "../pipeline.ts";
import { visitParents } from "../tree.ts";

export const callouts: MarkdownTransform = { name: "callouts", notes: "obsidian", tree: quotesToCallouts };

const CALLOUT = /^\[!([\w-]+)\]([+-]?)[ \t]*/;

/** `> [!type]± Title` blockquotes to callouts. */
export function quotesToCallouts(tree: Root): void {
  visitParents(tree, (parent) => {
    for (const node of parent.children) {
      if (node.type !== "blockquote") continue;
      const first = node.children[0];
      if (first?.type !== "paragraph") continue;
      const lead = first.children[0];
      if (lead?.type !== "text") continue;
      const m = CALLOUT.exec(lead.value);
      if (!m) continue;
      const kind = m[1].toLowerCase();
      const fold = m[2];
      // The title is the rest of the first line; what follows it on later lines is the callout's first paragraph.
      lead.value = lead.value.slice(m[0].length);
      const title: PhrasingContent[] = [];
      const rest: PhrasingContent[] = [];
      let inTitle = true;
      for (const c of first.children) {
        if (!inTitle) {
          rest.push(c);
          continue;
        }
        if (c.type === "text" && c.value.includes("\n")) {
          const at = c.value.indexOf("\n");
          if (c.value.slice(0, at)) title.push({ type: "text", value: c.value.slice(0, at) });
          if (c.value.slice(at + 1)) rest.push({ type: "text", value: c.value.slice(at + 1) });
          inTitle = false;
        } else if (c.type === "break") inTitle = false;
        else title.push(c);
      }
      const named = title.some((t) => t.type !== "text" || t.value.trim());
      const heading: Paragraph = {
        type: "paragraph",
        children: named ? title : [{ type: "text", value: kind[0].toUpperCase() + kind.slice(1).replace(/-/g, " ") }],
        data: { hName: fold ? "summary" : "div", hProperties: { className: ["callout-title"] } },
      };
      const body: RootContent[] = rest.length ? [{ ...first, children: rest }] : [];
      node.children = [heading, ...(body as typeof node.children), ...node.children.slice(1)];
      node.data = { ...node.data, hName: fold ? "details" : "div", hProperties: { className: ["callout", `callout-${kind}`], ...(fold === "+" ? { open: true } : {}) } };
    }
  });
}
