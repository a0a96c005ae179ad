/**
 * The site model: what each page shows, computed from the checked vault and handed to thin Astro components.
 * A note page asks for its own slice (`page(slug)`: its note, body HTML, infobox, backlinks, citations), whose cost
 * does not grow with the vault; vault-wide lists (type indexes, tags, the home page's hubs) are computed once.
 * No Markdown is read here: bodies come as the HTML templates made at parse time, their links filled in from the
 * resolver's answers.
 */
import { createGraphArtifacts, type GraphArtifactOptions, type GraphArtifacts } from "./graph/artifacts.ts";
import { fillTemplate } from "./markdown/html.ts";
import { escapeHtml } from "./html-escape.ts";
import type { ContextPart } from "./markdown/extract.ts";
import { folderListing, type FolderPage } from "./folders.ts";
import type { FieldView, NoteType, Registry } from "./registry.ts";
import { countLevels, LEVEL_RANK, OPENNESS_DIMENSIONS, OPENNESS_GROUPS, type OpennessLevel } from "./openness.ts";
import type { SourceRef } from "./schema.ts";
import { dataset, DATASETS, recordUrl, type Dataset } from "./datasets.ts";
import { fillProse, linkedFrom, mentionNames, mentionsFrom, otherNames, vaultNameTrie, type Mention, type NameTrie } from "./mentions.ts";
import { templateOf, type ParsedNote } from "./parse-note.ts";
import { buildTimeline, type Timeline } from "./timeline.ts";
import { attachmentLink, obsidianBody } from "./transclude.ts";
import type { Diagnostic, Note, ResolvedLink, Vault } from "./types.ts";
import { siteUrls, type SiteUrls } from "./urls.ts";
import { siteIdentity, type SiteIdentity } from "./config.ts";
import { homeNote } from "./home.ts";
import { FLAVOURS, type ExtraPage, type Flavour, type NoteHeading } from "./flavour.ts";
import { NoteSources } from "./note-source.ts";

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
  /** Set when `npm run import` wrote the value: from which dataset, and the record it came from. */
  imported?: ImportedMark;
}

/** How a page marks an imported value: the dataset's name and the address of the note's record in it. */
export interface ImportedMark {
  dataset: string;
  /** The record's address (a file of the dataset at a commit), when the note's `record` names one. */
  href?: string;
  /** "European Open Source AI Index, record GPT-OSS.yaml": for the mark's tooltip. */
  title: string;
}

export interface InfoRow {
  label: string;
  values: InfoValue[];
}

/** One dimension of a model's openness as a page shows it; a dimension the note does not rate is `unknown`. */
export interface OpennessCellView {
  key: string;
  label: string;
  short: string;
  status: OpennessLevel;
  /** False when the note says nothing on this dimension. */
  rated: boolean;
  note?: string;
  sources: LinkRef[];
  /** Evidence addresses, shown by host name. */
  evidence: { href: string; text: string }[];
  imported?: ImportedMark;
  /** A dataset's own class where it differs from the note's (hand-written) cell: kept in the note's record. */
  differs?: { dataset: string; status: OpennessLevel; evidence: { href: string; text: string }[]; record?: string };
}

/** A model's openness matrix, grouped as the registry (and the field's index) groups the dimensions. */
export interface OpennessMatrix {
  groups: { id: string; label: string; cells: OpennessCellView[] }[];
  cells: OpennessCellView[];
  counts: Record<OpennessLevel, number>;
  /** Dimensions the note rates (any level, `unknown` included when written). */
  rated: number;
}

export interface BacklinkGroup {
  type: NoteType;
  label: string;
  items: { note: LinkRef; contexts: string[] }[];
}

export interface TableColumn {
  label: string;
  /** A short header (openness dimensions), the label then being its title. */
  short?: string;
  cell(note: Note): InfoValue[];
  /** What the column sorts by: a number, or text compared as the indexes compare titles. */
  sort(note: Note): string | number;
  /** The values a reader can filter the column by (none: no filter). */
  filter?(note: Note): string[];
  /** For an openness dimension's column: the cell's level. */
  level?(note: Note): OpennessLevel;
}

