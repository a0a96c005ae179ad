/**
 * A type's index table: its key-field columns (the registry's `columns`), each with what a cell shows, what it sorts
 * by and what a reader can filter it by; the openness view becomes one column per dimension.
 */
import { LEVEL_RANK, OPENNESS_DIMENSIONS, type OpennessLevel } from "../openness.ts";
import type { NoteType } from "../registry.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";
import { countOf, fieldValues, type InfoValue } from "./values.ts";

export interface TableColumn {
  label: string;
  /** A short header (openness dimensions), the label then being its title. */
  short?: string;
  cell(note: Note): InfoValue[];
  /** What the column sorts by: a number, or text compared as the indexes compare titles. */
  sort(note: Note): string | number;
  /** The values a reader can filter the column by (none: no filter). */
  filter?(note: Note): string[];
  /** For an openness dimension's column: the cell's level. */
  level?(note: Note): OpennessLevel;
}

export function typeColumns(site: Site, type: NoteType): TableColumn[] {
  return site.registry.entry(type).columns.flatMap((view): TableColumn[] => {
    if (view.show === "openness") {
      return OPENNESS_DIMENSIONS.map((d) => {
        const level = (n: Note): OpennessLevel => n.fields.openness[d.key]?.status ?? "unknown";
        return { label: d.label, short: d.short, level, cell: (n) => [{ text: level(n), sources: [] }], sort: (n) => LEVEL_RANK[level(n)], filter: (n) => [level(n)] };
      });
    }
    // A cell's values, worked out once per row: the page shows them, and sorts and filters by their text.
    const rows = new WeakMap<Note, InfoValue[]>();
    const cell = (n: Note) => {
      let values = rows.get(n);
      if (!values) rows.set(n, (values = fieldValues(site, n, view)));
      return values;
    };
    const texts = (n: Note) => cell(n).map((v) => v.text);
    return [
      {
        label: view.label,
        cell,
        sort:
          view.show === "cited-by"
            ? (n) => Number(texts(n)[0] ?? 0)
            : view.show === "count" || view.show === "flop"
              ? (n) => Math.max(-1, ...(n.fields.values[view.field] ?? []).map((v) => countOf(v.value)).filter(Number.isFinite)) // `120B` or 1.2e11 sort as the number; text ("about 7B") first
              : (n) => texts(n).join(", ").toLowerCase(),
        filter: view.filter === "year" ? (n) => texts(n).map((t) => t.slice(0, 4)) : view.filter ? texts : undefined,
      },
    ];
  });
}
