/**
 * Turns a note's mdast tree into an HTML template: the body's HTML cut at each wikilink, so that a page fills the
 * links in from the resolver's answers without the Markdown being parsed again. The template depends on the note
 * alone, so it is cached with the parse (parse-cache.ts); what a link points to is decided per build.
 *
 * Raw HTML is parsed into the tree and sanitized (sanitize.ts) only when the note has some, and what the sanitizer
 * removed is returned for the checker; a link or image whose URL has a scheme the site does not allow is
 * unwrapped to its text: the page never carries a `javascript:` URL from a note. Links may open apps (`mailto:`,
 * `obsidian:` … urls.ts LINK_SCHEMES); images load only from the web or the site.
 */
import type { Element, ElementContent, Root as HastRoot, Nodes as HastNodes, Text as HastText } from "hast";
import katex from "katex";
import { toHtml } from "hast-util-to-html";
import type { Nodes, Root } from "mdast";
import { defaultHandlers, toHast, type Handler, type State } from "mdast-util-to-hast";
import { isSafeHref } from "../urls.ts";
import { VFile } from "vfile";
import { excerptOf, firstParagraph, labelText, type ExcerptPart } from "./excerpt.ts";
import { baseSlot, linkSlot, LINK_SLOT_OR_PLACE, MATH_SLOT, mathSlot, placeMark } from "./markers.ts";
import type {} from "./bases.ts";
import type {} from "./nodes.ts";
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
  /**
   * Obsidian notes: where each top-level heading starts (`[id, chunk, offset]`), in order, and where the body ends
   * before its footnotes (id ""), so that `![[note#Heading]]` can take that heading's section from the template.
   */
  sections?: TemplateMark[];
  /** Obsidian notes: each element with a block id, from its start to its end, and the list it is an item of. */
  blocks?: [id: string, chunk: number, offset: number, endChunk: number, endOffset: number, list?: "ul" | "ol"][];
  /** The first paragraph's text, for a link preview (excerpt.ts); absent when the body has no paragraph. */
  excerpt?: ExcerptPart[];
}

/** A place in a template: `[id, chunk, offset]`. */
export type TemplateMark = [id: string, chunk: number, offset: number];

export interface TemplateOptions {
  /** Obsidian's syntax: math, embeds alone in a paragraph rendered as blocks, section and block marks. */
  obsidian?: boolean;
  /** The body the tree was parsed from: the sanitizer's removals are placed in it. */
  source?: string;
  /** Gets what the sanitizer took out of the note's raw HTML, at positions in `source`. */
  removals?: Removal[];
}

/**
 * `linkNodes` are the tree's wikilinks in document order (extract.ts): slot `i` is `linkNodes[i]`. `removals` gets
 * what the sanitizer took out of the note's raw HTML, positions in `source` (the body the tree was parsed from).
 */
