/**
 * A note's prose: the text where names of other notes are looked for (unlinked mentions, mentions.ts), read from the
 * tree once at parse time (extract.ts), in two forms of one text. For `check --mentions`, block by block with where
 * each piece starts in the file (`ProseBlock`, `proseText`); for pages, one compact string without positions and
 * where each link stands in it (`compactProse`), kept with the parse, whose links a page fills in with their text
 * (`fillProse`). The links' places are numbers beside the text, not marker characters in it: a character beyond
 * Latin-1 would make V8 store the whole text, and the cache entry's JSON, at two bytes a character. Both read
 * as the same text: blocks and table cells fenced apart, each link fenced (U+0002 … U+0003), so no name runs from one
 * block into the next, nor into or out of a link.
 */
import type { Nodes } from "mdast";
import { lastAtOrBefore } from "../text-position.ts";
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

/**
 * One text of the blocks; `link(i, offset)` is what stands for link `i` (-1: a cell's edge) at `offset`, `piece` sees
 * each text piece.
 */
function joinProse(blocks: readonly ProseBlock[], link: (i: number, offset: number) => string, piece?: (offset: number, text: ProseText) => void): string {
  let text = "";
  for (const block of blocks) {
    if (text) text += BETWEEN_BLOCKS;
    for (const part of block) {
      if (typeof part === "number") text += link(part, text.length);
      else {
        piece?.(text.length, part);
        text += part[2];
      }
    }
  }
  return text;
}

const fenced = (inside: string) => `${FENCE_OPEN}${inside}${FENCE_CLOSE}`;

/** The prose as a page keeps it: the text without its links, and `links`: `[offset, link, offset, link, …]`. */
export interface CompactProse {
  text: string;
  links: number[];
}

export function compactProse(blocks: readonly ProseBlock[]): CompactProse {
  const links: number[] = [];
  const text = joinProse(blocks, (i, offset) => {
    if (i < 0) return fenced("");
    links.push(offset, i);
    return "";
  });
  return { text, links };
}

/** The compact prose with each link's text, fenced, where it stands: the text `proseText` gives for the same `linkText`. */
export function fillProse(compact: CompactProse, linkText: (link: number) => string): string {
  const { text, links } = compact;
  let out = "";
  let at = 0;
  for (let k = 0; k < links.length; k += 2) {
    out += text.slice(at, links[k]) + fenced(linkText(links[k + 1]));
    at = links[k];
  }
  return out + text.slice(at);
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
