/**
 * The layout is the slow part of the graph build (seconds at 10,000 notes), and it is a pure function of the graph:
 * cache it on disk under a hash of everything it depends on, so a rebuild with unchanged links skips it.
 * Editing a note's text without touching its links keeps the same hash.
 */
import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { LandscapeGraph } from "./build.ts";
import { isDefaultEdge } from "./layers.ts";
import { computeLayout, defaultIterations, LAYOUT_VERSION, reuseLayout, type Layout, type LayoutOptions } from "./layout.ts";
import type { LayoutJob } from "./layout-worker.ts";

export const DEFAULT_CACHE_DIR = "node_modules/.cache/atlas/graph-layout";
/** Layouts kept on disk; the oldest beyond this are removed. */
const KEEP = 8;

/**
 * A hash of the layout's inputs: algorithm version, options, node keys (and which are reference notes), edges with
 * their weights (and which are in the default layer), in order.
 */
export function layoutKey(graph: LandscapeGraph, options: LayoutOptions = {}): string {
  const h = createHash("sha256");
  h.update(`v${LAYOUT_VERSION};it${options.iterations ?? defaultIterations(graph.order)};seed${options.seed ?? 1}\n`);
  graph.forEachNode((k, a) => h.update(`${k}${a.reference ? "*" : ""}\n`));
  graph.forEachEdge((_e, a, s, t) => h.update(`${s}>${t}:${a.weight}${isDefaultEdge(graph, s, t, a) ? "" : "*"}\n`));
  return h.digest("hex").slice(0, 16);
}

export interface CachedLayout {
  layout: Layout;
  cached: boolean;
  ms: number;
  key: string;
}

/**
 * The layout from the cache when its key matches; else, with `previous`, the earlier positions kept (the dev
 * server); else computed on a worker thread, while the caller goes on rendering pages, and stored.
 * `cacheDir: null` disables the cache; `key`: `layoutKey(graph, options)`, when the caller has it already.
 */
export async function layoutWithCacheAsync(graph: LandscapeGraph, options: LayoutOptions & { cacheDir?: string | null; previous?: Layout; key?: string } = {}): Promise<CachedLayout> {
  const started = performance.now();
  const key = options.key ?? layoutKey(graph, options);
  const dir = options.cacheDir === null ? null : resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const file = dir && join(dir, `${key}.json`);
  const saved = file ? readSaved(file, graph) : undefined;
  if (saved) return { layout: saved, cached: true, ms: performance.now() - started, key };
  if (options.previous) return { layout: reuseLayout(graph, options.previous), cached: false, ms: performance.now() - started, key };
  const layout = await computeInWorker(graph, options);
  if (dir && file) store(dir, file, layout);
  return { layout, cached: false, ms: performance.now() - started, key };
}

function readSaved(file: string, graph: LandscapeGraph): Layout | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as { x: number[]; y: number[]; community: number[] };
    if (saved.x.length !== graph.order) return undefined;
    return { keys: graph.nodes(), x: Float64Array.from(saved.x), y: Float64Array.from(saved.y), community: Uint32Array.from(saved.community) };
  } catch {
    return undefined; // not cached yet, or unreadable: compute
  }
}

function store(dir: string, file: string, layout: Layout) {
  try {
    mkdirSync(dir, { recursive: true });
    // JSON keeps doubles exactly, so a cached layout equals a fresh one.
    writeFileSync(file, JSON.stringify({ x: Array.from(layout.x), y: Array.from(layout.y), community: Array.from(layout.community) }));
    prune(dir);
  } catch {
    /* a read-only cache only costs time */
  }
}

function computeInWorker(graph: LandscapeGraph, options: LayoutOptions): Promise<Layout> {
  const keys = graph.nodes();
  const at = new Map(keys.map((k, i) => [k, i]));
  const edges: number[] = [];
  graph.forEachEdge((_e, a, s, t) => edges.push(at.get(s)!, at.get(t)!, a.weight, isDefaultEdge(graph, s, t, a) ? 1 : 0));
  const degree = keys.map((k) => graph.getNodeAttribute(k, "degree"));
  const defaultDegree = keys.map((k) => graph.getNodeAttribute(k, "defaultDegree"));
  const reference = keys.map((k) => (graph.getNodeAttribute(k, "reference") ? 1 : 0));
  const job: LayoutJob = { keys, degree, defaultDegree, reference, edges, options: { iterations: options.iterations, seed: options.seed } };
  const worker = new Worker(new URL("./layout-worker.ts", import.meta.url), { workerData: job });
  return new Promise((resolvePromise, reject) => {
    worker.once("message", (m: { x: Float64Array; y: Float64Array; community: Uint32Array }) => {
      void worker.terminate();
      resolvePromise({ keys, x: m.x, y: m.y, community: m.community });
    });
    worker.once("error", reject);
  });
}

function prune(dir: string) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(KEEP)) rmSync(join(dir, f), { force: true });
}
