/** `/previews/<slug>.json`: one note's link preview (title, type, summary, first paragraph), fetched lazily. */
import type { APIRoute } from "astro";
import { site } from "virtual:atlas/site";

export async function getStaticPaths() {
  return (await site()).vault.notes.map((n) => ({ params: { slug: n.slug } }));
}

export const GET: APIRoute = async ({ params }) => {
  const s = await site();
  const note = s.note(params.slug!);
  if (!note) return new Response("Not found", { status: 404 });
  return new Response(JSON.stringify(s.preview(note)), { headers: { "content-type": "application/json" } });
};
