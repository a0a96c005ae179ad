/** `/feed.xml`: an Atom feed of the notes changed last (src/lib/web.ts). */
import type { APIRoute } from "astro";
import { atomFeed } from "../../lib/web.ts";
import { text, webContext } from "./_web.ts";

export const GET: APIRoute = async () => {
  const { s, origin, updated } = await webContext();
  return text(atomFeed(s, origin, updated), "application/atom+xml");
};
