/**
 * The nodes and node data the Markdown transforms (pipeline.ts) add to mdast, declared once: what a transform writes
 * on the tree and extract.ts and html.ts read from it.
 */
import type { Literal, Parent, PhrasingContent } from "mdast";

/** `==text==`, rendered as `<mark>` (obsidian/highlights.ts). */
export interface Highlight extends Parent {
  type: "highlight";
  children: PhrasingContent[];
}

/** An inline `#tag`, rendered as a link to the tag's page (obsidian/tags.ts). */
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
    /** An Obsidian block id given on its own line after the block (`^id`; obsidian/block-ids.ts). */
    blockId?: string;
    /** A paragraph holding only embeds: rendered without its `<p>`, each embed as a block (obsidian/embeds.ts). */
    embedsOnly?: boolean;
    /** An embed alone in its paragraph (or with other embeds only). */
    standalone?: boolean;
    /** `$$…$$` written inside a paragraph: displayed as a block of math, as Obsidian does (obsidian/math.ts). */
    display?: boolean;
  }
  interface RootData {
    /** Every block id of the note (without the caret), in document order (anchors.ts). */
    blockIds?: string[];
  }
}
