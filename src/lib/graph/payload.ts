/**
 * The compact graph formats the browser downloads, and their decoders. Shared by the build (encode) and the client
 * (decode), so this module imports nothing but types.
 *
 * The global payload is one JSON object of parallel arrays indexed by node number: slugs, titles, type codes,
 * integer coordinates, dates as YYYYMMDD numbers. Edges are undirected pairs (a < b) sorted and delta-encoded, with
 * a bitmask of kinds per edge; that is several times smaller than graphology's export and gzips well.
 *
 * The default layer (build.ts) is told by the types: a type whose `layer` is `reference` has its notes, and every edge
 * touching them, in the layer the reader turns on, as is an edge that is only a citation (`isReferenceEdge` in
 * query.ts decides, from `typeInfo` and `kinds`).
 */

export const PAYLOAD_VERSION = 4;

export interface TypeInfo {
  one: string;
  many: string;
  light: string;
  dark: string;
  /** `reference`: the type's notes are not in the default graph (the registry's `TypeEntry.layer`); absent otherwise. */
  layer?: "reference";
}

export interface GlobalPayload {
  v: typeof PAYLOAD_VERSION;
  /** Note types; `type[i]` indexes this. */
  types: string[];
  /** Per type: its plural label and its colours in the light and dark themes (from the type registry). */
  typeInfo: TypeInfo[];
  /** Edge kinds; bit `k` of `kind[e]` means `kinds[k]`. */
  kinds: string[];
  /** Each kind's label from the registry ("derived from"), for the relation filter. */
  kindLabels: string[];
  slug: string[];
  title: string[];
  type: number[];
  x: number[];
  y: number[];
  /** YYYYMMDD with 00 for a missing month or day (2024 → 20240000); 0 for an undated note. */
  date: number[];
  community: number[];
  /** Sparse: `[node, alias, alias, ...]` rows for the notes that have aliases. */
  aliases: (string | number)[][];
  /** Delta-encoded sorted pairs, see `encodeEdges`. */
  edges: number[];
  /** Per edge (pair a < b), the kinds of either direction. */
  kind: number[];
  /** Per edge, the kinds that go from b to a (a note `b` naming `a`); the rest of `kind` goes from a to b. */
  back: number[];
  /** Sparse `[edge, kinds, …]`: kinds that go both ways (a and b name each other), which `back` alone cannot tell. */
  both: number[];
}

/**
 * What a note finder needs and nothing more (`graph/titles.<hash>.json`): the home page's search box loads this,
 * not the layout payload. `degree[i]` ranks equally good matches.
 */
export interface TitlesPayload {
  v: typeof PAYLOAD_VERSION;
  types: string[];
  slug: string[];
  title: string[];
  type: number[];
  degree: number[];
  /** Sparse: `[node, alias, alias, ...]`. */
  aliases: (string | number)[][];
}

export interface LocalPayload {
  v: typeof PAYLOAD_VERSION;
  types: string[];
  typeInfo: TypeInfo[];
  kinds: string[];
  kindLabels: string[];
  /** Index of the page's own note. */
  center: number;
  slug: string[];
  title: string[];
  type: number[];
  x: number[];
  y: number[];
  /** Plain pairs `[a0, b0, a1, b1, ...]`. */
  edges: number[];
  kind: number[];
  /** Neighbours left out to keep the payload small. */
  more: number;
}

/** A node's size in layout units from its degree (noverlap spacing and the exports). */
export function nodeSize(degree: number): number {
  return 2 + 1.6 * Math.sqrt(degree);
}

/** `2024-05-17` → 20240517, `2024-05` → 20240500, `2024` → 20240000; 0 when absent or unreadable. */
export function dateNumber(date: string | undefined): number {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  if (!m) return 0;
  return Number(m[1]) * 10000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0);
}

/** The inverse of `dateNumber`, shortest form. */
export function dateText(n: number): string {
  if (!n) return "";
  const y = Math.floor(n / 10000), m = Math.floor(n / 100) % 100, d = n % 100;
  const pad = (v: number) => String(v).padStart(2, "0");
  return d ? `${y}-${pad(m)}-${pad(d)}` : m ? `${y}-${pad(m)}` : String(y);
}

/**
 * Sorted pairs (a < b, by a then b) as `[da, db, ...]`: `da` is a minus the previous a; `db` is b minus the previous
 * b when a did not change, else b minus a. Every number is small and non-negative.
 */
export function encodeEdges(pairs: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  let pa = 0, pb = 0;
  for (const [a, b] of pairs) {
    const da = a - pa;
    out.push(da, da === 0 && out.length > 0 ? b - pb : b - a);
    pa = a;
    pb = b;
  }
  return out;
}

export function decodeEdges(encoded: readonly number[]): Uint32Array {
  const out = new Uint32Array(encoded.length);
  let a = 0, b = 0;
  for (let i = 0; i < encoded.length; i += 2) {
    const da = encoded[i];
    a += da;
    b = da === 0 && i > 0 ? b + encoded[i + 1] : a + encoded[i + 1];
    out[i] = a;
    out[i + 1] = b;
  }
  return out;
}

/** Node index → its neighbours and the edges to them, as compressed sparse rows; both directions. */
export interface Adjacency {
  /** Row `i` spans `offsets[i]` to `offsets[i + 1]` in `neighbors` and `edgeIds`. */
  offsets: Uint32Array;
  neighbors: Uint32Array;
  edgeIds: Uint32Array;
}

export function buildAdjacency(nodeCount: number, pairs: Uint32Array): Adjacency {
  const counts = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < pairs.length; i++) counts[pairs[i] + 1]++;
  for (let i = 0; i < nodeCount; i++) counts[i + 1] += counts[i];
  const offsets = counts.slice();
  const fill = counts.slice(0, nodeCount);
  const neighbors = new Uint32Array(pairs.length);
  const edgeIds = new Uint32Array(pairs.length);
  for (let e = 0; e < pairs.length / 2; e++) {
    const a = pairs[2 * e], b = pairs[2 * e + 1];
    neighbors[fill[a]] = b;
    edgeIds[fill[a]++] = e;
    neighbors[fill[b]] = a;
    edgeIds[fill[b]++] = e;
  }
  return { offsets, neighbors, edgeIds };
}

export function neighborsOf(adj: Adjacency, node: number): Uint32Array {
  return adj.neighbors.subarray(adj.offsets[node], adj.offsets[node + 1]);
}
