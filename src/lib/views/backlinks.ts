/** "What links here": a note's inbound links grouped by the linking note's type, each with the sentences around them. */
import type { NoteType } from "../registry.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";
import type { LinkRef } from "./links.ts";

export interface BacklinkGroup {
  type: NoteType;
  label: string;
  items: { note: LinkRef; contexts: string[] }[];
}

/** Inbound mentions grouped by the linking note's type; a note's several mentions are listed under it. */
export function backlinks(site: Site, note: Note): BacklinkGroup[] {
  const { vault, registry, links } = site;
  const byFrom = new Map<string, string[]>();
  for (const b of vault.backlinks.get(note.slug) ?? []) {
    const from = vault.bySlug.get(b.from)!;
    const context = b.link !== undefined ? links.contextText(from, from.parsed.contexts[from.links[b.link].context] ?? []) : (b.label ?? "");
    const list = byFrom.get(b.from);
    if (list) list.push(context);
    else byFrom.set(b.from, [context]);
  }
  const sources = site.sortByTitle([...byFrom.keys()].map((slug) => vault.bySlug.get(slug)!));
  return registry.names
    .map((type) => ({
      type,
      label: registry.entry(type).label.many,
      items: sources.filter((from) => from.type === type).map((from) => ({ note: site.ref(from.slug), contexts: [...new Set(byFrom.get(from.slug)!.filter(Boolean))] })),
    }))
    .filter((g) => g.items.length);
}
