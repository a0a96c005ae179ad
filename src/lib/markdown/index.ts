/**
 * The one Markdown parse of the wiki: micromark + mdast-util-from-markdown with wikilinks as real syntax (and GFM
 * when asked), so everything that looks at links (index, checker, renderer) agrees on what a link is and where it is.
 */
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
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
import { wikilinkFromMarkdown } from "./wikilink-mdast.ts";
import { wikilink } from "./wikilink-syntax.ts";

export type { WikiLink } from "./wikilink-mdast.ts";
export { wikilinkFromMarkdown, wikilinkToMarkdown } from "./wikilink-mdast.ts";
export { wikilink } from "./wikilink-syntax.ts";

export interface ParseOptions {
  /** Tables, footnotes, strikethrough, task lists and literal autolinks (default: true). */
  gfm?: boolean;
}

const SYNTAX = [wikilink(), gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
const TREE = [wikilinkFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()];
const AUTOLINK_SYNTAX = [...SYNTAX, gfmAutolinkLiteral()];
const AUTOLINK_TREE = [...TREE, gfmAutolinkLiteralFromMarkdown()];

/**
 * Literal autolinks (GFM's `www.example.com`, `https://…`, `a@b.org`) double the cost of a parse, and each form
 * needs `www.`, `://` or `@` in the text: without them the extension cannot fire, so it is left out and the tree
 * is the same as with it.
 */
const mayAutolink = (source: string) => source.includes("www.") || source.includes("://") || source.includes("@");

/** Parses a note body to mdast (GFM and wikilinks); `wikiLink` nodes have positions in `source`. */
export function parseMarkdown(source: string, options: ParseOptions = {}): Root {
  const withGfm = options.gfm ?? true;
  const autolink = withGfm && mayAutolink(source);
  const tree = fromMarkdown(source, {
    extensions: withGfm ? (autolink ? AUTOLINK_SYNTAX : SYNTAX) : [wikilink()],
    mdastExtensions: withGfm ? (autolink ? AUTOLINK_TREE : TREE) : [wikilinkFromMarkdown()],
  });
  flattenLinksInLabels(tree);
  return tree;
}

/**
 * A wikilink label is already link text, and a link inside a link is invalid HTML: `[x](y)` and GFM literal autolinks
 * (`www.example.com`, e-mail addresses) in a label become their text. This runs after parsing because GFM's own
 * autolink transform runs after every from-markdown handler and would link the label's text again.
 */
function flattenLinksInLabels(node: Nodes, inLabel = false): void {
  if (!("children" in node)) return;
  const inside = inLabel || node.type === "wikiLink";
  // Every parent inside a label (wikiLink, emphasis, strong, delete) holds phrasing content only.
  const parent = node as { children: Nodes[] };
  if (inside) {
    const unwrapped = parent.children.flatMap((c): Nodes[] =>
      c.type === "link" || c.type === "linkReference" ? c.children : [c],
    );
    parent.children = mergeTexts(unwrapped);
  }
  for (const child of parent.children) flattenLinksInLabels(child, inside);
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
