/** Shared by the export routes: one file of `GraphArtifacts.exports` as a response. */
import { buildGraphArtifacts } from "../../lib/graph/artifacts.ts";
import { site } from "../../site-data.ts";

export async function exportResponse(path: string): Promise<Response> {
  const file = buildGraphArtifacts((await site()).vault).exports.find((e) => e.path === path);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(file.body(), { headers: { "content-type": file.mediaType } });
}
