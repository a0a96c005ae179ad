/**
 * Questions the browser asks of a decoded payload: find a note by title or alias, the shortest path between two
 * notes, a note's neighbours. Pure and DOM-free, shared by the global view and its tests.
 */
import { buildAdjacency, decodeEdges, neighborsOf, type Adjacency, type GlobalPayload, type TitlesPayload } from "./payload.ts";

/** What finding a note by name needs: from the titles payload (home page) or the global payload (graph page). */
export interface NameIndex {
  count: number;
  slug: readonly string[];
  title: readonly string[];
  type: readonly number[];
  types: readonly string[];
  degree: ArrayLike<number>;
  aliases: ReadonlyMap<number, string[]>;
}

/** The titles payload as a name index. */
export function decodeTitles(payload: TitlesPayload): NameIndex {
  const aliases = new Map<number, string[]>();
  for (const [i, ...names] of payload.aliases) aliases.set(i as number, names as string[]);
  return { count: payload.slug.length, slug: payload.slug, title: payload.title, type: payload.type, types: payload.types, degree: payload.degree, aliases };
}

const indexes = new WeakMap<LandscapeData, NameIndex>();
/** A decoded global payload as a name index (the same object each time, so its search names are computed once). */
export function nameIndexOf(data: LandscapeData): NameIndex {
  let index = indexes.get(data);
  if (!index) {
    const p = data.payload;
    indexes.set(data, (index = { count: data.count, slug: p.slug, title: p.title, type: p.type, types: p.types, degree: data.degree, aliases: data.aliases }));
  }
  return index;
}

/** A decoded global payload with its lookups ready. */
export interface LandscapeData {
  payload: GlobalPayload;
  count: number;
  /** Edge endpoints, `[a0, b0, a1, b1, ...]`. */
  pairs: Uint32Array;
  adjacency: Adjacency;
  degree: Uint32Array;
  bySlug: Map<string, number>;
  /** Aliases per node, for search. */
  aliases: Map<number, string[]>;
  /** An edge's date for the time slider: the later of its two notes' dates (0 when both are undated). */
  edgeDate: Uint32Array;
  /** 1 for a note of a type in the reference layer (`TypeInfo.layer`): not in the default graph. */
  reference: Uint8Array;
  /** 1 for an edge of the reference layer: touching a reference note, or only a citation. */
  referenceEdge: Uint8Array;
  /** Neighbours through default edges (0 for a reference note): a note's place in the landscape. */
  defaultDegree: Uint32Array;
  /** Per edge (pair a < b), the kinds going from a to b, and from b to a. */
  forward: Uint32Array;
  backward: Uint32Array;
}

/** The edge kind of a citation (type-registry.ts's `CITES_KIND`). */
const CITATION = "cites";

export function decodeGlobal(payload: GlobalPayload): LandscapeData {
  const count = payload.slug.length;
  const pairs = decodeEdges(payload.edges);
  const adjacency = buildAdjacency(count, pairs);
  const degree = new Uint32Array(count);
  for (let i = 0; i < count; i++) degree[i] = adjacency.offsets[i + 1] - adjacency.offsets[i];
  const aliases = new Map<number, string[]>();
  for (const [i, ...names] of payload.aliases) aliases.set(i as number, names as string[]);
  const edges = pairs.length / 2;
  const edgeDate = new Uint32Array(edges);
  for (let e = 0; e < edges; e++) edgeDate[e] = Math.max(payload.date[pairs[2 * e]], payload.date[pairs[2 * e + 1]]);
  const reference = Uint8Array.from(payload.type, (t) => (payload.typeInfo[t]?.layer === "reference" ? 1 : 0));
  const cites = payload.kinds.indexOf(CITATION);
  const citation = cites < 0 ? 0 : 1 << cites;
  const referenceEdge = new Uint8Array(edges);
  const defaultDegree = new Uint32Array(count);
  const forward = new Uint32Array(edges), backward = new Uint32Array(edges);
  for (let e = 0; e < edges; e++) {
    const a = pairs[2 * e], b = pairs[2 * e + 1];
    referenceEdge[e] = reference[a] || reference[b] || (payload.kind[e] & ~citation) === 0 ? 1 : 0;
    if (!referenceEdge[e]) {
      defaultDegree[a]++;
      defaultDegree[b]++;
    }
    backward[e] = payload.back?.[e] ?? 0;
    forward[e] = payload.kind[e] & ~backward[e];
  }
  const both = payload.both ?? [];
  for (let k = 0; k < both.length; k += 2) forward[both[k]] |= both[k + 1];
  return { payload, count, pairs, adjacency, degree, bySlug: new Map(payload.slug.map((s, i) => [s, i])), aliases, edgeDate, reference, referenceEdge, defaultDegree, forward, backward };
}

/** One relation on a step of a path: its kind's number in `payload.kinds`, and which way it goes along the step. */
export interface StepRelation {
  kind: number;
  /** `forward`: the step's first note names the second (Jensen Huang affiliated with NVIDIA); `back`: the other way. */
  way: "forward" | "back" | "both";
}

