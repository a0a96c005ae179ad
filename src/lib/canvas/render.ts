/**
 * A canvas as HTML, made with hast and hast-util-to-html so that every text the file supplies (ids, labels, addresses,
 * names) is escaped: the nodes are an ordered list in reading order (layout.ts), a group's nodes a list inside its
 * item, each item placed at the canvas's own coordinates by its inline style (left, top, width, height, relative to
 * the stage or its group); the edges an SVG layer of curves, arrowheads and labels over the stage, hidden from
 * assistive technology, which reads each node's connections as text instead. Without the stylesheet the nodes are
 * a readable nested list; the page's stylesheet (styles/canvas.css) places them, or lays them out as a list on a
 * narrow screen. The text nodes' HTML (and the file nodes' link slots) come made (note.ts): that is the one raw part.
 * Pure.
 */
import type { Element, ElementContent, Properties } from "hast";
import { toHtml } from "hast-util-to-html";
import { isSafeHref } from "../urls.ts";
import { canvasBounds, edgeGeometry, readingOrder, type Box, type EdgeGeometry, type Placed } from "./layout.ts";
import type { Canvas, CanvasColor, CanvasEdge, CanvasNode } from "./parse.ts";

/** What a page shows inside a text or file node: HTML made elsewhere (a rendered note body, a link slot). */
export type NodeContent = (node: CanvasNode) => string | undefined;

/** The HTML of a canvas; `content` gives each text and file node's inner HTML. */
export function renderCanvas(canvas: Canvas, content: NodeContent): string {
  return toHtml(canvasTree(canvas, content), { allowDangerousHtml: true });
}

/** The canvas's bounding box and its edges' geometry (what the render places things by). */
export function canvasGeometry(canvas: Canvas): { bounds: Box; edges: Map<CanvasEdge, EdgeGeometry> } {
  const byId = new Map(canvas.nodes.map((n) => [n.id, n]));
  const edges = new Map<CanvasEdge, EdgeGeometry>();
  for (const e of canvas.edges) {
    const from = byId.get(e.fromNode);
    const to = byId.get(e.toNode);
    if (from && to) edges.set(e, edgeGeometry(from, to, e));
  }
  return { bounds: canvasBounds(canvas.nodes, [...edges.values()]), edges };
}

export function canvasTree(canvas: Canvas, content: NodeContent): Element {
  const { bounds, edges } = canvasGeometry(canvas);
  const byId = new Map(canvas.nodes.map((n) => [n.id, n]));
  const names = new Map(canvas.nodes.map((n) => [n.id, nodeName(n)]));

  // Two layers: the curves under the cards (they meet them at their sides), the labels over them (never hidden).
  const layer = (className: string, style: string | undefined, children: ElementContent[]) =>
    el("svg", { className: [className], width: bounds.width, height: bounds.height, viewBox: `${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`, ariaHidden: "true", focusable: "false", ...(style ? { style } : {}) }, children);
  const lines = layer(
    "canvas-edges",
    undefined,
    [...edges].map(([edge, g]) =>
      el("g", { className: ["canvas-edge"], dataEdge: edge.id, ...colorStyle(edge.color) }, [
        el("path", { className: ["canvas-edge-line"], d: g.path }),
        ...g.arrows.map((d) => el("path", { className: ["canvas-edge-arrow"], d })),
      ]),
    ),
  );
  const labelled = [...edges].filter(([edge]) => edge.label);
  const labels = labelled.length
    ? [layer(
        "canvas-edges canvas-edge-labels",
        `z-index:${canvas.nodes.length + 2}`,
        labelled.map(([edge, g]) => el("text", { className: ["canvas-edge-label"], x: String(g.label.x), y: String(g.label.y), textAnchor: "middle", dominantBaseline: "central", ...colorStyle(edge.color) }, [text(edge.label!)])),
      )]
    : [];

  const connections = (node: CanvasNode): ElementContent[] => {
    const items: ElementContent[] = [];
    for (const e of edges.keys()) {
      if (e.fromNode !== node.id && e.toNode !== node.id) continue;
      const out = e.fromNode === node.id;
      const other = byId.get(out ? e.toNode : e.fromNode)!;
      const [mine, theirs] = out ? [e.fromEnd, e.toEnd] : [e.toEnd, e.fromEnd];
      const arrow = mine === "arrow" && theirs === "arrow" ? "↔" : theirs === "arrow" ? "→" : mine === "arrow" ? "←" : "—";
      const how = arrow === "→" ? "to" : arrow === "←" ? "from" : "with";
      items.push(el("li", {}, [el("span", { ariaHidden: "true" }, [text(`${arrow} `)]), el("span", { className: ["visually-hidden"] }, [text(`Connected ${how} `)]), text(other === node ? "itself" : names.get(other.id)!), ...(e.label ? [text(`: ${e.label}`)] : [])]));
    }
    return items.length ? [el("ul", { className: ["canvas-connections"], ariaLabel: "Connections" }, items)] : [];
  };

  const item = (p: Placed<CanvasNode>, origin: { x: number; y: number }): Element => {
    const n = p.node;
    const style = `left:${n.x - origin.x}px;top:${n.y - origin.y}px;width:${n.width}px;height:${n.height}px;z-index:${n.type === "group" ? "auto" : n.index + 2}${colorCss(n.color)}`;
    const props: Properties = { className: ["canvas-node", `canvas-${n.type}`], id: `canvas-node-${n.id}`, dataNode: n.id, style };
    if (n.type === "group") {
      const label = n.label?.trim();
      return el("li", { ...props, role: "group", ariaLabel: label || "Group" }, [
        el("p", { className: ["canvas-group-label"] }, [text(label || "Group")]),
        ...connections(n),
        ...(p.children.length ? [el("ol", { className: ["canvas-nodes"] }, p.children.map((c) => item(c, n)))] : []),
      ]);
    }
    return el("li", props, [el("div", { className: ["canvas-card"] }, cardContent(n, content)), ...connections(n)]);
  };

  const stage = el("div", { className: ["canvas-stage"], style: `width:${bounds.width}px;height:${bounds.height}px`, dataWidth: bounds.width, dataHeight: bounds.height }, [
    el("ol", { className: ["canvas-nodes"] }, readingOrder(canvas.nodes).map((p) => item(p, bounds))),
    lines,
    ...labels,
  ]);
  return el("div", { className: ["canvas-viewport"], tabIndex: 0, role: "region", ariaLabel: "Canvas" }, [stage]);
}

