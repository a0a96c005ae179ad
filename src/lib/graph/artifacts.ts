/**
 * The one entry point for the site: everything the graph pages, note pages and downloads need, built once per
 * vault and memoized. Cheap parts are computed eagerly; per-note payloads and exports on first use.
 */
import { NOTE_TYPES, type NoteType } from "../registry.ts";
import { siteUrls } from "../urls.ts";
import type { Vault } from "../types.ts";
import { buildLandscapeGraph, edgeKinds, type LandscapeGraph } from "./build.ts";
import { layoutWithCache } from "./cache.ts";
import { toCsvByType, toGexf, toGraphologyJson } from "./exports.ts";
import type { Layout } from "./layout.ts";
import { localPayload, type NeighbourhoodOptions } from "./local.ts";
import type { LocalPayload } from "./payload.ts";
import { contentHash, encodeGlobalPayload } from "./serialize.ts";
import { buildUndirectedIndex, type UndirectedIndex } from "./undirected.ts";

export interface GraphArtifactOptions {
  /** Layout cache folder; null disables it. Default `node_modules/.cache/atlas/graph-layout`. */
  cacheDir?: string | null;
  iterations?: number;
  local?: NeighbourhoodOptions;
  /** Site base path, for the addresses in the exports. */
  base?: string;
  /** A layout to start from when the graph changed (the dev server's previous one): no new layout is computed. */
  previous?: Layout;
}

export interface ExportFile {
  /** Path under the site root, e.g. `exports/atlas-graph.gexf`. */
  path: string;
  mediaType: string;
  /** The file's text, built on first call. */
  body(): string;
}

export interface GraphArtifacts {
  graph: LandscapeGraph;
  layout: Layout;
  kinds: string[];
  undirected: UndirectedIndex;
  /** The global payload: its JSON text and content-hashed file name (`landscape.<hash>.json`). */
  global: { json: string; fileName: string };
  /** A note's local payload JSON (memoized), or undefined for an unknown slug. */
  local(slug: string): string | undefined;
  /** The same, parsed, for server-rendered fallbacks. */
  localData(slug: string): LocalPayload | undefined;
  exports: ExportFile[];
  stats: { nodes: number; edges: number; layoutMs: number; layoutCached: boolean };
}

export const GLOBAL_PAYLOAD_PREFIX = "landscape";

export function createGraphArtifacts(vault: Pick<Vault, "notes">, options: GraphArtifactOptions = {}): GraphArtifacts {
  const graph = buildLandscapeGraph(vault);
  const kinds = edgeKinds(graph);
  const undirected = buildUndirectedIndex(graph, kinds);
  const { layout, cached, ms } = layoutWithCache(graph, { cacheDir: options.cacheDir, iterations: options.iterations, previous: options.previous });
  const json = JSON.stringify(encodeGlobalPayload(graph, layout, kinds, undirected));
  const locals = new Map<string, string>();
  const local = (slug: string) => {
    if (!graph.hasNode(slug)) return undefined;
    let text = locals.get(slug);
    if (text === undefined) locals.set(slug, (text = localPayload(graph, undirected, slug, kinds, options.local)));
    return text;
  };
  let csv: Record<NoteType, string> | undefined;
  const urls = siteUrls(options.base);
  const csvOf = (type: NoteType) => (csv ??= toCsvByType(graph, vault.notes, (slug) => urls.note(slug)))[type];
  const exports: ExportFile[] = [
    { path: "exports/atlas-graph.json", mediaType: "application/json", body: () => toGraphologyJson(graph, layout) },
    { path: "exports/atlas-graph.gexf", mediaType: "application/xml", body: () => toGexf(graph, layout) },
    ...NOTE_TYPES.map((t) => ({ path: `exports/notes-${t}.csv`, mediaType: "text/csv; charset=utf-8", body: () => csvOf(t) })),
  ];
  return {
    graph,
    layout,
    kinds,
    undirected,
    global: { json, fileName: `${GLOBAL_PAYLOAD_PREFIX}.${contentHash(json)}.json` },
    local,
    localData: (slug) => {
      const text = local(slug);
      return text === undefined ? undefined : (JSON.parse(text) as LocalPayload);
    },
    exports,
    stats: { nodes: graph.order, edges: graph.size, layoutMs: ms, layoutCached: cached },
  };
}
