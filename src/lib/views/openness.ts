/**
 * A model's openness as its page shows it: one cell per dimension of the index (grouped as the index groups them),
 * each with its level, note, sources, evidence (by host name, or as the dataset's record), the mark of an imported
 * cell, and the dataset's own class where a hand-written cell differs from it.
 */
import { dataset, recordUrl } from "../datasets.ts";
import { evidenceName } from "./evidence.ts";
import { countLevels, OPENNESS_DIMENSIONS, OPENNESS_GROUPS, type OpennessLevel } from "../openness.ts";
import type { NoteType, Registry } from "../registry.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";
import type { LinkRef } from "./links.ts";
import { importedMark, sourceRefs, type ImportedMark } from "./sources.ts";

/** One dimension of a model's openness as a page shows it; a dimension the note does not rate is `unknown`. */
export interface OpennessCellView {
  key: string;
  label: string;
  short: string;
  status: OpennessLevel;
  /** False when the note says nothing on this dimension. */
  rated: boolean;
  note?: string;
  sources: LinkRef[];
  /** Evidence addresses, each named by what it points to (views/evidence.ts). */
  evidence: { href: string; text: string }[];
  imported?: ImportedMark;
  /** A dataset's own class where it differs from the note's (hand-written) cell: kept in the note's record. */
  differs?: { dataset: string; status: OpennessLevel; evidence: { href: string; text: string }[]; record?: string };
}

/** A model's openness matrix, grouped as the registry (and the field's index) groups the dimensions. */
export interface OpennessMatrix {
  groups: { id: string; label: string; cells: OpennessCellView[] }[];
  cells: OpennessCellView[];
  counts: Record<OpennessLevel, number>;
  /** Dimensions the note rates (any level, `unknown` included when written). */
  rated: number;
  /** The datasets whose ratings the matrix shows (said once above it, not per cell), with how many cells each. */
  from: { id: string; named: string; source?: LinkRef; record?: { text: string; href?: string }; cells: number }[];
}

/** True for a type whose infobox shows an openness matrix (its registry entry says so: models). */
export function isRated(registry: Registry, type: NoteType): boolean {
  return registry.entry(type).infobox.some((v) => v.show === "openness");
}

/** A model's openness matrix (undefined for the types that are not rated, see `isRated`). */
export function opennessMatrix(site: Site, note: Note): OpennessMatrix | undefined {
  if (!isRated(site.registry, note.type)) return undefined;
  // The dataset whose own classes differ from the note's hand-written cells (the index: the one that rates).
  const record = note.fields.records.find((r) => r.differs);
  const from = record ? dataset(record.from) : undefined;
  const cells = OPENNESS_DIMENSIONS.map((d): OpennessCellView => {
    const cell = note.fields.openness[d.key];
    const other = record?.differs?.[d.key];
    return {
      key: d.key,
      label: d.label,
      short: d.short,
      status: cell?.status ?? "unknown",
      rated: !!cell,
      note: cell?.note,
      // An imported cell's citation of its dataset is said once, above the matrix.
      sources: cell ? sourceRefs(site, cell.sources).filter((s) => !cell.imported || s.slug !== dataset(cell.imported, site.vault.settings.site.datasets)?.source) : [],
      evidence: (cell?.evidence ?? []).map((href) => ({ href, text: evidenceName(href).text })),
      imported: importedMark(note, cell?.imported),
      ...(other && from
        ? {
            differs: {
              dataset: from.label,
              status: other.status,
              evidence: (other.evidence ?? []).map((href) => ({ href, text: evidenceName(href).text })),
              record: record?.file && record.snapshot ? recordUrl(from, record.file, record.snapshot) : undefined,
            },
          }
        : {}),
    };
  });
  const imported = [...new Set(cells.flatMap((c) => (c.imported ? [c.imported.id] : [])))].flatMap((id) => {
    const d = dataset(id, site.vault.settings.site.datasets);
    if (!d) return [];
    const r = note.fields.records.find((x) => x.from === id);
    return [{
      id,
      named: d.named,
      source: d.source && site.vault.bySlug.has(d.source) ? site.ref(d.source) : undefined,
      record: r?.file ? { text: `record ${r.file}`, href: r.snapshot ? recordUrl(d, r.file, r.snapshot) : undefined } : undefined,
      cells: cells.filter((c) => c.imported?.id === id).length,
    }];
  });
  return {
    from: imported,
    groups: OPENNESS_GROUPS.map((g) => ({ id: g.id, label: g.label, cells: cells.filter((c) => OPENNESS_DIMENSIONS.find((d) => d.key === c.key)!.group === g.id) })),
    cells,
    counts: countLevels(cells.map((c) => c.status)),
    rated: cells.filter((c) => c.rated).length,
  };
}

/**
 * "11 open, 1 closed of 12 rated": a model's openness in a line, out of the dimensions a source rates (a dimension
 * nobody rates is unknown, not closed, and counting it would make every model look less open than its sources say).
 */
export function opennessSummary(m: OpennessMatrix): string {
  const parts = (["open", "partial", "closed"] as const).filter((l) => m.counts[l]).map((l) => `${m.counts[l]} ${l}`);
  const rated = m.counts.open + m.counts.partial + m.counts.closed;
  return parts.length ? `${parts.join(", ")} of ${rated} rated` : "not rated";
}
