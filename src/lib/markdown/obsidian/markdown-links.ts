/**
 * Markdown links to notes and files of an Obsidian vault (`[text](Other%20note.md#Heading)`, `![alt](image.png)`)
 * read as the wikilinks they are, so they are resolved, checked and embedded like `[[…]]`. Links with a scheme, and
 * protocol-relative or site-absolute ones, stay links.
 */
import type { PhrasingContent, Root } from "mdast";
import type { MarkdownTransform } from "../pipeline.ts";
import { visitParents } from "../tree.ts";
import type { WikiLink } from "../wikilink-mdast.ts";

export const markdownLinks: MarkdownTransform = { name: "markdown-links", notes: "obsidian", tree: vaultLinksToWikilinks };

/** True for a link URL that names a file of the vault: no scheme, not protocol-relative, not site-absolute. */
function isVaultUrl(url: string): boolean {
  return !!url && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("//") && !url.startsWith("/");
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `[text](Note%20name.md#Heading)` and `![alt](image.png)` to the wikilinks Obsidian reads them as. */
export function vaultLinksToWikilinks(tree: Root): void {
  visitParents(tree, (parent) => {
    if (parent.type === "wikiLink") return;
    parent.children = parent.children.map((child) => {
      if ((child.type !== "link" && child.type !== "image") || !isVaultUrl(child.url)) return child;
      const hash = child.url.indexOf("#");
      const path = decode(hash < 0 ? child.url : child.url.slice(0, hash)).trim();
      const fragment = hash < 0 ? "" : decode(child.url.slice(hash + 1)).trim();
      const node: WikiLink = { type: "wikiLink", embed: child.type === "image", target: path, children: [], position: child.position };
      if (fragment.startsWith("^")) node.block = fragment.slice(1);
      else if (fragment) node.heading = fragment;
      if (child.type === "image") {
        if (child.alt) {
          node.label = child.alt;
          node.children = [{ type: "text", value: child.alt }];
        }
      } else if (child.children.length) {
        node.children = child.children as PhrasingContent[];
        node.label = child.children.map((c) => ("value" in c ? c.value : "")).join("");
      }
      return node;
    }) as typeof parent.children;
  });
}