export function htmlTemplate(tree: Root, linkNodes: readonly WikiLink[], options: TemplateOptions = {}): HtmlTemplate {
  const { source = "", removals = [] } = options;
  // With the source, the HTML parser gives raw HTML elements their positions in it, which the sanitizer's report
  // needs; made only for a note that has raw HTML.
  let file: VFile | undefined;
  const fileOf = () => (file ??= new VFile(source));
  const slot = new Map(linkNodes.map((n, i) => [n, i]));
  // Where raw HTML was written (offsets in the body): only elements starting there are the note's own HTML.
  const rawRanges: [number, number][] = [];
  // Math is rendered by KaTeX (MathML: no script, stylesheet or font needed) and put in after the sanitizer, which
  // would drop MathML's elements.
  const math: string[] = [];
  const mathText = (tex: string, displayMode: boolean): HastText => ({ type: "text", value: mathSlot(math.push(renderMath(tex, displayMode)) - 1) });
  const handlers: Record<string, Handler> = {
    inlineMath: (_state: State, node: { value: string; data?: { display?: boolean } }) => mathText(node.value, !!node.data?.display),
    math: (_state: State, node: { value: string }) => ({ type: "element", tagName: "div", properties: { className: ["math", "math-display"] }, children: [mathText(node.value, true)] }),
    paragraph: (state: State, node: Extract<Nodes, { type: "paragraph" }>) => {
      // Embeds alone in their paragraph are blocks where they stand (a note's section is no paragraph content).
      if (node.data?.embedsOnly) return state.all(node).filter((c) => c.type !== "text" || c.value.trim()) as unknown as ElementContent[];
      return paragraphHandler(state, node);
    },
    wikiLink: (_state: State, node: WikiLink) => ({ type: "text", value: linkSlot(slot.get(node) ?? 0) }),
    // A ```base block (bases.ts) is a slot the page fills with the base evaluated over the vault (src/lib/bases/).
    code: (state: State, node: Extract<Nodes, { type: "code" }>) => (node.data?.base !== undefined ? { type: "text", value: baseSlot(node.data.base) } : codeHandler(state, node)),
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
    // A heading with an id gets a link to itself (shown as `#` by the stylesheet, so no text joins the heading's).
    heading: (state: State, node: Extract<Nodes, { type: "heading" }>) => {
      const element = headingHandler(state, node);
      const id = element.properties?.id;
      if (typeof id === "string") element.children.push({ type: "element", tagName: "a", properties: { className: ["heading-anchor"], href: `#${id}`, ariaLabel: "Link to this section" }, children: [] });
      return element;
    },
    image: (state: State, node: Extract<Nodes, { type: "image" }>) => {
      if (isSafeHref(node.url, "image")) return imageHandler(state, node);
      return { type: "text", value: node.alt ?? "" };
    },
  };
  const fillMath = (html: string) => (math.length ? html.replace(MATH_SLOT, (_m, i: string) => math[Number(i)]) : html);
  const marks: string[] = [];
  // The first paragraph as the final tree has it, before the places are marked; its links' labels' text comes with
  // the labels.
  let first: Element | undefined;
  const html = fillMath(
    render(tree, handlers, fileOf, rawRanges, removals, (hast) => {
      first = firstParagraph(hast);
      if (options.obsidian) markPlaces(hast, marks);
    }),
  );
  const inExcerpt = new Set(first ? excerptOf(first, math).filter((p) => typeof p === "number") : []);
  const labelTexts = new Map<number, string>();
  // A label is phrasing content: rendered inside a paragraph (so no line breaks are added between its parts), unwrapped.
  const labels = linkNodes.map((n, i) => {
    if (n.label === undefined || n.children.length === 0) return null;
    const label: Root = { type: "root", children: [{ type: "paragraph", children: n.children }] };
    const p = inExcerpt.has(i) ? (hast: HastRoot) => labelTexts.set(i, labelText(firstParagraph(hast)!, math)) : undefined;
    return fillMath(render(label, handlers, fileOf, rawRanges, removals, p).replace(/^<p>|<\/p>$/g, ""));
  });
  const { slots, ...cut } = cutAtMarks(html, marks);
  const template: HtmlTemplate = { labels, ...cut };
  if (first) template.excerpt = excerptOf(first, math, (i) => labelTexts.get(i));
  // Which link each slot holds, only when that is not every link in order.
  if (slots.length !== linkNodes.length || slots.some((n, i) => n !== i)) template.slots = slots;
  return template;
}

/**
 * Renders a tree; raw HTML in it (`rawRanges` grows as the handler meets it) is parsed, then sanitized; `beforeHtml`
 * sees the final tree.
 */
function render(tree: Root, handlers: Record<string, Handler>, file: () => VFile, rawRanges: [number, number][], removals: Removal[], beforeHtml?: (hast: HastRoot) => void): string {
  const known = rawRanges.length;
  let hast = toHast(tree, { allowDangerousHtml: true, handlers }) as HastRoot;
  if (rawRanges.length > known) {
    const safe = sanitizeRaw(hast, file(), rawRanges.slice(known));
    hast = safe.tree;
    removals.push(...safe.removals);
  }
  beforeHtml?.(hast);
  return toHtml(hast as HastNodes);
}

function renderMath(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, output: "mathml", throwOnError: false, trust: false, strict: "ignore" });
}

const HEADING = /^h[1-6]$/;

/**
 * Puts a mark (`placeMark(k)`, described by `marks[k]`) before each top-level heading, before the footnotes (or at
 * the end), and around each element with a block id (`^id`), in the final tree, after the sanitizer.
 */
