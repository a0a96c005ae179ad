/**
 * What differs between the two kinds of vault a site is built from, in one place per kind: a typed wiki (every note
 * has a type and a schema, `notes: typed`) and an Obsidian vault (notes read as Obsidian reads them). The site model
 * asks its flavour; no page or component asks which kind of vault it is in. The routes each kind has are injected by
 * the integration (src/integration/routes.ts).
 */
import type { NoteMode } from "./config.ts";
import type { FolderPage } from "./folders.ts";
import { redirects } from "./redirects.ts";
import type { Note, Vault } from "./types.ts";
import type { SiteUrls } from "./urls.ts";

/** A page at a note's level that is not a note's own. */
export interface ExtraPage {
  slug: string;
  /** An old address of a renamed note: a page sending the reader on. */
  redirectTo?: string;
  /** A folder's listing (Obsidian). */
  folder?: true;
}

/** What stands above a note's title: the note's type (a typed wiki), or the folders it is in (an Obsidian vault). */
export interface NoteHeading {
  type?: { type: string; href: string };
  trail?: { name: string; slug: string }[];
  /** The folder sharing the note's address (`Projects.md` beside `Projects/`), listed on its page. */
  folder?: FolderPage;
}

export interface Flavour {
  readonly mode: NoteMode;
  /** Whether the home page falls back to the vault's `index.md`, `README.md` or `Home.md` when `home` is not set. */
  readonly homeFromFiles: boolean;
  /** The views this kind of site adds to every page's header and to its sitemap, after the type indexes. */
  views(urls: SiteUrls): { text: string; href: string }[];
  /** Pages at a note's level besides the notes: old slugs of renamed notes, or folder listings. */
  extraPages(vault: Vault, folders: () => Map<string, FolderPage>): ExtraPage[];
  /** What a missing link target is called in its tooltip: a note, or (Obsidian, a name with an extension) a file. */
  missing(target: string): "note" | "file";
  heading(note: Note, context: { vault: Vault; urls: SiteUrls; folders: () => Map<string, FolderPage> }): NoteHeading;
  /** Whether a note's body has embeds to fill (Obsidian's `![[…]]`) beyond its links. */
  readonly embeds: boolean;
}

const typed: Flavour = {
  mode: "typed",
  homeFromFiles: false,
  embeds: false,
  views: (urls) => [
    { text: "Landscape", href: urls.landscape() },
    { text: "Openness", href: urls.openness() },
    { text: "Timeline", href: urls.timeline() },
  ],
  extraPages: (vault) => redirects(vault).map((r) => ({ slug: r.from, redirectTo: r.to })),
  missing: () => "note",
  heading: (note, { urls }) => ({ type: { type: note.type, href: urls.type(note.type) } }),
};

const dirOf = (p: string) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");

const obsidian: Flavour = {
  mode: "obsidian",
  homeFromFiles: true,
  embeds: true,
  views: () => [],
  extraPages: (_vault, folders) => [...folders().values()].filter((f) => f.path && !f.note).map((f) => ({ slug: f.slug, folder: true as const })),
  missing: (target) => (/\.[A-Za-z0-9]{1,5}$/.test(target) && !/\.md$/i.test(target) ? "file" : "note"),
  heading: (note, { vault, folders }) => {
    const path = vault.filesBySlug.get(note.slug)?.path ?? "";
    const all = folders();
    const slug = vault.folders.get(dirOf(path));
    const inFolder = slug !== undefined ? all.get(slug) : undefined;
    const own = all.get(note.slug);
    return {
      trail: inFolder?.path ? [...inFolder.parents, { name: inFolder.name, slug: inFolder.slug }] : [],
      ...(own?.note === note ? { folder: own } : {}),
    };
  },
};

export const FLAVOURS: Record<NoteMode, Flavour> = { typed, obsidian };
