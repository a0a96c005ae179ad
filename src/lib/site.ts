/**
 * The site model: the checked vault with what every page needs from the whole of it, computed once (type lists and
 * tags by title, folders, the graph, the timeline, the index of unlinked mentions) and a note's own slice on demand
 * (`page(slug)`), whose cost does not grow with the vault. What each view shows is worked out in its own module under
 * src/lib/views/ (links and bodies, infobox values and sources, openness, people, backlinks, type tables, previews,
 * mentions), and a page's whole data in src/lib/pages/. No Markdown is read here: bodies come as the HTML templates
 * made at parse time, their links filled in from the resolver's answers.
 */
import { Bases } from "./bases/index.ts";
import type { Dataset } from "./datasets.ts";
import { siteIdentity, type SiteIdentity } from "./config.ts";
import { FLAVOURS, type ExtraPage, type Flavour, type NoteHeading } from "./flavour.ts";
import { folderListing, type FolderPage } from "./folders.ts";
import { createGraphArtifacts, type GraphArtifactOptions, type GraphArtifacts } from "./graph/artifacts.ts";
import { homeNote } from "./home.ts";
import type { ContextPart } from "./markdown/extract.ts";
import type { Mention } from "./mentions.ts";
import { NoteSources } from "./note-source.ts";
import type { FieldView, NoteType, Registry } from "./registry.ts";
import { buildTimeline, type Timeline } from "./timeline.ts";
import type { Diagnostic, Note, Vault } from "./types.ts";
import { siteUrls, type SiteUrls } from "./urls.ts";
import { backlinks, type BacklinkGroup } from "./views/backlinks.ts";
import { typeColumns, type TableColumn } from "./views/columns.ts";
import { Links, type LinkRef } from "./views/links.ts";
import { indexMentions, type MentionCache } from "./views/mention-index.ts";
import { isRated, opennessMatrix, type OpennessMatrix } from "./views/openness.ts";
import { affiliations, developed, type Affiliation } from "./views/people.ts";
import { notePreview, type NotePreview } from "./views/preview.ts";
import { credits, fieldValues, infobox, type InfoRow, type InfoValue } from "./views/values.ts";

/** Everything a note's page shows from the note's own slice (src/lib/pages/note.ts adds the rest). */
export interface NotePage {
  note: Note;
  html: string;
  infobox: InfoRow[];
  /** Rated types (models) only. */
  openness?: OpennessMatrix;
  citations: Note[];
  citedBy: Note[];
  backlinks: BacklinkGroup[];
}

/**
 * Notes per search-index shard by default: one Pagefind process indexes about this many (its memory is bounded), and
 * an incremental build indexes again only a changed note's shard. Measured at 10,000 notes (2026-12-07): Pagefind
 * alone took 14.9 s in one shard, 15.1 s in four of 2,500 and 16.5 s in ten of 1,000. With page keys made only for
 * the notes a change reaches, re-indexing one shard of 2,500 became the longest part of a build after a prose edit
 * (about 6 s after the last page), so shards hold 1,000 notes: a tenth more Pagefind time in a cold build, beside the
 * render. At most `SEARCH_SHARDS_MAX` shards, each a bundle the search page merges: bigger vaults get bigger shards.
 */
