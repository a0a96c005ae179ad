/**
 * Every address the site links to, built in one place from the site's base path (`/` or `/atlas/`), so that a site
 * served under a sub-path works everywhere: pages, exports, graph payloads, the browser code (which imports this
 * module too, so it imports nothing: type folders come from the caller, the registry on the server).
 */
type NoteType = string;

export interface SiteUrls {
  readonly base: string;
  home(): string;
  note(slug: string, fragment?: string): string;
  type(type: NoteType): string;
  tags(): string;
  tag(tag: string): string;
  graph(params?: Record<string, string>): string;
  search(): string;
  /** The page that explains the openness dimensions (`#<key>` for one). */
  openness(fragment?: string): string;
  timeline(): string;
  /** A note's link preview: a small JSON fetched when a reader hovers or focuses a link to it. */
  preview(slug: string): string;
  /** A file the site serves at its root: `exports/atlas-graph.gexf`, `graph/landscape.<hash>.json`, `favicon.svg`. */
  file(path: string): string;
  /** An Obsidian vault's attachment, by its address under `files/` (`attachments/diagram.png`). */
  attachment(url: string): string;
}

/** Normalises a base to start and end with `/`. */
export function normalizeBase(base: string | undefined): string {
  const b = (base || "/").trim();
  return `${b.startsWith("/") ? "" : "/"}${b}${b.endsWith("/") ? "" : "/"}`.replace(/\/{2,}/g, "/");
}

/** `folderOf` maps a type to its index folder (the registry's `folder`); the browser, which has no type index links, omits it. */
export function siteUrls(base?: string, folderOf: (type: NoteType) => string = (t) => t): SiteUrls {
  const root = normalizeBase(base);
  // Composed (NFC), as Astro names the folder it writes a page to: a slug written with a combining accent otherwise
  // linked to an address no file had.
  const enc = (s: string) => encodeURIComponent(s.normalize("NFC"));
  // An Obsidian vault's slugs are folder paths (`projects/cafe`) and its tags nest (`a/b`): each part is encoded.
  const path = (s: string) => s.split("/").map(enc).join("/");
  return {
    base: root,
    home: () => root,
    note: (slug, fragment) => `${root}${path(slug)}/${fragment ? `#${enc(fragment)}` : ""}`,
    type: (type) => `${root}${folderOf(type)}/`,
    tags: () => `${root}tags/`,
    tag: (tag) => `${root}tags/${path(tag)}/`,
    graph: (params) => {
      const q = params ? new URLSearchParams(params).toString() : "";
      return `${root}graph/${q ? `?${q}` : ""}`;
    },
    search: () => `${root}search/`,
    timeline: () => `${root}timeline/`,
    preview: (slug) => `${root}previews/${path(slug)}.json`,
    openness: (fragment) => `${root}openness/${fragment ? `#${enc(fragment)}` : ""}`,
    file: (p) => `${root}${p.replace(/^\/+/, "")}`,
    attachment: (url) => `${root}files/${path(url)}`,
  };
}

/** True for a URL a page may link to from data: http(s), mailto, or a path/fragment on this site. */
export function isSafeHref(url: string): boolean {
  const u = url.trim();
  if (/^(https?:|mailto:)/i.test(u)) return true;
  // No scheme at all (a relative path, `#frag`, `?q`): a colon may only appear after a `/`, `?` or `#`.
  return !/^[^/?#]*:/.test(u);
}
