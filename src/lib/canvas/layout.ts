/**
 * A canvas's geometry, in its own coordinates (pixels, y downwards): the box that holds it, where an edge leaves and
 * meets its nodes and the curve between, its arrowheads and the place of its label, and the order a reader takes the
 * nodes in. Pure.
 */
import type { CanvasEdge, CanvasNode, CanvasSide } from "./parse.ts";

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room around the outermost nodes and curves. */
export const PADDING = 40;
/** An arrowhead's length and half its width. */
export const ARROW_LENGTH = 14;
export const ARROW_HALF_WIDTH = 6;

const SIDE_NORMAL: Record<CanvasSide, Point> = { top: { x: 0, y: -1 }, right: { x: 1, y: 0 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 } };
const SIDES: CanvasSide[] = ["top", "right", "bottom", "left"];

/** The middle of a node's side: where an edge leaves or meets it. */
export function sidePoint(box: Box, side: CanvasSide): Point {
  switch (side) {
    case "top":
      return { x: box.x + box.width / 2, y: box.y };
    case "right":
      return { x: box.x + box.width, y: box.y + box.height / 2 };
    case "bottom":
      return { x: box.x + box.width / 2, y: box.y + box.height };
    case "left":
      return { x: box.x, y: box.y + box.height / 2 };
  }
}

/** The sides an edge joins: as written, else the pair (or the one missing) that faces across the shortest gap. */
export function edgeSides(from: Box, to: Box, fromSide?: CanvasSide, toSide?: CanvasSide): [CanvasSide, CanvasSide] {
  if (fromSide && toSide) return [fromSide, toSide];
  let best: [CanvasSide, CanvasSide] = [fromSide ?? "right", toSide ?? "left"];
  let bestScore = Infinity;
  for (const a of fromSide ? [fromSide] : SIDES) {
    for (const b of toSide ? [toSide] : SIDES) {
      const p = sidePoint(from, a);
      const q = sidePoint(to, b);
      // The distance, and a little more for a side that turns away from the other end (so facing sides win ties).
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      const away = (n: Point, dx: number, dy: number) => (n.x * dx + n.y * dy < 0 ? 1 : 0);
      const score = d + 1000 * ((fromSide ? 0 : away(SIDE_NORMAL[a], q.x - p.x, q.y - p.y)) + (toSide ? 0 : away(SIDE_NORMAL[b], p.x - q.x, p.y - q.y)));
      if (score < bestScore) {
        bestScore = score;
        best = [a, b];
      }
    }
  }
  return best;
}

export interface EdgeGeometry {
  /** The curve, as an SVG path (`M … C …`), from the start to where each arrowhead begins. */
  path: string;
  /** Arrowheads as closed SVG paths, one per end that has one. */
  arrows: string[];
  /** The middle of the curve: where its label goes. */
  label: Point;
  /** The curve's control points (start, two controls, end), for the bounding box. */
  points: [Point, Point, Point, Point];
  sides: [CanvasSide, CanvasSide];
}

/**
 * An edge between two node boxes: a cubic Bézier curve that leaves each side along its outward normal (so it meets a
 * node square to its side), its controls as far out as half the distance between the ends (at least 20 pixels, at
 * most 150); an arrowhead at an end whose shape is `arrow`, pointing into the node, the curve stopping at its base.
 */
export function edgeGeometry(from: Box, to: Box, edge: Pick<CanvasEdge, "fromSide" | "toSide" | "fromEnd" | "toEnd">): EdgeGeometry {
  const sides = edgeSides(from, to, edge.fromSide, edge.toSide);
  const [a, b] = sides;
  const tipA = sidePoint(from, a);
  const tipB = sidePoint(to, b);
  const na = SIDE_NORMAL[a];
  const nb = SIDE_NORMAL[b];
  const along = (p: Point, n: Point, d: number): Point => ({ x: p.x + n.x * d, y: p.y + n.y * d });
  const start = edge.fromEnd === "arrow" ? along(tipA, na, ARROW_LENGTH) : tipA;
  const end = edge.toEnd === "arrow" ? along(tipB, nb, ARROW_LENGTH) : tipB;
  const reach = Math.min(150, Math.max(20, Math.hypot(end.x - start.x, end.y - start.y) / 2));
  const c1 = along(start, na, reach);
  const c2 = along(end, nb, reach);
  const arrows: string[] = [];
  if (edge.fromEnd === "arrow") arrows.push(arrowPath(tipA, na));
  if (edge.toEnd === "arrow") arrows.push(arrowPath(tipB, nb));
  const label = {
    x: (start.x + 3 * c1.x + 3 * c2.x + end.x) / 8,
    y: (start.y + 3 * c1.y + 3 * c2.y + end.y) / 8,
  };
  return { path: `M${num(start.x)} ${num(start.y)} C${num(c1.x)} ${num(c1.y)} ${num(c2.x)} ${num(c2.y)} ${num(end.x)} ${num(end.y)}`, arrows, label: { x: round(label.x), y: round(label.y) }, points: [start, c1, c2, end], sides };
}

