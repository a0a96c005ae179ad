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
import { datasetsOf } from "../datasets.ts";
import { OPENNESS_GROUPS } from "../openness.ts";
import type { Note } from "../types.ts";
import { readableDate } from "../note-source.ts";
import { opennessSummary } from "../views/openness.ts";
import { fieldValues, infoboxGroups, type InfoGroup, type InfoRow, type InfoValue } from "../views/values.ts";
import { noteJsonLd, scriptJson } from "../web.ts";
import { evidenceName } from "../views/evidence.ts";
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
  /** The infobox as the page shows it: rows grouped by where their values come from, notes as lettered footnotes. */
  infoGroups: InfoGroup[];
  footnotes: { mark: string; text: string }[];
  /** Sections made from the note's data (what a dataset says of it, its relations both ways), after its body. */
  facts: FactSection[];
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

/** A section of a note's page made from its data: a list of facts, and where they come from (said once). */
export interface FactSection {
  id: string;
  heading: string;
  /** The dataset the facts are from (none: computed from the graph, or hand-written values with their own sources). */
  from?: InfoGroup["from"];
  /** A line under the heading, from the data ("Four of its twelve dimensions …"): plain text. */
  lead?: string;
  facts: InfoRow[];
  /** A link to where more of it is shown ("How open", below). */
  more?: { text: string; href: string };
}

/** How many neighbours the local graph lists for readers without JavaScript. */
const LISTED_NEIGHBOURS = 12;

/**
 * The page of the note `slug`; `dev`: the checker's warnings are shown too (the dev server).
 */
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
  const grouped = infoboxGroups(site, note);
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
    infoGroups: grouped.groups,
    footnotes: grouped.footnotes,
    facts: factSections(site, note, grouped.groups, models),
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

const labelOf = (site: Site, type: string, field: string) => site.registry.entry(type as Note["type"]).infobox.find((v) => v.field === field);

/** The values of `field` as the infobox shows them, from one dataset (`from`) or from none (hand-written). */
function valuesOf(site: Site, note: Note, field: string, from?: string): InfoValue[] {
  const view = labelOf(site, note.type, field);
  if (!view) return [];
  // The dataset's own citation is said once, in the section's provenance line.
  const source = from ? site.vault.settings.site.datasets?.[from] : undefined;
  return fieldValues(site, note, view)
    .filter((v) => (v.imported?.id ?? undefined) === from)
    .map((v) => ({ ...v, sources: v.sources.filter((s) => s.slug !== source) }));
}

/**
 * Sections made from the data, never from templated prose: on a model, what the index rates (the release, its base
 * model, performance class and openness by group, the matrix itself being "How open"), Epoch AI's figures (each with
 * Epoch AI's own qualifiers inline) and its relations both ways (what it was made from, and what was made from it,
 * from the other notes' relations); on a lab or person, how many models the wiki has by it and from which datasets,
 * and the names the datasets give it.
 */
