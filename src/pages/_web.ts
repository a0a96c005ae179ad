/** Shared by the web-citizen routes (sitemap, feed, robots, llms.txt): the site, its origin, each note's last change. */
import { noteSources, site } from "virtual:atlas/site";
import type { Note } from "../lib/types.ts";

export async function webContext(origin: URL | undefined) {
  const s = await site();
  // `site` in astro.config.mjs; without it the addresses are relative to a local server, and say so.
  const at = origin?.origin ?? "http://localhost:4321";
  const sources = noteSources();
  const updated = (n: Note) => sources.forNote(s.vault.filesBySlug.get(n.slug)!.path, n.fields.updated).updated;
  return { s, origin: at, updated };
}

export const text = (body: string, type: string) => new Response(body, { headers: { "content-type": `${type}; charset=utf-8` } });
