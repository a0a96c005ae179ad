/**
 * A folder of an Obsidian vault as a page shows it (its own page, the home page's top folder, a folder note's
 * listing), as plain data: subfolders with how many notes are below, notes with their summaries, other files.
 */
import type { FolderPage } from "../folders.ts";
import type { Site } from "../site.ts";

export interface FolderView {
  path: string;
  name: string;
  /** The folders above it, outermost first, each with its page's address. */
  trail: { name: string; href: string }[];
  folders: { name: string; href: string; notes: number }[];
  notes: { title: string; href: string; summary: string }[];
  /** Files other than notes; `href` only for those published. */
  files: { name: string; href?: string }[];
}

export function folderView(site: Site, folder: FolderPage): FolderView {
  return {
    path: folder.path,
    name: folder.name,
    trail: folder.parents.map((p) => ({ name: p.name, href: site.urls.note(p.slug) })),
    folders: folder.folders.map((f) => ({ name: f.name, href: site.urls.note(f.slug), notes: f.notes })),
    notes: folder.notes.map((n) => ({ title: n.title, href: site.urls.note(n.slug), summary: n.fields.summary })),
    files: folder.files.map((f) => {
      const name = f.path.slice(f.path.lastIndexOf("/") + 1);
      return f.kind === "other" ? { name } : { name, href: site.urls.attachment(f.url) };
    }),
  };
}