function markPlaces(root: HastRoot, marks: string[]): void {
  const mark = (what: string): HastText => ({ type: "text", value: placeMark(marks.push(what) - 1) });
  const top: HastRoot["children"] = [];
  let ended = false;
  for (const child of root.children) {
    if (child.type === "element") {
      const id = child.properties?.id;
      if (HEADING.test(child.tagName) && typeof id === "string") top.push(mark(`s${id}`));
      if (child.tagName === "section" && "dataFootnotes" in (child.properties ?? {}) && !ended) {
        top.push(mark("s"));
        ended = true;
      }
    }
    top.push(child);
  }
  if (!ended) top.push(mark("s"));
  root.children = top;
  const blocks = (parent: HastRoot | Element) => {
    const out: HastRoot["children"] = [];
    for (const child of parent.children as HastRoot["children"]) {
      if (child.type !== "element") {
        out.push(child);
        continue;
      }
      const id = child.properties?.id;
      if (typeof id === "string" && id.startsWith("^")) {
        const list = parent.type === "element" && child.tagName === "li" && (parent.tagName === "ul" || parent.tagName === "ol") ? parent.tagName : "";
        out.push(mark(`b${list}:${id.slice(1)}`), child, mark("e"));
      } else out.push(child);
      blocks(child);
    }
    parent.children = out as typeof parent.children;
  };
  blocks(root);
}

/** Cuts rendered HTML at its link slots into chunks, and turns its marks into places in those chunks. */
function cutAtMarks(html: string, marks: string[]): Pick<HtmlTemplate, "chunks" | "sections" | "blocks"> & { slots: number[] } {
  const chunks: string[] = [""];
  const slots: number[] = [];
  const sections: TemplateMark[] = [];
  const blocks: NonNullable<HtmlTemplate["blocks"]> = [];
  const open: [string, number, number, "ul" | "ol" | undefined][] = [];
  let at = 0;
  for (const m of html.matchAll(LINK_SLOT_OR_PLACE)) {
    chunks[chunks.length - 1] += html.slice(at, m.index);
    at = m.index + m[0].length;
    if (m[1] !== undefined) {
      slots.push(Number(m[1]));
      chunks.push("");
      continue;
    }
    const what = marks[Number(m[2])];
    const place = [chunks.length - 1, chunks[chunks.length - 1].length] as const;
    if (what[0] === "s") sections.push([what.slice(1), ...place]);
    else if (what[0] === "b") {
      const colon = what.indexOf(":");
      open.push([what.slice(colon + 1), ...place, (what.slice(1, colon) || undefined) as "ul" | "ol" | undefined]);
    } else {
      const [id, c, o, list] = open.pop()!;
      blocks.push(list ? [id, c, o, ...place, list] : [id, c, o, ...place]);
    }
  }
  chunks[chunks.length - 1] += html.slice(at);
  return { chunks, slots, ...(sections.length > 1 ? { sections } : {}), ...(blocks.length ? { blocks } : {}) };
}

/** mdast-util-to-hast's own link and image handlers, for the URLs that are safe. */
const paragraphHandler = defaultHandlers.paragraph as (state: State, node: Extract<Nodes, { type: "paragraph" }>) => Element;
const linkHandler = defaultHandlers.link as (state: State, node: Extract<Nodes, { type: "link" }>) => Element;
const headingHandler = defaultHandlers.heading as (state: State, node: Extract<Nodes, { type: "heading" }>) => Element;
const codeHandler = defaultHandlers.code as (state: State, node: Extract<Nodes, { type: "code" }>) => Element;
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

/**
 * The part of a template between two places, as a template of its own: its slots are the original's links from
 * `first` on (slot `i` of the part is link `first + i`). A template that records which link each slot holds keeps
 * that record for the part, with `first` 0 (its slots name the original's links).
 */
export function sliceTemplate(t: HtmlTemplate, from: [chunk: number, offset: number], to: [chunk: number, offset: number]): { template: HtmlTemplate; first: number } {
  const [c0, o0] = from;
  const [c1, o1] = to;
  if (c0 === c1) return { template: { chunks: [t.chunks[c0].slice(o0, o1)], labels: [] }, first: c0 };
  const chunks = [t.chunks[c0].slice(o0), ...t.chunks.slice(c0 + 1, c1), t.chunks[c1].slice(0, o1)];
  if (t.slots) return { template: { chunks, labels: t.labels, slots: t.slots.slice(c0, c1) }, first: 0 };
  return { template: { chunks, labels: t.labels.slice(c0, c1) }, first: c0 };
}
