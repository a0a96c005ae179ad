/** The graph's payloads under their content-hashed names: /graph/landscape.<hash>.json and /graph/titles.<hash>.json. */
import type { APIRoute } from "astro";
import { pageCache, site } from "virtual:atlas/site";
import { pageFile, pagesToRender } from "../../../lib/page-cache.ts";

export async function getStaticPaths() {
  const graph = (await site()).graph();
  // Named by a hash of what they hold: the name is their key in an incremental build (src/lib/page-cache.ts).
  return pagesToRender(
    pageCache(),
    [graph.global.fileName, graph.titles.fileName].map((name) => ({ params: { file: name.replace(/\.json$/, "") }, cache: { file: pageFile(`graph/${name}`, true), key: name } })),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const graph = (await site()).graph();
  const body = `${params.file}.json` === graph.titles.fileName ? graph.titles.json() : await graph.global.json();
  return new Response(body, { headers: { "content-type": "application/json" } });
};
