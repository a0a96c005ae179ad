/**
 * The keys of an incremental build: for each page rendered from the vault, a digest of everything it shows, so a
 * page whose key did not change since the last build is not rendered again (src/lib/page-cache.ts links the last
 * build's file instead). A key is made of three parts:
 * - the engine: this code (every file under `src/`, with astro.config.mjs and package-lock.json beside it), so a
 *   change anywhere in the engine, its settings or its dependencies renders every page again;
 * - the frame every page shares (layouts/Base.astro: the type menu, the views, the search bundles, the type colours,
 *   the errors a dev build shows);
 * - the page's own data: a note's is its page data (pages/note.ts), the very data its page is rendered from.
 * A build with the page cache keeps every note's state and keys for the next (pages/affected.ts): a note page or
 * preview that no change since can reach keeps its last key without its data being made again.
 * Pure: no Astro import; tested end to end by tests/e2e/incremental.test.ts (every page of an edited vault, built
 * incrementally, byte for byte against a cold build).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { textDigest } from "../digest.ts";
import { readIfThere } from "../rename-or-copy.ts";
import type { Site } from "../site.ts";
import { affectedNotes, NOTE_INDEX_VERSION, noteStates, type NoteIndex, type NoteState } from "./affected.ts";
import { labModels } from "../views/landscape.ts";
import { notePageData, type NotePageData } from "./note.ts";
import { folderView } from "./folder.ts";
import { tagData } from "./lists.ts";

// Where this module is when it is not bundled (unit tests); a build's site says where the engine is (context.ts).
const OWN_DIR = fileURLToPath(new URL("../../", import.meta.url));
const engines = new Map<string, string>();

/** A digest of the engine's own code: every file under `dir` (`src/`), by path and content (read once per process). */
export function engineDigest(dir = OWN_DIR): string {
  const known = engines.get(dir);
  if (known) return known;
  const h = createHash("sha1");
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) h.update(`${p.slice(dir.length)}\0`).update(readFileSync(p)).update("\0");
    }
  };
  walk(dir);
  // Beside the engine: the Astro settings and the exact dependencies (Astro's own version among them).
  for (const f of ["astro.config.mjs", "package-lock.json"]) h.update(`${f}\0`).update(readIfThere(join(dir, "..", f)) ?? "").update("\0");
  const digest = h.digest("hex").slice(0, 16);
  engines.set(dir, digest);
  return digest;
}

/** A digest of a note's search document (integration/pagefind.ts): what a search shard's key is made of. */
export const documentDigest = textDigest;

const digest = (...parts: string[]) => createHash("sha1").update(parts.join("\0")).digest("hex").slice(0, 20);

/** Where a site's keys come from and go: the last build's note index, and this build's, kept for the next. */
export interface NoteIndexStore {
  readonly previousNotes: NoteIndex | undefined;
  /** The page keys using it (see `pageKeys`), whose note index the store keeps for the next build. */
  keys?: { readonly site: Site; index(): NoteIndex };
  /** A note's page was rendered, and this is its key (made from the data it was rendered from). */
  noteRendered?(slug: string, key: string): void;
}

/** The keys of one site's pages. Each key is made on demand; the engine's and the frame's digests once. */
export class PageKeys {
  readonly #site: Site;
  #frame?: string;
  readonly #store?: NoteIndexStore;
  #plan?: { states: Map<string, NoteState>; affected?: Set<string> };

  /** `store`: a build's page cache, whose note index says which notes' keys still hold (none: every key is made). */
  constructor(site: Site, store?: NoteIndexStore) {
    this.#site = site;
    this.#store = store;
    if (store) store.keys = this;
  }

  get site(): Site {
    return this.#site;
  }

  /** Every note's state now, and which notes' pages the changes since the last build can reach (all: undefined). */
  #planned() {
    if (!this.#plan) {
      const states = noteStates(this.#site);
      this.#plan = { states, affected: affectedNotes(this.#site, this.frame, this.#store?.previousNotes, states) };
    }
    return this.#plan;
  }

  /**
   * A digest of a note's search document (`make` makes it): the last build's, when no change since can reach the note
   * (what the document shows, its text and its links' and relations' titles, is on its page), else made.
   */
  search(slug: string, make: () => string): string {
    return this.#keptOrMade(slug, "search", () => documentDigest(make()))!;
  }

