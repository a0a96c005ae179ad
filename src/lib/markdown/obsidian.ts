/**
 * Obsidian's additions to Markdown, for vaults read as Obsidian reads them (`notes: obsidian` in atlas.yml), applied
 * to the one parse of a note (index.ts): `%%comments%%` hidden, `==highlights==`, inline `#tags` (nested `#a/b`),
 * callouts (`> [!note] Title`, foldable with `+`/`-`, and GitHub's `> [!NOTE]` alerts), `$math$` as Obsidian delimits
 * it, block ids on their own line after a list, quote or table, Markdown links to notes and files
 * (`[text](Other%20note.md#Heading)`, `![](image.png)`) read as the wikilinks they are, and an embed alone in its
 * paragraph marked as a block (transcluded where it stands, not inside a `<p>`).
 *
 * The transforms work on the tree (code, HTML and link labels are never touched) and record what they find on nodes'
 * `data`, which extract.ts and html.ts read.
 */
import type { Literal, Nodes, Paragraph, Parent, Parents, PhrasingContent, Root, RootContent, Text } from "mdast";
import { hideComments } from "./comments.ts";
import { standaloneEmbeds } from "./embed-lines.ts";
import { mergeAdjacentText, visitParents } from "./tree.ts";
import type { WikiLink } from "./wikilink-mdast.ts";

export { hideComments };

/** `==text==`, rendered as `<mark>`. */
export interface Highlight extends Parent {
  type: "highlight";
  children: PhrasingContent[];
}

/** An inline `#tag`, rendered as a link to the tag's page. */
export interface InlineTag extends Literal {
  type: "inlineTag";
  /** The tag as written, without `#`. */
  value: string;
}

declare module "mdast" {
  interface PhrasingContentMap {
    highlight: Highlight;
    inlineTag: InlineTag;
  }
  interface RootContentMap {
    highlight: Highlight;
    inlineTag: InlineTag;
  }
  interface Data {
    /** An Obsidian block id given on its own line after the block (`^id`). */
    blockId?: string;
    /** `$$…$$` written inside a paragraph: displayed as a block of math, as Obsidian does. */
    display?: boolean;
  }
}

/** The site's base path in a template's URLs (tag links), filled in when the page is made. */
export const BASE_MARK = "\uE002";

/** Applies every transform; returns the note's inline tags (lowercase, without `#`, in order of first use). */
export function obsidianTransforms(tree: Root, source: string): { tags: string[] } {
  fixMath(tree, source);
  markdownLinks(tree);
  callouts(tree);
  blockIdLines(tree);
  const tags: string[] = [];
  phrasing(tree, tags);
  standaloneEmbeds(tree);
  return { tags: [...new Set(tags)] };
}

/**
 * micromark's `$…$` pairs dollars as code spans pair backticks; Obsidian (like Pandoc) reads `$` as math only when
 * the opening one is not followed by a space and the closing one is not preceded by a space nor followed by a digit,
 * so "$5 and $10" stays text.
 */
function fixMath(tree: Root, source: string): void {
  visitParents(tree, (parent) => {
    parent.children = parent.children.map((child) => {
      if (child.type !== "inlineMath" || !child.position) return child;
      const start = child.position.start.offset!;
      const end = child.position.end.offset!;
      const text = source.slice(start, end);
      if (text.startsWith("$$")) return { ...child, data: { ...child.data, display: true } };
      const ok = !/\s/.test(text[1] ?? " ") && !/\s/.test(text[text.length - 2] ?? " ") && !/\d/.test(source[end] ?? "");
      return ok ? child : ({ type: "text", value: text, position: child.position } as Text);
    }) as typeof parent.children;
    mergeAdjacentText(parent);
  });
}

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
function markdownLinks(tree: Root): void {
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

const CALLOUT = /^\[!([\w-]+)\]([+-]?)[ \t]*/;

/** `> [!type]± Title` blockquotes to callouts: `<div class="callout callout-type">` or a `<details>` when foldable. */
function callouts(tree: Root): void {
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

const LONE_BLOCK_ID = /^\^([A-Za-z0-9-]+)$/;

/**
 * A paragraph that is only `^id`, after a list, quote, callout, table or paragraph, names the block before it
 * (Obsidian's way for structured blocks): the id moves onto that block and the paragraph goes.
 */
function blockIdLines(tree: Root): void {
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

/** Inline tags and highlights, in every phrasing parent outside links. */
function phrasing(tree: Root, tags: string[]): void {
  visitParents(tree, (parent) => {
    if (parent.type === "wikiLink" || parent.type === "link" || parent.type === "linkReference") return false;
    if (!parent.children.some((c) => c.type === "text")) return;
    highlights(parent);
    inlineTags(parent, tags);
  });
}

const TAG = /(^|\s)#((?:[\p{L}\p{N}\p{M}_/-]|\p{Extended_Pictographic})+)/gu;

function inlineTags(parent: Parents, tags: string[]): void {
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
      tags.push(key);
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

/** `==text==` to `<mark>`: markers are paired left to right among one parent's children, so they may span markup. */
function highlights(parent: Parents): void {
  if (!parent.children.some((c) => c.type === "text" && c.value.includes("=="))) return;
  // Split the text nodes at every `==`, then wrap what lies between each pair of markers.
  const parts: (Nodes | "mark")[] = [];
  for (const child of parent.children as Nodes[]) {
    if (child.type !== "text" || !child.value.includes("==")) {
      parts.push(child);
      continue;
    }
    child.value.split("==").forEach((piece, i) => {
      if (i > 0) parts.push("mark");
      if (piece) parts.push({ type: "text", value: piece });
    });
  }
  const out: Nodes[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p !== "mark") {
      out.push(p);
      continue;
    }
    const close = parts.indexOf("mark", i + 1);
    const inner = parts.slice(i + 1, close) as PhrasingContent[];
    const first = inner[0];
    const last = inner[inner.length - 1];
    const tight = first && !(first.type === "text" && /^\s/.test(first.value)) && !(last.type === "text" && /\s$/.test(last.value));
    if (close < 0 || !tight) {
      out.push({ type: "text", value: "==" });
      continue;
    }
    out.push({ type: "highlight", children: inner, data: { hName: "mark" } });
    i = close;
  }
  (parent as { children: Nodes[] }).children = out;
  mergeAdjacentText(parent);
}