function cardContent(n: Exclude<CanvasNode, { type: "group" }>, content: NodeContent): ElementContent[] {
  if (n.type === "link") {
    const url = n.url.trim();
    const label = [el("span", { className: ["canvas-link-host"] }, [text(host(url))]), el("span", { className: ["canvas-link-url"] }, [text(url)])];
    return [isSafeHref(url) ? el("a", { className: ["canvas-link"], href: url, rel: ["noopener", "nofollow"] }, label) : el("span", { className: ["canvas-link", "unsafe"], title: "Not a link: its address is not one the site opens" }, label)];
  }
  const html = content(n);
  return html === undefined ? [] : [{ type: "raw", value: html } as unknown as ElementContent];
}

/** How a node is named in another's list of connections. */
export function nodeName(n: CanvasNode): string {
  switch (n.type) {
    case "text": {
      const line = n.text.split("\n").map((l) => plain(l)).find(Boolean) ?? "";
      return line ? ellipsis(line, 60) : "Empty card";
    }
    case "file": {
      const name = n.file.slice(n.file.lastIndexOf("/") + 1).replace(/\.md$/i, "");
      return `${name}${n.subpath ? ` › ${n.subpath.replace(/^#/, "")}` : ""}`;
    }
    case "link":
      return n.url;
    case "group":
      return n.label?.trim() || "Group";
  }
}

/** A line of Markdown without its marks: `## [[Note|Label]] **x**` reads "Label x". */
function plain(line: string): string {
  return line
    .replace(/!?\[\[([^\]|]*)\|?([^\]]*)\]\]/g, (_m, target: string, label: string) => label || target)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[.\]\s+)?|\d+[.)]\s+)/, "")
    .replace(/[*_`~=]+/g, "")
    .trim();
}

function ellipsis(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

function host(url: string): string {
  try {
    const u = new URL(url);
    return u.host || u.protocol.replace(/:$/, "");
  } catch {
    return url;
  }
}

/** The colour as a custom property the stylesheet draws with: a preset's theme colour, or the hex value. */
function colorCss(c: CanvasColor | undefined): string {
  if (!c) return "";
  return `;--canvas-color:${"preset" in c ? `var(--canvas-${c.preset})` : c.hex}`;
}

function colorStyle(c: CanvasColor | undefined): Properties {
  return c ? { style: colorCss(c).slice(1) } : {};
}

function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: "element", tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: "text", value };
}
