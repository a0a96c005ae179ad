/**
 * The whole graph, with layout positions, sizes, type colours and communities, in two formats:
 * /exports/atlas-graph.json (graphology's own: `Graph.from(await res.json())`) and /exports/atlas-graph.gexf (GEXF 1.2,
 * opens in Gephi). Tens of megabytes at 10,000 notes: an incremental build writes them again only when the graph did
 * (their key, pages/keys.ts `graphExport`).
 */
import type { APIRoute } from "astro";
import { pageCache, site } from "virtual:atlas/site";
import { pageFile, pagesToRender } from "../../../lib/page-cache.ts";
import { pageKeys } from "../../../lib/pages/keys.ts";
import { exportResponse } from "./_export.ts";

export async function getStaticPaths() {
  const s = await site();
  const cache = pageCache();
  return pagesToRender(
    cache,
    ["json", "gexf"].map((format) => {
      const path = `exports/atlas-graph.${format}`;
      return { params: { format }, ...(cache ? { cache: { file: pageFile(path, true), key: () => pageKeys(s, cache).graphExport(path) } } : {}) };
    }),
  );
}

export const GET: APIRoute = ({ params }) => exportResponse(`exports/atlas-graph.${params.format}`);
