/**
 * Positions for the landscape graph, computed at build time so the browser only draws: Louvain communities seed the
 * initial positions (each community a disc, hubs at its centre), ForceAtlas2 with inferred settings refines them for
 * a fixed number of iterations, and noverlap pushes apart the nodes that still touch.
 *
 * The forces and communities work on the default layer alone (build.ts: the notes outside the reference layer and the
 * edges between them that are more than citations), so the picture is the landscape of relations, not a star around
 * the most cited source. Reference notes are placed afterwards, each at the centre of the notes it connects to with a
 * small jitter from its slug's hash, and take the community most of those notes have; so when the reader turns their
 * layer on they appear beside their citers.
 *
 * Deterministic: communities use a seeded generator and FA2 starts from positions derived from the graph alone, so
 * the same graph gives the same positions on every run (the cache in cache.ts relies on it).
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import louvain from "graphology-communities-louvain";
import Graph from "graphology";
import type { LandscapeGraph } from "./build.ts";
import { isDefaultEdge } from "./layers.ts";
import { nodeSize } from "./payload.ts";
import { hashString, seededRandom, withSeededRandom } from "./random.ts";

export interface LayoutOptions {
  /** ForceAtlas2 iterations; by default fewer for bigger graphs (see `defaultIterations`). */
  iterations?: number;
  seed?: number;
}

export interface Layout {
  /** Node keys, in the graph's node order. */
  keys: string[];
  x: Float64Array;
  y: Float64Array;
  /** Louvain community per node, numbered by decreasing size (0 is the largest). */
  community: Uint32Array;
}

/** The settings every input to the layout depends on; part of the cache key. */
export const LAYOUT_VERSION = 7;

/** Iterations sized so that 10,000 nodes take a few seconds: seeded positions need far fewer than random ones. */
export function defaultIterations(order: number): number {
  if (order <= 500) return 400;
  if (order <= 2000) return 200;
  if (order <= 5000) return 100;
  return 50;
}


