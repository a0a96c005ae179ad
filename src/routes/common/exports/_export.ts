/** Shared by the export routes: one file of the graph's exports as a response. */
import { site } from "virtual:atlas/site";

export async function exportResponse(path: string): Promise<Response> {
  const file = (await site()).graph().exports.find((e) => e.path === path);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(await file.body(), { headers: { "content-type": file.mediaType } });
}
