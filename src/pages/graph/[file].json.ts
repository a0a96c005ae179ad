/** The global graph payload under its content-hashed name, e.g. /graph/landscape.3847173af4.json. */
import type { APIRoute } from "astro";
import { buildGraphArtifacts } from "../../lib/graph/artifacts.ts";
import { site } from "../../site-data.ts";

export async function getStaticPaths() {
  const { global } = buildGraphArtifacts((await site()).vault);
  return [{ params: { file: global.fileName.replace(/\.json$/, "") } }];
}

export const GET: APIRoute = async () => {
  const { global } = buildGraphArtifacts((await site()).vault);
  return new Response(global.json, { headers: { "content-type": "application/json" } });
};
