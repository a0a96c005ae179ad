/**
 * The Markdown pipeline's transforms, in the order they run: the registry of them. A transform is one module with one
 * job (an Obsidian feature, or the anchors every page needs); a new one is one entry in `MARKDOWN_TRANSFORMS`.
 *
 * A transform works on the body's text before the parse (`text`, which must keep every character's place, so the
 * tree's positions stay right) or on the tree after it (`tree`); the parse itself is index.ts. Every change to the
 * tree that a later stage relies on happens here, before extraction and rendering: extract.ts only reads the tree
 * and html.ts only renders it.
 */
import type { Root } from "mdast";
import { anchors } from "./anchors.ts";
import { bases } from "./bases.ts";
import { blockIdLines } from "./obsidian/block-ids.ts";
import { callouts } from "./obsidian/callouts.ts";
import { comments } from "./obsidian/comments.ts";
import { embeds } from "./obsidian/embeds.ts";
import { highlights } from "./obsidian/highlights.ts";
import { markdownLinks } from "./obsidian/markdown-links.ts";
import { math } from "./obsidian/math.ts";
import { tags } from "./obsidian/tags.ts";

/** What a tree transform sees beside the tree, and what it reports. */
export interface TransformContext {
  /** The body the tree was parsed from (after the text transforms): what its offsets point into. */
  source: string;
  /** Inline `#tags` found (lowercase, without `#`), in the order met. */
  tags: string[];
}

export interface MarkdownTransform {
  name: string;
  /** Which notes it applies to: every note, or only those of an Obsidian vault (`notes: obsidian`). */
  notes: "all" | "obsidian";
  /** On the body's text, before the parse; every character stays where it was. */
  text?: (body: string) => string;
  /** On the tree, after the parse. */
  tree?: (tree: Root, context: TransformContext) => void;
}

/**
 * Every transform, in the order it runs. The order matters: Markdown links become wikilinks before embeds are found
 * among them; callouts take their `[!type]` before block ids and tags read the text; highlights pair `==` before tags
 * split the text; and anchors come last, so heading ids are made from the final text (a tag's name included).
 */
export const MARKDOWN_TRANSFORMS: readonly MarkdownTransform[] = [comments, math, markdownLinks, callouts, blockIdLines, highlights, tags, embeds, bases, anchors];

const applies = (t: MarkdownTransform, obsidian: boolean) => t.notes === "all" || obsidian;

/** The text transforms, in order: the body as the parser is to read it. */
export function transformText(body: string, options: { obsidian: boolean }): string {
  for (const t of MARKDOWN_TRANSFORMS) if (t.text && applies(t, options.obsidian)) body = t.text(body);
  return body;
}

/** The tree transforms, in order; returns the note's inline tags (distinct, in order of first use). */
export function transformTree(tree: Root, source: string, options: { obsidian: boolean }): { tags: string[] } {
  const context: TransformContext = { source, tags: [] };
  for (const t of MARKDOWN_TRANSFORMS) if (t.tree && applies(t, options.obsidian)) t.tree(tree, context);
  return { tags: [...new Set(context.tags)] };
}
