/**
 * The site model: everything a page shows, computed from the checked vault once and handed to thin Astro components
 * (infobox rows, backlinks grouped by type, citations, index tables, tags). No Markdown is read here: note bodies
 * are rendered by render.ts from the bodies the loader kept.
 */
import { renderNote, noteHref } from "./render.ts";
import { NOTE_TYPES, OPENNESS_ASPECTS, TYPE_FOLDERS, type NoteData, type NoteType } from "./schema.ts";
import type { Backlink, Note, Vault } from "./types.ts";

export const TYPE_LABELS: Record<NoteType, { one: string; many: string }> = {
  person: { one: "Person", many: "People" },
  lab: { one: "Lab", many: "Labs" },
  model: { one: "Model", many: "Models" },
  source: { one: "Source", many: "Sources" },
  concept: { one: "Concept", many: "Concepts" },
  event: { one: "Event", many: "Events" },
};

export interface LinkRef {
  slug: string;
  text: string;
  href: string;
}

/** One value in an infobox or table cell: text or a link, with the sources that back it. */
export interface InfoValue {
  text: string;
  href?: string;
  /** Qualifier shown after the value: a role, a derivation kind, a note. */
  extra?: string;
  sources: LinkRef[];
}

export interface InfoRow {
  label: string;
  values: InfoValue[];
}

export interface OpennessRow {
  aspect: string;
  status: "open" | "partial" | "closed" | "unknown";
  note?: string;
  sources: LinkRef[];
}

export interface BacklinkGroup {
  type: NoteType;
  label: string;
  items: { note: LinkRef; contexts: string[] }[];
}

export interface TableColumn {
  label: string;
  cell(note: Note): InfoValue[];
}

export class Site {
  readonly vault: Vault;
  readonly base: string;
  readonly byType: Record<NoteType, Note[]>;
  readonly tags: Map<string, Note[]>;
  readonly #html = new Map<string, string>();