function factSections(site: Site, note: Note, groups: InfoGroup[], models: DevelopedModels | undefined): FactSection[] {
  const out: FactSection[] = [];
  const fromOf = (id: string) => groups.find((g) => g.from?.id === id)?.from;
  const row = (label: string, values: InfoValue[]): InfoRow[] => (values.length ? [{ label, values }] : []);
  const matrix = site.openness(note);
  const index = note.fields.records.find((r) => r.from === "osai" && r.file);
  if (matrix && index) {
    const rated = matrix.cells.filter((c) => c.imported?.id === "osai");
    const byGroup = OPENNESS_GROUPS.map((g): InfoRow | undefined => {
      const cells = rated.filter((c) => matrix.groups.find((x) => x.id === g.id)!.cells.includes(c));
      return cells.length ? { label: g.label, values: [{ text: opennessSummary({ ...matrix, cells, counts: countOf(cells) }), sources: [] }] } : undefined;
    }).filter((x): x is InfoRow => !!x);
    const doubt = (what: "rates" | "base") => (index.uncertain?.includes(what) ? "given with a question mark" : undefined);
    const base = valuesOf(site, note, "base_model", "osai");
    out.push({
      id: "index-rates",
      heading: "What the index rates",
      from: fromOf("osai"),
      lead: index.rates ? undefined : "The index names no release for this entry.",
      facts: [
        ...row("Release rated", index.rates ? [{ text: index.rates, extra: doubt("rates"), sources: [] }] : []),
        ...row("Base model", base.length ? base : index.base ? [{ text: index.base, extra: doubt("base"), sources: [] }] : []),
        ...row("Performance class", valuesOf(site, note, "performance_class", "osai")),
        ...row("Released", valuesOf(site, note, "released", "osai")),
        ...row("Licence", valuesOf(site, note, "license", "osai")),
        ...byGroup,
        ...(index.dropped ? row("No longer listed", [{ text: `since the snapshot of ${index.dropped.date ?? index.dropped.snapshot.slice(0, 7)}`, sources: [] }]) : []),
      ],
      more: matrix.rated ? { text: "Every rating, with its evidence: How open", href: "#openness" } : undefined,
    });
  }
  const epoch = note.fields.records.find((r) => r.from === "epoch" && r.file);
  if (epoch && site.registry.entry(note.type).infobox.some((v) => v.field === "training_compute")) {
    const fields = ["parameters", "training_compute", "dataset_size", "released", "domain", "task", "accessibility", "training_code_access"];
    const facts = fields.flatMap((f) => {
      const values = valuesOf(site, note, f, "epoch").map((v) => ({ ...v, extra: [v.extra, v.note].filter(Boolean).join("; ") || undefined, note: undefined }));
      if (f === "released") for (const v of values) v.text = /^\d{4}-\d\d-\d\d$/.test(v.text) ? readableDate(v.text) : v.text;
      return row(f === "released" ? "Published" : labelOf(site, note.type, f)!.label, values);
    });
    const from = fromOf("epoch");
    if (facts.length) {
      out.push({
        id: "epoch-figures",
        heading: "Epoch AI's figures",
        from,
        lead: epoch.names?.[0] && epoch.names[0] !== note.title ? `Epoch AI lists it as "${epoch.names[0]}".` : undefined,
        facts: [...facts, ...row("Link", epoch.link ? [{ text: evidenceName(epoch.link).text, href: epoch.link, sources: [] }] : [])],
      });
    }
  }
  // Relations both ways: what this model was made from (its own relations), and what other notes say was made from it.
  if (site.rated(note.type)) {
    const own = ["developer", "family", "base_model", "fine_tuned_from", "derived_from"].flatMap((f) => {
      const view = labelOf(site, note.type, f);
      return view ? row(view.label, fieldValues(site, note, view).map((v) => ({ ...v, sources: [], imported: undefined, note: undefined }))) : [];
    });
    const back = site.vault.backlinks.get(note.slug) ?? [];
    const from = (kind: string, field?: string) => {
      const slugs = new Set(back.filter((b) => b.kind === kind && (!field || site.vault.bySlug.get(b.from)?.relations.some((r) => r.to === note.slug && r.field === field))).map((b) => b.from));
      return site.sortByTitle([...slugs].map((x) => site.vault.bySlug.get(x)!).filter(Boolean)).map((n): InfoValue => ({ text: n.title, href: site.urls.note(n.slug), sources: [] }));
    };
    const reverse = [
      ...row("In this family", from("family")),
      ...row("Fine-tuned from this one", from("fine_tuned_from")),
      ...row("Built on this one", from("derived_from", "base_model")),
      ...row("Derived from this one", from("derived_from", "derived_from")),
    ];
    if (own.length + reverse.length) out.push({ id: "relations", heading: "Relations", facts: [...own, ...reverse] });
  }
  // A lab's or person's models: how many, from which datasets (the table itself is the Models section).
  if (models) {
    const all = models.models.map((m) => site.vault.bySlug.get(m.note.slug)!).filter(Boolean);
    const per = datasetsOf(site.vault.settings.site.datasets)
      .map((d) => ({ d, n: all.filter((m) => m.fields.records.some((r) => r.from === d.id)).length }))
      .filter((x) => x.n);
    const dates = models.models.flatMap((m) => m.released).map((x) => x.slice(0, 4)).sort();
    out.push({
      id: "in-the-wiki",
      heading: "In the wiki",
      facts: [
        ...row("Models", [{ text: `${all.length}`, href: "#developed-heading", sources: [] }]),
        ...per.map((x) => ({ label: x.d.id === "osai" ? "Rated by the index" : `Listed by ${x.d.short}`, values: [{ text: String(x.n), sources: [] }] })),
        ...row("Released", dates.length ? [{ text: dates[0] === dates.at(-1) ? dates[0] : `${dates[0]}–${dates.at(-1)}`, sources: [] }] : []),
        ...datasetsOf(site.vault.settings.site.datasets).flatMap((d) => {
          const r = note.fields.records.find((x) => x.from === d.id);
          const names = (r?.names ?? []).filter((n) => n !== note.title);
          return row(`Names in ${d.id === "osai" ? "the index" : d.short}`, names.map((n) => ({ text: n, sources: [] })));
        }),
      ],
    });
  }
  return out;
}

function countOf(cells: { status: "open" | "partial" | "closed" | "unknown" }[]) {
  const counts = { open: 0, partial: 0, closed: 0, unknown: 0 };
  for (const c of cells) counts[c.status]++;
  return counts;
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
