/**
 * The one Markdown parse of the wiki: micromark + mdast-util-from-markdown with wikilinks as real syntax (and GFM
 * when asked), so everything that looks at links (index, checker, renderer) agrees on what a link is and where it is.
 */
import "./edit-map-fix.ts"; // before any parse: micromark's quadratic EditMap.consume, replaced
import type { Nodes, Root } from "mdast";
import { fromMarkdown, type Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { math } from "micromark-extension-math";
import { mathFromMarkdown } from "mdast-util-math";
import type { Extension } from "micromark-util-types";
import { wikilinkFromMarkdown } from "./wikilink-mdast.ts";
import { wikilink } from "./wikilink-syntax.ts";

export type { WikiLink } from "./wikilink-mdast.ts";
export { wikilinkFromMarkdown, wikilinkToMarkdown } from "./wikilink-mdast.ts";
export { wikilink } from "./wikilink-syntax.ts";

export interface ParseOptions {
  /** Tables, footnotes, strikethrough, task lists and literal autolinks (default: true). */
  gfm?: boolean;
  /** Obsidian's syntax on top: `$math$` and `$$math$$` (the rest is done by the transforms, see pipeline.ts and obsidian/math.ts). */
  obsidian?: boolean;
}

/**
 * Each GFM construct with the text it cannot do without. A micromark extension is tried at every character it
 * registers for (a table at the start of every line), which makes a parse with all of GFM about a third slower than
 * a bare one. So an extension joins a parse only when the note contains what its syntax needs; without that text it
 * cannot fire, and the tree is the same as with it (tests/unit/markdown-gfm.test.ts checks this on random input).
 */
const GFM = [
  // A table needs a delimiter row (`| --- | :-: |`): a line of only pipes, dashes, colons, spaces and container
  // markers, with a pipe somewhere in the note.
  { syntax: gfmTable(), tree: gfmTableFromMarkdown(), needs: (s: string) => s.includes("|") && /^[ \t\r>|:-]*-[ \t\r>|:-]*$/m.test(s) },
  { syntax: gfmFootnote(), tree: gfmFootnoteFromMarkdown(), needs: (s: string) => s.includes("[^") },
  { syntax: gfmStrikethrough(), tree: gfmStrikethroughFromMarkdown(), needs: (s: string) => s.includes("~") },
  // `[ ]`, `[x]`, `[X]` (micromark reads a tab or a line ending as the space too).
  { syntax: gfmTaskListItem(), tree: gfmTaskListItemFromMarkdown(), needs: (s: string) => /\[(?:[ \t\nxX]|\r\n?)\]/.test(s) },
  // `www.`, `://` or an e-mail address.
  { syntax: gfmAutolinkLiteral(), tree: gfmAutolinkLiteralFromMarkdown(), needs: (s: string) => s.includes("www.") || s.includes("://") || s.includes("@") },
];
const WIKILINK = { syntax: wikilink(), tree: wikilinkFromMarkdown() };
/** Bit set in the mask for Obsidian's math, which joins a parse only when the note has a `$`. */
const MATH_BIT = 1 << GFM.length;
const MATH = { syntax: math(), tree: mathFromMarkdown() };

/** The extension lists for each combination of GFM constructs a note needs, made on first use. */
const combinations = new Map<number, { extensions: Extension[]; mdastExtensions: FromMarkdownExtension[] }>();
function extensionsFor(mask: number) {
  let found = combinations.get(mask);
  if (!found) {
    const used = [WIKILINK, ...GFM.filter((_g, i) => mask & (1 << i)), ...(mask & MATH_BIT ? [MATH] : [])];
    combinations.set(mask, (found = { extensions: used.map((u) => u.syntax), mdastExtensions: used.map((u) => u.tree) }));
  }
  return found;
}

/** Parses a note body to mdast (GFM and wikilinks); `wikiLink` nodes have positions in `source`. */
export function parseMarkdown(source: string, options: ParseOptions = {}): Root {
  let mask = 0;
  if (options.gfm ?? true) GFM.forEach((g, i) => g.needs(source) && (mask |= 1 << i));
  if (options.obsidian && source.includes("$")) mask |= MATH_BIT;
  const tree = fromMarkdown(source, extensionsFor(mask));
  flattenLinksInLabels(tree);
  return tree;
}

/** The same parse with every GFM extension whatever the text: what `parseMarkdown` must equal (for tests). */
export function parseMarkdownWithAllGfm(source: string): Root {
  const tree = fromMarkdown(source, extensionsFor((1 << GFM.length) - 1));
  flattenLinksInLabels(tree);
  return tree;
}

/**
 * A wikilink label is already link text, and a link inside a link is invalid HTML: `[x](y)` and GFM literal autolinks
 * (`www.example.com`, e-mail addresses) in a label become their text. This runs after parsing because GFM's own
 * autolink transform runs after every from-markdown handler and would link the label's text again.
 */
function flattenLinksInLabels(root: Nodes): void {
  // A loop, not recursion: the tree may be thousands of levels deep before limits.ts turns the note away.
  const stack: [Nodes, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, inLabel] = stack.pop()!;
    if (!("children" in node)) continue;
    const inside = inLabel || node.type === "wikiLink";
    // Every parent inside a label (wikiLink, emphasis, strong, delete) holds phrasing content only.
    const parent = node as { children: Nodes[] };
    if (inside) {
      const unwrapped = parent.children.flatMap((c): Nodes[] => (c.type === "link" || c.type === "linkReference" ? c.children : [c]));
      parent.children = mergeTexts(unwrapped);
    }
    for (const child of parent.children) stack.push([child, inside]);
  }
}

/** Joins the text nodes an unwrapped link leaves next to each other, spanning both positions. */
function mergeTexts(children: Nodes[]): Nodes[] {
  const out: Nodes[] = [];
  for (const child of children) {
    const last = out[out.length - 1];
    if (last?.type === "text" && child.type === "text") {
      out[out.length - 1] = {
        ...last,
        value: last.value + child.value,
        position: last.position && child.position && { start: last.position.start, end: child.position.end },
      };
    } else out.push(child);
  }
  return out;
}
