/**
 * The layout is the slow part of the graph build (seconds at 10,000 notes), and it is a pure function of the graph:
 * cache it on disk under a hash of everything it depends on, so a rebuild with unchanged links skips it.
 * Editing a note's text without touching its links keeps the same hash.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { LandscapeGraph } from "./build.ts";
import { computeLayout, defaultIterations, LAYOUT_VERSION, reuseLayout, type Layout, type LayoutOptions } from "./layout.ts";

export const DEFAULT_CACHE_DIR = "node_modules/.cache/atlas/graph-layout";
/** Layouts kept on disk; the oldest beyond this are removed. */
const KEEP = 8;

/** A hash of the layout's inputs: algorithm version, options, node keys and degrees, edges and weights, in order. */
export function layoutKey(graph: LandscapeGraph, options: LayoutOptions = {}): string {
  const h = createHash("sha256");
  h.update(`v${LAYOUT_VERSION};it${options.iterations ?? defaultIterations(graph.order)};seed${options.seed ?? 1}\n`);
  graph.forEachNode((k) => h.update(`${k}\n`));
  graph.forEachEdge((_e, a, s, t) => h.update(`${s}>${t}:${a.weight}\n`));
  return h.digest("hex").slice(0, 16);
}

export interface CachedLayout {
  layout: Layout;
  cached: boolean;
  ms: number;
  key: string;
}

/** The layout from the cache when its key matches, else computed and stored. `cacheDir: null` disables the cache. */
export function layoutWithCache(graph: LandscapeGraph, options: LayoutOptions & { cacheDir?: string | null; previous?: Layout } = {}): CachedLayout {
  const started = performance.now();
  const key = layoutKey(graph, options);
  const dir = options.cacheDir === null ? null : resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const file = dir && join(dir, `${key}.json`);
  if (file) {
    try {
      const saved = JSON.parse(readFileSync(file, "utf8")) as { x: number[]; y: number[]; community: number[] };
      if (saved.x.length === graph.order) {
        const layout = { keys: graph.nodes(), x: Float64Array.from(saved.x), y: Float64Array.from(saved.y), community: Uint32Array.from(saved.community) };
        return { layout, cached: true, ms: performance.now() - started, key };
      }
    } catch {
      /* not cached yet, or unreadable: compute */
    }
  }
  if (options.previous) return { layout: reuseLayout(graph, options.previous), cached: false, ms: performance.now() - started, key };
  const layout = computeLayout(graph, options);
  if (dir && file) {
    try {
      mkdirSync(dir, { recursive: true });
      // JSON keeps doubles exactly, so a cached layout equals a fresh one.
      writeFileSync(file, JSON.stringify({ x: Array.from(layout.x), y: Array.from(layout.y), community: Array.from(layout.community) }));
      prune(dir);
    } catch {
      /* a read-only cache only costs time */
    }
  }
  return { layout, cached: false, ms: performance.now() - started, key };
}

function prune(dir: string) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(KEEP)) rmSync(join(dir, f), { force: true });
}