/**
 * The relations joining `from` to `to` (neighbours), in the payload's kind order, each with its direction along the
 * step; `kindAllowed` leaves some out (citations when they are not shown, a relation filter). Empty when not joined.
 */
export function stepRelations(data: Pick<LandscapeData, "adjacency" | "pairs" | "forward" | "backward">, from: number, to: number, kindAllowed: (kind: number) => boolean = () => true): StepRelation[] {
  const e = edgeBetween(data, from, to);
  if (e < 0) return [];
  const lowFirst = data.pairs[2 * e] === from;
  const ahead = lowFirst ? data.forward[e] : data.backward[e];
  const behind = lowFirst ? data.backward[e] : data.forward[e];
  const out: StepRelation[] = [];
  for (let k = 0; k < 31; k++) {
    const bit = 1 << k;
    if (!((ahead | behind) & bit) || !kindAllowed(k)) continue;
    out.push({ kind: k, way: ahead & bit ? (behind & bit ? "both" : "forward") : "back" });
  }
  return out;
}

/** Lower case, accents and punctuation folded to spaces, so "Llama-3" finds "llama 3". */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export interface SearchHit {
  node: number;
  /** The title or alias that matched. */
  matched: string;
}

/**
 * Notes whose title, alias or slug matches the query: exact names first, then names starting with it, then names
 * with a word starting with it, then any substring; ties go to the better-connected note.
 */
export function searchNotes(data: NameIndex, query: string, limit = 8): SearchHit[] {
  const q = normalizeName(query);
  if (!q) return [];
  const best = new Map<number, { rank: number; matched: string }>();
  for (const [node, name, n] of searchNames(data)) {
    const rank = n === q ? 0 : n.startsWith(q) ? 1 : n.includes(` ${q}`) ? 2 : n.includes(q) ? 3 : -1;
    if (rank < 0) continue;
    const prev = best.get(node);
    if (!prev || rank < prev.rank) best.set(node, { rank, matched: name });
  }
  const { title } = data;
  return [...best.entries()]
    .sort(([a, p], [b, q2]) => p.rank - q2.rank || data.degree[b] - data.degree[a] || title[a].localeCompare(title[b]))
    .slice(0, limit)
    .map(([node, { matched }]) => ({ node, matched }));
}

const namesCache = new WeakMap<NameIndex, [node: number, name: string, normalized: string][]>();

/** Every searchable name (titles, slugs that differ, aliases) with its normalized form, computed once per payload. */
function searchNames(data: NameIndex) {
  let names = namesCache.get(data);
  if (!names) {
    names = [];
    const { title, slug } = data;
    for (let i = 0; i < data.count; i++) {
      names.push([i, title[i], normalizeName(title[i])]);
      if (slug[i] !== title[i]) names.push([i, slug[i], normalizeName(slug[i])]);
    }
    for (const [i, list] of data.aliases) for (const a of list) names.push([i, a, normalizeName(a)]);
    namesCache.set(data, names);
  }
  return names;
}

/**
 * The shortest path between two notes, ignoring edge direction, as node indices from `from` to `to`; null when
 * they are not connected. `edgeAllowed` restricts the edges walked (the relation filter). Breadth-first from both
 * ends, expanding the smaller frontier; neighbours are visited in index order so the answer is deterministic.
 */
export function shortestPath(data: Pick<LandscapeData, "adjacency">, from: number, to: number, edgeAllowed?: (edge: number) => boolean): number[] | null {
  if (from === to) return [from];
  const { offsets, neighbors, edgeIds } = data.adjacency;
  const parentA = new Map<number, number>([[from, -1]]);
  const parentB = new Map<number, number>([[to, -1]]);
  let frontA = [from], frontB = [to];
  while (frontA.length && frontB.length) {
    const forward = frontA.length <= frontB.length;
    const [front, mine, theirs] = forward ? [frontA, parentA, parentB] : [frontB, parentB, parentA];
    const next: number[] = [];
    let meet = -1;
    for (const u of front) {
      for (let j = offsets[u]; j < offsets[u + 1]; j++) {
        const v = neighbors[j];
        if (mine.has(v) || (edgeAllowed && !edgeAllowed(edgeIds[j]))) continue;
        mine.set(v, u);
        if (theirs.has(v)) {
          meet = v;
          break;
        }
        next.push(v);
      }
      if (meet >= 0) break;
    }
    if (meet >= 0) {
      const path: number[] = [];
      for (let v = meet; v !== -1; v = parentA.get(v)!) path.unshift(v);
      for (let v = parentB.get(meet)!; v !== -1; v = parentB.get(v)!) path.push(v);
      return path;
    }
    if (forward) frontA = next;
    else frontB = next;
  }
  return null;
}

/** The edge joining two nodes, or -1. */
export function edgeBetween(data: Pick<LandscapeData, "adjacency">, a: number, b: number): number {
  const { offsets, neighbors, edgeIds } = data.adjacency;
  for (let j = offsets[a]; j < offsets[a + 1]; j++) if (neighbors[j] === b) return edgeIds[j];
  return -1;
}
