/** The graph's payloads under their content-hashed names: /graph/landscape.<hash>.json and /graph/titles.<hash>.json. */
import type { APIRoute } from "astro";
import { site } from "virtual:atlas/site";

export async function getStaticPaths() {
  const graph = (await site()).graph();
  return [graph.global.fileName, graph.titles.fileName].map((name) => ({ params: { file: name.replace(/\.json$/, "") } }));
}

export const GET: APIRoute = async ({ params }) => {
  const graph = (await site()).graph();
  const body = `${params.file}.json` === graph.titles.fileName ? graph.titles.json() : await graph.global.json();
  return new Response(body, { headers: { "content-type": "application/json" } });
};
