/**
 * `/previews/<slug>.json`: one note's link preview (title, type, summary, first paragraph), fetched lazily. An
 * Obsidian vault's slugs are folder paths (`projects/cafe`): the address nests as the note's does.
 */
import type { APIRoute } from "astro";
import { site } from "virtual:atlas/site";

export async function getStaticPaths() {
  return (await site()).vault.notes.map((n) => ({ params: { slug: n.slug }, props: { slug: n.slug } }));
}

export const GET: APIRoute = async ({ props }) => {
  const s = await site();
  const note = s.note((props as { slug: string }).slug);
  if (!note) return new Response("Not found", { status: 404 });
  return new Response(JSON.stringify(s.preview(note)), { headers: { "content-type": "application/json" } });
};
