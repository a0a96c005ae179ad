/**
 * The site as a good web citizen: each note's JSON-LD (schema.org), `sitemap.xml`, an Atom feed of recently changed
 * notes, `robots.txt` and `llms.txt` (every note with its summary, for language-model tools). Pure: it takes the site
 * model (its identity: title, description, author), the site's origin (`origin` in atlas.yml; none: addresses are
 * root-relative and the site claims no address) and each note's last-changed date, and returns text.
 */
import type { NoteSource } from "./note-source.ts";
import { escapeHtml } from "./html-escape.ts";
import type { Site } from "./site.ts";
import type { JsonLdFacts } from "./registry.ts";
import type { Note } from "./types.ts";

/**
 * An absolute address on the site: `origin` (`https://host`) plus a site path that already carries the base; without
 * an origin, the path itself (root-relative), never someone else's host.
 */
export function absolute(origin: string | undefined, path: string): string {
  if (!origin) return path;
  return new URL(path, origin.endsWith("/") ? origin : `${origin}/`).href;
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped, so no value can close the script. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * A note as schema.org JSON-LD: name, description, address, other names, and what its type's registry entry adds
 * (`jsonLd`: its schema.org type and the properties its fields give; empty ones are left out).
 */
export function noteJsonLd(site: Site, note: Note, origin: string | undefined): Record<string, unknown> {
  const schemaType = (n: Note) => {
    const spec = site.registry.entry(n.type).jsonLd;
    return !spec ? "Thing" : typeof spec.type === "string" ? spec.type : spec.type(facts(n));
  };
  const facts = (n: Note): JsonLdFacts => ({
    value: (field) => n.fields.values[field]?.[0]?.value,
    refs: (kind) =>
      n.relations
        .filter((r) => r.kind === kind && r.to && site.note(r.to))
        .map((r) => {
          const to = site.note(r.to!)!;
          return { "@type": schemaType(to), name: to.title, url: absolute(origin, site.urls.note(to.slug)) };
        }),
    names: (field) => n.fields.names[field] ?? [],
  });
  const out: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": schemaType(note),
    name: note.title,
    description: note.fields.summary,
    url: absolute(origin, site.urls.note(note.slug)),
  };
  if (note.fields.aliases.length) out.alternateName = note.fields.aliases;
  if (note.fields.tags.length) out.keywords = note.fields.tags.join(", ");
  const props = site.registry.entry(note.type).jsonLd?.props?.(facts(note)) ?? {};
  for (const [key, value] of Object.entries(props)) {
    // `sameAs` takes web addresses only; a list keeps its non-empty items; an empty value is no property.
    const v = Array.isArray(value) ? value.filter((x) => x != null && x !== "" && (key !== "sameAs" || /^https?:\/\//.test(String(x)))) : value;
    if (v == null || v === "" || (Array.isArray(v) && !v.length)) continue;
    out[key] = v;
  }
  return out;
}

/**
 * The addresses of every page a reader may land on, each with the day its note last changed when known. Only for a
 * site with an origin: a sitemap lists absolute addresses.
 */
export function sitemapXml(site: Site, origin: string, updated: (note: Note) => NoteSource["updated"]): string {
  const urls: { loc: string; lastmod?: string }[] = [
    { loc: site.urls.home() },
    ...site.types.map((t) => ({ loc: site.urls.type(t.type) })),
    ...site.flavour.views(site.urls).map((v) => ({ loc: v.href })), // a typed vault's landscape views
    { loc: site.urls.tags() },
    { loc: site.urls.graph() },
    ...[...site.tags.keys()].sort().map((t) => ({ loc: site.urls.tag(t) })),
    ...[...site.vault.notes].sort((a, b) => (a.slug < b.slug ? -1 : 1)).map((n) => ({ loc: site.urls.note(n.slug), lastmod: updated(n)?.date })),
  ];
  const rows = urls.map((u) => `  <url><loc>${escapeHtml(absolute(origin, u.loc))}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ""}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join("\n")}\n</urlset>\n`;
}

/** `2026-03` → `2026-03-01T00:00:00Z`: Atom wants full timestamps; a date the note gives loosely starts its period. */
function timestamp(date: string): string {
  if (/T/.test(date)) return new Date(date).toISOString().replace(/\.\d{3}Z$/, "Z");
  const [y, m = "01", d = "01"] = date.split("-");
  return `${y}-${m}-${d}T00:00:00Z`;
}

/**
 * An Atom feed of the `limit` notes changed last (by their last commit, else their `updated`, else the file's time),
 * newest first. Without an origin its links are root-relative, and entries are identified by a `urn:` of their slug.
 */
export function atomFeed(site: Site, origin: string | undefined, updated: (note: Note) => NoteSource["updated"], limit = 50): string {
  const dated = site.vault.notes
    .map((n) => ({ n, at: updated(n) }))
    .filter((e): e is { n: Note; at: NonNullable<NoteSource["updated"]> } => !!e.at)
    .map((e) => ({ n: e.n, ts: timestamp(e.at.at ?? e.at.date) }))
    .sort((a, b) => (a.ts === b.ts ? (a.n.slug < b.n.slug ? -1 : 1) : a.ts < b.ts ? 1 : -1))
    .slice(0, limit);
  const self = absolute(origin, site.urls.file("feed.xml"));
  const entries = dated.map(({ n, ts }) => {
    const url = absolute(origin, site.urls.note(n.slug));
    const type = site.types.find((t) => t.type === n.type)!.label.one;
    return [
      "  <entry>",
      `    <title>${escapeHtml(n.title)}</title>`,
      `    <link href="${escapeHtml(url)}"/>`,
      `    <id>${escapeHtml(origin ? url : `urn:note:${encodeURIComponent(n.slug)}`)}</id>`,
      `    <updated>${ts}</updated>`,
      `    <category term="${escapeHtml(n.type)}" label="${escapeHtml(type)}"/>`,
      `    <summary>${escapeHtml(n.fields.summary)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  const { title, description, author } = site.identity;
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(site.identity.language)}">`,
    `  <title>${escapeHtml(title)}: recently changed notes</title>`,
    ...(description ? [`  <subtitle>${escapeHtml(description)}</subtitle>`] : []),
    `  <link rel="self" href="${escapeHtml(self)}"/>`,
    `  <link href="${escapeHtml(absolute(origin, site.urls.home()))}"/>`,
    `  <id>${escapeHtml(origin ? self : `urn:site:${encodeURIComponent(title)}`)}</id>`,
    // An empty vault's feed has no entry to date it by: the earliest date Atom can say.
    `  <updated>${dated[0]?.ts ?? "1970-01-01T00:00:00Z"}</updated>`,
    `  <author><name>${escapeHtml(author)}</name></author>`,
    ...entries,
    `</feed>`,
    "",
  ].join("\n");
}

/** robots.txt: everything may be crawled; the sitemap's address when the site has an origin (and so a sitemap). */
export function robotsTxt(site: Site, origin: string | undefined): string {
  return `User-agent: *\nAllow: /\n${origin ? `\nSitemap: ${absolute(origin, site.urls.file("sitemap.xml"))}\n` : ""}`;
}

/**
 * llms.txt (llmstxt.org): the site's title and description, then every note by type as
 * `- [Title](url): summary`, each type's list after the sentence its registry entry gives (`about`).
 */
export function llmsTxt(site: Site, origin: string | undefined): string {
  const line = (s: string) => s.replace(/\s+/g, " ").trim();
  const { title, description } = site.identity;
  const out = [
    `# ${line(title)}`,
    "",
    ...(description ? [`> ${line(description)}`, ""] : []),
    `The whole graph as data: ${absolute(origin, site.urls.file("exports/atlas-graph.json"))}`,
  ];
  for (const t of site.types) {
    const notes = site.byType[t.type];
    if (!notes.length) continue;
    out.push("", `## ${t.label.many}`, "", line(t.about), "");
    for (const n of notes) out.push(`- [${line(n.title).replace(/[[\]]/g, "")}](${absolute(origin, site.urls.note(n.slug))}): ${line(n.fields.summary)}`);
  }
  return out.join("\n") + "\n";
}
