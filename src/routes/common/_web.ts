/** Shared by the web-citizen routes (sitemap, feed, robots, llms.txt): the site, its origin, each note's last change. */
import { site } from "virtual:atlas/site";
import type { Note } from "../../lib/types.ts";

export async function webContext() {
  const s = await site();
  const updated = (n: Note) => s.sources.forNote(s.vault.filesBySlug.get(n.slug)!.path, n.fields.updated).updated;
  return { s, origin: s.identity.origin, updated };
}

export const text = (body: string, type: string) => new Response(body, { headers: { "content-type": `${type}; charset=utf-8` } });
