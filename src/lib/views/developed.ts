/**
 * A lab's or person's models as its page lists them: computed from the graph (the rated notes whose `developer` is
 * this note), never written into the note, so a change to one model's openness changes that model's note alone and
 * every page that lists it follows. Each model with its release date and its openness in a line and cell by cell,
 * newest first, and the total across them.
 */
import { countLevels, OPENNESS_DIMENSIONS, type OpennessLevel } from "../openness.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";
import { opennessLabel, ratedDimensions } from "./columns.ts";
import type { LinkRef } from "./links.ts";
import { opennessSummary, type OpennessMatrix } from "./openness.ts";

export interface DevelopedModel {
  note: LinkRef;
  /** Its release dates as the note gives them (`2024-03`; two when its sources disagree), earliest first. */
  released: string[];
  /** Its openness in a line: "5 open, 2 partial, 5 closed of 12 rated". */
  summary: string;
  matrix: OpennessMatrix;
  /** Its levels on the dimensions the strip shows (`DevelopedModels.dimensions`), and the strip's label. */
  strip: { levels: OpennessLevel[]; label: string };
  /** How it can be used, as Epoch AI says (its `accessibility` values). */
  access: string[];
}

export interface DevelopedModels {
  /** Newest first (by the earliest date a note gives); undated after, by title. */
  models: DevelopedModel[];
  /** The dimensions the strips show: those some model of the site rates, as /models/ shows them. */
  dimensions: { key: string; label: string }[];
  /** Across every model listed: how many cells are at each level, of how many, in a line. */
  total: { counts: Record<OpennessLevel, number>; cells: number; summary: string };
}

/** The models a lab or person developed, as its page lists them; undefined when it developed none we have. */
export function developedModels(site: Site, note: Note): DevelopedModels | undefined {
  const developed = site.developed(note);
  if (!developed.length) return undefined;
  const dimensions = stripDimensions(site, developed[0].type);
  const shown = dimensions.map((d) => OPENNESS_DIMENSIONS.findIndex((x) => x.key === d.key));
  const models = developed.map((m): DevelopedModel => {
    const matrix = site.openness(m)!;
    const released = [...new Set((m.fields.values.released ?? []).map((v) => v.value))].sort();
    const levels = matrix.cells.map((c) => c.status);
    const access = [...new Set((m.fields.values.accessibility ?? []).map((v) => v.value))];
    return { note: site.ref(m.slug), released, summary: opennessSummary(matrix), matrix, strip: { levels: shown.map((k) => levels[k]), label: opennessLabel(levels) }, access };
  });
  if (!models.length) return undefined;
  // Newest first; `developed` gives them by title, and the sort keeps that order among equal dates.
  models.sort((a, b) => {
    const x = a.released[0];
    const y = b.released[0];
    return x && y ? (x < y ? 1 : x > y ? -1 : 0) : x ? -1 : y ? 1 : 0;
  });
  const cells = models.flatMap((m) => m.matrix.cells);
  const counts = countLevels(cells.map((c) => c.status));
  const summary = opennessSummary({ groups: [], cells, counts, rated: cells.filter((c) => c.rated).length, from: [] });
  return { models, dimensions: dimensions.map((d) => ({ key: d.key, label: d.label })), total: { counts, cells: cells.length, summary: models.length > 1 ? `${summary}, across ${models.length} models` : summary } };
}

const stripCache = new WeakMap<Site, Map<string, ReturnType<typeof ratedDimensions>>>();

/** The dimensions some note of the type rates, worked out once per site (every lab page asks). */
function stripDimensions(site: Site, type: Note["type"]) {
  let byType = stripCache.get(site);
  if (!byType) stripCache.set(site, (byType = new Map()));
  let dims = byType.get(type);
  if (!dims) byType.set(type, (dims = ratedDimensions(site.byType[type].map((n) => site.openness(n)!.cells.map((c) => c.status)))));
  return dims;
}
