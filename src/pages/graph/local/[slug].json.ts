/** Each note's neighbourhood for its local graph, fetched only when the graph scrolls into view. */
import type { APIRoute } from "astro";
import { buildGraphArtifacts } from "../../../lib/graph/artifacts.ts";
import { site } from "../../../site-data.ts";

export async function getStaticPaths() {
  return (await site()).vault.notes.map((n) => ({ params: { slug: n.slug } }));
}

export const GET: APIRoute = async ({ params }) => {
  const json = buildGraphArtifacts((await site()).vault).local(params.slug!);
  if (json === undefined) return new Response("Not found", { status: 404 });
  return new Response(json, { headers: { "content-type": "application/json" } });
};
