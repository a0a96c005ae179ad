/**
 * The timeline: every note the registry places in time (an event's date, a model's release, a lab's founding, a
 * source's publication, a person's first affiliation), newest first, grouped by year and month at the precision the
 * note gives (a year-only date is listed under its year, never given a month). Notes of the types that belong on a
 * timeline but carry no date are listed apart, not guessed. Pure: no Astro, no HTML.
 */
import type { NoteType } from "./registry.ts";
import type { Note, Vault } from "./types.ts";

export interface TimelineEntry {
  note: Note;
  date: string;
  precision: "year" | "month" | "day";
  /**
   * The notes of the timeline's filter type (the registry's `timeline.filter`: labs) this note is about: itself, its
   * developer, an event's actors, a person's affiliations …, by slug.
   */
  labs: string[];
}

export interface TimelineMonth {
  /** `2026-03`; undefined for the year's entries that give no month. */
  month?: string;
  entries: TimelineEntry[];
}

export interface Timeline {
  years: { year: string; months: TimelineMonth[] }[];
  /** Notes with no date of the types whose entry says to list them (`timeline.undated`: events, models), in the input's order. */
  undated: { note: Note; labs: string[] }[];
  /** Types present on the timeline, in registry order. */
  types: NoteType[];
  /** The type the timeline is filtered by (`timeline.filter` in the registry), if any. */
  filter?: NoteType;
  /** Notes of that type named by at least one entry, dated or not. */
  labs: string[];
}

/** `notes` in the order undated notes should be listed (the indexes' title order). */
export function buildTimeline(vault: Pick<Vault, "bySlug" | "registry">, notes: readonly Note[]): Timeline {
  // Types whose undated notes the timeline lists apart (the others are simply not in time).
  const listUndated = new Set(vault.registry.types.filter((t) => t.timeline?.undated).map((t) => t.type));
  const filter = vault.registry.types.find((t) => t.timeline?.filter)?.type;
  const isLab = (slug: string | null): slug is string => !!filter && !!slug && vault.bySlug.get(slug)?.type === filter;
  const labsOf = (note: Note) => {
    const labs = new Set(note.relations.map((r) => r.to).filter(isLab));
    if (note.type === filter) labs.add(note.slug);
    return [...labs];
  };
  const dated: TimelineEntry[] = [];
  const undated: Timeline["undated"] = [];
  for (const note of notes) {
    if (!note.date) {
      if (listUndated.has(note.type)) undated.push({ note, labs: labsOf(note) });
      continue;
    }
    const parts = note.date.split("-").length;
    dated.push({ note, date: note.date, precision: parts === 1 ? "year" : parts === 2 ? "month" : "day", labs: labsOf(note) });
  }
  // Newest first; within a month, the day-precise before the month-only, then by title (the input's order).
  const order = new Map(notes.map((n, i) => [n.slug, i]));
  dated.sort((a, b) => (a.date === b.date ? order.get(a.note.slug)! - order.get(b.note.slug)! : a.date < b.date ? 1 : -1));
  const years: Timeline["years"] = [];
  for (const e of dated) {
    const year = e.date.slice(0, 4);
    if (years.at(-1)?.year !== year) years.push({ year, months: [] });
    const months = years.at(-1)!.months;
    const month = e.precision === "year" ? undefined : e.date.slice(0, 7);
    // Year-only entries sort after the year's months (`2025` < `2025-01`), so they close the year.
    if (!months.length || months.at(-1)!.month !== month) months.push({ month, entries: [] });
    months.at(-1)!.entries.push(e);
  }
  const present = new Set(dated.map((e) => e.note.type));
  return {
    years,
    undated,
    filter,
    types: vault.registry.names.filter((t) => present.has(t)),
    labs: [...new Set([...dated, ...undated].flatMap((e) => e.labs))],
  };
}
