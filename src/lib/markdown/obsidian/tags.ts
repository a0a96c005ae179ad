/**
 * Obsidian's inline `#tags` (nested `#a/b`; `#123` is no tag), outside links: each becomes a link to its tag's page
 * (under the site's base, `BASE_MARK`, filled in when the page is made) and is reported, lowercase, in the
 * transform context's `tags`.
 */
import type { Nodes, Parents } from "mdast";
import { BASE_MARK } from "../markers.ts";
import type {} from "../nodes.ts";
import type { MarkdownTransform } from "../pipeline.ts";
import { visitTextParents } from "./phrasing.ts";

export const tags: MarkdownTransform = { name: "tags", notes: "obsidian", tree: (tree, context) => visitTextParents(tree, (parent) => inlineTags(parent, context.tags)) };

const TAG = /(^|\s)#((?:[\p{L}\p{N}\p{M}_/-]|\p{Extended_Pictographic})+)/gu;

/** The tags among one parent's text children to `inlineTag` nodes, each pushed onto `found`. */
export function inlineTags(parent: Parents, found: string[]): void {
  const out: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    if (child.type !== "text" || !child.value.includes("#")) {
      out.push(child);
      continue;
    }
    let last = 0;
    for (const m of child.value.matchAll(TAG)) {
      const tag = m[2].replace(/\/+$/, "");
      if (!/[^\d/]/.test(tag)) continue; // `#123` is not a tag
      const at = m.index + m[1].length;
      if (at > last) out.push({ type: "text", value: child.value.slice(last, at) });
      const key = tag.toLowerCase();
      found.push(key);
      out.push({ type: "inlineTag", value: tag, data: { hName: "a", hProperties: { className: ["tag"], href: `${BASE_MARK}${tagPath(key)}` }, hChildren: [{ type: "text", value: `#${tag}` }] } });
      last = at + 1 + tag.length;
    }
    if (last === 0) out.push(child);
    else if (last < child.value.length) out.push({ type: "text", value: child.value.slice(last) });
  }
  (parent as { children: Nodes[] }).children = out;
}

/** A tag page's path under the site's base: `tags/a/b/` for `a/b`, each part percent-encoded. */
export function tagPath(tag: string): string {
  return `tags/${tag.split("/").filter(Boolean).map(encodeURIComponent).join("/")}/`;
}