/** A person's tie to a lab, seen from either side: `other` is the lab on a person's page, the person on a lab's. */
export interface Affiliation {
  other: LinkRef;
  role?: string;
  from?: string;
  until?: string;
  sources: LinkRef[];
}

interface MentionCacheEntry {
  parsed: ParsedNote;
  linksKey: string;
  found: [to: string, mention: Mention, start: number][];
}

/** See `Site.mentionCache()`. */
export interface MentionCache {
  namesKey: string;
  trie: NameTrie;
  perNote: Map<string, MentionCacheEntry>;
}

/** A link preview's content: `excerptHtml` is text with HTML entities, no tags. */
export interface NotePreview {
  slug: string;
  title: string;
  type: string;
  typeLabel: string;
  summary: string;
  excerptHtml: string;
  href: string;
}

/** Everything a note's page shows, for that note only. */
export interface NotePage {
  note: Note;
  html: string;
  infobox: InfoRow[];
  /** Models only. */
  openness?: OpennessMatrix;
  citations: Note[];
  citedBy: Note[];
  backlinks: BacklinkGroup[];
}

/** Notes per search-index shard by default: one Pagefind process indexes at most this many (its memory is bounded). */
export const SEARCH_SHARD_NOTES = 10_000;

/** Titles in the order the indexes use: English, ignoring case and accents. */
const byTitle = new Intl.Collator("en", { sensitivity: "base" }).compare;

export class Site {
  readonly vault: Vault;
  readonly urls: SiteUrls;
  #lists?: { byType: Record<NoteType, Note[]>; tags: Map<string, Note[]>; rank: Map<string, number> };
  /** Errors, for the dev server's banner (a build refuses a vault that has any). */
  readonly errors: Diagnostic[];
  #graphOptions: GraphArtifactOptions;
  #graph?: GraphArtifacts;
  #timeline?: Timeline;
  #mentions?: Map<string, Mention[]>;
  /** What each note's text mentions, kept for the next site while the names stay the same (the dev server's saves). */
  #mentionCache?: MentionCache;
  readonly #summaries = new Map<string, string>();

  /** Notes per search-index shard (see src/integration/pagefind.ts). */
  readonly searchShardNotes: number;

  /** The site's identity: title, description, origin, language, repository, home (atlas.yml with its defaults). */
  readonly identity: SiteIdentity;
  /** Each note's file, edit and history links and last change. */
  readonly sources: NoteSources;

  constructor(vault: Vault, options: { base?: string; identity?: SiteIdentity; sources?: NoteSources; graph?: GraphArtifactOptions; searchShardNotes?: number; mentions?: MentionCache } = {}) {
    this.vault = vault;
    this.identity = options.identity ?? siteIdentity(vault.settings?.site ?? {}, vault.dir);
    this.sources = options.sources ?? new NoteSources({ prefix: "", dates: new Map() });
    this.#mentionCache = options.mentions;
    this.searchShardNotes = Math.max(1, options.searchShardNotes ?? SEARCH_SHARD_NOTES);
    this.urls = siteUrls(options.base, (t) => vault.registry.entry(t).folder);
    this.#graphOptions = options.graph ?? {};
    this.errors = vault.diagnostics.filter((d) => d.severity === "error");
  }

  /** Each type's notes, by title (for the type indexes and counts); sorted on first use, not on every dev save. */
  get byType(): Record<NoteType, Note[]> {
    return this.#sortedLists().byType;
  }

  /** Each tag's notes, by title. */
  get tags(): Map<string, Note[]> {
    return this.#sortedLists().tags;
  }

  #sortedLists() {
    if (this.#lists) return this.#lists;
    const byType = Object.fromEntries(this.registry.names.map((t) => [t, [] as Note[]])) as unknown as Record<NoteType, Note[]>;
    const tags = new Map<string, Note[]>();
    const sorted = [...this.vault.notes].sort((a, b) => byTitle(a.title, b.title));
    const rank = new Map<string, number>();
    sorted.forEach((n, i) => {
      rank.set(n.slug, i);
      byType[n.type].push(n);
      // A nested tag (`a/b`, Obsidian) is listed under `a` too, as Obsidian's tag search finds it.
      const all = new Set(n.fields.tags.flatMap((t) => t.split("/").map((_p, i, parts) => parts.slice(0, i + 1).join("/")).filter(Boolean)));
      for (const t of all) {
        const list = tags.get(t);
        if (list) list.push(n);
        else tags.set(t, [n]);
      }
    });
    return (this.#lists = { byType, tags, rank });
  }

  /** Sorts notes by title, as the indexes list them (by their rank in the title order, computed once per site). */
  #byTitle(notes: Note[]): Note[] {
    const rank = this.#sortedLists().rank;
    return notes.sort((a, b) => rank.get(a.slug)! - rank.get(b.slug)!);
  }

