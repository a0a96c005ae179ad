/**
 * A lab's or person's models as its page lists them: computed from the graph (the rated notes whose `developer` is
 * this note), never written into the note, so a change to one model's openness changes that model's note alone and
 * every page that lists it follows. Each model with its release date and its openness in a line and cell by cell,
 * newest first, and the total across them.
 */
import { countLevels, type OpennessLevel } from "../openness.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";
import { opennessStrips, type OpennessStrips } from "./columns.ts";
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
  const strips = typeStrips(site, developed[0].type);
  const models = developed.map((m): DevelopedModel => {
    const matrix = site.openness(m)!;
    const released = [...new Set((m.fields.values.released ?? []).map((v) => v.value))].sort();
    const access = [...new Set((m.fields.values.accessibility ?? []).map((v) => v.value))];
    return { note: site.ref(m.slug), released, summary: opennessSummary(matrix), matrix, strip: strips.strip(m), access };
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
  return { models, dimensions: strips.dimensions.map((d) => ({ key: d.key, label: d.label })), total: { counts, cells: cells.length, summary: models.length > 1 ? `${summary}, across ${models.length} models` : summary } };
}

const stripCache = new WeakMap<Site, Map<string, OpennessStrips>>();

/** The strips of every note of the type (so a lab's table shows the squares /models/ shows), once per site. */
function typeStrips(site: Site, type: Note["type"]): OpennessStrips {
  let byType = stripCache.get(site);
  if (!byType) stripCache.set(site, (byType = new Map()));
  let strips = byType.get(type);
  if (!strips) byType.set(type, (strips = opennessStrips(site.byType[type])));
  return strips;
}
