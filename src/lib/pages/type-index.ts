/**
 * A type's index page as data: every note of the type, by title, in a table of the registry's key-field columns,
 * each cell with what it shows, sorts by and filters by. Only columns that hold something are kept: a column whose
 * every cell is empty, and an openness dimension nobody rates, would be a column of blanks or "?". A date or number
 * cell shows one value (and says so when its sources differ); the openness view is one strip of the dimensions
 * rated. The page (src/routes/common/[type]/index.astro) lays it out as a plain table that src/client/table-tools.ts
 * enhances.
 */
import type { Dataset } from "../datasets.ts";
import type { OpennessLevel } from "../openness.ts";
import type { NoteType } from "../registry.ts";
import type { Site } from "../site.ts";
import { opennessStrips, pickDate, pickNumber, type ColumnKind, type TableColumn } from "../views/columns.ts";
import type { InfoValue } from "../views/values.ts";

export interface IndexColumn {
  /** Its name in the page's address (`?developer=Meta`, `sort=released-desc`). */
  key: string;
  label: string;
  kind: ColumnKind;
  /** How the browser sorts it. */
  sortAs: "number" | "text";
  /** A unit the header gives for every cell (`FLOP`). */
  unit?: string;
  /** Whether a reader can filter by it, and how: by each value, or by the year of a date. */
  filter?: "values" | "year";
  /** The openness strip's dimensions: those some row rates, in the registry's order. */
  dimensions?: { key: string; label: string; short: string }[];
}

export interface IndexCell {
  /** What the cell shows: one value in a date or number column, every distinct value in a list. */
  values: InfoValue[];
  /** What it sorts by (a number column's number, -1 for none). */
  sort: string | number;
  /** What a reader can filter it by. */
  filter?: string[];
  /** When its sources give different dates or numbers: every one of them, "7B, 7.2B". */
  differs?: string;
  /** The openness strip: the shown dimensions' levels, and the strip's label ("11 of 12 rated open"). */
  strip?: { levels: OpennessLevel[]; label: string };
}

export interface TypeIndexData {
  type: NoteType;
  /** "Models": the page's title. */
  label: string;
  columns: IndexColumn[];
  rows: { slug: string; title: string; href: string; summary: string; cells: IndexCell[] }[];
  /** Whether the table rates openness (the page then explains the strip). */
  hasOpenness: boolean;
  credits: Dataset[];
}

export function typeIndexData(site: Site, type: NoteType): TypeIndexData {
  const entry = site.registry.entry(type);
  const notes = site.byType[type];
  const all = site.columns(type);
  // Each column's cells, then only the columns with something in them.
  const built = all.map((c) => ({ column: c, cells: notes.map((n) => cellOf(c, n)) }));
  const kept = built.flatMap(({ column, cells }) => {
    if (column.levels) {
      const strips = opennessStrips(notes, column.levels);
      if (!strips.dimensions.length) return [];
      return [
        {
          column: { ...headerOf(column), dimensions: strips.dimensions.map((d) => ({ key: d.key, label: d.label, short: d.short })) },
          cells: cells.map((cell, i) => ({ ...cell, values: [], strip: strips.strip(notes[i]) })),
        },
      ];
    }
    return cells.some((c) => c.values.length) ? [{ column: headerOf(column), cells }] : [];
  });
  return {
    type,
    label: entry.label.many,
    columns: kept.map((k) => k.column),
    rows: notes.map((n, i) => ({
      slug: n.slug,
      title: n.title,
      href: site.urls.note(n.slug),
      summary: n.fields.summary,
      cells: kept.map((k) => k.cells[i]),
    })),
    hasOpenness: kept.some((k) => k.column.kind === "openness"),
    credits: site.credits(notes),
  };
}

function headerOf(c: TableColumn): IndexColumn {
  return { key: c.key, label: c.label, kind: c.kind, sortAs: c.sortAs, ...(c.unit ? { unit: c.unit } : {}), ...(c.filterBy ? { filter: c.filterBy } : {}) };
}

/** A cell as the table shows it: one date or number (marking a difference between sources), or each value once. */
function cellOf(c: TableColumn, n: Parameters<TableColumn["cell"]>[0]): IndexCell {
  const raw = c.cell(n);
  const unit = c.unit ? new RegExp(`\\s*${c.unit}$`) : undefined;
  const texts = raw.map((v) => (unit ? v.text.replace(unit, "") : v.text));
  const base: IndexCell = { values: [], sort: c.sort(n), ...(c.filter ? { filter: c.filter(n) } : {}) };
  if (c.kind === "openness") return base;
  if (c.kind === "date" || c.kind === "number") {
    const pick = c.kind === "date" ? pickDate(texts) : pickNumber(texts);
    if (pick.value === undefined) return base;
    const at = texts.indexOf(pick.value);
    const value: InfoValue = { ...raw[at], text: pick.value };
    return { ...base, values: [value], ...(pick.differs ? { differs: [...new Set(texts)].join(", ") } : {}) };
  }
  const seen = new Set<string>();
  return { ...base, values: raw.filter((v) => !seen.has(`${v.text}\0${v.href ?? ""}`) && seen.add(`${v.text}\0${v.href ?? ""}`)) };
}
