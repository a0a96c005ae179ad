/**
 * A `.canvas` file as the vault's other stages see a note: a `ParsedNote` whose links are the wikilinks and Markdown
 * links of its text nodes and one embed per file node, each at its place in the `.canvas` file, and whose HTML
 * template is the whole canvas (render.ts) with a slot per link. So a canvas is resolved, checked, linked back to,
 * drawn in the graph, searched and given a page exactly as a note is, and nothing downstream knows the difference but
 * the page's frame (components/CanvasPage.astro) and the `canvas` rule, which reports `canvas.problems`.
 *
 * Each text node is read by the one Markdown parse, as an Obsidian note (parse-note.ts); its template's links become
 * the canvas's, numbered on. A file node is an embed standing alone (`![[file#subpath]]`): the page shows the note
 * (or the heading's section, or the block) with its title linking to it, or the image, as a note's embed does
 * (transclude.ts). Pure.
 */
import type { ContextPart, Finding, HeadingInfo, LinkInfo } from "../markdown/extract.ts";
import type { ExcerptPart } from "../markdown/excerpt.ts";
import type { HtmlTemplate } from "../markdown/html.ts";
import { fillTemplate } from "../markdown/html.ts";
import { LINK_SLOT, linkSlot, stripMarkers } from "../markdown/markers.ts";
import { parseNote, type ParsedNote } from "../parse-note.ts";
import { lineStarts, positionAt } from "../text-position.ts";
import { readingOrder, type Placed } from "./layout.ts";
import { parseCanvas, stringOffsets, type Canvas, type CanvasNode, type CanvasProblem } from "./parse.ts";
import { renderCanvas } from "./render.ts";

/** What a parsed note holds of a canvas beyond a note's parse. */
export interface CanvasInfo {
  /** What was wrong in the file (not JSON, a node or edge without what it needs …), at its place: the `canvas` rule. */
  problems: CanvasProblem[];
  nodes: number;
  edges: number;
}

/** Whether a file of an Obsidian vault is a canvas (JSON Canvas, `.canvas`). */
export function isCanvasPath(path: string): boolean {
  return /\.canvas$/i.test(path);
}

/** A canvas file's name without its extension: its title. */
export function canvasName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).replace(/\.canvas$/i, "");
}

