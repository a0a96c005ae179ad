/**
 * A type's index table: its key-field columns (the registry's `columns`), each with what a cell shows, what it sorts
 * by and what a reader can filter it by; the openness view becomes one column, a strip of one level per dimension.
 *
 * Besides a note's own fields, a column can show two things worked out from the graph, named by its `field`:
 * - `relation.field` (`developer.country`): the `field` values of the notes the note's `relation` names (a model's
 *   country is its developers' countries);
 * - `^relation` (`^developer`): how many notes name this one in their `relation` field (a lab's models), a number.
 */
import { countLevels, OPENNESS_DIMENSIONS, type OpennessDimension, type OpennessLevel } from "../openness.ts";
import type { FieldView, NoteType } from "../registry.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";
import { countOf, fieldValues, type InfoValue } from "./values.ts";

/** How a column's cells hold their values. */
export type ColumnKind =
  /** Every distinct value, in order (developers, licences). */
  | "list"
  /** One date: the most precise one its sources give, else the earliest (`released`). */
  | "date"
  /** One number (a count, compute): the first its sources give. */
  | "number"
  /** The openness strip: one level per dimension. */
  | "openness";

export interface TableColumn {
  label: string;
  /** The column's name in the page's address (`?developer=Meta&sort=released-desc`): its label as a slug. */
  key: string;
  kind: ColumnKind;
  /** How the browser sorts it. */
  sortAs: "number" | "text";
  /** A unit the header gives so the cells need not (`FLOP`). */
  unit?: string;
  cell(note: Note): InfoValue[];
  /** What the column sorts by: a number (none: -1), or text compared as the indexes compare titles. */
  sort(note: Note): string | number;
  /** The values a reader can filter the column by (none: no filter). */
  filter?(note: Note): string[];
  /** How a reader filters it: by each value, or by the year of a date (the registry's `filter: "year"`). */
  filterBy?: "values" | "year";
  /** For the openness strip: each dimension's level, in `OPENNESS_DIMENSIONS` order. */
  levels?(note: Note): OpennessLevel[];
}

export function typeColumns(site: Site, type: NoteType): TableColumn[] {
  const entry = site.registry.entry(type);
  return entry.columns.map((view): TableColumn => {
    if (view.show === "openness") {
      const levels = noteLevels;
      return {
        label: view.label,
        key: slugOf(view.label),
        kind: "openness",
        sortAs: "number",
        levels,
        cell: (n) => levels(n).map((level, i) => ({ text: level, extra: OPENNESS_DIMENSIONS[i].label, sources: [] })),
        sort: (n) => opennessScore(levels(n)),
        filter: (n) => levels(n).map((level, i) => `${OPENNESS_DIMENSIONS[i].label}: ${level}`),
        filterBy: "values",
      };
    }
    // A cell's values, worked out once per row: the page shows them, and sorts and filters by their text.
    const rows = new WeakMap<Note, InfoValue[]>();
    const values = valuesOf(site, view);
    const cell = (n: Note) => {
      let v = rows.get(n);
      if (!v) rows.set(n, (v = values(n)));
      return v;
    };
    const texts = (n: Note) => cell(n).map((v) => v.text);
    const kind: ColumnKind = view.field.startsWith("^") || view.show === "count" || view.show === "flop" || view.show === "cited-by" ? "number" : view.field === entry.date ? "date" : "list";
    const column: TableColumn = {
      label: view.label,
      key: slugOf(view.label),
      kind,
      sortAs: kind === "number" ? "number" : "text",
      ...(view.show === "flop" ? { unit: "FLOP" } : {}),
      cell,
      sort:
        kind === "number"
          ? (n) => numberOf(cell(n)[0]?.text ?? "", n.fields.values[view.field]?.[0]?.value)
          : kind === "date"
            ? (n) => pickDate(texts(n)).value ?? ""
            : (n) => texts(n).join(", ").toLowerCase(),
    };
    if (view.filter) {
      column.filterBy = view.filter === "year" ? "year" : "values";
      // A date cell shows one date, and is found by what it shows.
      const shown = kind === "date" ? (n: Note) => [pickDate(texts(n)).value ?? ""].filter(Boolean) : texts;
      column.filter = view.filter === "year" ? (n) => [...new Set(shown(n).map((t) => t.slice(0, 4)))] : (n) => [...new Set(shown(n))];
    }
    return column;
  });
}

/** What a column's cells hold: a field's values as the registry shows them, or what the graph says (see above). */
function valuesOf(site: Site, view: FieldView): (n: Note) => InfoValue[] {
  if (view.field.startsWith("^")) {
    const counts = namedBy(site, view.field.slice(1));
    return (n) => {
      const count = counts.get(n.slug) ?? 0;
      return count ? [{ text: String(count), sources: [] }] : [];
    };
  }
  const dot = view.field.indexOf(".");
  if (dot > 0) {
    const relation = view.field.slice(0, dot);
    const field = view.field.slice(dot + 1);
    return (n) => {
      const seen = new Set<string>();
      return n.relations
        .filter((r) => r.field === relation && r.to)
        .flatMap((r) => site.vault.bySlug.get(r.to!)?.fields.values[field] ?? [])
        .filter((v) => !seen.has(v.value) && seen.add(v.value))
        .map((v) => ({ text: v.value, sources: [] }));
    };
  }
  return (n) => fieldValues(site, n, view);
}