/** Louvain communities with a seeded generator, renumbered by decreasing size then first node, so the numbers are stable. */
export function detectCommunities(graph: LandscapeGraph, seed = 1): Uint32Array {
  const keys = graph.nodes();
  const community = new Uint32Array(keys.length);
  if (graph.size === 0) {
    keys.forEach((_k, i) => (community[i] = i));
    return community;
  }
  const raw = louvain(graph, { rng: seededRandom(seed), getEdgeWeight: "weight" });
  const members = new Map<number, number[]>();
  keys.forEach((k, i) => {
    const c = raw[k];
    const list = members.get(c);
    if (list) list.push(i);
    else members.set(c, [i]);
  });
  const ordered = [...members.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
  ordered.forEach((list, c) => list.forEach((i) => (community[i] = c)));
  return community;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Initial positions: communities on a sunflower spiral (the largest in the middle), each a sunflower disc whose
 * area matches its size, its members ordered by degree so hubs start at the centre. A small jitter from the slug's
 * hash breaks ties without depending on anything but the graph.
 */
export function seedPositions(graph: LandscapeGraph, community: Uint32Array): { x: Float64Array; y: Float64Array } {
  const keys = graph.nodes();
  const x = new Float64Array(keys.length);
  const y = new Float64Array(keys.length);
  const groups: number[][] = [];
  keys.forEach((_k, i) => (groups[community[i]] ??= []).push(i));
  let placed = 0;
  groups.forEach((members) => {
    const r = Math.sqrt(placed + members.length / 2);
    const a = placed === 0 ? 0 : placed * GOLDEN_ANGLE;
    const cx = placed === 0 ? 0 : Math.cos(a) * r * 2;
    const cy = placed === 0 ? 0 : Math.sin(a) * r * 2;
    members.sort((p, q) => graph.getNodeAttribute(keys[q], "degree") - graph.getNodeAttribute(keys[p], "degree") || p - q);
    members.forEach((i, j) => {
      const h = hashString(keys[i]);
      const jitter = ((h & 0xffff) / 0xffff - 0.5) * 0.5;
      const rr = Math.sqrt(j + 0.5) + jitter;
      const aa = j * GOLDEN_ANGLE + ((h >>> 16) / 0xffff) * 0.1;
      x[i] = cx + Math.cos(aa) * rr;
      y[i] = cy + Math.sin(aa) * rr;
    });
    placed += members.length;
  });
  return { x, y };
}

/** Runs the whole layout; pure (the caller caches it). */
export function computeLayout(graph: LandscapeGraph, options: LayoutOptions = {}): Layout {
  const keys = graph.nodes();
  const entities = keys.filter((k) => !graph.getNodeAttribute(k, "reference"));
  // A vault of reference notes alone has no landscape: lay out everything.
  if (entities.length === 0) return layoutForces(graph, options);
  // The default layer as a graph of its own, degrees counted within it.
  const core: LandscapeGraph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  for (const k of entities) core.addNode(k, { ...graph.getNodeAttributes(k), degree: graph.getNodeAttribute(k, "defaultDegree") });
  graph.forEachEdge((_e, a, s, t) => {
    if (isDefaultEdge(graph, s, t, a)) core.addDirectedEdge(s, t, a);
  });
  const inner = layoutForces(core, options);
  if (entities.length === keys.length) return inner;
  return placeReferences(graph, inner);
}

/** Louvain, seeded positions, ForceAtlas2 and noverlap on a whole graph. */
function layoutForces(graph: LandscapeGraph, options: LayoutOptions): Layout {
  const keys = graph.nodes();
  const community = detectCommunities(graph, options.seed ?? 1);
  const seeded = seedPositions(graph, community);
  // A bare copy: the layout libraries read and write x, y and size, and the landscape graph stays untouched.
  const work = new Graph({ type: "directed" });
  keys.forEach((k, i) => work.addNode(k, { x: seeded.x[i], y: seeded.y[i], size: nodeSize(graph.getNodeAttribute(k, "degree")) }));
  graph.forEachEdge((_e, a, s, t) => work.addDirectedEdge(s, t, { weight: a.weight }));

  if (graph.order > 1 && graph.size > 0) {
    // Barnes-Hut with Gephi's default approximation (theta 1.2, the library's is 0.5): half the time at 10,000 nodes,
    // and the seeded communities leave the forces little to travel. From 500 nodes, not only from the library's 2,000:
    // the wiki's own 1,716 notes took 7 s exact and 1 s approximated, in the same picture (checked in Chromium).
    const settings = { ...forceAtlas2.inferSettings(work), barnesHutOptimize: graph.order > 500, barnesHutTheta: 1.2 };
    forceAtlas2.assign(work, { iterations: options.iterations ?? defaultIterations(graph.order), settings, getEdgeWeight: "weight" });
    // Two nodes on one spot (positions are 32-bit floats there) are pushed apart at random: seeded, so that the same
    // graph always gets the same picture. noverlap compares every pair of nodes in a cell of its grid (20 × 20 by
    // default): a grid growing with the graph keeps a few nodes per cell. Nodes that overlap share a cell either way,
    // so the picture is the same (at 10,000 notes 22 nodes moved, by less than 0.001 % of its width), and 50,000
    // notes took 20 s instead of 57 s.
    const gridSize = Math.max(20, Math.ceil(Math.sqrt(graph.order) / 2));
    withSeededRandom(options.seed ?? 1, () => noverlap.assign(work, { maxIterations: graph.order > 5000 ? 8 : 20, settings: { ratio: 1, margin: 1, gridSize } }));
  }
  const x = new Float64Array(keys.length);
  const y = new Float64Array(keys.length);
  keys.forEach((k, i) => {
    x[i] = work.getNodeAttribute(k, "x");
    y[i] = work.getNodeAttribute(k, "y");
  });
  return { keys, x, y, community };
}

/**
 * The whole graph's layout from its default layer's: reference notes at the centroid of the notes they connect to
 * (the entities first; then, round by round, other reference notes already placed), pushed off it by a jitter from
 * the slug's hash of about one node spacing (so that notes with the same citers do not land on one spot); each takes
 * the community most of those neighbours have. A reference note connected to nothing placed goes on a ring around the
 * picture.
 */
export function placeReferences(graph: LandscapeGraph, inner: Layout): Layout {
  const keys = graph.nodes();
  const n = keys.length;
  const x = new Float64Array(n), y = new Float64Array(n), community = new Uint32Array(n);
  const index = new Map(keys.map((k, i) => [k, i]));
  const placed = new Uint8Array(n);
  inner.keys.forEach((k, j) => {
    const i = index.get(k)!;
    x[i] = inner.x[j];
    y[i] = inner.y[j];
    community[i] = inner.community[j];
    placed[i] = 1;
  });
  // One node spacing: the side of the square each entity would have if they filled their bounding box evenly.
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let j = 0; j < inner.keys.length; j++) {
    minX = Math.min(minX, inner.x[j]);
    maxX = Math.max(maxX, inner.x[j]);
    minY = Math.min(minY, inner.y[j]);
    maxY = Math.max(maxY, inner.y[j]);
  }
  const width = Math.max(maxX - minX, 1), height = Math.max(maxY - minY, 1);
  const spacing = Math.max(Math.sqrt((width * height) / inner.keys.length), 1);
  let waiting = keys.map((_k, i) => i).filter((i) => !placed[i]);
  while (waiting.length) {
    const round: [number, number, number, number][] = [];
    for (const i of waiting) {
      const near = graph.neighbors(keys[i]).map((k) => index.get(k)!).filter((j) => placed[j]);
      if (!near.length) continue;
      let cx = 0, cy = 0;
      const votes = new Map<number, number>();
      for (const j of near) {
        cx += x[j];
        cy += y[j];
        votes.set(community[j], (votes.get(community[j]) ?? 0) + 1);
      }
      cx /= near.length;
      cy /= near.length;
      const h = hashString(keys[i]);
      const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
      const radius = spacing * (0.5 + (h >>> 16) / 0x10000);
      let best = -1, bestVotes = 0;
      for (const [c, v] of votes) if (v > bestVotes || (v === bestVotes && c < best)) [best, bestVotes] = [c, v];
      round.push([i, cx + Math.cos(angle) * radius, cy + Math.sin(angle) * radius, best]);
    }
    if (!round.length) break;
    // Placed together at the end of the round, so the order within a round does not matter.
    for (const [i, px, py, c] of round) {
      x[i] = px;
      y[i] = py;
      community[i] = c;
      placed[i] = 1;
    }
    waiting = waiting.filter((i) => !placed[i]);
  }
  // Connected to nothing placed: evenly on a ring just outside the picture.
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2, ring = Math.max(width, height) / 2 + 2 * spacing;
  waiting.forEach((i, k) => {
    const a = (2 * Math.PI * k) / waiting.length;
    x[i] = cx + Math.cos(a) * ring;
    y[i] = cy + Math.sin(a) * ring;
  });
  return { keys, x, y, community };
}

/**
 * Positions for a graph that changed a little (a note edited in the dev server): nodes keep the positions they had
 * in `previous`, and new ones start beside a placed neighbour (or at the centre). No forces are run, so a save costs
 * milliseconds instead of seconds; the next build computes a fresh layout.
 */
export function reuseLayout(graph: LandscapeGraph, previous: Layout): Layout {
  const keys = graph.nodes();
  const at = new Map(previous.keys.map((k, i) => [k, i]));
  const x = new Float64Array(keys.length);
  const y = new Float64Array(keys.length);
  const community = new Uint32Array(keys.length);
  const placed = new Map<string, number>();
  keys.forEach((k, i) => {
    const j = at.get(k);
    if (j === undefined) return;
    x[i] = previous.x[j];
    y[i] = previous.y[j];
    community[i] = previous.community[j];
    placed.set(k, i);
  });
  keys.forEach((k, i) => {
    if (placed.has(k)) return;
    const near = graph.neighbors(k).map((n) => placed.get(n)).find((p) => p !== undefined);
    const h = hashString(k);
    x[i] = (near === undefined ? 0 : x[near]) + ((h & 0xff) / 0xff - 0.5) * 4;
    y[i] = (near === undefined ? 0 : y[near]) + (((h >>> 8) & 0xff) / 0xff - 0.5) * 4;
    community[i] = near === undefined ? 0 : community[near];
  });
  return { keys, x, y, community };
}
