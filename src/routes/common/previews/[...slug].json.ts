/**
 * `/previews/<slug>.json`: one note's link preview (title, type, summary, first paragraph), fetched lazily. An
 * Obsidian vault's slugs are folder paths (`projects/cafe`): the address nests as the note's does.
 */
import type { APIRoute } from "astro";
import { pageCache, site } from "virtual:atlas/site";
import { pageKeys } from "../../../lib/pages/keys.ts";
import { pageFile, pagesToRender } from "../../../lib/page-cache.ts";

export async function getStaticPaths() {
  const s = await site();
  const cache = pageCache();
  const keys = pageKeys(s, cache);
  // An incremental build renders a preview again only when it changed (src/lib/page-cache.ts).
  return pagesToRender(
    cache,
    s.vault.notes.map((n) => ({ params: { slug: n.slug }, props: { slug: n.slug }, ...(cache ? { cache: { file: pageFile(`previews/${n.slug}.json`, true), key: keys.preview(n.slug)! } } : {}) })),
  );
}

export const GET: APIRoute = async ({ props }) => {
  const s = await site();
  const note = s.note((props as { slug: string }).slug);
  if (!note) return new Response("Not found", { status: 404 });
  return new Response(JSON.stringify(s.preview(note)), { headers: { "content-type": "application/json" } });
};