/** How many notes name each note in a relation field, by the named note's slug; worked out once per site. */
const NAMED_BY = new WeakMap<Site, Map<string, Map<string, number>>>();
function namedBy(site: Site, field: string): Map<string, number> {
  let bySite = NAMED_BY.get(site);
  if (!bySite) NAMED_BY.set(site, (bySite = new Map()));
  let counts = bySite.get(field);
  if (!counts) {
    counts = new Map();
    for (const n of site.vault.notes) {
      for (const to of new Set(n.relations.filter((r) => r.field === field && r.to).map((r) => r.to!))) counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    bySite.set(field, counts);
  }
  return counts;
}

/** A label as it goes in an address: `Training compute` → `training-compute`. */
export function slugOf(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "column";
}

/** A shown number or a value as written (`7B`, `1.52e+24`) as a number to sort by; -1 for none or for text. */
function numberOf(shown: string, written: string | undefined): number {
  for (const t of [written, shown]) {
    const n = t === undefined ? NaN : countOf(t);
    if (Number.isFinite(n)) return n;
  }
  return -1;
}

/**
 * One date for a cell from those its sources give: when they agree (each is the start of the most precise one, as
 * `2025-01` and `2025-01-20` do), the most precise; when they differ, the earliest, with `differs` set.
 */
export function pickDate(dates: readonly string[]): { value?: string; differs: boolean } {
  const distinct = [...new Set(dates.map((d) => d.trim()).filter(Boolean))];
  if (!distinct.length) return { differs: false };
  const precise = [...distinct].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))[0];
  if (distinct.every((d) => precise.startsWith(d))) return { value: precise, differs: false };
  return { value: [...distinct].sort()[0], differs: true };
}

/** One number for a cell from the texts its sources give: the first; `differs` when another is a different number. */
export function pickNumber(texts: readonly string[]): { value?: string; differs: boolean } {
  if (!texts.length) return { differs: false };
  const key = (t: string) => {
    const n = countOf(t);
    return Number.isFinite(n) ? String(n) : t.trim().toLowerCase();
  };
  const first = key(texts[0]);
  return { value: texts[0], differs: texts.some((t) => key(t) !== first) };
}

/**
 * How open a model is, for sorting: how many dimensions are open (a partial one counts half), then, between equals,
 * the share of the rated dimensions that are; a dimension nobody rates counts for nothing, and a model rated on one
 * dimension, open, does not outrank one open on eleven of twelve. -1 when none is rated.
 */
export function opennessScore(levels: readonly OpennessLevel[]): number {
  const c = countLevels(levels);
  const rated = c.open + c.partial + c.closed;
  const open = c.open + c.partial / 2;
  return rated ? Math.round((open + open / rated / 100) * 10000) / 10000 : -1;
}

/** "11 of 12 rated open", "5 of 12 rated open, 2 partial", "not rated": out of the dimensions a source rates. */
export function opennessLabel(levels: readonly OpennessLevel[]): string {
  const c = countLevels(levels);
  const rated = c.open + c.partial + c.closed;
  if (!rated) return "not rated";
  return `${c.open} of ${rated} rated open${c.partial ? `, ${c.partial} partial` : ""}`;
}

/** A note's openness level on every dimension, in `OPENNESS_DIMENSIONS` order. */
export function noteLevels(n: Note): OpennessLevel[] {
  return OPENNESS_DIMENSIONS.map((d) => n.fields.openness[d.key]?.status ?? "unknown");
}

export interface OpennessStrips {
  /** The dimensions the strips show: those some of the notes rate. */
  dimensions: OpennessDimension[];
  /** A note's strip: its levels on those dimensions, and its label over all it is rated on ("11 of 12 rated open"). */
  strip(n: Note): { levels: OpennessLevel[]; label: string };
}

/** The openness strips of a table of these notes (/models/, a lab's Models): one square per dimension some note rates. */
export function opennessStrips(notes: readonly Note[], levelsOf: (n: Note) => OpennessLevel[] = noteLevels): OpennessStrips {
  const dimensions = ratedDimensions(notes.map(levelsOf));
  const shown = dimensions.map((d) => OPENNESS_DIMENSIONS.findIndex((x) => x.key === d.key));
  return {
    dimensions,
    strip: (n) => {
      const levels = levelsOf(n);
      return { levels: shown.map((k) => levels[k]), label: opennessLabel(levels) };
    },
  };
}

/** The dimensions some note among these rates (any level but unknown): the others would be a column of "?". */
export function ratedDimensions(levels: Iterable<readonly OpennessLevel[]>): OpennessDimension[] {
  const rated = new Set<number>();
  for (const row of levels) row.forEach((l, i) => l !== "unknown" && rated.add(i));
  return OPENNESS_DIMENSIONS.filter((_d, i) => rated.has(i));
}
