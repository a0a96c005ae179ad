/** `/sitemap.xml`: every page, with the day its note last changed (src/lib/web.ts). */
import type { APIRoute } from "astro";
import { sitemapXml } from "../../lib/web.ts";
import { text, webContext } from "./_web.ts";

export const GET: APIRoute = async () => {
  const { s, origin, updated } = await webContext();
  // Injected only for a site with an origin (src/integration/routes.ts).
  return text(sitemapXml(s, origin!, updated), "application/xml");
};
