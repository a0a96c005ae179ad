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
  /** The landscape at a glance: charts of the whole wiki (a typed wiki's `/landscape/`). */
  landscape(): string;
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

/** What encodeURIComponent leaves as it is (and NFC too: it is ASCII); with `/`, a path of such parts. */
const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]*$/;
const UNRESERVED_PATH = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/** `folderOf` maps a type to its index folder (the registry's `folder`); the browser, which has no type index links, omits it. */
export function siteUrls(base?: string, folderOf: (type: NoteType) => string = (t) => t): SiteUrls {
  const root = normalizeBase(base);
  // Composed (NFC), as Astro names the folder it writes a page to: a slug written with a combining accent otherwise
  // linked to an address no file had.
  // A part of only the characters encodeURIComponent keeps (most slugs) is returned as it is: a page links dozens of
  // notes, and at 10,000 notes encoding each address again cost about a second of the build.
  const enc = (s: string) => (UNRESERVED.test(s) ? s : encodeURIComponent(s.normalize("NFC")));
  // An Obsidian vault's slugs are folder paths (`projects/cafe`) and its tags nest (`a/b`): each part is encoded.
  const path = (s: string) => (UNRESERVED_PATH.test(s) ? s : s.split("/").map(enc).join("/"));
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
    landscape: () => `${root}landscape/`,
    preview: (slug) => `${root}previews/${path(slug)}.json`,
    openness: (fragment) => `${root}openness/${fragment ? `#${enc(fragment)}` : ""}`,
    file: (p) => `${root}${p.replace(/^\/+/, "")}`,
    attachment: (url) => `${root}files/${path(url)}`,
  };
}

/**
 * The schemes a link may have besides none (a path on this site): the web, and schemes that only hand an address to
 * an app on the reader's machine (a mail client, the phone, a chat client, Obsidian or Zotero, which vaults link to:
 * `obsidian://show-plugin?id=…`, `zotero://select/…`). None of them runs anything in the page: the browser asks
 * before it opens the app, or does nothing if none is installed. `javascript:`, `vbscript:`, `data:`, `file:`,
 * `blob:` and every scheme not listed here are refused. Raw HTML's `href` is held to the same list (sanitize.ts).
 */
export const LINK_SCHEMES = ["http", "https", "mailto", "tel", "sms", "irc", "ircs", "xmpp", "obsidian", "zotero"] as const;

/** What an image or embed may load: the web, or a path on this site. */
export const MEDIA_SCHEMES = ["http", "https"] as const;

const schemeOf = (u: string) => /^([a-z][a-z0-9+.-]*):/i.exec(u)?.[1].toLowerCase();

/**
 * True for a URL a page may link to (`image`: may load as an image): one of LINK_SCHEMES (MEDIA_SCHEMES), or no
 * scheme at all (a relative path, `#frag`, `?q`: a colon may only appear after a `/`, `?` or `#`).
 */
export function isSafeHref(url: string, use: "link" | "image" = "link"): boolean {
  const u = url.trim();
  const scheme = schemeOf(u);
  if (scheme) return (use === "image" ? MEDIA_SCHEMES : LINK_SCHEMES).includes(scheme as never);
  return !/^[^/?#]*:/.test(u);
}
