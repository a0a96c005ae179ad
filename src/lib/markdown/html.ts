/**
 * Turns a note's mdast tree into an HTML template: the body's HTML cut at each wikilink, so that a page fills the
 * links in from the resolver's answers without the Markdown being parsed again. The template depends on the note
 * alone, so it is cached with the parse (parse-cache.ts); what a link points to is decided per build.
 *
 * Raw HTML is re-parsed and sanitized only when the note has some; a link or image whose URL has a scheme other
 * than http(s) or mailto is unwrapped to its text: the page never carries a `javascript:` URL from a note.
 */
import type { Element, Root as HastRoot, Nodes as HastNodes } from "hast";
import { raw } from "hast-util-raw";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import type { Nodes, Root } from "mdast";
import { defaultHandlers, toHast, type Handler, type State } from "mdast-util-to-hast";
import { isSafeHref } from "../urls.ts";
import type { WikiLink } from "./wikilink-mdast.ts";

export interface HtmlTemplate {
  /** HTML between the links: `chunks[0] link0 chunks[1] link1 …`; one more chunk than links. */
  chunks: string[];
  /** Each link's label as HTML, when it has one (inline Markdown in labels is rendered). */
  labels: (string | null)[];
}

const SLOT = /\uE000(\d+)\uE001/;

/**
 * Sanitizer schema: GitHub's defaults plus the classes and ids our own markup uses. GitHub's per-tag class lists are
 * dropped so that any class is kept.
 */
const attributes = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [tag, list.filter((a) => !(Array.isArray(a) && a[0] === "className"))]),
);
const SANITIZE: Schema = {
  ...defaultSchema,
  clobberPrefix: "",
  attributes: { ...attributes, "*": [...(attributes["*"] ?? []), "className", "id", "title"], a: [...(attributes.a ?? []), "dataSlug"] },
  tagNames: [...(defaultSchema.tagNames ?? []), "aside", "figure", "figcaption", "mark", "abbr"],
};

/** `linkNodes` are the tree's wikilinks in document order (extract.ts): slot `i` is `linkNodes[i]`. */
export function htmlTemplate(tree: Root, linkNodes: readonly WikiLink[]): HtmlTemplate {
  const slot = new Map(linkNodes.map((n, i) => [n, i]));
  let hasHtml = false;
  const handlers: Record<string, Handler> = {
    wikiLink: (_state: State, node: WikiLink) => ({ type: "text", value: `\uE000${slot.get(node) ?? 0}\uE001` }),
    html: (state: State, node: Extract<Nodes, { type: "html" }>) => {
      hasHtml = true;
      return { type: "raw", value: node.value } as unknown as Element;
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
      if (isSafeHref(node.url)) return imageHandler(state, node);
      return { type: "text", value: node.alt ?? "" };
    },
  };
  const html = render(tree, handlers, () => hasHtml);
  const chunks = html.split(SLOT).filter((_c, i) => i % 2 === 0);
  // A label is phrasing content: rendered inside a paragraph (so no line breaks are added between its parts), unwrapped.
  const labels = linkNodes.map((n) => (n.label === undefined || n.children.length === 0 ? null : render({ type: "root", children: [{ type: "paragraph", children: n.children }] }, handlers, () => hasHtml).replace(/^<p>|<\/p>$/g, "")));
  return { chunks, labels };
}

function render(tree: Root, handlers: Record<string, Handler>, hadHtml: () => boolean): string {
  let hast = toHast(tree, { allowDangerousHtml: true, handlers }) as HastRoot;
  if (hadHtml()) hast = sanitize(raw(hast), SANITIZE) as HastRoot;
  return toHtml(hast as HastNodes);
}

/** mdast-util-to-hast's own link and image handlers, for the URLs that are safe. */
const linkHandler = defaultHandlers.link as (state: State, node: Extract<Nodes, { type: "link" }>) => Element;
const headingHandler = defaultHandlers.heading as (state: State, node: Extract<Nodes, { type: "heading" }>) => Element;
const imageHandler = defaultHandlers.image as (state: State, node: Extract<Nodes, { type: "image" }>) => Element;

/** Fills a template's slots. */
export function fillTemplate(template: HtmlTemplate, link: (i: number, labelHtml: string | null) => string): string {
  let out = template.chunks[0] ?? "";
  for (let i = 1; i < template.chunks.length; i++) out += link(i - 1, template.labels[i - 1] ?? null) + template.chunks[i];
  return out;
}
