/**
 * Who is connected to whom, as pages list it: a person's affiliations (or a lab's people), dated and sourced, and
 * the rated notes (models) a lab or person developed. By relation kind, whatever the types.
 */
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";
import type { LinkRef } from "./links.ts";
import { isRated } from "./openness.ts";
import { sourceRefs } from "./sources.ts";

/** A person's tie to a lab, seen from either side: `other` is the lab on a person's page, the person on a lab's. */
export interface Affiliation {
  other: LinkRef;
  role?: string;
  from?: string;
  until?: string;
  sources: LinkRef[];
}

/**
 * A person's own affiliations, with role, dates and sources, earliest start first (undated after, by title): the
 * "Affiliations" section, headed by the relation field's label; or, for a note others are affiliated with (a lab),
 * theirs in the same order, headed by their type's plural ("People").
 */
export function affiliations(site: Site, note: Note): { heading: string; rows: Affiliation[] } {
  const { vault, registry } = site;
  const row = (r: Note["relations"][number], other: string): Affiliation => ({ other: site.ref(other), role: r.qualifier, from: r.from, until: r.until, sources: sourceRefs(site, r.sources) });
  const rows: Affiliation[] = [];
  let heading = "";
  for (const r of note.relations) {
    if (r.kind !== "affiliated_with" || !r.to) continue;
    heading ||= registry.relationSpec(note.type, r.field)?.label ?? "Affiliations";
    rows.push(row(r, r.to));
  }
  const others = new Set((vault.backlinks.get(note.slug) ?? []).filter((b) => b.kind === "affiliated_with").map((b) => b.from));
  for (const from of site.sortByTitle([...others].map((s) => vault.bySlug.get(s)!))) {
    heading ||= registry.entry(from.type).label.many;
    for (const r of from.relations) if (r.kind === "affiliated_with" && r.to === note.slug) rows.push(row(r, from.slug));
  }
  // Stable: undated rows keep the title order they came in.
  return { heading, rows: rows.sort((a, b) => (a.from && b.from ? (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) : a.from ? -1 : b.from ? 1 : 0)) };
}

/** The rated notes (models) a lab or person developed, by title: a lab page's openness summary. */
export function developed(site: Site, note: Note): Note[] {
  const { vault, registry } = site;
  const slugs = new Set((vault.backlinks.get(note.slug) ?? []).filter((b) => b.kind === "developer").map((b) => b.from));
  return site.sortByTitle([...slugs].map((s) => vault.bySlug.get(s)!).filter((n) => isRated(registry, n.type)));
}
