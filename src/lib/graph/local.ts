/**
 * Each note page's own small graph: the note, its neighbours (depth 1, and depth 2 when depth 1 is small), capped
 * so the payload stays under a byte budget, and laid out on its own: rings around the note, relaxed by a short
 * force simulation. Works on the undirected index, so 10,000 pages cost about a second in all.
 */
import { REGISTRY, type Registry } from "../registry.ts";
import type { LandscapeGraph } from "./build.ts";
import { PAYLOAD_VERSION, type LocalPayload } from "./payload.ts";
import { normalizePositions } from "./serialize.ts";
import { findNeighbor, isReferenceTie, type UndirectedIndex } from "./undirected.ts";

export interface NeighbourhoodOptions {
  /** Most nodes shown, the note included. */
  maxNodes?: number;
  /** Depth 2 is added when the note has fewer neighbours than this. */
  depth2Below?: number;
  /** Serialized payload budget in bytes; the lowest-ranked nodes are dropped until it fits. */
  maxBytes?: number;
}

export const LOCAL_DEFAULTS: Required<NeighbourhoodOptions> = { maxNodes: 40, depth2Below: 8, maxBytes: 4800 };

export interface Neighbourhood {
  /** Node numbers, the note first, then by rank. */
  nodes: number[];
  /** How many of `nodes` are depth-1 neighbours (they come right after the note). */
  depth1: number;
  /** Neighbours (depth 1 and 2) that did not fit. */
  more: number;
}

const degreeOf = (u: UndirectedIndex, i: number) => u.offsets[i + 1] - u.offsets[i];

/**
 * The nodes of a note's neighbourhood in rank order: depth-1 neighbours joined by a relation or link between entities
 * first (the graph's default layer), then those joined by a citation or a source; each by tie weight, then degree.
 * Depth-2 neighbours (only when depth 1 is small) by how many depth-1 neighbours they touch, then degree.
 */
export function selectNeighbourhood(u: UndirectedIndex, node: number, options: NeighbourhoodOptions = {}): Neighbourhood {
  const { maxNodes, depth2Below } = { ...LOCAL_DEFAULTS, ...options };
  const first: { n: number; w: number; ref: number }[] = [];
  for (let j = u.offsets[node]; j < u.offsets[node + 1]; j++) first.push({ n: u.neighbors[j], w: u.weight[j], ref: isReferenceTie(u, node, j) ? 1 : 0 });
  first.sort((p, q) => p.ref - q.ref || q.w - p.w || degreeOf(u, q.n) - degreeOf(u, p.n) || p.n - q.n);
  let second: number[] = [];
  if (first.length < depth2Below) {
    const seen = new Set([node, ...first.map((f) => f.n)]);
    const touches = new Map<number, number>();
    for (const { n } of first) {
      for (let j = u.offsets[n]; j < u.offsets[n + 1]; j++) {
        const m = u.neighbors[j];
        if (!seen.has(m)) touches.set(m, (touches.get(m) ?? 0) + 1);
      }
    }
    second = [...touches.keys()].sort((p, q) => touches.get(q)! - touches.get(p)! || degreeOf(u, q) - degreeOf(u, p) || p - q);
  }
  const all = [node, ...first.map((f) => f.n), ...second];
  const nodes = all.slice(0, maxNodes);
  return { nodes, depth1: Math.min(first.length, nodes.length - 1), more: all.length - nodes.length };
}

/** Edges among the chosen nodes as `[a, b, mask, weight]` on local numbers, a < b. */
function localEdges(u: UndirectedIndex, nodes: number[]): [number, number, number, number][] {
  const edges: [number, number, number, number][] = [];
  for (let a = 0; a < nodes.length; a++) {
    for (let b = a + 1; b < nodes.length; b++) {
      const j = findNeighbor(u, nodes[a], nodes[b]);
      if (j >= 0) edges.push([a, b, u.mask[j], u.weight[j]]);
    }
  }
  return edges;
}

/**
 * A deterministic layout: the note pinned at the centre, depth-1 neighbours evenly on a ring, depth-2 ones on an
 * outer ring beside the neighbour that brought them; then a short spring simulation (repulsion between all pairs,
 * attraction along edges) lets connected neighbours drift together.
 */
