/**
 * The site's list pages as data: the tags (by how many notes carry each), one tag's notes, and a typed wiki's home
 * (what it holds per type, the note to start with, the most connected notes). Each page only lays its data out.
 */
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";

/** A note as a list shows it: title, address, summary, and its type when the site has several. */
export interface ListedNote {
  slug: string;
  title: string;
  href: string;
  summary: string;
  type?: string;
}

function listed(site: Site, n: Note): ListedNote {
  return { slug: n.slug, title: n.title, href: site.urls.note(n.slug), summary: n.fields.summary, ...(site.types.length > 1 ? { type: n.type } : {}) };
}

/** Every tag with how many notes carry it, most used first. */
export function tagsData(site: Site): { tag: string; href: string; count: number }[] {
  return [...site.tags].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([tag, notes]) => ({ tag, href: site.urls.tag(tag), count: notes.length }));
}

/** One tag's notes (with those of its nested tags), by title. */
export function tagData(site: Site, tag: string): { tag: string; notes: ListedNote[] } {
  return { tag, notes: (site.tags.get(tag) ?? []).map((n) => listed(site, n)) };
}

export interface HomeData {
  /** The note to start with (`home` in atlas.yml). */
  start?: ListedNote;
  counts: { type: string; label: string; href: string; count: number }[];
  hubs: ListedNote[];
}

/** A typed wiki's home: the note to start with, how much it holds per type, its most connected notes. */
export function homeData(site: Site, hubs = 12): HomeData {
  const start = site.home();
  return {
    ...(start ? { start: listed(site, start) } : {}),
    counts: site.types.map((t) => ({ type: t.type, label: t.label.many, href: site.urls.type(t.type), count: site.byType[t.type].length })),
    hubs: site.hubs(hubs).map((n) => listed(site, n)),
  };
}
