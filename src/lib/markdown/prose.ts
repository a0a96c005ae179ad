/**
 * A note's prose: the text where names of other notes are looked for (unlinked mentions, mentions.ts), read from the
 * tree once at parse time (extract.ts), in two forms of one text. For `check --mentions`, block by block with where
 * each piece starts in the file (`ProseBlock`, `proseText`); for pages, one compact string without positions
 * (`compactProse`), kept with the parse, whose links a page fills in with their text (`fillProse`). Both read
 * as the same text: blocks and table cells fenced apart, each link fenced (U+0002 … U+0003), so no name runs from one
 * block into the next, nor into or out of a link.
 */
import type { Nodes } from "mdast";
import { lastAtOrBefore } from "../text-position.ts";
import { LINK_SLOT, linkSlot } from "./markers.ts";
import type { WikiLink } from "./wikilink-mdast.ts";

/**
 * A paragraph, heading or table row as prose: its text (where each piece starts in the file, 1-based) and, as a
 * number, each wikilink (its index in the note's links) where it stands; -1 separates table cells. Code, math and raw
 * HTML are not prose.
 */
export type ProseBlock = (ProseText | number)[];
export type ProseText = [line: number, column: number, text: string];

const FENCE_OPEN = "\u0002";
const FENCE_CLOSE = "\u0003";
/** Between two blocks: an empty fence, then a line break. */
const BETWEEN_BLOCKS = `${FENCE_OPEN}${FENCE_CLOSE}\n`;

/** The text and links of a block, in order (see `ProseBlock`). */
export function proseBlockOf(node: Nodes, linkIndex: ReadonlyMap<WikiLink, number>, lineOffset: number, out: ProseBlock = []): ProseBlock {
  if (node.type === "wikiLink") out.push(linkIndex.get(node)!);
  else if (node.type === "text") {
    const p = node.position?.start;
    if (node.value) out.push([(p?.line ?? 1) + lineOffset, p?.column ?? 1, node.value]);
  } else if (node.type === "break") out.push([(node.position?.start.line ?? 1) + lineOffset, 1, "\n"]);
  else if (node.type === "tableCell" && out.length) {
    out.push(-1);
    for (const c of node.children) proseBlockOf(c as Nodes, linkIndex, lineOffset, out);
  } else if ("children" in node) for (const c of node.children) proseBlockOf(c as Nodes, linkIndex, lineOffset, out);
  return out;
}

/** One text of the blocks; `link(i)` is what stands for link `i` (-1: a cell's edge), `piece` sees each text piece. */
function joinProse(blocks: readonly ProseBlock[], link: (i: number) => string, piece?: (offset: number, text: ProseText) => void): string {
  let text = "";
  for (const block of blocks) {
    if (text) text += BETWEEN_BLOCKS;
    for (const part of block) {
      if (typeof part === "number") text += link(part);
      else {
        piece?.(text.length, part);
        text += part[2];
      }
    }
  }
  return text;
}

const fenced = (inside: string) => `${FENCE_OPEN}${inside}${FENCE_CLOSE}`;

/** The prose as a page keeps it: each link a slot (markers.ts), no positions. */
export function compactProse(blocks: readonly ProseBlock[]): string {
  return joinProse(blocks, (i) => (i >= 0 ? linkSlot(i) : fenced("")));
}

/** The compact prose with each link's text, fenced, in its slot: the text `proseText` gives for the same `linkText`. */
export function fillProse(compact: string, linkText: (link: number) => string): string {
  return compact.replace(LINK_SLOT, (_m, i: string) => fenced(linkText(Number(i))));
}

/**
 * The prose as one text for `mentionsFrom` (mentions.ts), each link fenced with `linkText(i)` inside, and `at(offset)`
 * giving the place in the file an offset of the text comes from.
 */
export function proseText(blocks: readonly ProseBlock[], linkText: (link: number) => string): { text: string; at: (offset: number) => { line: number; column: number } } {
  const starts: number[] = [];
  const pieces: ProseText[] = [];
  const text = joinProse(blocks, (i) => fenced(i >= 0 ? linkText(i) : ""), (offset, part) => {
    starts.push(offset);
    pieces.push(part);
  });
  const at = (offset: number) => {
    const lo = lastAtOrBefore(starts, offset);
    const [line, column, piece] = pieces[lo] ?? [1, 1, ""];
    const before = piece.slice(0, Math.max(0, offset - (starts[lo] ?? 0)));
    const breaks = before.split("\n");
    return breaks.length === 1 ? { line, column: column + before.length } : { line: line + breaks.length - 1, column: breaks[breaks.length - 1].length + 1 };
  };
  return { text, at };
}
