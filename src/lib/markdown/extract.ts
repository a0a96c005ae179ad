/**
 * Reads what the rest of the pipeline needs out of a note's one mdast tree, after the transforms (pipeline.ts) and
 * without changing it: headings with the anchor ids anchors.ts gave them (the ids the page carries), wikilinks with
 * their positions and the sentence around them (for backlinks), block ids, the link URLs that are never safe (raw
 * HTML is judged by the sanitizer itself, sanitize.ts), and, when asked, the prose where names of other notes are
 * looked for (mentions.ts).
 */
import type { Nodes, Root } from "mdast";
import { lineStarts, positionAt } from "../text-position.ts";
import { isSafeHref } from "../urls.ts";
import { LINK_OPEN, stripMarkers } from "./markers.ts";
import type {} from "./nodes.ts";
import { compactProse, proseBlockOf, type CompactProse, type ProseBlock } from "./prose.ts";
import { linkText, plainText } from "./tree.ts";
import type { WikiLink } from "./wikilink-mdast.ts";

/** A 1-based range in the file. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface HeadingInfo {
  depth: number;
  text: string;
  /** The anchor id on the rendered page (github-slugger, as GitHub and Obsidian publish do). */
  id: string;
  line: number;
  /** Set on a heading that is the body's first block (a note that opens with its own title, `# Title`). */
  leads?: true;
}

/** Backlink context: text, and numbers standing for the note's own links (shown as their label or the target's title). */
export type ContextPart = string | number;

export interface LinkInfo extends Span {
  target: string;
  heading?: string;
  block?: string;
  /** The label as plain text, when the link has one. */
  label?: string;
  embed: boolean;
  /** An embed alone in its paragraph (Obsidian notes): transcluded as a block where it stands. */
  standalone?: boolean;
  /** The sentence around the link: its index in `Extracted.contexts`, or -1. */
  context: number;
  /** The link as written, for a link that names nothing (`[[|]]`, `[[#]]`): what the checker quotes. */
  written?: string;
}

export interface Finding extends Span {
  what: string;
}

export type { ProseBlock, ProseText } from "./prose.ts";

export interface Extracted {
  headings: HeadingInfo[];
  links: LinkInfo[];
  /** Block ids (`^id` at the end of a paragraph or list item), without the caret. */
  blocks: string[];
  unsafeUrls: Finding[];
  /** Each `[[` (or `![[`) in the text that opens no wikilink (never closed on its line): shown as written. */
  unclosed: Finding[];
  /** The link nodes in document order: `links[i]` describes `linkNodes[i]`. */
  linkNodes: WikiLink[];
  /** The sentences links stand in, each once: links of one sentence share it. */
  contexts: ContextPart[][];
  /** The note's prose, block by block, with positions, for finding the names of notes in it (mentions.ts); only when asked. */
  prose?: ProseBlock[];
  /** The same prose as one compact text, without positions (prose.ts), for pages: with the contexts. */
  proseText?: CompactProse;
}

const CONTEXT_MAX = 400;

/**
 * `lineOffset` is added to every line: the body's first line in the file minus one; `source` is the parsed body;
 * `prose` asks for the prose too (`npm run check -- --mentions`); `contexts: false` leaves out the links' sentences.
 */
export function extract(tree: Root, lineOffset: number, source?: string, options: { prose?: boolean; contexts?: boolean } = {}): Extracted {
  const span = (n: Nodes): Span => {
    const p = n.position;
    return p
      ? { line: p.start.line + lineOffset, column: p.start.column, endLine: p.end.line + lineOffset, endColumn: p.end.column }
      : { line: lineOffset + 1, column: 1, endLine: lineOffset + 1, endColumn: 1 };
  };
  const out: Extracted = { headings: [], links: [], blocks: tree.data?.blockIds ?? [], unsafeUrls: [], unclosed: [], linkNodes: [], contexts: [], ...(options.prose ? { prose: [] } : {}) };
  const linkIndex = new Map<WikiLink, number>();

  const walk = (node: Nodes) => {
    switch (node.type) {
      case "wikiLink": {
        linkIndex.set(node, out.links.length);
        out.linkNodes.push(node);
        const label = node.label === undefined ? undefined : plainText(node, () => "");
        const info: LinkInfo = { target: node.target, heading: node.heading, block: node.block, label, embed: node.embed, ...(node.data?.standalone ? { standalone: true } : {}), context: -1, ...span(node) };
        if (!node.target && !node.heading && !node.block && source !== undefined) info.written = source.slice(node.position?.start.offset, node.position?.end.offset);
        out.links.push(info);
        break;
      }
      case "heading": {
        const text = plainText(node, linkText);
        const id = String(node.data?.hProperties?.id ?? "");
        out.headings.push({ depth: node.depth, text, id, line: span(node).line, ...(tree.children[0] === node ? { leads: true as const } : {}) });
        break;
      }
      case "link":
      case "image":
      case "definition":
        if (!isSafeHref(node.url, node.type === "image" ? "image" : "link")) out.unsafeUrls.push({ ...span(node), what: node.url });
        break;
      case "text":
        if (source !== undefined && node.value.includes("[[")) unclosedOpeners(node, source, lineOffset, out.unclosed);
        break;
    }
    if ("children" in node && node.type !== "wikiLink") for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);

  // Contexts: each paragraph, heading and table row is its own; the sentence around each link in it. Only pages show
  // them (backlinks), so a parse for the check alone (`contexts: false`) skips them.
  const withContexts = options.contexts !== false;
  if (!withContexts && !out.prose) return out;
  const prose: ProseBlock[] = [];
  const contexts = (node: Nodes) => {
    if (node.type === "paragraph" || node.type === "heading" || node.type === "tableRow") {
      if (withContexts) {
        const parts: ContextPart[] = [];
        flatten(node, parts, linkIndex, node.type === "tableRow");
        assignContexts(parts, out.links, out.contexts);
      }
      const block = proseBlockOf(node, linkIndex, lineOffset);
      if (block.length) prose.push(block);
      return;
    }
    if ("children" in node) for (const child of node.children) contexts(child as Nodes);
  };
  contexts(tree);
  if (out.prose) out.prose = prose;
  if (withContexts) out.proseText = compactProse(prose);
  return out;
}

