/**
 * The landscape at a glance: the data of `/landscape/`'s charts (and the home page's), each computed from the Site's
 * notes as the pages show them (no file read again, no Markdown parsed), with what it counts and what it leaves out
 * in its description, its data as a table whose rows link to notes, and its Vega-Lite spec (src/lib/charts/). The
 * charts of a site are computed once and rendered once (`landscape(site)`), for a typed wiki only: the Obsidian
 * flavour has no route that asks for them.
 */
import { ACCESS_COLOURS, ACCESS_VALUES, CATEGORICAL, GAP_COLOURS, LEVEL_COLOURS, NO_ACCESS, OTHER_COLOUR } from "../charts/palette.ts";
import { ChartRenderer, type TopLevelSpec } from "../charts/render.ts";
import { logLines, logScatter, rankingWithShare, stackedBars, type PointRow, type SeriesRow, type StackedRow } from "../charts/specs.ts";
import { OPENNESS_DIMENSIONS } from "../openness.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";
import { countOf, quantity } from "./values.ts";

/** A cell of a chart's table: text, perhaps a link, and the number it stands for (what the tests compare). */
export interface TableCell {
  text: string;
  href?: string;
  value?: number;
}

/** A chart's data as a table: the first column heads each row. */
export interface ChartTable {
  columns: string[];
  rows: TableCell[][];
}

export interface ChartData {
  /** Unique in a page: the SVG's title and description are named from it. */
  id: string;
  title: string;
  /** What it counts and what it leaves out, in sentences. */
  description: string;
  table: ChartTable;
  spec: TopLevelSpec;
  /** The notes it counts, for the datasets' credit. */
  notes: Note[];
}

export interface RenderedChart extends Omit<ChartData, "spec"> {
  svg: string;
}

export const CHART_IDS = ["access-by-year", "parameters", "open-closed-gap", "countries", "openness-dimensions", "labs"] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** The charts the home page leads with. */
export const HOME_CHARTS: readonly ChartId[] = ["access-by-year", "open-closed-gap", "openness-dimensions"];

const ACCESS_FIELD = "accessibility";
const isOpenWeights = (access: string) => access.startsWith("Open weights");
const fmt = new Intl.NumberFormat("en");
const n = (x: number) => fmt.format(x);
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** The rated notes (models), every one, in title order. */
export function modelsOf(site: Site): Note[] {
  return site.types.filter((t) => site.rated(t.type)).flatMap((t) => site.byType[t.type]);
}

/** The year a note's date gives (`2024`, `2024-04`, `2024-04-18`). */
export function yearOf(note: Note): number | undefined {
  const m = /^(\d{4})/.exec(note.date ?? "");
  return m ? Number(m[1]) : undefined;
}

/** A note's date as a point in time (UTC milliseconds): a month-only date at its first day, a year-only at 1 January. */
function timeOf(note: Note): number | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(note.date ?? "");
  return m ? Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) : undefined;
}

/** A model's Access value (its first, where sources give more than one). */
export function accessOf(note: Note): string | undefined {
  return note.fields.values[ACCESS_FIELD]?.[0]?.value.trim() || undefined;
}

/** The first value of a numeric field as a number (`countOf`), if it is a positive one. */
function numberOf(note: Note, field: string): number | undefined {
  const v = note.fields.values[field]?.[0]?.value;
  const x = v === undefined ? NaN : countOf(v);
  return Number.isFinite(x) && x > 0 ? x : undefined;
}

/** The developers a model's relations name, resolved to notes. */
function developersOf(site: Site, note: Note): Note[] {
  const out = new Map<string, Note>();
  for (const r of note.relations) if (r.kind === "developer" && r.to && site.vault.bySlug.has(r.to)) out.set(r.to, site.vault.bySlug.get(r.to)!);
  return [...out.values()];
}

/** The Access categories present, in Epoch AI's order (most open first), any other value after them. */
function accessCategories(values: Iterable<string>, withNone: boolean): { categories: string[]; colours: string[] } {
  const seen = new Set(values);
  const others = [...seen].filter((v) => !(ACCESS_VALUES as readonly string[]).includes(v) && v !== NO_ACCESS).sort();
  const categories = [...ACCESS_VALUES, ...others, ...(withNone ? [NO_ACCESS] : [])];
  return { categories, colours: categories.map((c, i) => ACCESS_COLOURS[c] ?? CATEGORICAL[i % CATEGORICAL.length]) };
}

