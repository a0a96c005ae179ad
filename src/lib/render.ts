/**
 * Renders a checked note's body to HTML: the one unified parse of the Markdown, wikilinks replaced by the links the
 * resolver already decided on, heading ids from the index, raw HTML sanitized.
 *
 * Only the work a note needs is done: GFM syntax only when the body has its markers, the HTML re-parse and sanitizer
 * only when the body contains raw HTML.
 */
import type { Root as HastRoot } from "hast";
import { raw } from "hast-util-raw";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import type { Heading as MdHeading, Link, PhrasingContent, Root, Text } from "mdast";
import { toHast } from "mdast-util-to-hast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import type { Note, ResolvedLink } from "./types.ts";
import { parseWikilinkInner, WIKILINK_RE, wikilinkText } from "./wikilink.ts";

const plain = unified().use(remarkParse);
const gfm = unified().use(remarkParse).use(remarkGfm);
/** Tables, strikethrough, footnotes, task lists, bare URLs: the markers that make GFM worth its cost. */
const GFM_MARKERS = /^\s*\|.*\||~~|\[\^|^\s*[-*+] \[[ xX]\]|https?:\/\/|www\./m;
const SAFE_URL = /^(https?:|mailto:|\/|#|\.|[^:]*$)/i;

export interface RenderContext {
  /** Site base path ending in `/`, e.g. `/` or `/atlas/`. */
  base: string;
  /** Title and summary of a note, for link text and embeds. */
  lookup(slug: string): { title: string; summary: string } | undefined;
}

export function noteHref(base: string, slug: string, headingId?: string): string {
  return `${base}${slug}/${headingId ? `#${headingId}` : ""}`;
}

/**
 * Sanitizer schema: GitHub's defaults plus the classes and ids our own wikilink and heading markup uses. GitHub's
 * per-tag class lists (e.g. only `data-footnote-backref` on `a`) are dropped so that any class is kept.
 */
const attributes = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [tag, list.filter((a) => !(Array.isArray(a) && a[0] === "className"))]),
);
const schema: Schema = {
  ...defaultSchema,
  clobberPrefix: "",
  attributes: {
    ...attributes,
    "*": [...(attributes["*"] ?? []), "className", "id", "title"],
    a: [...(attributes.a ?? []), "dataSlug"],
  },
  tagNames: [...(defaultSchema.tagNames ?? []), "aside", "figure", "figcaption", "mark", "abbr"],
};

export function renderNote(note: Note, body: string, bodyLine: number, ctx: RenderContext): string {
  const tree = (GFM_MARKERS.test(body) ? gfm : plain).parse(body) as Root;
  let hasHtml = false;
  const byPosition = new Map(note.links.map((l) => [`${l.line}:${l.column}`, l]));
  let headingIndex = 0;

  visit(tree, (node, index, parent) => {
    if (node.type === "html") hasHtml = true;
    if (node.type === "heading") {
      const h = note.headings[headingIndex++];
      if (h) (node as MdHeading).data = { hProperties: { id: h.id } };
      return;
    }
    if ((node.type === "link" || node.type === "image") && !SAFE_URL.test((node as Link).url)) {
      (node as Link).url = "#";
      return;
    }
    if (node.type !== "text" || !parent || index === undefined) return;
    const text = node as Text;
    if (!text.value.includes("[[")) return;
    const parts = splitWikilinks(text, bodyLine, byPosition, note.links, ctx);
    if (!parts) return;
    parent.children.splice(index, 1, ...(parts as never[]));
    return [SKIP, index + parts.length];
  });

  let hast = toHast(tree, { allowDangerousHtml: hasHtml }) as HastRoot;
  if (hasHtml) hast = sanitize(raw(hast), schema) as HastRoot;
  return toHtml(hast);
}

/** Splits a text node around its wikilinks; null when it has none. */
function splitWikilinks(
  text: Text,
  bodyLine: number,
  byPosition: Map<string, ResolvedLink>,
  all: ResolvedLink[],
  ctx: RenderContext,
): PhrasingContent[] | null {
  const out: PhrasingContent[] = [];
  let last = 0;
  const start = text.position?.start;
  WIKILINK_RE.lastIndex = 0;
  for (let m; (m = WIKILINK_RE.exec(text.value)); ) {
    if (m.index > last) out.push({ type: "text", value: text.value.slice(last, m.index) });
    last = m.index + m[0].length;
    const link = findLink(m, text.value, start, bodyLine, byPosition, all);
    out.push(linkNode(link, ctx));
  }
  if (!out.length) return null;
  if (last < text.value.length) out.push({ type: "text", value: text.value.slice(last) });
  return out;
}

/** The resolved link at this position (the scan saw the same text), else the first with the same syntax. */
function findLink(
  m: RegExpExecArray,
  value: string,
  start: { line: number; column: number } | undefined,
  bodyLine: number,
  byPosition: Map<string, ResolvedLink>,
  all: ResolvedLink[],
): ResolvedLink {
  if (start) {
    const before = value.slice(0, m.index);
    const nl = before.lastIndexOf("\n");
    const line = bodyLine + start.line - 1 + (before.match(/\n/g)?.length ?? 0);
    const column = nl < 0 ? start.column + m.index : m.index - nl;
    const hit = byPosition.get(`${line}:${column}`);
    if (hit) return hit;
  }
  const syntax = parseWikilinkInner(m[2]);
  return (
    all.find((l) => l.target === syntax.target && l.heading === syntax.heading && l.label === syntax.label) ?? {
      ...syntax,
      embed: m[1] === "!",
      line: 0,
      column: 0,
      to: null,
      context: "",
    }
  );
}

function linkNode(link: ResolvedLink, ctx: RenderContext): PhrasingContent {
  const target = link.to ? ctx.lookup(link.to) : undefined;
  if (!link.to || !target) {
    return {
      type: "emphasis",
      data: { hName: "span", hProperties: { className: ["wikilink", "broken"], title: `Missing note: ${link.target}` } },
      children: [{ type: "text", value: wikilinkText(link) }],
    };
  }
  const text = wikilinkText(link, target.title);
  const classes = ["wikilink", ...(link.headingMissing ? ["broken-heading"] : []), ...(link.embed ? ["embed"] : [])];
  const node: Link = {
    type: "link",
    url: noteHref(ctx.base, link.to, link.headingId),
    title: link.embed ? null : target.summary,
    data: { hProperties: { className: classes, dataSlug: link.to } },
    children: [{ type: "text", value: text }],
  };
  if (!link.embed) return node;
  // `![[note]]` shows the note's summary in place, as a card linking to it.
  return {
    type: "emphasis",
    data: { hName: "span", hProperties: { className: ["embed-card"] } },
    children: [node, { type: "text", value: ` — ${target.summary}` }],
  };
}