export function layoutNeighbourhood(hood: Neighbourhood, edges: [number, number, number, number][], iterations = 24): { x: number[]; y: number[] } {
  const n = hood.nodes.length;
  const x = new Float64Array(n), y = new Float64Array(n);
  const angle = new Float64Array(n);
  for (let i = 1; i <= hood.depth1; i++) {
    angle[i] = (2 * Math.PI * (i - 1)) / hood.depth1;
    x[i] = Math.cos(angle[i]);
    y[i] = Math.sin(angle[i]);
  }
  const parent = new Int32Array(n).fill(-1);
  for (const [a, b] of edges) if (b > hood.depth1 && a >= 1 && a <= hood.depth1 && parent[b] < 0) parent[b] = a;
  for (let i = hood.depth1 + 1; i < n; i++) {
    const a = (parent[i] > 0 ? angle[parent[i]] : 0) + (i - hood.depth1) * 0.35;
    x[i] = 2 * Math.cos(a);
    y[i] = 2 * Math.sin(a);
  }
  const ideal = 1.2 / Math.sqrt(Math.max(n, 4) / 4);
  const dx = new Float64Array(n), dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const ex = x[a] - x[b], ey = y[a] - y[b];
        const d2 = ex * ex + ey * ey + 1e-6;
        const f = (ideal * ideal) / d2;
        dx[a] += ex * f;
        dy[a] += ey * f;
        dx[b] -= ex * f;
        dy[b] -= ey * f;
      }
    }
    for (const [a, b] of edges) {
      const ex = x[a] - x[b], ey = y[a] - y[b];
      const f = Math.sqrt(ex * ex + ey * ey) / ideal;
      dx[a] -= ex * f;
      dy[a] -= ey * f;
      dx[b] += ex * f;
      dy[b] += ey * f;
    }
    const step = 0.1 * (1 - it / iterations);
    for (let i = 1; i < n; i++) {
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const move = Math.min(len, step * 10) * 0.1;
      x[i] += (dx[i] / len) * move;
      y[i] += (dy[i] / len) * move;
    }
  }
  return normalizePositions(x, y, 100);
}

/** The type registry's part of every payload: computed once per registry, it is the same for every page. */
const typeInfos = new WeakMap<Registry, ReturnType<Registry["typeInfo"]>>();

/** Encodes a neighbourhood; with `layout: false` the coordinates are placeholders of the widest size (for budgeting). */
export function encodeLocal(graph: LandscapeGraph, u: UndirectedIndex, hood: Neighbourhood, kinds: string[], layout = true, registry: Registry = REGISTRY): LocalPayload {
  return encodeWithEdges(graph, u, hood, kinds, localEdges(u, hood.nodes), layout, registry);
}

function encodeWithEdges(graph: LandscapeGraph, u: UndirectedIndex, hood: Neighbourhood, kinds: string[], edges: [number, number, number, number][], layout: boolean, registry: Registry): LocalPayload {
  let types = typeInfos.get(registry);
  if (!types) typeInfos.set(registry, (types = registry.typeInfo()));
  const { x, y } = layout ? layoutNeighbourhood(hood, edges) : { x: hood.nodes.map(() => -100), y: hood.nodes.map(() => -100) };
  const attrs = hood.nodes.map((i) => graph.getNodeAttributes(u.keys[i]));
  return {
    v: PAYLOAD_VERSION,
    types: types.types,
    typeInfo: types.info,
    kinds,
    kindLabels: kinds.map((k) => registry.kindLabel(k)),
    center: 0,
    slug: attrs.map((a) => a.slug),
    title: attrs.map((a) => a.title),
    type: attrs.map((a) => types.types.indexOf(a.type)),
    x,
    y,
    edges: edges.flatMap(([a, b]) => [a, b]),
    kind: edges.map(([, , mask]) => mask),
    more: hood.more,
  };
}

/**
 * The local payload for one note, shrunk until it fits the byte budget: the size is found with placeholder
 * coordinates (as wide as real ones can be), then the neighbourhood is laid out once, with the edges already found.
 */
export function localPayload(graph: LandscapeGraph, u: UndirectedIndex, slug: string, kinds: string[], options: NeighbourhoodOptions = {}, registry: Registry = REGISTRY): { json: string; payload: LocalPayload } {
  const { maxBytes } = { ...LOCAL_DEFAULTS, ...options };
  const node = u.index.get(slug);
  if (node === undefined) throw new Error(`No note "${slug}" in the graph`);
  const hood = selectNeighbourhood(u, node, options);
  for (;;) {
    const edges = localEdges(u, hood.nodes);
    const unplaced = encodeWithEdges(graph, u, hood, kinds, edges, false, registry);
    const json = JSON.stringify(unplaced);
    const bytes = Buffer.byteLength(json);
    if (bytes <= maxBytes || hood.nodes.length <= 1) {
      const payload = encodeWithEdges(graph, u, hood, kinds, edges, true, registry);
      return { json: JSON.stringify(payload), payload };
    }
    // Drop about the overshoot's share of nodes (at least one) from the lowest-ranked end.
    const keep = Math.max(1, Math.min(hood.nodes.length - 1, Math.floor(hood.nodes.length * (maxBytes / bytes))));
    hood.more += hood.nodes.length - keep;
    hood.nodes = hood.nodes.slice(0, keep);
    hood.depth1 = Math.min(hood.depth1, keep - 1);
  }
}
