/** Downloads: the full graph as graphology JSON and GEXF, and a CSV of notes per type (see lib/graph/exports.ts). */
import type { APIRoute } from "astro";
import { buildGraphArtifacts } from "../../lib/graph/artifacts.ts";
import { site } from "../../site-data.ts";

export async function getStaticPaths() {
  return buildGraphArtifacts((await site()).vault).exports.map((e) => ({ params: { file: e.path.replace(/^exports\//, "") } }));
}

export const GET: APIRoute = async ({ params }) => {
  const file = buildGraphArtifacts((await site()).vault).exports.find((e) => e.path === `exports/${params.file}`);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(file.body(), { headers: { "content-type": file.mediaType } });
};