/** An arrowhead whose tip touches the node at `tip`, its base out along the side's normal `n`. */
function arrowPath(tip: Point, n: Point): string {
  const base = { x: tip.x + n.x * ARROW_LENGTH, y: tip.y + n.y * ARROW_LENGTH };
  // Perpendicular to the normal.
  const px = -n.y * ARROW_HALF_WIDTH;
  const py = n.x * ARROW_HALF_WIDTH;
  return `M${num(tip.x)} ${num(tip.y)} L${num(base.x + px)} ${num(base.y + py)} L${num(base.x - px)} ${num(base.y - py)} Z`;
}

/** The box holding every node and every curve between them, with `PADDING` around; a canvas of nothing is 0×0 at 0,0. */
export function canvasBounds(nodes: readonly Box[], curves: readonly EdgeGeometry[] = []): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const n of nodes) xs.push(n.x, n.x + n.width), ys.push(n.y, n.y + n.height);
  // A Bézier curve stays within its control points' hull.
  for (const c of curves) for (const p of c.points) xs.push(p.x), ys.push(p.y);
  if (!xs.length) return { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.floor(Math.min(...xs)) - PADDING;
  const y = Math.floor(Math.min(...ys)) - PADDING;
  return { x, y, width: Math.ceil(Math.max(...xs)) + PADDING - x, height: Math.ceil(Math.max(...ys)) + PADDING - y };
}

/** A node in reading order, with the nodes its group holds (a group's own `children`; others have none). */
export interface Placed<N> {
  node: N;
  children: Placed<N>[];
}

/**
 * The order a reader takes the nodes in: each node inside the smallest group that holds its whole box; within a
 * group (and at the top), row by row from the top, left to right within a row. A node joins the row of the node that
 * opened it when it starts above that node's middle (cards of different heights side by side make one row).
 */
export function readingOrder<N extends CanvasNode>(nodes: readonly N[]): Placed<N>[] {
  const groups = nodes.filter((n) => n.type === "group").sort((a, b) => area(a) - area(b) || b.index - a.index);
  const rank = new Map(groups.map((g, i) => [g, i]));
  const parentOf = (n: N): N | undefined => {
    // A group sits in a larger group only (later in `groups`), so there are no cycles.
    const from = n.type === "group" ? rank.get(n)! + 1 : 0;
    for (let i = from; i < groups.length; i++) if (groups[i] !== n && contains(groups[i], n)) return groups[i];
    return undefined;
  };
  const placed = new Map(nodes.map((n) => [n, { node: n, children: [] as Placed<N>[] }]));
  const top: Placed<N>[] = [];
  for (const n of nodes) {
    const p = parentOf(n);
    (p ? placed.get(p)!.children : top).push(placed.get(n)!);
  }
  const sort = (list: Placed<N>[]): Placed<N>[] => {
    for (const p of list) p.children = sort(p.children);
    return inRows(list);
  };
  return sort(top);
}

function inRows<N extends CanvasNode>(list: Placed<N>[]): Placed<N>[] {
  const byTop = [...list].sort((a, b) => a.node.y - b.node.y || a.node.x - b.node.x || a.node.index - b.node.index);
  const out: Placed<N>[] = [];
  let i = 0;
  while (i < byTop.length) {
    const first = byTop[i].node;
    const row = [byTop[i++]];
    while (i < byTop.length && byTop[i].node.y < first.y + first.height / 2) row.push(byTop[i++]);
    out.push(...row.sort((a, b) => a.node.x - b.node.x || a.node.y - b.node.y || a.node.index - b.node.index));
  }
  return out;
}

function area(b: Box): number {
  return b.width * b.height;
}

function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function num(n: number): string {
  return String(round(n));
}
