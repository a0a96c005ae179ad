/**
 * An Obsidian vault's folders as pages: each lists its subfolders and its notes, as Obsidian's file explorer shows
 * them (folders first, then notes, then other files, by name), with the folders above it as a trail. A folder and the note beside it
 * with the same name (`Projects/` and `Projects.md`) share an address: the note's page then lists the folder. Pure.
 */
import type { Attachment, Note, Vault } from "./types.ts";

export interface FolderPage {
  /** The folder's path in the vault (`Projects/Ideas`); "" for the root. */
  path: string;
  slug: string;
  name: string;
  /** The folders above it, outermost first (not the root). */
  parents: { name: string; slug: string }[];
  folders: { name: string; slug: string; notes: number }[];
  notes: Note[];
  /** Its other files (images, PDFs …), as the file explorer lists them too. */
  files: Attachment[];
  /** The note that shares the folder's address (`Projects.md` beside `Projects/`), if any. */
  note?: Note;
}

const baseOf = (p: string) => p.slice(p.lastIndexOf("/") + 1);
const dirOf = (p: string) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");

/** Every folder's page by its slug (the root's is ""); `byName` orders names as the site does. */
export function folderListing(vault: Vault, byName: (a: string, b: string) => number): Map<string, FolderPage> {
  const pages = new Map<string, FolderPage>();
  const byPath = new Map<string, FolderPage>();
  for (const [path, slug] of vault.folders) {
    const parts = path ? path.split("/") : [];
    const parents = parts.slice(0, -1).map((_p, i) => {
      const p = parts.slice(0, i + 1).join("/");
      return { name: parts[i], slug: vault.folders.get(p) ?? "" };
    });
    const page: FolderPage = { path, slug, name: path ? baseOf(path) : "", parents, folders: [], notes: [], files: [] };
    byPath.set(path, page);
    pages.set(slug, page);
  }
  for (const n of vault.notes) {
    const path = vault.filesBySlug.get(n.slug)?.path;
    if (path === undefined) continue;
    byPath.get(dirOf(path))?.notes.push(n);
    const own = pages.get(n.slug);
    if (own && own.path) own.note = n;
  }
  for (const a of vault.attachments.values()) byPath.get(dirOf(a.path))?.files.push(a);
  // Notes below a folder, counted once per folder on their way up.
  const counts = new Map<string, number>();
  for (const page of byPath.values()) {
    for (let p = page.path; ; p = dirOf(p)) {
      counts.set(p, (counts.get(p) ?? 0) + page.notes.length);
      if (!p) break;
    }
  }
  for (const page of byPath.values()) {
    if (!page.path) continue;
    byPath.get(dirOf(page.path))?.folders.push({ name: page.name, slug: page.slug, notes: counts.get(page.path) ?? 0 });
  }
  for (const page of byPath.values()) {
    page.folders.sort((a, b) => byName(a.name, b.name));
    page.notes.sort((a, b) => byName(a.title, b.title));
    page.files.sort((a, b) => byName(baseOf(a.path), baseOf(b.path)));
  }
  return pages;
}
