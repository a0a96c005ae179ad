/** `/feed.xml`: an Atom feed of the notes changed last (src/lib/web.ts). */
import type { APIRoute } from "astro";
import { atomFeed } from "../lib/web.ts";
import { text, webContext } from "./_web.ts";

export const GET: APIRoute = async ({ site }) => {
  const { s, origin, updated } = await webContext(site);
  return text(atomFeed(s, origin, updated), "application/atom+xml");
};