  /**
   * With a store: the key (or digest) `which` of a note had in the last build when no change since can reach it, else
   * made; either way kept in this build's note index. Without one: made.
   */
  #keptOrMade(slug: string, which: "key" | "preview" | "search", make: () => string | undefined): string | undefined {
    if (!this.#store) return make();
    const { affected, states } = this.#planned();
    const value = (affected && !affected.has(slug) ? this.#store.previousNotes?.notes[slug]?.[which] : undefined) ?? make();
    const state = states.get(slug);
    if (state) state[which] = value;
    return value;
  }

  /** This build's note index, for the next build. */
  index(): NoteIndex {
    return { version: NOTE_INDEX_VERSION, frame: this.frame, notes: Object.fromEntries(this.#planned().states) };
  }

  /** What every page's frame shows from the site (layouts/Base.astro), with the engine. */
  get frame(): string {
    if (this.#frame) return this.#frame;
    const s = this.#site;
    const errors = s.errors.slice(0, 10).map((d) => [d.file, d.line, d.column, d.message]);
    return (this.#frame = digest(
      engineDigest(s.engineDir),
      JSON.stringify({
        // The vault's settings (title, origin, language, footer…), which every page's head and footer show.
        identity: s.identity,
        settings: s.vault.settings.site,
        config: s.vault.config,
        // An Obsidian vault's files and folders, which its notes embed and link (a file's kind decides how it shows).
        attachments: [...s.vault.attachments.values()],
        folders: [...s.vault.folders],
        base: s.urls.base,
        types: s.types.map((t) => [t.type, t.label]),
        views: s.flavour.views(s.urls),
        bundles: s.searchBundles(),
        css: s.registry.typeCss(),
        errors: [s.errors.length, errors],
      }),
    ));
  }

  /** A note's page: its page data and, for a lab, its chart's data. */
  note(slug: string, dev = false): string | undefined {
    const make = () => {
      const data = notePageData(this.#site, slug, { dev });
      return data && this.#noteKey(data);
    };
    return dev ? make() : this.#keptOrMade(slug, "key", make);
  }

  /**
   * A note's page was rendered from `data`: its key is made from that data, kept in this build's note index and told
   * to the store. A cold build asks no key before the render (the page cache renders every page it has no file of),
   * so each note's page data is made once, for both.
   */
  rendered(slug: string, data: NotePageData): void {
    const key = this.#noteKey(data);
    const state = this.#store && this.#planned().states.get(slug);
    if (state) state.key = key;
    this.#store?.noteRendered?.(slug, key);
  }

  #noteKey(data: NotePageData): string {
    // A lab's chart: what it draws (its spec, title, description and table), not the notes it was counted from.
    const chart = data.models ? labModels(this.#site, this.#site.note(data.slug)!) : undefined;
    // The page's three long strings (its body, its small graph's JSON, its schema.org JSON) are hashed as they are,
    // beside the rest as JSON: inside JSON they would be escaped first (1.5 s of a 10,000-note build, with the hash).
    const { html, jsonLd, localGraph, ...rest } = data;
    const json = JSON.stringify({ ...rest, localGraph: localGraph && { ...localGraph, json: undefined } });
    return digest(this.frame, "note", json, html, localGraph?.json ?? "", jsonLd, chart ? JSON.stringify({ ...chart, notes: undefined }) : "");
  }

  /** A note's link preview (`/previews/<slug>.json`): the preview itself. */
  preview(slug: string): string | undefined {
    return this.#keptOrMade(slug, "preview", () => this.#previewKey(slug));
  }

  #previewKey(slug: string): string | undefined {
    const note = this.#site.note(slug);
    return note && digest(engineDigest(this.#site.engineDir), "preview", JSON.stringify(this.#site.preview(note)));
  }

  /**
   * A download of the whole graph (graph/artifacts.ts `exports`). It holds what the graph page's payload holds (every
   * node's title, type, date and aliases, every edge and its kinds, the layout's positions and communities) with the
   * edges' weights and the degrees they give: the payload's name is a hash of all that and of the layout's inputs.
   * The colours, the site's title and description (the GEXF file's metadata) and the code are in the frame.
   */
  graphExport(path: string): string {
    return digest(this.frame, "export", path, this.#site.graph().global.fileName);
  }

  /** An old address of a renamed note: where it sends the reader, under the note's title. */
  redirect(from: string, to: string): string {
    return digest(this.frame, "redirect", from, to, this.#site.note(to)?.title ?? "");
  }

  /** A folder's listing (an Obsidian vault). */
  folder(slug: string): string {
    const folder = this.#site.folders().get(slug);
    return digest(this.frame, "folder", slug, JSON.stringify(folder ? folderView(this.#site, folder) : null));
  }

  /** One tag's page. */
  tag(tag: string): string {
    return digest(this.frame, "tag", JSON.stringify(tagData(this.#site, tag)));
  }
}

const bySite = new WeakMap<Site, PageKeys>();
/**
 * The keys of a site's pages (one set per site, so the frame is digested once); `store`: the build's page cache (see
 * `PageKeys`).
 */
export function pageKeys(site: Site, store?: NoteIndexStore): PageKeys {
  // The build's store holds them too: the routes (bundled by Astro) and the integration each have their own copy of
  // this module, and one build must have one set of keys, whose note index the store keeps.
  if (store?.keys?.site === site) return store.keys as PageKeys;
  let keys = bySite.get(site);
  if (!keys) bySite.set(site, (keys = new PageKeys(site, store)));
  return keys;
}