  constructor(vault: Vault, base = "/") {
    this.vault = vault;
    this.base = base.endsWith("/") ? base : `${base}/`;
    this.byType = Object.fromEntries(NOTE_TYPES.map((t) => [t, [] as Note[]])) as unknown as Record<NoteType, Note[]>;
    const sorted = [...vault.notes].sort((a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base" }));
    this.tags = new Map();
    for (const n of sorted) {
      this.byType[n.type].push(n);
      for (const t of n.data.tags) {
        const list = this.tags.get(t);
        if (list) list.push(n);
        else this.tags.set(t, [n]);
      }
    }
  }

  href(slug: string, headingId?: string): string {
    return noteHref(this.base, slug, headingId);
  }

  typeHref(type: NoteType): string {
    return `${this.base}${TYPE_FOLDERS[type]}/`;
  }

  tagHref(tag: string): string {
    return `${this.base}tags/${tag}/`;
  }

  note(slug: string): Note | undefined {
    return this.vault.bySlug.get(slug);
  }

  ref(slug: string): LinkRef {
    const n = this.vault.bySlug.get(slug);
    return { slug, text: n?.title ?? slug, href: this.href(slug) };
  }

  /** The body as HTML, rendered on first use. */
  html(slug: string): string {
    let html = this.#html.get(slug);
    if (html === undefined) {
      const note = this.vault.bySlug.get(slug)!;
      const { body, bodyLine } = this.vault.bodies.get(slug)!;
      html = renderNote(note, body, bodyLine, {
        base: this.base,
        lookup: (s) => {
          const n = this.vault.bySlug.get(s);
          return n && { title: n.title, summary: n.data.summary };
        },
      });
      this.#html.set(slug, html);
    }
    return html;
  }

  #sources(v: unknown): LinkRef[] {
    const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
    return list
      .filter((s): s is string => typeof s === "string")
      .map((s) => this.vault.resolve(s))
      .filter((s): s is string => !!s)
      .map((s) => this.ref(s));
  }

  /** A claim field (scalar, `{ value, source }`, or a list of them) as values with their sources. */
  #claim(v: unknown): InfoValue[] {
    if (v === undefined || v === null) return [];
    const list = Array.isArray(v) ? v : [v];
    return list.map((item) =>
      item && typeof item === "object"
        ? { text: String((item as { value: unknown }).value), extra: (item as { note?: string }).note, sources: this.#sources((item as { source?: unknown }).source) }
        : { text: String(item), sources: [] },
    );
  }

  /** A relation field's values, as links (the loader resolved them). */
  #relation(note: Note, field: string): InfoValue[] {
    return note.relations
      .filter((r) => r.field === field && r.to)
      .map((r) => ({ text: this.ref(r.to!).text, href: this.href(r.to!), extra: r.qualifier, sources: this.#sources(r.sources) }));
  }

  infobox(note: Note): InfoRow[] {
    const d = note.data;
    const rows: InfoRow[] = [];
    const add = (label: string, values: InfoValue[]) => values.length && rows.push({ label, values });
    const text = (v: string | undefined): InfoValue[] => (v ? [{ text: v, sources: [] }] : []);
    switch (d.type) {
      case "person":
        add(
          "Affiliations",
          note.relations
            .filter((r) => r.field === "affiliations")
            // The i-th affiliation relation is the i-th `affiliations` entry: index before dropping unresolved ones.
            .flatMap((r, i) => {
              if (!r.to) return [];
              const a = d.affiliations[i];
              const span = a?.from || a?.to ? `${a.from ?? "?"}–${a.to ?? ""}` : "";
              return [{ text: this.ref(r.to).text, href: this.href(r.to), extra: [r.qualifier, span].filter(Boolean).join(", ") || undefined, sources: this.#sources(r.sources) }];
            }),
        );
        break;
      case "lab":
        add("Country", this.#claim(d.country));
        add("Kind", text(d.kind));
        add("Parent", this.#relation(note, "parent"));
        add("Founded", this.#claim(d.founded));
        add("Website", d.website ? [{ text: d.website.replace(/^https?:\/\//, ""), href: d.website, sources: [] }] : []);
        break;
      case "model":
        add("Developer", this.#relation(note, "developer"));
        add("Family", this.#relation(note, "family"));
        add("Base model", this.#relation(note, "base_model"));
        add("Derived from", this.#relation(note, "derived_from"));
        add("Released", this.#claim(d.released));
        add("Parameters", this.#claim(d.parameters));
        add("Active parameters", this.#claim(d.active_parameters));
        add("Architecture", this.#claim(d.architecture));
        add("Context length", this.#claim(d.context_length));
        add("License", this.#claim(d.license));
        break;
      case "source":
        add("Kind", text(d.kind));
        add("Evidence", text(d.evidence));
        add("Authors", [
          ...this.#relation(note, "authors"),
          ...(d.authors ?? []).filter((a): a is { name: string } => typeof a === "object").map((a) => ({ text: a.name, sources: [] })),
        ]);
        add("Published", text(d.published));
        add("Publisher", text(d.publisher));
        add("URL", d.url ? [{ text: d.url.replace(/^https?:\/\//, ""), href: d.url, sources: [] }] : []);
        add("arXiv", d.arxiv ? [{ text: d.arxiv, href: `https://arxiv.org/abs/${d.arxiv}`, sources: [] }] : []);
        add("Cites", this.#relation(note, "cites"));
        break;
      case "concept":
        add("Broader", this.#relation(note, "broader"));
        add("Related", this.#relation(note, "related"));
        break;
      case "event":
        add("Date", this.#claim(d.date));
        add("Until", text(d.end_date));
        add("Actors", this.#relation(note, "actors"));
        add("Location", text(d.location));
        break;
    }
    if (d.aliases.length) add("Also known as", d.aliases.map((a) => ({ text: a, sources: [] })));
    return rows;
  }

  openness(note: Note): OpennessRow[] {
    if (note.data.type !== "model" || !note.data.openness) return [];
    const o = note.data.openness;
    return OPENNESS_ASPECTS.flatMap((aspect) => {
      const item = o[aspect];
      if (!item) return [];
      const label = aspect.replace("_", " ");
      return typeof item === "string"
        ? [{ aspect: label, status: item, sources: [] }]
        : [{ aspect: label, status: item.status, note: item.note, sources: this.#sources(item.source) }];
    });
  }

  /** Inbound mentions grouped by the linking note's type; a note's several mentions are listed under it. */
  backlinks(note: Note): BacklinkGroup[] {
    const byFrom = new Map<string, Backlink[]>();
    for (const b of this.vault.backlinks.get(note.slug) ?? []) {
      const list = byFrom.get(b.from);
      if (list) list.push(b);
      else byFrom.set(b.from, [b]);
    }
    return NOTE_TYPES.map((type) => ({
      type,
      label: TYPE_LABELS[type].many,
      items: [...byFrom]
        .map(([from, bs]) => ({ from: this.vault.bySlug.get(from)!, bs }))
        .filter(({ from }) => from.type === type)
        .sort((a, b) => a.from.title.localeCompare(b.from.title))
        .map(({ from, bs }) => ({ note: this.ref(from.slug), contexts: [...new Set(bs.map((b) => b.context).filter(Boolean))] })),
    })).filter((g) => g.items.length);
  }

  citations(note: Note): Note[] {
    return note.cites.map((s) => this.vault.bySlug.get(s)!).filter(Boolean);
  }

  citedBy(note: Note): Note[] {
    return (this.vault.citedBy.get(note.slug) ?? []).map((s) => this.vault.bySlug.get(s)!).sort((a, b) => a.title.localeCompare(b.title));
  }

  /** Key-field columns of a type's index table. */
  columns(type: NoteType): TableColumn[] {
    const rel = (field: string) => (n: Note) => this.#relation(n, field);
    const claim = (get: (d: NoteData) => unknown) => (n: Note) => this.#claim(get(n.data));
    switch (type) {
      case "person":
        return [{ label: "Affiliations", cell: rel("affiliations") }];
      case "lab":
        return [
          { label: "Country", cell: claim((d) => (d.type === "lab" ? d.country : undefined)) },
          { label: "Kind", cell: claim((d) => (d.type === "lab" ? d.kind : undefined)) },
          { label: "Parent", cell: rel("parent") },
        ];
      case "model":
        return [
          { label: "Developer", cell: rel("developer") },
          { label: "Released", cell: claim((d) => (d.type === "model" ? d.released : undefined)) },
          { label: "Parameters", cell: claim((d) => (d.type === "model" ? d.parameters : undefined)) },
          { label: "License", cell: claim((d) => (d.type === "model" ? d.license : undefined)) },
          {
            label: "Openness",
            cell: (n) => this.openness(n).map((o) => ({ text: `${o.aspect}: ${o.status}`, sources: [] })),
          },
        ];
      case "source":
        return [
          { label: "Kind", cell: claim((d) => (d.type === "source" ? d.kind : undefined)) },
          { label: "Published", cell: claim((d) => (d.type === "source" ? d.published : undefined)) },
          { label: "Publisher", cell: claim((d) => (d.type === "source" ? d.publisher : undefined)) },
          { label: "Evidence", cell: claim((d) => (d.type === "source" ? d.evidence : undefined)) },
          { label: "Cited by", cell: (n) => [{ text: String(this.vault.citedBy.get(n.slug)?.length ?? 0), sources: [] }] },
        ];
      case "concept":
        return [{ label: "Broader", cell: rel("broader") }];
      case "event":
        return [
          { label: "Date", cell: claim((d) => (d.type === "event" ? d.date : undefined)) },
          { label: "Actors", cell: rel("actors") },
        ];
    }
  }
}

const SITE_KEY = Symbol.for("atlas.site");
const VAULT_KEY = Symbol.for("atlas.vault");
type Global = { [SITE_KEY]?: Promise<Site>; [VAULT_KEY]?: { dir: string; vault: Vault } };

/**
 * Hands a vault the build script already loaded and checked to the pages rendered in the same process, so the
 * vault is read once per build.
 */
export function preloadVault(dir: string, vault: Vault): void {
  (globalThis as Global)[VAULT_KEY] = { dir, vault };
  delete (globalThis as Global)[SITE_KEY];
}

/** Forgets the loaded site (the dev server calls this when a note changes). */
export function invalidateSite(): void {
  delete (globalThis as Global)[VAULT_KEY];
  delete (globalThis as Global)[SITE_KEY];
}

/**
 * The site for `dir`, loaded once per process. A vault with errors is refused unless `allowErrors` (the dev server,
 * where a contributor sees broken links marked on the page while fixing them).
 */
export function getSite(dir: string, base: string, load: (dir: string) => Promise<Vault>, allowErrors = false): Promise<Site> {
  const g = globalThis as Global;
  g[SITE_KEY] ??= (async () => {
    const pre = g[VAULT_KEY];
    const vault = pre && pre.dir === dir ? pre.vault : await load(dir);
    const errors = vault.diagnostics.filter((d) => d.severity === "error");
    if (errors.length && !allowErrors) {
      const list = errors.slice(0, 20).map((d) => `${d.file}:${d.line}:${d.column}  ${d.rule}  ${d.message}`).join("\n");
      throw new Error(`the vault in ${dir} has ${errors.length} error(s); run \`npm run check\`:\n${list}`);
    }
    return new Site(vault, base);
  })();
  return g[SITE_KEY]!;
}
