/**
 * Crawls a built site on disk, as a link checker would: every internal address a page links to or loads its own
 * code and styles from (`<a href>`, `<link href>`, `<script src>`, a redirect's `<meta http-equiv="refresh">`) must
 * be a file of the site, and every `#fragment` an `id` on the page it names. Images and frames a note embeds are
 * the note's attachments, not the site's links, and are not followed. The one crawler for every built fixture; every
 * page one HTML document; and each file's hash, to tell whether two builds are the same byte for byte.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface DeadLink {
  /** The page, relative to the site root (`reader/index.html`). */
  page: string;
  href: string;
  why: "no such file" | "no such anchor";
}

const REF = /<(a|link|area)\s[^>]*?\bhref="([^"]*)"|<(script)\s[^>]*?\bsrc="([^"]*)"|<meta\s[^>]*?http-equiv="refresh"[^>]*?content="[^"]*?url=([^"]*)"/gi;
const ID = /\sid="([^"]*)"/g;

/** Every page of the site (`.html` files), relative to it, sorted. */
export function sitePages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** The internal addresses of `dist` (served at `base`) that point nowhere; [] for a sound site. */
export function deadLinks(dist: string, base = "/"): DeadLink[] {
  const pages = sitePages(dist);
  const ids = new Map<string, Set<string>>();
  const idsOf = (page: string) => {
    let found = ids.get(page);
    if (!found) ids.set(page, (found = new Set([...readFileSync(join(dist, page), "utf8").matchAll(ID)].map((m) => unescape(m[1])))));
    return found;
  };
  const dead: DeadLink[] = [];
  for (const page of pages) {
    const html = readFileSync(join(dist, page), "utf8");
    const here = `/${page.replace(/(^|\/)index\.html$/, "$1")}`;
    for (const m of html.matchAll(REF)) {
      const href = unescape(m[2] ?? m[4] ?? m[5]).trim();
      if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) continue; // another site, mailto:
      const url = new URL(href, `http://site${here}`);
      if (!url.pathname.startsWith(base)) {
        dead.push({ page, href, why: "no such file" });
        continue;
      }
      const file = fileOf(dist, decodeURIComponent(url.pathname.slice(base.length)));
      if (!file) {
        dead.push({ page, href, why: "no such file" });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && file.endsWith(".html") && !idsOf(file).has(fragment)) dead.push({ page, href, why: "no such anchor" });
    }
  }
  return dead;
}

/**
 * Pages that are not one HTML document: not starting with the doctype and `<html>`, or with a second `<html>`, or
 * anything but whitespace after `</html>` (a template's stray text, two layouts rendered into one page).
 */
export function malformedPages(dist: string): string[] {
  return sitePages(dist).filter((page) => {
    const html = readFileSync(join(dist, page), "utf8");
    const end = html.lastIndexOf("</html>");
    return !/^<!doctype html>\s*<html[\s>]/i.test(html) || (html.match(/<html[\s>]/gi) ?? []).length !== 1 || end < 0 || html.slice(end + 7).trim() !== "";
  });
}

/** The file a path of the site serves, as a static host does (`a/` → `a/index.html`), or undefined. */
function fileOf(dist: string, path: string): string | undefined {
  const rel = path.replace(/^\/+/, "");
  const full = join(dist, rel);
  if (!full.startsWith(dist)) return undefined;
  if (existsSync(full) && statSync(full).isFile()) return rel;
  const index = join(rel, "index.html");
  return existsSync(join(dist, index)) ? index.split(sep).join("/") : undefined;
}

/** The character references attribute values use here. */
function unescape(s: string): string {
  return s.replace(/&(amp|quot|lt|gt|#39|#x27|#(\d+)|#x([0-9a-f]+));/gi, (all, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: "&", quot: '"', lt: "<", gt: ">", "#39": "'", "#x27": "'" } as Record<string, string>)[name.toLowerCase()] ?? all;
  });
}

/** Every file of a built site (relative path → SHA-256 of its bytes), sorted by path. */
export function siteHashes(dist: string): Record<string, string> {
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
  return Object.fromEntries(files.map((f) => [f, createHash("sha256").update(readFileSync(join(dist, f))).digest("hex")]));
}
