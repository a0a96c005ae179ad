/**
 * The landscape graph seen without direction, on integer node numbers: A→B and B→A merge into one edge whose
 * weight is the sum and whose kinds are one bitmask. Built once per graph; the global payload and every local
 * neighbourhood read it, so no stage does per-pair graphology look-ups.
 */
import type { LandscapeGraph } from "./build.ts";
import { CITATION_KIND } from "./layers.ts";

export interface UndirectedIndex {
  /** Slugs by node number, in the graph's node order. */
  keys: string[];
  index: Map<string, number>;
  /** Row `i` spans `offsets[i]` to `offsets[i + 1]` of the arrays below, sorted by neighbour number. */
  offsets: Uint32Array;
  neighbors: Uint32Array;
  weight: Float64Array;
  mask: Uint32Array;
  /** 1 for a note of the reference layer (build.ts). */
  reference: Uint8Array;
  /** The bit of a citation in `mask` (0 when the graph has none). */
  citation: number;
}

export function buildUndirectedIndex(graph: LandscapeGraph, kinds: string[]): UndirectedIndex {
  const keys = graph.nodes();
  const index = new Map(keys.map((k, i) => [k, i]));
  const bit = new Map(kinds.map((k, i) => [k, 1 << i]));
  const rows: Map<number, { weight: number; mask: number }>[] = keys.map(() => new Map());
  graph.forEachEdge((_e, attrs, source, target) => {
    const s = index.get(source)!, t = index.get(target)!;
    let mask = 0;
    for (const k of attrs.kinds) mask |= bit.get(k) ?? 0;
    for (const [a, b] of [[s, t], [t, s]]) {
      const cell = rows[a].get(b);
      if (cell) {
        cell.weight += attrs.weight;
        cell.mask |= mask;
      } else rows[a].set(b, { weight: attrs.weight, mask });
    }
  });
  const offsets = new Uint32Array(keys.length + 1);
  rows.forEach((r, i) => (offsets[i + 1] = offsets[i] + r.size));
  const total = offsets[keys.length];
  const neighbors = new Uint32Array(total), weight = new Float64Array(total), mask = new Uint32Array(total);
  rows.forEach((r, i) => {
    let j = offsets[i];
    for (const b of [...r.keys()].sort((p, q) => p - q)) {
      const cell = r.get(b)!;
      neighbors[j] = b;
      weight[j] = cell.weight;
      mask[j++] = cell.mask;
    }
  });
  const reference = Uint8Array.from(keys, (k) => (graph.getNodeAttribute(k, "reference") ? 1 : 0));
  return { keys, index, offsets, neighbors, weight, mask, reference, citation: bit.get(CITATION_KIND) ?? 0 };
}

/** Whether the tie at position `j` of `a`'s row is in the reference layer: it touches a reference note, or only cites. */
export function isReferenceTie(u: UndirectedIndex, a: number, j: number): boolean {
  return !!(u.reference[a] || u.reference[u.neighbors[j]] || (u.mask[j] & ~u.citation) === 0);
}

/** Position of `b` in `a`'s row, or -1 (binary search: rows are sorted). */
export function findNeighbor(u: UndirectedIndex, a: number, b: number): number {
  let lo = u.offsets[a], hi = u.offsets[a + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = u.neighbors[mid];
    if (v === b) return mid;
    if (v < b) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Every undirected edge once as a pair a < b, sorted, with its kinds bitmask. */
export function undirectedPairs(u: UndirectedIndex): { pairs: [number, number][]; masks: number[] } {
  const pairs: [number, number][] = [];
  const masks: number[] = [];
  for (let a = 0; a < u.keys.length; a++) {
    for (let j = u.offsets[a]; j < u.offsets[a + 1]; j++) {
      if (u.neighbors[j] > a) {
        pairs.push([a, u.neighbors[j]]);
        masks.push(u.mask[j]);
      }
    }
  }
  return { pairs, masks };
}
