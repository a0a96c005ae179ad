/** `/robots.txt`: everything may be crawled; where the sitemap is. */
import type { APIRoute } from "astro";
import { robotsTxt } from "../../lib/web.ts";
import { text, webContext } from "./_web.ts";

export const GET: APIRoute = async () => {
  const { s, origin } = await webContext();
  return text(robotsTxt(s, origin), "text/plain");
};