const span = (years: number[]) => {
  if (!years.length) return [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return Array.from({ length: hi - lo + 1 }, (_x, i) => lo + i);
};

/** Years shown one by one; a longer history is folded into one band before them ("Before 2007"). */
export const YEARS_APART = 20;

/**
 * Counts per year and category as stacked-bar rows and a table (a column per category, then the total), every year
 * of the span, empty ones too; the years before the last `YEARS_APART` in one band, so the recent years stay legible.
 */
function yearTable(site: Site, counts: Map<number, Map<string, number>>, categories: string[], totals?: Map<number, number>, totalLabel = "Total") {
  const years = span([...counts.keys()]);
  const from = years.length > YEARS_APART + 5 ? years.at(-1)! - YEARS_APART + 1 : undefined;
  const bands: { label: string; years: number[]; href?: string }[] = [];
  if (from !== undefined) bands.push({ label: `Before ${from}`, years: years.filter((y) => y < from) });
  for (const y of years) if (from === undefined || y >= from) bands.push({ label: String(y), years: [y], href: `${site.urls.timeline()}#year-${y}` });
  const rows: StackedRow[] = [];
  const table: ChartTable = { columns: ["Year", ...categories, totalLabel], rows: [] };
  for (const b of bands) {
    const sum = (cat: string) => b.years.reduce((a, y) => a + (counts.get(y)?.get(cat) ?? 0), 0);
    for (const cat of categories) {
      const k = sum(cat);
      if (k) rows.push({ band: b.label, category: cat, count: k, tip: `${b.label}, ${cat}: ${k}`, href: b.href });
    }
    const total = b.years.reduce((a, y) => a + (totals?.get(y) ?? [...(counts.get(y)?.values() ?? [])].reduce((p, q) => p + q, 0)), 0);
    table.rows.push([{ text: b.label, href: b.href, value: b.years[0] }, ...categories.map((cat) => ({ text: n(sum(cat)), value: sum(cat) })), { text: n(total), value: total }]);
  }
  return { rows, bands: bands.map((b) => b.label), table, folded: from };
}

const foldNote = (from: number | undefined) => (from === undefined ? "" : ` The years before ${from} are counted together, in the first bar.`);

const bump = <K>(m: Map<K, Map<string, number>>, k: K, cat: string) => {
  let c = m.get(k);
  if (!c) m.set(k, (c = new Map()));
  c.set(cat, (c.get(cat) ?? 0) + 1);
};

/** Notable models per year by Access: how open the field is over time. */
export function accessByYear(site: Site): ChartData {
  const models = modelsOf(site);
  const withAccess = models.filter((m) => accessOf(m));
  const counted = withAccess.filter((m) => yearOf(m) !== undefined);
  const counts = new Map<number, Map<string, number>>();
  for (const m of counted) bump(counts, yearOf(m)!, accessOf(m)!);
  const { categories, colours } = accessCategories(counted.map((m) => accessOf(m)!), false);
  const { rows, bands, table, folded } = yearTable(site, counts, categories);
  const open = counted.filter((m) => isOpenWeights(accessOf(m)!)).length;
  return {
    id: "access-by-year",
    title: "Models per year by how they can be used",
    description:
      `Each bar is a year's models, split by Epoch AI's Access value: open weights (unrestricted, non-commercial or restricted use), API access, hosted access without an API, or unreleased. ` +
      `${n(withAccess.length)} of ${plural(models.length, "model")} have an Access value; ${n(counted.length)} of them also have a release date and are counted here (${n(open)} with open weights). ` +
      `The other ${n(models.length - counted.length)} are not counted (Epoch AI gives them no Access value, or does not list them). A model whose sources give more than one value counts under its first.${foldNote(folded)}`,
    table,
    spec: stackedBars({ rows, bands, categories, colours, bandTitle: "Year", countTitle: "Models", legendColumns: 2 }),
    notes: counted,
  };
}

/** Parameters over time on a log scale, coloured by Access, each point linked to its model. */
export function parametersOverTime(site: Site): ChartData {
  const models = modelsOf(site);
  const counted = models
    .map((m) => ({ m, t: timeOf(m), p: numberOf(m, "parameters") }))
    .filter((x): x is { m: Note; t: number; p: number } => x.t !== undefined && x.p !== undefined)
    .sort((a, b) => a.t - b.t || 0);
  const { categories, colours } = accessCategories(counted.map((x) => accessOf(x.m) ?? NO_ACCESS), counted.some((x) => !accessOf(x.m)));
  const rows: PointRow[] = counted.map(({ m, t, p }) => {
    const access = accessOf(m) ?? NO_ACCESS;
    return { t, value: p, category: access, tip: `${m.title}: ${quantity(String(p), "count")} parameters, ${m.date}, ${access}`, href: site.urls.note(m.slug) };
  });
  const unknown = counted.filter((x) => !accessOf(x.m)).length;
  return {
    id: "parameters",
    title: "Model size over time",
    description:
      `Each point is a model with a release date and a parameter count, placed at its date (a date given only as a year or a month at its first day) on a logarithmic scale of parameters, and coloured by its Access value. ` +
      `${n(counted.length)} of ${plural(models.length, "model")} have both and are shown; ${n(unknown)} of them have no Access value (grey). The other ${n(models.length - counted.length)} lack a date or a parameter count (Epoch AI does not estimate every model's size) and are not shown. ` +
      `Where sources give more than one count, the first is used. Each point links to its model's page.`,
    table: {
      columns: ["Model", "Released", "Parameters", "Access"],
      rows: counted.map(({ m, p }) => [{ text: m.title, href: site.urls.note(m.slug) }, { text: m.date! }, { text: quantity(String(p), "count"), value: p }, { text: accessOf(m) ?? "—" }]),
    },
    spec: logScatter({ rows, categories, colours, valueTitle: "Parameters (log scale)", as: "count" }),
    notes: counted.map((x) => x.m),
  };
}

const GAP_SERIES = ["Open weights", "API, hosted or unreleased"] as const;

/** Per year, the largest training compute among open-weight models and among the rest: the open-closed gap. */
export function openClosedGap(site: Site): ChartData {
  const models = modelsOf(site);
  const counted = models.filter((m) => accessOf(m) && yearOf(m) !== undefined && numberOf(m, "training_compute") !== undefined);
  const best = new Map<number, (Note | undefined)[]>();
  for (const m of counted) {
    const y = yearOf(m)!;
    const i = isOpenWeights(accessOf(m)!) ? 0 : 1;
    const pair = best.get(y) ?? [undefined, undefined];
    const held = pair[i];
    if (!held || numberOf(m, "training_compute")! > numberOf(held, "training_compute")!) pair[i] = m;
    best.set(y, pair);
  }
  const years = [...best.keys()].sort((a, b) => a - b);
  const rows: SeriesRow[] = [];
  const table: ChartTable = { columns: ["Year", `Largest with ${GAP_SERIES[0].toLowerCase()}`, "Its training compute", "Largest of the rest", "Its training compute"], rows: [] };
  for (const y of years) {
    const pair = best.get(y)!;
    const cells: TableCell[] = [{ text: String(y), value: y }];
    pair.forEach((m, i) => {
      if (!m) return void cells.push({ text: "—" }, { text: "—" });
      const c = numberOf(m, "training_compute")!;
      rows.push({ year: y, series: GAP_SERIES[i], value: c, tip: `${y}, ${GAP_SERIES[i]}: ${m.title}, ${quantity(String(c), "flop")}`, href: site.urls.note(m.slug) });
      cells.push({ text: m.title, href: site.urls.note(m.slug) }, { text: quantity(String(c), "flop"), value: c });
    });
    table.rows.push(cells);
  }
  const open = counted.filter((m) => isOpenWeights(accessOf(m)!)).length;
  return {
    id: "open-closed-gap",
    title: "The open-closed gap in training compute",
    description:
      `For each year, the largest training compute (in FLOP, on a logarithmic scale) of a model with open weights (an Access value starting "Open weights"), and of the rest (API access, hosted access or unreleased). Each point links to the model holding that year's maximum. ` +
      `${n(counted.length)} of ${plural(models.length, "model")} have an Access value, a release date and a training compute estimate (${n(open)} with open weights) and are counted; the others are not, and a model with no Access value is counted in neither line, since we do not know whether its weights are open. ` +
      `A year with no such model in a group has no point in its line. Compute is mostly Epoch AI's estimate, with its confidence on the model's page.`,
    table,
    spec: logLines({ rows, series: GAP_SERIES, colours: [GAP_COLOURS.open, GAP_COLOURS.rest], valueTitle: "Training compute, FLOP (log scale)", as: "flop" }),
    notes: counted,
  };
}

const TOP_COUNTRIES = 6;
const OTHER = "Other";

/** Models per year by the country of their developers (the `country` of the labs their developer relation names). */
export function countriesByYear(site: Site): ChartData {
  const models = modelsOf(site);
  const dated = models.filter((m) => yearOf(m) !== undefined);
  const countriesOf = (m: Note) => [...new Set(developersOf(site, m).flatMap((d) => (d.fields.values.country ?? []).map((v) => v.value.trim()).filter(Boolean)))];
  const counted = dated.map((m) => ({ m, countries: countriesOf(m) })).filter((x) => x.countries.length);
  const totals = new Map<string, number>();
  for (const x of counted) for (const c of x.countries) totals.set(c, (totals.get(c) ?? 0) + 1);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
  const top = ranked.slice(0, TOP_COUNTRIES);
  const others = ranked.slice(TOP_COUNTRIES);
  const categories = others.length ? [...top, OTHER] : top;
  const colours = categories.map((c, i) => (c === OTHER ? OTHER_COLOUR : CATEGORICAL[i % CATEGORICAL.length]));
  const counts = new Map<number, Map<string, number>>();
  const perYear = new Map<number, number>();
  for (const { m, countries } of counted) {
    const y = yearOf(m)!;
    perYear.set(y, (perYear.get(y) ?? 0) + 1);
    for (const c of new Set(countries.map((c) => (top.includes(c) ? c : OTHER)))) bump(counts, y, c);
  }
  const { rows, bands, table, folded } = yearTable(site, counts, categories, perYear, "Models");
  const several = counted.filter((x) => x.countries.length > 1).length;
  return {
    id: "countries",
    title: "Models per year by country of the developer",
    description:
      `Each bar is a year's models by the country of the labs that developed them (each lab's Country, through the model's Developer). ` +
      `${n(counted.length)} of the ${n(dated.length)} dated models have a developer with a country and are counted; the other ${n(dated.length - counted.length)}, and ${n(models.length - dated.length)} undated models, are not. ` +
      `A model whose developers are in two countries counts in each (${n(several)} do), so a bar can be taller than its year's number of models (the table's last column). ` +
      `The ${n(top.length)} countries with the most models are shown apart${others.length ? `; "Other" is the other ${n(others.length)} (${others.join(", ")}), a model counted once there` : ""}.${foldNote(folded)}`,
    table,
    spec: stackedBars({ rows, bands, categories, colours, bandTitle: "Year", countTitle: "Models", legendColumns: 4 }),
    notes: counted.map((x) => x.m),
  };
}

const LEVELS = ["open", "partial", "closed"] as const;

/** Per dimension of the index, how many rated models are open, partial or closed on it. */
export function opennessByDimension(site: Site): ChartData {
  const models = modelsOf(site);
  const dims = OPENNESS_DIMENSIONS.filter((d) => "index" in d);
  const isRatedCell = (m: Note, key: string) => {
    const s = m.fields.openness[key as keyof typeof m.fields.openness]?.status;
    return s === "open" || s === "partial" || s === "closed" ? s : undefined;
  };
  const rated = models.filter((m) => dims.some((d) => isRatedCell(m, d.key)));
  const fromIndex = rated.filter((m) => Object.values(m.fields.openness).some((c) => c?.imported)).length;
  const rows: StackedRow[] = [];
  const table: ChartTable = { columns: ["Dimension", "Open", "Partial", "Closed", "Not rated"], rows: [] };
  for (const d of dims) {
    const c = { open: 0, partial: 0, closed: 0 };
    for (const m of rated) {
      const s = isRatedCell(m, d.key);
      if (s) c[s]++;
    }
    for (const l of LEVELS) if (c[l]) rows.push({ band: d.label, category: l, count: c[l], tip: `${d.label}: ${c[l]} ${l}`, href: site.urls.openness(d.key) });
    const none = rated.length - c.open - c.partial - c.closed;
    table.rows.push([{ text: d.label, href: site.urls.openness(d.key) }, ...LEVELS.map((l) => ({ text: n(c[l]), value: c[l] })), { text: n(none), value: none }]);
  }
  return {
    id: "openness-dimensions",
    title: "How open the rated models are, dimension by dimension",
    description:
      `For each of the ${n(dims.length)} dimensions the European Open Source AI Index rates, how many models are open, partial or closed on it. ` +
      `${n(rated.length)} of ${plural(models.length, "model")} are rated on at least one of them (${n(fromIndex)} with ratings imported from the index, the others from the sources a note cites) and are counted; the rest are rated on none and are not. ` +
      `A dimension a rated model leaves unknown is not counted (the table's last column).`,
    table,
    spec: stackedBars({ rows, bands: dims.map((d) => d.label), categories: LEVELS, colours: LEVELS.map((l) => LEVEL_COLOURS[l]), bandTitle: "Dimension", countTitle: "Models", horizontal: true, legendColumns: 3 }),
    notes: rated,
  };
}

const TOP_LABS = 20;

/** The labs with the most open-weight releases, and how open their rated models are on the index's dimensions. */
export function labsRanking(site: Site): ChartData {
  const models = modelsOf(site);
  // Labs: the type the timeline is filtered by (the registry's `timeline.filter`), as a lab's page lists its models.
  const labType = site.registry.types.find((t) => t.timeline?.filter)?.type;
  const dims = OPENNESS_DIMENSIONS.filter((d) => "index" in d);
  const stats = new Map<string, { lab: Note; open: number; rated: number; openCells: number; ratedCells: number }>();
  for (const m of models) {
    const access = accessOf(m);
    const statuses = dims.map((d) => m.fields.openness[d.key]?.status).filter((s) => s === "open" || s === "partial" || s === "closed");
    for (const lab of developersOf(site, m)) {
      if (lab.type !== labType) continue;
      const s = stats.get(lab.slug) ?? { lab, open: 0, rated: 0, openCells: 0, ratedCells: 0 };
      if (access && isOpenWeights(access)) s.open++;
      if (statuses.length) {
        s.rated++;
        s.ratedCells += statuses.length;
        s.openCells += statuses.filter((x) => x === "open").length;
      }
      stats.set(lab.slug, s);
    }
  }
  const ranked = [...stats.values()].filter((s) => s.open > 0).sort((a, b) => b.open - a.open || a.lab.title.localeCompare(b.lab.title, "en")).slice(0, TOP_LABS);
  const pct = (s: { openCells: number; ratedCells: number }) => (s.ratedCells ? s.openCells / s.ratedCells : null);
  const openModels = models.filter((m) => { const a = accessOf(m); return a && isOpenWeights(a); });
  return {
    id: "labs",
    title: `The ${n(ranked.length)} labs with the most open-weight releases`,
    description:
      `Bars: how many models with open weights (an Access value starting "Open weights", from Epoch AI) each lab developed; the ${n(ranked.length)} labs with the most are shown, ties by name. ` +
      `Dots: of the dimensions the European Open Source AI Index rates, the share rated open across the lab's rated models (open-weight or not), where it has any; a lab without a dot has no rated model. ` +
      `${n(openModels.length)} models have open weights; a model with no Access value is not counted in the bars, though its ratings count in the dots. A model developed by two labs counts for each.`,
    table: {
      columns: ["Lab", "Open-weight releases", "Rated models", "Share of rated dimensions open"],
      rows: ranked.map((s) => {
        const p = pct(s);
        return [{ text: s.lab.title, href: site.urls.note(s.lab.slug) }, { text: n(s.open), value: s.open }, { text: n(s.rated), value: s.rated }, p === null ? { text: "—" } : { text: `${Math.round(p * 100)}% (${s.openCells} of ${s.ratedCells})`, value: Math.round(p * 1000) / 10 }];
      }),
    },
    spec: rankingWithShare({
      rows: ranked.map((s) => {
        const p = pct(s);
        return { label: s.lab.title, count: s.open, share: p, tip: `${s.lab.title}: ${plural(s.open, "open-weight release")}`, shareTip: p === null ? "" : `${s.lab.title}: ${Math.round(p * 100)}% of ${s.ratedCells} rated dimensions open`, href: site.urls.note(s.lab.slug) };
      }),
      countTitle: "Open-weight releases",
      shareTitle: "Rated dimensions open",
      colour: ACCESS_COLOURS["Open weights (unrestricted)"],
      shareColour: ACCESS_COLOURS["API access"],
    }),
    notes: ranked.map((s) => s.lab),
  };
}

/** A lab's models per year by Access (a model without an Access value in grey); none for fewer than 2 dated models. */
export function labModels(site: Site, lab: Note): ChartData | undefined {
  const dated = site.developed(lab).filter((m) => yearOf(m) !== undefined);
  if (dated.length < 2) return undefined;
  const counts = new Map<number, Map<string, number>>();
  for (const m of dated) bump(counts, yearOf(m)!, accessOf(m) ?? NO_ACCESS);
  const { categories, colours } = accessCategories(dated.map((m) => accessOf(m) ?? NO_ACCESS), dated.some((m) => !accessOf(m)));
  const present = categories.filter((c) => dated.some((m) => (accessOf(m) ?? NO_ACCESS) === c));
  const { rows, bands, folded } = yearTable(site, counts, present);
  const all = site.developed(lab).length;
  const sorted = [...dated].sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  return {
    id: `lab-models-${lab.slug.replace(/[^a-z0-9-]/gi, "-")}`,
    title: `${lab.title}'s models by year`,
    description:
      `${lab.title}'s ${plural(dated.length, "dated model")} by year of release, by Epoch AI's Access value (grey: no Access value). ` +
      (all > dated.length ? `${n(all - dated.length)} of its models have no release date and are not shown.` : "Every model of the lab in the wiki has a date.") +
      foldNote(folded),
    table: {
      columns: ["Model", "Released", "Access"],
      rows: sorted.map((m) => [{ text: m.title, href: site.urls.note(m.slug) }, { text: m.date! }, { text: accessOf(m) ?? "—" }]),
    },
    spec: stackedBars({ rows: rows.map((r) => ({ ...r, href: undefined })), bands, categories: present, colours: present.map((c) => colours[categories.indexOf(c)]), bandTitle: "Year", countTitle: "Models", height: 200, legendColumns: 2 }),
    notes: dated,
  };
}

interface Landscape {
  renderer: ChartRenderer;
  charts?: Promise<RenderedChart[]>;
}
const LANDSCAPES = new WeakMap<Site, Landscape>();
const landscapeOf = (site: Site): Landscape => {
  let l = LANDSCAPES.get(site);
  if (!l) LANDSCAPES.set(site, (l = { renderer: new ChartRenderer() }));
  return l;
};

const render = async (l: Landscape, data: ChartData): Promise<RenderedChart> => {
  const { spec, ...rest } = data;
  return { ...rest, svg: await l.renderer.render(spec, { id: `chart-${data.id}`, title: data.title, description: data.description }) };
};

/**
 * Every landscape chart of a site that has something to show (a chart counting no note is left out), computed and
 * rendered once per site: the home page and `/landscape/` share them.
 */
export function landscapeCharts(site: Site): Promise<RenderedChart[]> {
  const l = landscapeOf(site);
  const data = () => [accessByYear, parametersOverTime, openClosedGap, countriesByYear, opennessByDimension, labsRanking].map((f) => f(site)).filter((c) => c.notes.length);
  return (l.charts ??= Promise.all(data().map((c) => render(l, c))));
}

/** A lab's chart of its models over time, rendered; undefined for a lab with fewer than 2 dated models. */
export async function labModelsChart(site: Site, lab: Note): Promise<RenderedChart | undefined> {
  const data = labModels(site, lab);
  return data ? render(landscapeOf(site), data) : undefined;
}
