/** `/llms.txt`: every note with its summary, for language-model tools (llmstxt.org). */
import type { APIRoute } from "astro";
import { llmsTxt } from "../../lib/web.ts";
import { text, webContext } from "./_web.ts";

export const GET: APIRoute = async () => {
  const { s, origin } = await webContext();
  return text(llmsTxt(s, origin), "text/plain");
};
