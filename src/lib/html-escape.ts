/**
 * Escaping text for HTML and XML, the one place it is written: element content and double-quoted attribute values
 * (pages, embeds, the search documents, the sitemap and feed, the GEXF export). Single quotes are left as they are:
 * every attribute we write is double-quoted.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const SPECIAL = /[&<>"]/g;

/** `s` as HTML (or XML) text: `&`, `<`, `>` and `"` as `&amp;`, `&lt;`, `&gt;` and `&quot;`. */
export function escapeHtml(s: string): string {
  return s.replace(SPECIAL, (c) => ESCAPES[c]);
}
