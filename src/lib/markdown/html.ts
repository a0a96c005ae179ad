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
}

const SLOT = /\uE000(\d+)\uE001/;

/**
 * `linkNodes` are the tree's wikilinks in document order (extract.ts): slot `i` is `linkNodes[i]`. `removals` gets
 * what the sanitizer took out of the note's raw HTML, positions in `source` (the body the tree was parsed from).
 */
export function htmlTemplate(tree: Root, linkNodes: readonly WikiLink[], source = "", removals: Removal[] = []): HtmlTemplate {
  // With the source, the HTML parser gives raw HTML elements their positions in it, which the sanitizer's report needs.
  const file = new VFile(source);
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
  const html = render(tree, handlers, file, rawRanges, removals);
  const chunks = html.split(SLOT).filter((_c, i) => i % 2 === 0);
  // A label is phrasing content: rendered inside a paragraph (so no line breaks are added between its parts), unwrapped.
  const labels = linkNodes.map((n) => (n.label === undefined || n.children.length === 0 ? null : render({ type: "root", children: [{ type: "paragraph", children: n.children }] }, handlers, file, rawRanges, removals).replace(/^<p>|<\/p>$/g, "")));
  return { chunks, labels };
}

/** Renders a tree; raw HTML in it (`rawRanges` grows as the handler meets it) is parsed, then sanitized. */
function render(tree: Root, handlers: Record<string, Handler>, file: VFile, rawRanges: [number, number][], removals: Removal[]): string {
  const known = rawRanges.length;
  let hast = toHast(tree, { allowDangerousHtml: true, handlers }) as HastRoot;
  if (rawRanges.length > known) {
    const safe = sanitizeRaw(hast, file, rawRanges.slice(known));
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
  let out = template.chunks[0] ?? "";
  for (let i = 1; i < template.chunks.length; i++) out += link(i - 1, template.labels[i - 1] ?? null) + template.chunks[i];
  return out;
}
