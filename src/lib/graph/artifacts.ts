/**
 * The one entry point for the site: everything the graph pages, note pages and downloads need, built once per
 * vault and memoized. Cheap parts are computed eagerly; per-note payloads and exports on first use.
 */
import { REGISTRY, type NoteType } from "../registry.ts";
import { siteUrls } from "../urls.ts";
import type { Vault } from "../types.ts";
import { buildLandscapeGraph, edgeKinds, graphSignature, patchLandscapeGraph, type LandscapeGraph } from "./build.ts";
import { layoutKey, layoutWithCacheAsync } from "./cache.ts";
import { toCsvByType, toGexf, toGraphologyJson } from "./exports.ts";
import type { Layout } from "./layout.ts";
import { LOCAL_DEFAULTS, localPayload, type NeighbourhoodOptions } from "./local.ts";
import type { LocalPayload } from "./payload.ts";
import { contentHash, encodeGlobalPayload, encodeTitlesPayload } from "./serialize.ts";
import { buildUndirectedIndex, type UndirectedIndex } from "./undirected.ts";

export interface GraphArtifactOptions {
  /** Layout cache folder; null disables it. Default `node_modules/.cache/atlas/graph-layout`. */
  cacheDir?: string | null;
  iterations?: number;
  local?: NeighbourhoodOptions;
  /** Site base path, for the addresses in the exports. */
  base?: string;
  /** What the exports say they are (the site's title and description), for the GEXF file's metadata. */
  about?: { title: string; description?: string };
  /**
   * The artifacts of an earlier state of the vault (the dev server, after a save): its graph is patched in place,
   * and its layout, when done, is kept for the nodes it has (no new layout is computed).
   */
  update?: GraphArtifacts;
}

export interface ExportFile {
  /** Path under the site root, e.g. `exports/atlas-graph.gexf`. */
  path: string;
  mediaType: string;
  /** The file's text (exports with positions wait for the layout). */
  body(): Promise<string>;
}

export interface GraphArtifacts {
  graph: LandscapeGraph;
  kinds: string[];
  undirected: UndirectedIndex;
  /** The layout: from the cache, or computed on a worker thread, started at once; a page awaits it only if it draws positions. */
  layout(): Promise<Layout>;
  /** The layout if it is already done, without starting it. */
  layoutIfReady(): Layout | undefined;
  /** The global payload: its content-addressed file name (known before the layout is done) and its JSON text. */
  global: { fileName: string; json(): Promise<string> };
  /** The note finder's payload (titles, aliases, types, degrees; no layout): its content-addressed name and JSON. */
  titles: { fileName: string; json(): string };
  /** How each note's small graph is chosen (graph/local.ts): what an incremental build's reach follows. */
  neighbourhood: Required<NeighbourhoodOptions>;
  /** A note's local payload, as JSON for the page and as data for its server-rendered list; undefined for an unknown slug. */
  local(slug: string): { json: string; payload: LocalPayload } | undefined;
  exports: ExportFile[];
  stats: { nodes: number; edges: number };
  /** Each note's graph signature (see `graphSignature`), for patching this graph when the vault changes. */
  signatures(): ReadonlyMap<string, string>;
}

export const GLOBAL_PAYLOAD_PREFIX = "landscape";
export const TITLES_PAYLOAD_PREFIX = "titles";

export function createGraphArtifacts(vault: Pick<Vault, "notes"> & Partial<Pick<Vault, "config" | "registry">>, options: GraphArtifactOptions = {}): GraphArtifacts {
  const registry = vault.registry ?? REGISTRY;
  let signatures: ReadonlyMap<string, string> | undefined;
  let graph: LandscapeGraph;
  if (options.update) {
    graph = options.update.graph;
    signatures = patchLandscapeGraph(graph, vault, options.update.signatures());
  } else graph = buildLandscapeGraph(vault);
  const kinds = edgeKinds(graph, registry);
  const undirected = buildUndirectedIndex(graph, kinds);
  const layoutOptions = { cacheDir: options.cacheDir, iterations: options.iterations, previous: options.update?.layoutIfReady() };
  let pending: Promise<Layout> | undefined;
  let ready: Layout | undefined;
  let inputs: string | undefined;
  const layoutInputs = () => (inputs ??= layoutKey(graph, layoutOptions)); // hashes every edge: made once
  const layout = () => (pending ??= layoutWithCacheAsync(graph, { ...layoutOptions, key: layoutInputs() }).then((r) => (ready = r.layout)));
  // The name hashes everything the payload holds: the layout's inputs (its key) and the payload without positions.
  const keys = graph.nodes();
  const unplaced: Layout = { keys, x: new Float64Array(keys.length), y: new Float64Array(keys.length), community: new Uint32Array(keys.length) };
  let fileName: string | undefined;
  const globalName = () => (fileName ??= `${GLOBAL_PAYLOAD_PREFIX}.${contentHash(`${layoutInputs()}\n${JSON.stringify(encodeGlobalPayload(graph, unplaced, registry, kinds, undirected))}`)}.json`);
  // Closures below take only what they need, never `options`: it holds the earlier artifacts, whose vault would
  // then stay alive through every later one (the dev server makes one per save).
  const localOptions = options.local;
  const about = options.about;
  const local = (slug: string) => (graph.hasNode(slug) ? localPayload(graph, undirected, slug, kinds, localOptions, registry) : undefined);
  let csv: Record<NoteType, string> | undefined;
  const urls = siteUrls(options.base);
  const types = registry.typesOf(vault.config?.notes ?? "typed");
  const csvOf = (type: NoteType) => (csv ??= toCsvByType(graph, vault.notes, (slug) => urls.note(slug), types.map((t) => t.type)))[type];
  const exports: ExportFile[] = [
    { path: "exports/atlas-graph.json", mediaType: "application/json", body: async () => toGraphologyJson(graph, await layout(), registry) },
    { path: "exports/atlas-graph.gexf", mediaType: "application/xml", body: async () => toGexf(graph, await layout(), registry, about) },
    ...types.map(({ type: t }) => ({ path: `exports/notes-${t}.csv`, mediaType: "text/csv; charset=utf-8", body: async () => csvOf(t) })),
  ];
  let titles: { fileName: string; json: string } | undefined;
  const titlesPayload = () => {
    if (!titles) {
      const json = JSON.stringify(encodeTitlesPayload(graph, registry));
      titles = { fileName: `${TITLES_PAYLOAD_PREFIX}.${contentHash(json)}.json`, json };
    }
    return titles;
  };
  return {
    graph,
    kinds,
    undirected,
    layout,
    layoutIfReady: () => ready,
    global: {
      get fileName() {
        return globalName();
      },
      json: async () => JSON.stringify(encodeGlobalPayload(graph, await layout(), registry, kinds, undirected)),
    },
    titles: {
      get fileName() {
        return titlesPayload().fileName;
      },
      json: () => titlesPayload().json,
    },
    neighbourhood: { ...LOCAL_DEFAULTS, ...localOptions },
    local,
    exports,
    stats: { nodes: graph.order, edges: graph.size },
    signatures: () => (signatures ??= new Map(vault.notes.map((n) => [n.slug, graphSignature(n)]))),
  };
}
