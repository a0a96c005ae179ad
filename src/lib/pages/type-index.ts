/**
 * A type's index page as data: every note of the type, by title, in a table of the registry's key-field columns,
 * each cell with what it shows, sorts by and filters by; an openness column per dimension for rated types. The page
 * (src/routes/common/[type]/index.astro) lays it out as a plain table that src/client/table-tools.ts enhances.
 */
import type { Dataset } from "../datasets.ts";
import type { OpennessLevel } from "../openness.ts";
import type { NoteType } from "../registry.ts";
import type { Site } from "../site.ts";
import type { InfoValue } from "../views/values.ts";

export interface IndexColumn {
  label: string;
  /** A short header (openness dimensions), the label then its title. */
  short?: string;
  /** How the browser sorts it. */
  sortAs: "number" | "text";
  /** Whether a reader can filter by it. */
  filterable: boolean;
  /** An openness dimension's column: its cells are levels. */
  openness: boolean;
}

export interface IndexCell {
  values: InfoValue[];
  sort: string | number;
  filter?: string[];
  level?: OpennessLevel;
}

export interface TypeIndexData {
  type: NoteType;
  /** "Models": the page's title. */
  label: string;
  columns: IndexColumn[];
  rows: { slug: string; title: string; href: string; summary: string; cells: IndexCell[] }[];
  /** Whether any column rates openness (the page then explains the levels). */
  hasOpenness: boolean;
  credits: Dataset[];
}

export function typeIndexData(site: Site, type: NoteType): TypeIndexData {
  const entry = site.registry.entry(type);
  const notes = site.byType[type];
  const columns = site.columns(type);
  return {
    type,
    label: entry.label.many,
    columns: columns.map((c) => ({
      label: c.label,
      ...(c.short ? { short: c.short } : {}),
      sortAs: c.level || (notes.length && typeof c.sort(notes[0]) === "number") ? "number" : "text",
      filterable: !!c.filter,
      openness: !!c.level,
    })),
    rows: notes.map((n) => ({
      slug: n.slug,
      title: n.title,
      href: site.urls.note(n.slug),
      summary: n.fields.summary,
      cells: columns.map((c) => ({
        values: c.level ? [] : c.cell(n),
        sort: c.sort(n),
        ...(c.filter ? { filter: c.filter(n) } : {}),
        ...(c.level ? { level: c.level(n) } : {}),
      })),
    })),
    hasOpenness: columns.some((c) => c.level),
    credits: site.credits(notes),
  };
}