  /** The types this vault's notes have: the schema types, or the plain note in an Obsidian vault. */
  get types() {
    return this.registry.typesOf(this.vault.config.notes);
  }

  /** The note types and relation kinds the vault was read with (registry.ts): pages read them here. */
  get registry(): Registry {
    return this.vault.registry;
  }

  /** What this kind of vault's site does its own way (src/lib/flavour.ts). */
  get flavour(): Flavour {
    return FLAVOURS[this.vault.config.notes];
  }

  /** What stands above a note's title: its type, or its folders (and the folder it shares its address with). */
  heading(note: Note): NoteHeading {
    return this.flavour.heading(note, { vault: this.vault, urls: this.urls, folders: () => this.folders() });
  }

  /** Pages at a note's level besides the notes (renamed notes' old addresses, folder listings). */
  extraPages(): ExtraPage[] {
    return this.flavour.extraPages(this.vault, () => this.folders());
  }

  #folders?: Map<string, FolderPage>;
  /** Obsidian vaults: a page per folder (its notes and subfolders, as the file explorer shows them), by slug. */
  folders(): Map<string, FolderPage> {
    return (this.#folders ??= folderListing(this.vault, byTitle));
  }

  /**
   * The notes that name this one (title or alias) in their text without linking to it, by title, once per site for
   * the whole vault (src/lib/mentions.ts).
   */
  unlinkedMentions(note: Note): Mention[] {
    const rank = this.#sortedLists().rank;
    return [...(this.indexMentions().get(note.slug) ?? [])].sort((a, b) => rank.get(a.from)! - rank.get(b.from)!);
  }

  /**
   * Makes the index of unlinked mentions, then drops each note's prose, which only the index reads: a build's pages
   * then render without it (at 10,000 notes about 70 MiB less at the peak). Not for the dev server, whose next site
   * indexes the notes that change again.
   */
  indexMentionsAndRelease(): void {
    this.indexMentions();
    for (const n of this.vault.notes) n.parsed.proseText = undefined;
  }

  /** The index of unlinked mentions, made on first use. */
  indexMentions(): Map<string, Mention[]> {
    if (!this.#mentions) {
      const notes = this.vault.notes;
      const others = otherNames(this.vault);
      const namesKey = `${notes.map((n) => `${n.slug}\u0000${mentionNames(n).join("\u0000")}`).join("\u0001")}\u0001\u0001${others.join("\u0000")}`;
      // A note whose file did not change (same parsed note) and whose links did not change mentions what it did.
      const earlier = this.#mentionCache?.namesKey === namesKey ? this.#mentionCache : undefined;
      const trie: NameTrie = earlier?.trie ?? vaultNameTrie(this.vault, others);
      const perNote = new Map<string, MentionCacheEntry>();
      const out = new Map<string, Mention[]>();
      for (const n of notes) {
        const linked = linkedFrom(n);
        const linksKey = [...linked].sort().join(" ");
        const old = earlier?.perNote.get(n.slug);
        const entry = old && old.parsed === n.parsed && old.linksKey === linksKey ? old : { parsed: n.parsed, linksKey, found: mentionsFrom(trie, n.slug, this.#mentionText(n), linked) };
        perNote.set(n.slug, entry);
        for (const [to, m] of entry.found) {
          const list = out.get(to);
          if (list) list.push(m);
          else out.set(to, [m]);
        }
      }
      this.#mentions = out;
      this.#mentionCache = { namesKey, trie, perNote };
    }
    return this.#mentions;
  }

  /** The mention index's per-note results, for the next site of the same vault (`options.mentions`). */
  mentionCache(): MentionCache | undefined {
    return this.#mentionCache;
  }

  /**
   * A note's text for mentions: its prose as kept with the parse (markdown/prose.ts), each link's text in it (an
   * excerpt reads whole) but fenced off, as the checker reads it (`check --mentions`, mentions.ts).
   */
  #mentionText(n: Note): string {
    const prose = n.parsed.proseText;
    if (prose === undefined) throw new Error(`${n.file} was parsed for the check alone (html: false), without its prose: load the vault for pages`);
    return fillProse(prose, (i) => {
      const link = n.links[i];
      return link ? this.#linkText(link, link.to ? this.vault.bySlug.get(link.to)?.title : undefined) : "";
    });
  }

  /** Every dated note, newest first, by year and month; undated events and models apart (src/lib/timeline.ts). */
  timeline(): Timeline {
    return (this.#timeline ??= buildTimeline(this.vault, this.registry.names.flatMap((t) => this.byType[t])));
  }

  /** The landscape graph, its layout, payloads and exports: built on first use, once per site. */
  graph(): GraphArtifacts {
    if (!this.#graph) {
      this.#graph = createGraphArtifacts(this.vault, { ...this.#graphOptions, base: this.urls.base });
      // The earlier site's graph was only a starting point: holding it would keep every earlier vault alive.
      const { update: _update, ...rest } = this.#graphOptions;
      this.#graphOptions = rest;
    }
    return this.#graph;
  }

  /** The graph if a page already asked for it. */
  graphIfBuilt(): GraphArtifacts | undefined {
    return this.#graph;
  }

  /** The note the home page leads with (`home` in atlas.yml; an Obsidian vault's index.md, README.md or Home.md). */
  home(): Note | undefined {
    return homeNote(this.vault, this.identity.home, this.flavour.homeFromFiles);
  }

  note(slug: string): Note | undefined {
    return this.vault.bySlug.get(slug);
  }

  ref(slug: string): LinkRef {
    const n = this.vault.bySlug.get(slug);
    return { slug, text: n?.title ?? slug, href: this.urls.note(slug) };
  }

  page(slug: string): NotePage | undefined {
    const note = this.vault.bySlug.get(slug);
    if (!note) return undefined;
    return {
      note,
      html: this.html(note),
      infobox: this.infobox(note),
      openness: this.openness(note),
      citations: note.cites.map((s) => this.vault.bySlug.get(s)!).filter(Boolean),
      citedBy: this.#byTitle((this.vault.citedBy.get(slug) ?? []).map((s) => this.vault.bySlug.get(s)!)),
      backlinks: this.backlinks(note),
    };
  }

  /**
   * What a link's preview shows (`/previews/<slug>.json`): title, type, summary and the body's first paragraph as
   * escaped text (its markup dropped, at most about 400 characters).
   */
  preview(note: Note): NotePreview {
    // The first paragraph's text was kept with the parse (markdown/excerpt.ts); each link in it reads as the page shows
    // it, without its tags: its label or its target's title, an embed card's summary, a file's name.
    const linkText = (i: number, label: string | undefined): string => {
      const link = note.links[i];
      if (!link) return "";
      if (link.attachment) {
        const file = this.vault.attachments.get(link.attachment);
        const name = file ? file.path.slice(file.path.lastIndexOf("/") + 1) : link.target;
        if (!(this.flavour.embeds && link.embed)) return label ?? escapeHtml(name);
        if (!file) return escapeHtml(link.target);
        if (file.kind === "other") return escapeHtml(link.label ?? name);
        return file.kind === "pdf" ? escapeHtml(name) : "";
      }
      const target = link.to ? this.vault.bySlug.get(link.to) : undefined;
      if (!target) return label ?? escapeHtml(this.#linkText(link));
      const text = label ?? escapeHtml(this.#linkText(link, target.title));
      const summary = link.embed ? this.#escapedSummary(target) : "";
      return summary ? `${text} — ${summary}` : text;
    };
    const parts = templateOf(note).excerpt ?? [];
    let excerpt = parts.map((p) => (typeof p === "string" ? p : typeof p === "number" ? linkText(p, undefined) : linkText(p[0], p[1]))).join("").replace(/\s+/g, " ").trim();
    if (excerpt.length > 400) excerpt = `${excerpt.slice(0, excerpt.lastIndexOf(" ", 400)).replace(/&[a-z#0-9]*$/i, "")} …`;
    const type = this.registry.entry(note.type);
    return { slug: note.slug, title: note.title, type: note.type, typeLabel: type.label.one, summary: note.fields.summary, excerptHtml: excerpt, href: this.urls.note(note.slug) };
  }

  /** The body: its template with every wikilink filled in (and, in an Obsidian vault, every embed; transclude.ts). */
  html(note: Note): string {
    if (this.flavour.embeds) return obsidianBody({ vault: this.vault, urls: this.urls, link: (l, label) => this.#linkHtml(l, label) }, note);
    return fillTemplate(templateOf(note), (i, label) => this.#linkHtml(note.links[i], label));
  }

  #linkHtml(link: ResolvedLink, labelHtml: string | null): string {
    if (link.attachment) return attachmentLink(this.urls, link, this.vault.attachments.get(link.attachment), labelHtml);
    const target = link.to ? this.vault.bySlug.get(link.to) : undefined;
    if (!target) {
      const what = this.flavour.missing(link.target);
      return `<span class="wikilink broken" title="${escapeHtml(`Missing ${what}: ${link.target}`)}">${labelHtml ?? escapeHtml(this.#linkText(link))}</span>`;
    }
    const text = labelHtml ?? escapeHtml(this.#linkText(link, target.title));
    const classes = ["wikilink", ...(link.fragmentMissing ? ["broken-heading"] : []), ...(link.embed ? ["embed"] : [])].join(" ");
    const summary = this.#escapedSummary(target);
    const a = `<a href="${escapeHtml(this.urls.note(target.slug, link.fragment))}" class="${classes}" data-slug="${escapeHtml(target.slug)}"${link.embed || !summary ? "" : ` title="${summary}"`}>${text}</a>`;
    // `![[note]]` shows the note's summary in place, as a card linking to it.
    return link.embed ? `<span class="embed-card">${a}${summary ? ` — ${summary}` : ""}</span>` : a;
  }

  /** A note's summary escaped for HTML, once per note: every link to a hub repeats it. */
  #escapedSummary(note: Note): string {
    let text = this.#summaries.get(note.slug);
    if (text === undefined) this.#summaries.set(note.slug, (text = escapeHtml(note.fields.summary)));
    return text;
  }

  /** What a reader sees for a link without a label: the target's title, with the heading after it. */
  #linkText(link: ResolvedLink, title?: string): string {
    if (link.label) return link.label;
    const fragment = link.heading ?? (link.block ? `^${link.block}` : undefined);
    if (!link.target) return fragment ?? "";
    const base = title ?? link.target;
    return fragment ? `${base} › ${fragment}` : base;
  }

  /** A backlink context as plain text: the note's own links read as their labels or their targets' titles. */
  contextText(note: Note, parts: readonly ContextPart[]): string {
    return parts
      .map((p) => {
        if (typeof p === "string") return p;
        const l = note.links[p];
        if (!l) return "";
        return l.label ?? this.#linkText(l, l.to ? this.vault.bySlug.get(l.to)?.title : undefined);
      })
      .join("")
      .replace(/\s+/g, " ")
      .trim();
  }

  #sources(list: readonly (SourceRef | string)[]): LinkRef[] {
    return list
      .map((s) => this.vault.index.resolve(typeof s === "string" ? s : s.ref))
      .filter((s): s is string => !!s && this.registry.isCited(this.vault.bySlug.get(s)?.type ?? ""))
      .map((s) => this.ref(s));
  }

  /** The values of one field of a note as the registry says to show them. */
  values(note: Note, view: FieldView): InfoValue[] {
    const f = note.fields;
    switch (view.show) {
      case "openness": {
        const m = this.openness(note);
        return m ? [{ text: opennessSummary(m), href: "#openness", sources: [] }] : [];
      }
      case "cited-by":
        return [{ text: String(this.vault.citedBy.get(note.slug)?.length ?? 0), sources: [] }];
      case "record":
        return this.#recordValues(note);
      case "folder": {
        const path = this.vault.filesBySlug.get(note.slug)?.path ?? "";
        const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
        const slug = this.vault.folders.get(dir);
        return dir && slug !== undefined ? [{ text: dir, href: this.urls.note(slug), sources: [] }] : [];
      }
    }
    const relation = note.relations.filter((r) => r.field === view.field);
    if (relation.length || f.refs[view.field]) {
      const out: InfoValue[] = relation
        .filter((r) => r.to && this.vault.bySlug.has(r.to))
        .map((r) => {
          const span = view.show === "span" && (r.from || r.until) ? `${r.from ?? "?"}–${r.until ?? ""}` : "";
          return { text: this.ref(r.to!).text, href: this.urls.note(r.to!), extra: [r.qualifier, span].filter(Boolean).join(", ") || undefined, sources: this.#sources(r.sources), imported: this.importedMark(note, r.imported) };
        });
      if (view.show === "names") out.push(...(f.names[view.field] ?? []).map((name) => ({ text: name, sources: [] })));
      return out;
    }
    return (f.values[view.field] ?? []).map((v) => {
      const value: InfoValue = { text: v.value, extra: v.note, sources: this.#sources(v.sources), imported: this.importedMark(note, v.imported) };
      if (view.show === "link") Object.assign(value, { text: v.value.replace(/^https?:\/\//, ""), href: v.value });
      if (view.show === "arxiv") value.href = `https://arxiv.org/abs/${encodeURIComponent(v.value)}`;
      return value;
    });
  }

  infobox(note: Note): InfoRow[] {
    const rows: InfoRow[] = [];
    // A plain note (Obsidian) shows its properties as they are written.
    if (this.registry.entry(note.type).plain) {
      // A property written as a link (`up: "[[Index]]"`) links where the note's body links would.
      const linked = new Map(note.links.filter((l) => l.property).map((l) => [l.property!.join("\0"), l]));
      for (const [field, values] of Object.entries(note.fields.values)) {
        rows.push({
          label: field,
          values: values.map((v, i) => {
            const l = linked.get(`${field}\0${i}`);
            if (!l) return { text: v.value, sources: [] };
            if (!l.to || !this.vault.bySlug.has(l.to)) return { text: l.label ?? l.target, sources: [] }; // not written yet
            return { text: l.label ?? this.ref(l.to).text, href: this.urls.note(l.to, l.fragment), sources: [] };
          }),
        });
      }
    }
    for (const view of this.registry.entry(note.type).infobox) {
      const values = this.values(note, view);
      if (values.length) rows.push({ label: view.label, values });
    }
    if (note.fields.aliases.length) rows.push({ label: "Also known as", values: note.fields.aliases.map((a) => ({ text: a, sources: [] })) });
    return rows;
  }

  /** The mark of a value imported from dataset `id` into `note` (undefined for a hand-written value). */
  importedMark(note: Note, id: string | undefined): ImportedMark | undefined {
    const d = id ? dataset(id) : undefined;
    if (!d) return undefined;
    const r = note.fields.record;
    const file = r?.from === d.id ? r.file : undefined;
    const href = file && r?.snapshot ? recordUrl(d, file, r.snapshot) : undefined;
    return { dataset: d.label, href, title: file ? `Imported from the ${d.label}, record ${file}` : `Imported from the ${d.label}` };
  }

  /**
   * The record row of an imported note's infobox: the release the dataset rates (and the base model it names),
   * linking the record as it was at the snapshot read; and whether the dataset still lists it.
   */
  #recordValues(note: Note): InfoValue[] {
    const r = note.fields.record;
    const d = r ? dataset(r.from) : undefined;
    if (!r || !d || !r.file) return [];
    const href = r.snapshot ? recordUrl(d, r.file, r.snapshot) : undefined;
    const read = `${d.short} record ${r.file}${r.date ? `, ${r.date}` : ""}`;
    const extra = [r.base ? `base model ${r.base}` : "", read, r.dropped ? `no longer listed as of ${r.dropped.date ?? r.dropped.snapshot.slice(0, 7)}` : ""].filter(Boolean).join("; ");
    return [{ text: r.rates ?? r.names?.[0] ?? r.file, href, extra, sources: this.#sources([d.source]) }];
  }

  /**
   * The datasets whose data a page about these notes shows, for the credit their licences ask for: those whose
   * source note a note cites (a hand-written value can cite one too), that wrote its `record`, or that it is about.
   */
  credits(notes: Iterable<Note>): Dataset[] {
    const out = new Set<Dataset>();
    for (const n of notes) {
      for (const d of DATASETS) if (n.cites.includes(d.source) || n.slug === d.source || n.fields.record?.from === d.id) out.add(d);
    }
    return DATASETS.filter((d) => out.has(d));
  }

  /** True for a type whose infobox shows an openness matrix (its registry entry says so: models). */
  rated(type: NoteType): boolean {
    return this.registry.entry(type).infobox.some((v) => v.show === "openness");
  }

  /** A model's openness matrix (undefined for the types that are not rated, see `rated`). */
  openness(note: Note): OpennessMatrix | undefined {
    if (!this.rated(note.type)) return undefined;
    const record = note.fields.record;
    const from = record ? dataset(record.from) : undefined;
    const cells = OPENNESS_DIMENSIONS.map((d): OpennessCellView => {
      const cell = note.fields.openness[d.key];
      const other = record?.differs?.[d.key];
      return {
        key: d.key,
        label: d.label,
        short: d.short,
        status: cell?.status ?? "unknown",
        rated: !!cell,
        note: cell?.note,
        sources: cell ? this.#sources(cell.sources) : [],
        evidence: (cell?.evidence ?? []).map((href) => ({ href, text: recordLabel(href) ?? hostOf(href) })),
        imported: this.importedMark(note, cell?.imported),
        ...(other && from
          ? {
              differs: {
                dataset: from.label,
                status: other.status,
                evidence: (other.evidence ?? []).map((href) => ({ href, text: recordLabel(href) ?? hostOf(href) })),
                record: record?.file && record.snapshot ? recordUrl(from, record.file, record.snapshot) : undefined,
              },
            }
          : {}),
      };
    });
    return {
      groups: OPENNESS_GROUPS.map((g) => ({ id: g.id, label: g.label, cells: cells.filter((c) => OPENNESS_DIMENSIONS.find((d) => d.key === c.key)!.group === g.id) })),
      cells,
      counts: countLevels(cells.map((c) => c.status)),
      rated: cells.filter((c) => c.rated).length,
    };
  }

  /**
   * A person's own affiliations, with role, dates and sources, earliest start first (undated after, by title): the
   * "Affiliations" section, headed by the relation field's label; or, for a note others are affiliated with (a lab),
   * theirs in the same order, headed by their type's plural ("People"). By relation kind, whatever the types.
   */
  affiliations(note: Note): { heading: string; rows: Affiliation[] } {
    const rows: Affiliation[] = [];
    let heading = "";
    for (const r of note.relations) {
      if (r.kind !== "affiliated_with" || !r.to) continue;
      heading ||= this.registry.relationSpec(note.type, r.field)?.label ?? "Affiliations";
      rows.push(this.#affiliation(r, r.to));
    }
    const others = new Set((this.vault.backlinks.get(note.slug) ?? []).filter((b) => b.kind === "affiliated_with").map((b) => b.from));
    for (const from of this.#byTitle([...others].map((s) => this.vault.bySlug.get(s)!))) {
      heading ||= this.registry.entry(from.type).label.many;
      for (const r of from.relations) if (r.kind === "affiliated_with" && r.to === note.slug) rows.push(this.#affiliation(r, from.slug));
    }
    // Stable: undated rows keep the title order they came in.
    return { heading, rows: rows.sort((a, b) => (a.from && b.from ? (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) : a.from ? -1 : b.from ? 1 : 0)) };
  }

  #affiliation(r: Note["relations"][number], other: string): Affiliation {
    return { other: this.ref(other), role: r.qualifier, from: r.from, until: r.until, sources: this.#sources(r.sources) };
  }

  /** The rated notes (models) a lab or person developed, by title: a lab page's openness summary. */
  developed(note: Note): Note[] {
    const slugs = new Set((this.vault.backlinks.get(note.slug) ?? []).filter((b) => b.kind === "developer").map((b) => b.from));
    return this.#byTitle([...slugs].map((s) => this.vault.bySlug.get(s)!).filter((n) => this.rated(n.type)));
  }

  /** Inbound mentions grouped by the linking note's type; a note's several mentions are listed under it. */
  backlinks(note: Note): BacklinkGroup[] {
    const byFrom = new Map<string, string[]>();
    for (const b of this.vault.backlinks.get(note.slug) ?? []) {
      const from = this.vault.bySlug.get(b.from)!;
      const context = b.link !== undefined ? this.contextText(from, from.parsed.contexts[from.links[b.link].context] ?? []) : (b.label ?? "");
      const list = byFrom.get(b.from);
      if (list) list.push(context);
      else byFrom.set(b.from, [context]);
    }
    const sources = this.#byTitle([...byFrom.keys()].map((slug) => this.vault.bySlug.get(slug)!));
    return this.registry.names.map((type) => ({
      type,
      label: this.registry.entry(type).label.many,
      items: sources.filter((from) => from.type === type).map((from) => ({ note: this.ref(from.slug), contexts: [...new Set(byFrom.get(from.slug)!.filter(Boolean))] })),
    })).filter((g) => g.items.length);
  }

  /**
   * Key-field columns of a type's index table, each with what it sorts and filters by; the openness view becomes one
   * column per dimension.
   */
  columns(type: NoteType): TableColumn[] {
    return this.registry.entry(type).columns.flatMap((view): TableColumn[] => {
      if (view.show === "openness") {
        return OPENNESS_DIMENSIONS.map((d) => {
          const level = (n: Note): OpennessLevel => n.fields.openness[d.key]?.status ?? "unknown";
          return { label: d.label, short: d.short, level, cell: (n) => [{ text: level(n), sources: [] }], sort: (n) => LEVEL_RANK[level(n)], filter: (n) => [level(n)] };
        });
      }
      // A cell's values, worked out once per row: the page shows them, and sorts and filters by their text.
      const rows = new WeakMap<Note, InfoValue[]>();
      const cell = (n: Note) => {
        let values = rows.get(n);
        if (!values) rows.set(n, (values = this.values(n, view)));
        return values;
      };
      const texts = (n: Note) => cell(n).map((v) => v.text);
      return [
        {
          label: view.label,
          cell,
          sort: view.show === "cited-by" ? (n) => Number(texts(n)[0] ?? 0) : (n) => texts(n).join(", ").toLowerCase(),
          filter: view.filter === "year" ? (n) => texts(n).map((t) => t.slice(0, 4)) : view.filter ? texts : undefined,
        },
      ];
    });
  }

  /**
   * The search index's bundles: the first at `pagefind/`, one more inside it per further shard of notes; `path` is
   * under the site root, `url` the address the search page merges.
   */
  searchBundles(): { path: string; url: string }[] {
    const count = Math.max(1, Math.ceil(this.vault.notes.length / this.searchShardNotes));
    return Array.from({ length: count }, (_x, i) => {
      const path = i === 0 ? "pagefind/" : `pagefind/shard-${i + 1}/`;
      return { path, url: this.urls.file(path) };
    });
  }

  /** The most linked-to notes, for the home page. */
  hubs(count: number): Note[] {
    const inbound = (n: Note) => this.vault.backlinks.get(n.slug)?.length ?? 0;
    const rank = this.#sortedLists().rank;
    return [...this.vault.notes].sort((a, b) => inbound(b) - inbound(a) || rank.get(a.slug)! - rank.get(b.slug)!).slice(0, count);
  }
}

/** "3 open, 1 partial, 2 closed of 14": a model's openness in a line. */
export function opennessSummary(m: OpennessMatrix): string {
  const parts = (["open", "partial", "closed"] as const).filter((l) => m.counts[l]).map((l) => `${m.counts[l]} ${l}`);
  return parts.length ? `${parts.join(", ")} of ${m.cells.length}` : `not rated (${m.cells.length} dimensions)`;
}

/** "index record" for a link to a dataset's record (an imported cell's evidence when the dataset links none). */
function recordLabel(href: string): string | undefined {
  const d = DATASETS.find((x) => href.startsWith(`${x.repository}/blob/`));
  return d ? `${d.short} record` : undefined;
}

function hostOf(href: string): string {
  try {
    return new URL(href).hostname.replace(/^www\./, "");
  } catch {
    return href;
  }
}
