/**
 * Turns a note's mdast tree into an HTML template: the body's HTML cut at each wikilink, so that a page fills the
 * links in from the resolver's answers without the Markdown being parsed again. The template depends on the note
 * alone, so it is cached with the parse (parse-cache.ts); what a link points to is decided per build.
 *
 * Raw HTML is parsed into the tree and sanitized (sanitize.ts) only when the note has some, and what the sanitizer
 * removed is returned for the checker; a link or image whose URL has a scheme other than http(s) or mailto is
 * unwrapped to its text: the page never carries a `javascript:` URL from a note.
 */
import type { Element, Root as HastRoot, Nodes as HastNodes } from "hast";
import { toHtml } from "hast-util-to-html";
import type { Nodes, Root } from "mdast";
import { defaultHandlers, toHast, type Handler, type State } from "mdast-util-to-hast";
import { isSafeHref } from "../urls.ts";
import { VFile } from "vfile";
import { sanitizeRaw, type Removal } from "./sanitize.ts";
import type { WikiLink } from "./wikilink-mdast.ts";

export interface HtmlTemplate {
  /** HTML between the links: `chunks[0] link0 chunks[1] link1 …`; one more chunk than links. */
  chunks: string[];
  /** Each link's label as HTML, when it has one (inline Markdown in labels is rendered). */
  labels: (string | null)[];
  /**
   * Which link each slot holds, in the order of the HTML, when that is not simply every link in order: raw HTML can
   * drop a link (one inside a `<script>` or `<style>` the sanitizer strips) or move it (text the HTML parser takes out
   * of a `<table>`), and the page must still put each link where its slot is.
   */
  slots?: number[];
}

const SLOT = /\uE000(\d+)\uE001/;

/**
 * `linkNodes` are the tree's wikilinks in document order (extract.ts): slot `i` is `linkNodes[i]`. `removals` gets
 * what the sanitizer took out of the note's raw HTML, positions in `source` (the body the tree was parsed from).
 */
export function htmlTemplate(tree: Root, linkNodes: readonly WikiLink[], source = "", removals: Removal[] = []): HtmlTemplate {
  // With the source, the HTML parser gives raw HTML elements their positions in it, which the sanitizer's report
  // needs; made only for a note that has raw HTML.
  let file: VFile | undefined;
  const fileOf = () => (file ??= new VFile(source));
  const slot = new Map(linkNodes.map((n, i) => [n, i]));
  // Where raw HTML was written (offsets in the body): only elements starting there are the note's own HTML.
  const rawRanges: [number, number][] = [];
  const handlers: Record<string, Handler> = {
    wikiLink: (_state: State, node: WikiLink) => ({ type: "text", value: `\uE000${slot.get(node) ?? 0}\uE001` }),
    html: (state: State, node: Extract<Nodes, { type: "html" }>) => {
      const p = node.position;
      if (p?.start.offset !== undefined && p.end.offset !== undefined) rawRanges.push([p.start.offset, p.end.offset]);
      // The position lets the HTML parser place the elements it makes from this text in the body.
      return { type: "raw", value: node.value, position: node.position } as unknown as Element;
    },
    link: (state: State, node: Extract<Nodes, { type: "link" }>) => {
      if (isSafeHref(node.url)) return linkHandler(state, node);
      return state.all(node) as unknown as Element[];
    },
    image: (state: State, node: Extract<Nodes, { type: "image" }>) => {
      if (isSafeHref(node.url)) return imageHandler(state, node);
      return { type: "text", value: node.alt ?? "" };
    },
  };
  const html = render(tree, handlers, fileOf, rawRanges, removals);
  const parts = html.split(SLOT);
  const chunks = parts.filter((_c, i) => i % 2 === 0);
  const slots = parts.filter((_c, i) => i % 2 === 1).map(Number);
  // A label is phrasing content: rendered inside a paragraph (so no line breaks are added between its parts), unwrapped.
  const labels = linkNodes.map((n) => (n.label === undefined || n.children.length === 0 ? null : render({ type: "root", children: [{ type: "paragraph", children: n.children }] }, handlers, fileOf, rawRanges, removals).replace(/^<p>|<\/p>$/g, "")));
  return slots.length === linkNodes.length && slots.every((n, i) => n === i) ? { chunks, labels } : { chunks, labels, slots };
}

/** Renders a tree; raw HTML in it (`rawRanges` grows as the handler meets it) is parsed, then sanitized. */
function render(tree: Root, handlers: Record<string, Handler>, file: () => VFile, rawRanges: [number, number][], removals: Removal[]): string {
  const known = rawRanges.length;
  let hast = toHast(tree, { allowDangerousHtml: true, handlers }) as HastRoot;
  if (rawRanges.length > known) {
    const safe = sanitizeRaw(hast, file(), rawRanges.slice(known));
    hast = safe.tree;
    removals.push(...safe.removals);
  }
  return toHtml(hast as HastNodes);
}

/** mdast-util-to-hast's own link and image handlers, for the URLs that are safe. */
const linkHandler = defaultHandlers.link as (state: State, node: Extract<Nodes, { type: "link" }>) => Element;
const imageHandler = defaultHandlers.image as (state: State, node: Extract<Nodes, { type: "image" }>) => Element;

/** Fills a template's slots. */
export function fillTemplate(template: HtmlTemplate, link: (i: number, labelHtml: string | null) => string): string {
  const { chunks, labels, slots } = template;
  let out = chunks[0] ?? "";
  for (let k = 1; k < chunks.length; k++) {
    const i = slots ? slots[k - 1] : k - 1;
    out += link(i, labels[i] ?? null) + chunks[k];
  }
  return out;
}