/** The canvas in `text` read as a note is: its links, headings and blocks, and its page's HTML as a template. */
export function parseCanvasNote(text: string): ParsedNote & { canvas: CanvasInfo; html: HtmlTemplate } {
  const { canvas: read, problems } = parseCanvas(text);
  const canvas = clean(read);
  const starts = lineStarts(text);
  const at = (offset: number) => positionAt(starts, offset);

  const links: (LinkInfo & { standalone?: boolean })[] = [];
  const labels: (string | null)[] = [];
  const contexts: ContextPart[][] = [];
  const headings: HeadingInfo[] = [];
  const blocks: string[] = [];
  const unsafeHtml: Finding[] = [];
  const unsafeUrls: Finding[] = [];
  const unclosed: Finding[] = [];
  let excerpt: ExcerptPart[] | undefined;
  /** A text node nested too deep to render (shown as its text): the `too-deep` rule reports the first. */
  let tooDeep: Finding | undefined;
  const usedIds = new Set<string>();
  const content = new Map<string, string>();

  const flat: CanvasNode[] = [];
  const walk = (list: Placed<CanvasNode>[]) => list.forEach((p) => (flat.push(p.node), walk(p.children)));
  walk(readingOrder(canvas.nodes));

  for (const node of flat) {
    if (node.type === "file") {
      const [offset, length] = node.fileAt;
      const from = at(offset);
      const to = at(offset + length);
      const sub = node.subpath?.replace(/^#/, "").trim();
      const fragment = sub ? (sub.startsWith("^") ? { block: sub.slice(1) } : { heading: sub }) : {};
      content.set(node.id, linkSlot(links.length));
      labels.push(null);
      links.push({ target: node.file.trim(), ...fragment, embed: true, standalone: true, context: -1, line: from.line, column: from.column, endLine: to.line, endColumn: to.column });
      continue;
    }
    if (node.type !== "text") continue;
    const parsed = parseNote(node.text, { obsidian: true });
    // Places in the text node are places in the file: each character of the string where it was written.
    const offsets = stringOffsets(text, node.textAt);
    const textStarts = lineStarts(node.text);
    const place = (line: number, column: number) => at(offsets[Math.min(offsets.length - 1, (textStarts[line - 1] ?? 0) + column - 1)] ?? node.textAt);
    const span = <T extends { line: number; column: number; endLine?: number; endColumn?: number }>(s: T): T => {
      const from = place(s.line, s.column);
      const to = s.endLine !== undefined && s.endColumn !== undefined ? place(s.endLine, s.endColumn) : from;
      return { ...s, line: from.line, column: from.column, ...(s.endLine !== undefined ? { endLine: to.line, endColumn: to.column } : {}) };
    };
    const base = links.length;
    const contextBase = contexts.length;
    const t = parsed.html;
    // Ids of headings and footnotes must be unique on the page: a second text node's `#ideas` becomes `#ideas-1`.
    const renamed = new Map<string, string>();
    let html = fillTemplate(t, (i) => linkSlot(base + i));
    for (const m of html.matchAll(/ id="([^"]*)"/g)) {
      const id = m[1];
      let fresh = id;
      for (let n = 1; usedIds.has(fresh); n++) fresh = `${id}-${n}`;
      usedIds.add(fresh);
      if (fresh !== id) renamed.set(id, fresh);
    }
    if (renamed.size) html = html.replace(/ (id|href)="(#?)([^"]*)"/g, (m, attr: string, hash: string, id: string) => ((attr === "id") !== !!hash && renamed.has(id) ? ` ${attr}="${hash}${renamed.get(id)}"` : m));
    content.set(node.id, html);
    parsed.links.forEach((l, i) => {
      labels.push(t.labels[i] ?? null);
      links.push({ ...span(l), context: l.context >= 0 ? l.context + contextBase : -1 });
    });
    for (const c of parsed.contexts) contexts.push(c.map((p) => (typeof p === "number" ? p + base : p)));
    for (const h of parsed.headings) {
      const { leads: _leads, ...rest } = h;
      headings.push({ ...rest, id: renamed.get(h.id) ?? h.id, line: place(h.line, 1).line });
    }
    blocks.push(...parsed.blocks);
    unsafeHtml.push(...parsed.unsafeHtml.map(span));
    unsafeUrls.push(...parsed.unsafeUrls.map(span));
    unclosed.push(...(parsed.unclosed ?? []).map(span));
    if (parsed.tooDeep && !tooDeep) tooDeep = span(parsed.tooDeep);
    if (!excerpt && t.excerpt) excerpt = t.excerpt.map((p) => (typeof p === "number" ? p + base : Array.isArray(p) ? ([p[0] + base, p[1]] as [number, string]) : p));
  }

  const html = renderCanvas(canvas, (n) => content.get(n.id));
  // The template: the HTML cut at each link's slot, and which link each slot holds.
  const chunks: string[] = [];
  const slots: number[] = [];
  let last = 0;
  for (const m of html.matchAll(LINK_SLOT)) {
    chunks.push(html.slice(last, m.index));
    slots.push(Number(m[1]));
    last = m.index! + m[0].length;
  }
  chunks.push(html.slice(last));
  const template: HtmlTemplate = { chunks, labels, ...(slots.length !== links.length || slots.some((n, i) => n !== i) ? { slots } : {}), ...(excerpt ? { excerpt } : {}) };
  return {
    data: undefined,
    positions: {},
    problems: [],
    bodyLine: 1,
    headings,
    links,
    contexts,
    proseText: { text: "", links: [] },
    blocks,
    unsafeHtml,
    unsafeUrls,
    ...(unclosed.length ? { unclosed } : {}),
    ...(tooDeep ? { tooDeep } : {}),
    html: template,
    canvas: { problems, nodes: canvas.nodes.length, edges: canvas.edges.length },
  };
}

/** The canvas with the engine's marker characters (markdown/markers.ts) taken out of every text it supplies. */
function clean(c: Canvas): Canvas {
  const s = (v: string | undefined) => (v === undefined ? v : stripMarkers(v));
  return {
    nodes: c.nodes.map((n) => {
      const out = { ...n, id: stripMarkers(n.id) } as CanvasNode;
      if (out.type === "text") out.text = stripMarkers(out.text);
      if (out.type === "file") (out.file = stripMarkers(out.file)), out.subpath !== undefined && (out.subpath = s(out.subpath));
      if (out.type === "link") out.url = stripMarkers(out.url);
      if (out.type === "group" && out.label !== undefined) out.label = s(out.label);
      return out;
    }),
    edges: c.edges.map((e) => ({ ...e, id: stripMarkers(e.id), fromNode: stripMarkers(e.fromNode), toNode: stripMarkers(e.toNode), ...(e.label !== undefined ? { label: stripMarkers(e.label) } : {}) })),
  };
}
