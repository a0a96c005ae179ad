/**
 * The site as a good web citizen: each note's JSON-LD (schema.org), `sitemap.xml`, an Atom feed of recently changed
 * notes, `robots.txt` and `llms.txt` (every note with its summary, for language-model tools). Pure: it takes the site
 * model, the site's origin (Astro's `site` setting) and each note's last-changed date, and returns text.
 */
import type { NoteSource } from "./note-source.ts";
import { escapeHtml } from "./html-escape.ts";
import type { Site } from "./site.ts";
import type { Note } from "./types.ts";

/** schema.org type of each note type. */
const SCHEMA_TYPE: Record<string, string> = {
  person: "Person",
  lab: "Organization",
  model: "SoftwareSourceCode",
  source: "CreativeWork",
  concept: "DefinedTerm",
  event: "Event",
};

/** An absolute address on the site: `origin` (`https://host`) plus a site path that already carries the base. */
export function absolute(origin: string, path: string): string {
  return new URL(path, origin.endsWith("/") ? origin : `${origin}/`).href;
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped, so no value can close the script. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A note as schema.org JSON-LD: name, description, address, other names, and what its type adds. */
export function noteJsonLd(site: Site, note: Note, origin: string): Record<string, unknown> {
  const value = (field: string) => note.fields.values[field]?.[0]?.value;
  const refs = (kind: string) =>
    note.relations
      .filter((r) => r.kind === kind && r.to && site.note(r.to))
      .map((r) => {
        const to = site.note(r.to!)!;
        return { "@type": SCHEMA_TYPE[to.type] ?? "Thing", name: to.title, url: absolute(origin, site.urls.note(to.slug)) };
      });
  const out: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": note.type === "source" && value("kind") === "paper" ? "ScholarlyArticle" : (SCHEMA_TYPE[note.type] ?? "Thing"),
    name: note.title,
    description: note.fields.summary,
    url: absolute(origin, site.urls.note(note.slug)),
  };
  if (note.fields.aliases.length) out.alternateName = note.fields.aliases;
  if (note.fields.tags.length) out.keywords = note.fields.tags.join(", ");
  const sameAs = [value("website"), value("url")].filter((u): u is string => !!u && /^https?:\/\//.test(u));
  if (sameAs.length) out.sameAs = sameAs;
  switch (note.type) {
    case "person": {
      const labs = refs("affiliated_with");
      if (labs.length) out.affiliation = labs;
      break;
    }
    case "lab":
      if (value("founded")) out.foundingDate = value("founded");
      if (refs("parent").length) out.parentOrganization = refs("parent")[0];
      break;
    case "model":
      if (refs("developer").length) out.creator = refs("developer");
      if (value("released")) out.dateCreated = value("released");
      if (value("license")) out.license = value("license");
      if (refs("derived_from").length) out.isBasedOn = refs("derived_from");
      break;
    case "source":
      if (value("published")) out.datePublished = value("published");
      if (value("publisher")) out.publisher = { "@type": "Organization", name: value("publisher") };
      if (refs("author").length || note.fields.names.authors?.length)
        out.author = [...refs("author"), ...(note.fields.names.authors ?? []).map((name) => ({ "@type": "Person", name }))];
      break;
    case "event":
      if (value("date")) out.startDate = value("date");
      if (value("location")) out.location = value("location");
      if (refs("actor").length) out.organizer = refs("actor");
      break;
  }
  return out;
}

/** The addresses of every page a reader may land on, each with the day its note last changed when known. */
export function sitemapXml(site: Site, origin: string, updated: (note: Note) => NoteSource["updated"]): string {
  const urls: { loc: string; lastmod?: string }[] = [
    { loc: site.urls.home() },
    ...site.types.map((t) => ({ loc: site.urls.type(t.type) })),
    ...(site.obsidian ? [] : [{ loc: site.urls.openness() }, { loc: site.urls.timeline() }]), // a typed vault's views
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

/** An Atom feed of the `limit` notes changed last (by their last commit, else their `updated`), newest first. */
export function atomFeed(site: Site, origin: string, updated: (note: Note) => NoteSource["updated"], limit = 50): string {
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
      `    <id>${escapeHtml(url)}</id>`,
      `    <updated>${ts}</updated>`,
      `    <category term="${escapeHtml(n.type)}" label="${escapeHtml(type)}"/>`,
      `    <summary>${escapeHtml(n.fields.summary)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <title>Atlas: recently changed notes</title>`,
    `  <link rel="self" href="${escapeHtml(self)}"/>`,
    `  <link href="${escapeHtml(absolute(origin, site.urls.home()))}"/>`,
    `  <id>${escapeHtml(self)}</id>`,
    `  <updated>${dated[0]?.ts ?? "1970-01-01T00:00:00Z"}</updated>`,
    `  <author><name>Atlas contributors</name></author>`,
    ...entries,
    `</feed>`,
    "",
  ].join("\n");
}

export function robotsTxt(site: Site, origin: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absolute(origin, site.urls.file("sitemap.xml"))}\n`;
}

/** llms.txt (llmstxt.org): a title, a one-line summary, then every note by type as `- [Title](url): summary`. */
export function llmsTxt(site: Site, origin: string): string {
  const line = (s: string) => s.replace(/\s+/g, " ").trim();
  const out = [
    "# Atlas",
    "",
    "> A knowledge-graph wiki of the open-source AI landscape: people, labs, models, sources, concepts and events, each note citing its sources. Openness is rated per model on the dimensions of the European Open Source AI Index.",
    "",
    `The whole graph as data: ${absolute(origin, site.urls.file("exports/atlas-graph.json"))}`,
  ];
  for (const t of site.types) {
    const notes = site.byType[t.type];
    if (!notes.length) continue;
    out.push("", `## ${t.label.many}`, "");
    for (const n of notes) out.push(`- [${line(n.title).replace(/[[\]]/g, "")}](${absolute(origin, site.urls.note(n.slug))}): ${line(n.fields.summary)}`);
  }
  return out.join("\n") + "\n";
}
