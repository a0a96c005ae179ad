/** The global graph payload under its content-hashed name, e.g. /graph/landscape.3847173af4.json. */
import type { APIRoute } from "astro";
import { site } from "virtual:atlas/site";

export async function getStaticPaths() {
  return [{ params: { file: (await site()).graph().global.fileName.replace(/\.json$/, "") } }];
}

export const GET: APIRoute = async () => new Response(await (await site()).graph().global.json(), { headers: { "content-type": "application/json" } });