/** Where a text node's source holds `[[` that is not escaped (`\\[[`): a wikilink opened and never closed. */
function unclosedOpeners(node: Extract<Nodes, { type: "text" }>, source: string, lineOffset: number, out: Finding[]) {
  const p = node.position;
  if (p?.start.offset === undefined || p.end.offset === undefined) return;
  const raw = source.slice(p.start.offset, p.end.offset);
  const starts = lineStarts(raw);
  for (let i = raw.indexOf("[["); i >= 0; i = raw.indexOf("[[", i + 2)) {
    if (raw[i - 1] === "\\") continue;
    const at = positionAt(starts, i);
    const line = p.start.line + at.line - 1 + lineOffset;
    const column = at.line === 1 ? p.start.column + i : at.column;
    const end = raw.indexOf("\n", i);
    out.push({ line, column, endLine: line, endColumn: column + 2, what: raw.slice(i, end < 0 ? undefined : end).slice(0, 40).trimEnd() });
  }
}

function flatten(node: Nodes, parts: ContextPart[], linkIndex: Map<WikiLink, number>, row: boolean) {
  if (node.type === "wikiLink") {
    parts.push(linkIndex.get(node)!);
    return;
  }
  if (node.type === "text" || node.type === "inlineCode" || node.type === "inlineTag") parts.push((node.type === "inlineTag" ? `#${node.value}` : node.value).replace(/\s+/g, " "));
  else if (node.type === "break") parts.push(" ");
  else if ("children" in node) {
    (node.children as Nodes[]).forEach((c, i) => {
      if (row && i > 0) parts.push(" · ");
      flatten(c, parts, linkIndex, false);
    });
  }
}

/** Gives each link in `parts` the sentence it stands in, capped in length; a sentence with several links is kept once. */
function assignContexts(parts: ContextPart[], links: LinkInfo[], contexts: ContextPart[][]) {
  if (!parts.some((p) => typeof p === "number")) return;
  const kept = new Map<string, number>();
  let s = "";
  const at: { offset: number; link: number }[] = [];
  for (const p of parts) {
    if (typeof p === "number") {
      at.push({ offset: s.length, link: p });
      s += LINK_OPEN;
    } else s += stripMarkers(p);
  }
  // Every position is looked up in arrays made once per paragraph: a paragraph of 10,000 links cost seconds when
  // each link searched the text before it again (quadratic).
  const ends = sentenceEnds(s);
  const lastStop = new Int32Array(s.length + 1);
  for (let i = 0, last = -1; i <= s.length; i++) {
    lastStop[i] = last;
    if (STOP.has(s[i])) last = i;
  }
  let e = 0;
  for (const { offset, link } of at) {
    const start = sentenceStart(s, lastStop[offset], offset);
    while (e < ends.length && ends[e].stop < offset) e++;
    const end = e < ends.length ? ends[e].end : s.length;
    const key = `${start}:${end}`;
    let index = kept.get(key);
    if (index === undefined) {
      const raw = s.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      let sentence = raw.trim();
      if (sentence.length > CONTEXT_MAX) sentence = `${sentence.slice(0, CONTEXT_MAX - 1).trimEnd()}…`;
      const from = start + lead;
      const ids = at.slice(lowerBound(at, from), lowerBound(at, from + sentence.length)).map((a) => a.link);
      const out: ContextPart[] = [];
      sentence.split(LINK_OPEN).forEach((chunk, i) => {
        if (i > 0) out.push(ids[i - 1]);
        if (chunk) out.push(chunk);
      });
      kept.set(key, (index = contexts.push(out) - 1));
    }
    links[link].context = index;
  }
}

const STOP = new Set([".", "!", "?"]);
const CLOSER = new Set(['"', "'", ")", "]"]);
const SPACE = /\s/;

/**
 * Where each sentence of `s` ends: a `.`, `!` or `?` (at `stop`), any closing quotes or brackets, then a space or
 * the end of the text; `end` is just after the closers.
 */
function sentenceEnds(s: string): { stop: number; end: number }[] {
  const out: { stop: number; end: number }[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!STOP.has(s[i])) continue;
    let j = i + 1;
    while (j < s.length && CLOSER.has(s[j])) j++;
    if (j === s.length || SPACE.test(s[j])) out.push({ stop: i, end: j });
  }
  return out;
}

/**
 * Where the sentence holding position `offset` starts: after the last stop before it (`lastStop`), its closers and
 * the spaces that follow, when a space does follow it before `offset`; else at 0 (as in "version 1.5 of [[x]]",
 * where the last stop is inside a word).
 */
function sentenceStart(s: string, lastStop: number, offset: number): number {
  if (lastStop < 0) return 0;
  let j = lastStop + 1;
  while (j < offset && CLOSER.has(s[j])) j++;
  if (j >= offset || !SPACE.test(s[j])) return 0;
  while (j < offset && SPACE.test(s[j])) j++;
  return j;
}

/** The first index of `at` (sorted by offset) whose offset is at least `offset`. */
function lowerBound(at: readonly { offset: number }[], offset: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid].offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
