/**
 * Everything a note's page shows, computed by one pure function from the site model as plain, serialisable data
 * (no Note objects, no functions), with its digest on demand (pageDigest): components/NotePage.astro only renders this. The same shape
 * gives unit tests without Astro, and a key for a page that did not change (an incremental build's `cacheKey`).
 */
import { createHash } from "node:crypto";
import type { Dataset } from "../datasets.ts";
import type { Diagnostic } from "../types.ts";
import type { NoteSource } from "../note-source.ts";
import type { Site } from "../site.ts";
import type { BacklinkGroup } from "../views/backlinks.ts";
import { developedModels, type DevelopedModels } from "../views/developed.ts";
import type { LinkRef } from "../views/links.ts";
import type { OpennessMatrix } from "../views/openness.ts";
import type { Affiliation } from "../views/people.ts";
import type { InfoRow } from "../views/values.ts";
import { noteJsonLd, scriptJson } from "../web.ts";
import { folderView, type FolderView } from "./folder.ts";

export interface TocEntry {
  id: string;
  text: string;
  children: { id: string; text: string }[];
}

export interface LocalGraphView {
  /** The neighbourhood's payload for the renderer, as JSON safe inside a script element. */
  json: string;
  /** Neighbours listed for readers without JavaScript or WebGL. */
  listed: { title: string; href: string; type: string }[];
  /** Neighbours not listed. */
  more: number;
  focusHref: string;
}

export interface NotePageData {
  slug: string;
  type: string;
  title: string;
  summary: string;
  tags: { text: string; href: string }[];
  /** Above the title: the note's type (a typed wiki) or the folders it is in (an Obsidian vault). */
  typeBadge?: { type: string; label: string; href: string };
  trail?: { name: string; href: string }[];
  /** The checker's messages for this note (shown while editing, or in a build told to allow errors). */
  problems: Pick<Diagnostic, "file" | "line" | "column" | "severity" | "rule" | "message" | "hint">[];
  infobox: InfoRow[];
  /** Each cited source's number, by slug, for the footnote marks in the infobox and tables. */
  numbers: Record<string, number>;
  /** Contents, for a note with three or more sections. */
  toc: TocEntry[];
  html: string;
  /** The folder the note shares its address with (an Obsidian folder note). */
  folder?: FolderView;
  openness?: OpennessMatrix;
  affiliations?: { heading: string; rows: Affiliation[] };
  /** A lab's or person's models, computed from the graph: each with its date and openness, and the total (views/developed.ts). */
  models?: DevelopedModels;
  credits: Dataset[];
  citations: { slug: string; title: string; href: string; meta: string }[];
  citedBy: { title: string; href: string; typeLabel: string }[];
  localGraph?: LocalGraphView;
  backlinks: BacklinkGroup[];
  mentions: { from: LinkRef; excerpt: string }[];
  source: NoteSource;
  jsonLd: string;
}

/** How many neighbours the local graph lists for readers without JavaScript. */
const LISTED_NEIGHBOURS = 12;

/** The page of the note `slug`; `dev`: the checker's warnings are shown too (the dev server). */
export function notePageData(site: Site, slug: string, options: { dev?: boolean } = {}): NotePageData | undefined {
  const page = site.page(slug);
  if (!page) return undefined;
  const { note } = page;
  const file = site.vault.filesBySlug.get(slug)!;
  const numbers = Object.fromEntries(page.citations.map((c, i) => [c.slug, i + 1]));
  const heading = site.heading(note);
  const entry = site.types.find((t) => t.type === note.type)!;
  const models = developedModels(site, note);
  const affiliations = site.affiliations(note);
  return {
    slug,
    type: note.type,
    title: note.title,
    summary: note.fields.summary,
    tags: note.fields.tags.map((t) => ({ text: t, href: site.urls.tag(t) })),
    ...(heading.type ? { typeBadge: { type: note.type, label: entry.label.one, href: heading.type.href } } : {}),
    ...(heading.trail ? { trail: heading.trail.map((f) => ({ name: f.name, href: site.urls.note(f.slug) })) } : {}),
    problems:
      options.dev || site.errors.length
        ? site.vault.diagnostics.filter((d) => d.file === note.file && (options.dev || d.severity === "error")).map(({ file, line, column, severity, rule, message, hint }) => ({ file, line, column, severity, rule, message, hint }))
        : [],
    infobox: page.infobox,
    numbers,
    toc: tableOfContents(note.parsed.headings),
    html: page.html,
    ...(heading.folder ? { folder: folderView(site, heading.folder) } : {}),
    ...(page.openness ? { openness: page.openness } : {}),
    ...(affiliations.rows.length ? { affiliations } : {}),
    ...(models ? { models } : {}),
    credits: site.credits([note, ...site.developed(note)]),
    citations: page.citations.map((c) => ({ slug: c.slug, title: c.title, href: site.urls.note(c.slug), meta: ["kind", "publisher", "published"].map((f) => c.fields.values[f]?.[0]?.value).filter(Boolean).join(", ") })),
    citedBy: page.citedBy.map((c) => ({ title: c.title, href: site.urls.note(c.slug), typeLabel: site.types.find((t) => t.type === c.type)!.label.one })),
    localGraph: localGraph(site, slug),
    backlinks: page.backlinks,
    mentions: site.unlinkedMentions(note).map((m) => ({ from: site.ref(m.from), excerpt: m.excerpt })),
    source: site.sources.forNote(file.path, note.fields.updated),
    jsonLd: scriptJson(noteJsonLd(site, note, site.identity.origin)),
  };
}

/**
 * A digest of everything a note's page shows: equal digests, equal pages. Made on demand (a build that renders every
 * page has no use for it; at 10,000 notes it costs about a second), for whatever must tell whether a page changed.
 */
export function pageDigest(data: NotePageData): string {
  return createHash("sha1").update(JSON.stringify(data)).digest("hex").slice(0, 16);
}

/** Contents for long notes: three or more sections (level 2 and 3 headings), nested as written. */
export function tableOfContents(headings: readonly { depth: number; id: string; text: string }[]): TocEntry[] {
  const sections = headings.filter((h) => h.depth === 2 || h.depth === 3);
  if (sections.length < 3) return [];
  const toc: TocEntry[] = [];
  for (const h of sections) {
    if (h.depth === 2 || !toc.length) toc.push({ id: h.id, text: h.text, children: [] });
    else toc.at(-1)!.children.push({ id: h.id, text: h.text });
  }
  return toc;
}

/** The note's neighbourhood in the graph: its payload, and the direct neighbours listed as a fallback. */
function localGraph(site: Site, slug: string): LocalGraphView | undefined {
  const found = site.graph().local(slug);
  if (!found) return undefined;
  const local = found.payload;
  const linked = new Set<number>();
  for (let k = 0; k < local.edges.length; k += 2) {
    if (local.edges[k] === local.center) linked.add(local.edges[k + 1]);
    else if (local.edges[k + 1] === local.center) linked.add(local.edges[k]);
  }
  const direct = local.slug.map((_x, i) => i).filter((i) => i !== local.center && linked.has(i));
  const shown = direct.slice(0, LISTED_NEIGHBOURS);
  return {
    // In the inline JSON element, a "<" must not start a tag: JSON allows it escaped.
    json: found.json.replace(/</g, "\\u003c"),
    listed: shown.map((i) => ({ title: local.title[i], href: site.urls.note(local.slug[i]), type: local.types[local.type[i]] })),
    more: direct.length - shown.length + (local.more ?? 0),
    focusHref: site.urls.graph({ focus: slug }),
  };
}