export const SEARCH_SHARD_NOTES = 1_000;
export const SEARCH_SHARDS_MAX = 20;

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
  /** The site's links as pages show them (views/links.ts). */
  readonly links: Links = new Links(this);
  #bases?: Bases;
  /** Obsidian's Bases: ```base blocks, `.base` pages and their embeds, evaluated over the vault (src/lib/bases/). */
  get bases(): Bases {
    return (this.#bases ??= new Bases(this.vault, { href: (slug) => this.urls.note(slug) }));
  }

  /** Notes per search-index shard (see src/integration/pagefind.ts). */
  readonly searchShardNotes: number;

  /** The site's identity: title, description, origin, language, repository, home (atlas.yml with its defaults). */
  readonly identity: SiteIdentity;
  /** Each note's file, edit and history links and last change. */
  readonly sources: NoteSources;

  /** The engine's code folder (`src/`), whose digest is part of every page's key (pages/keys.ts). */
  readonly engineDir?: string;

  constructor(vault: Vault, options: { base?: string; identity?: SiteIdentity; sources?: NoteSources; graph?: GraphArtifactOptions; searchShardNotes?: number; mentions?: MentionCache; engineDir?: string } = {}) {
    this.vault = vault;
    this.engineDir = options.engineDir;
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
  sortByTitle(notes: Note[]): Note[] {
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

  /** The index of unlinked mentions (views/mention-index.ts), made on first use. */
  indexMentions(): Map<string, Mention[]> {
    if (!this.#mentions) {
      const { mentions, cache } = indexMentions(this, this.#mentionCache);
      this.#mentions = mentions;
      this.#mentionCache = cache;
    }
    return this.#mentions;
  }

  /** Starts the mention index from these per-note results (a build's, kept on disk), unless it is already made. */
  useMentionCache(cache: MentionCache | undefined): void {
    if (!this.#mentions && cache) this.#mentionCache = cache;
  }

  /** The mention index's per-note results, for the next site of the same vault (`options.mentions`). */
  mentionCache(): MentionCache | undefined {
    return this.#mentionCache;
  }

  /** Every dated note, newest first, by year and month; undated events and models apart (src/lib/timeline.ts). */
  timeline(): Timeline {
    return (this.#timeline ??= buildTimeline(this.vault, this.registry.names.flatMap((t) => this.byType[t])));
  }

  /** The landscape graph, its layout, payloads and exports: built on first use, once per site. */
  graph(): GraphArtifacts {
    if (!this.#graph) {
      this.#graph = createGraphArtifacts(this.vault, { ...this.#graphOptions, base: this.urls.base, about: { title: this.identity.title, description: this.identity.description } });
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
      citedBy: this.sortByTitle((this.vault.citedBy.get(slug) ?? []).map((s) => this.vault.bySlug.get(s)!)),
      backlinks: this.backlinks(note),
    };
  }

  /** What a link's preview shows (views/preview.ts). */
  preview(note: Note): NotePreview {
    return notePreview(this, note);
  }

  /** The body: its template with every wikilink filled in (and, in an Obsidian vault, every embed; views/links.ts). */
  html(note: Note): string {
    return this.links.body(note);
  }

  /** A backlink context as plain text (views/links.ts). */
  contextText(note: Note, parts: readonly ContextPart[]): string {
    return this.links.contextText(note, parts);
  }

  /** The values of one field of a note as the registry says to show them (views/values.ts). */
  values(note: Note, view: FieldView): InfoValue[] {
    return fieldValues(this, note, view);
  }

  infobox(note: Note): InfoRow[] {
    return infobox(this, note);
  }

  /** The datasets whose data a page about these notes shows, for their licences' credit (views/values.ts). */
  credits(notes: Iterable<Note>): Dataset[] {
    return credits(this, notes);
  }

  /** True for a type whose infobox shows an openness matrix (its registry entry says so: models). */
  rated(type: NoteType): boolean {
    return isRated(this.registry, type);
  }

  /** A rated note's openness matrix (views/openness.ts). */
  openness(note: Note): OpennessMatrix | undefined {
    return opennessMatrix(this, note);
  }

  /** A person's affiliations, or a lab's people (views/people.ts). */
  affiliations(note: Note): { heading: string; rows: Affiliation[] } {
    return affiliations(this, note);
  }

  /** The rated notes (models) a lab or person developed, by title (views/people.ts). */
  developed(note: Note): Note[] {
    return developed(this, note);
  }

  /** Inbound links grouped by the linking note's type (views/backlinks.ts). */
  backlinks(note: Note): BacklinkGroup[] {
    return backlinks(this, note);
  }

  /** A type's index columns (views/columns.ts). */
  columns(type: NoteType): TableColumn[] {
    return typeColumns(this, type);
  }

  /**
   * The search index's bundles: the first at `pagefind/`, one more inside it per further shard of notes; `path` is
   * under the site root, `url` the address the search page merges.
   */
  searchBundles(): { path: string; url: string }[] {
    const count = Math.max(1, Math.min(SEARCH_SHARDS_MAX, Math.ceil(this.vault.notes.length / this.searchShardNotes)));
    return Array.from({ length: count }, (_x, i) => {
      const path = i === 0 ? "pagefind/" : `pagefind/shard-${i + 1}/`;
      return { path, url: this.urls.file(path) };
    });
  }

  /**
   * The notes of each search bundle (`searchBundles()`, in order): a note's shard is a hash of its slug, so adding or
   * removing a note changes only its own shard (until the number of shards changes), and an incremental build
   * indexes again only the shards whose notes changed (src/integration/pagefind.ts).
   */
  searchShards(): Note[][] {
    const shards: Note[][] = this.searchBundles().map(() => []);
    for (const note of this.vault.notes) shards[shards.length === 1 ? 0 : fnv1a(note.slug) % shards.length].push(note);
    return shards;
  }

  /** The most connected notes of the landscape, for the home page and the graph page's list. */
  hubs(count: number): Note[] {
    // Connections in the graph's default layer (relations and links between entities, graph/build.ts); notes of a
    // reference type (sources) are what the landscape cites, not its hubs, and are left out.
    const graph = this.graph().graph;
    const degree = (n: Note) => (graph.hasNode(n.slug) ? graph.getNodeAttribute(n.slug, "defaultDegree") : 0);
    const rank = this.#sortedLists().rank;
    return this.vault.notes
      .filter((n) => !(graph.hasNode(n.slug) && graph.getNodeAttribute(n.slug, "reference")))
      .sort((a, b) => degree(b) - degree(a) || rank.get(a.slug)! - rank.get(b.slug)!)
      .slice(0, count);
  }
}

/** FNV-1a, 32 bits: a small stable hash (a note's search shard). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
