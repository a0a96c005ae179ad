/**
 * The landscape's Vega-Lite specs, one builder per kind of chart, from plain rows (src/lib/views/landscape.ts makes
 * them from the notes). Pure: no Site, no Astro. Every chart is drawn at one width and scales to its column (render.ts
 * keeps only its viewBox); text is 13px at that width, and its colours are the light theme's, which the page's CSS
 * replaces in the dark theme (src/styles/charts.css), as CSS rules win over SVG presentation attributes.
 */
import type { TopLevelSpec } from "./render.ts";

/** The width every chart is drawn at, axes and legend included (autosize "fit"). */
export const CHART_WIDTH = 600;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The look every chart shares. */
export const CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: {
    labelFontSize: 13,
    titleFontSize: 13,
    titleFontWeight: "normal",
    labelColor: "#5b6470",
    titleColor: "#5b6470",
    gridColor: "#e3e6ea",
    domainColor: "#5b6470",
    tickColor: "#5b6470",
    labelLimit: 260,
  },
  legend: {
    labelFontSize: 13,
    titleFontSize: 13,
    titleFontWeight: "normal",
    labelColor: "#1c1f24",
    titleColor: "#5b6470",
    labelLimit: 240,
    symbolSize: 120,
  },
} as const;

const base = (width: number, height: number) => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  background: "transparent",
  width,
  height,
  autosize: { type: "fit", contains: "padding" },
  padding: 4,
  config: CONFIG,
});

/** A legend under the chart, in rows of `columns`. */
const legendBelow = (title: string | null, columns: number) => ({ orient: "bottom", direction: "horizontal", columns, title, symbolType: "square" });

/** A log-scale axis of powers of ten, as `1e9`, `1e10` … would read to a reader: 1B, 10B, … (or 10²⁴ FLOP). */
const POWER_LABEL = {
  count: "datum.value >= 1e12 ? format(datum.value / 1e12, '~g') + 'T' : datum.value >= 1e9 ? format(datum.value / 1e9, '~g') + 'B' : datum.value >= 1e6 ? format(datum.value / 1e6, '~g') + 'M' : datum.value >= 1e3 ? format(datum.value / 1e3, '~g') + 'K' : format(datum.value, '~g')",
  flop: `'10' + ${[..."0123456789-"].reduce((e, d, i) => `replace(${e}, /${d === "-" ? "\\-" : d}/g, '${"⁰¹²³⁴⁵⁶⁷⁸⁹⁻"[i]}')`, "toString(round(log(datum.value) / LN10))")}`,
} as const;

export interface StackedRow {
  /** The band (a year, a dimension, a lab). */
  band: string;
  category: string;
  count: number;
  /** Free text for the mark's tooltip. */
  tip: string;
  href?: string;
}

/**
 * Counts per year (or any band) stacked by category: `bands` in order (every year of the span, empty ones too),
 * `categories` in stacking order (bottom first) with their colours.
 */
export function stackedBars(options: {
  rows: StackedRow[];
  bands: string[];
  categories: readonly string[];
  colours: readonly string[];
  bandTitle: string;
  countTitle: string;
  legendTitle?: string | null;
  legendColumns?: number;
  horizontal?: boolean;
  width?: number;
  height?: number;
}): TopLevelSpec {
  const { rows, bands, categories, colours, horizontal = false } = options;
  const order = new Map(categories.map((c, i) => [c, i]));
  const values = rows.filter((r) => r.count > 0).map((r) => ({ ...r, order: order.get(r.category) ?? categories.length }));
  const many = bands.length > 12;
  const band = {
    field: "band",
    type: "ordinal",
    title: options.bandTitle,
    scale: { domain: bands, paddingInner: many ? 0.1 : 0.2 },
    sort: null,
    axis: horizontal
      ? { title: null }
      : { labelAngle: many ? -45 : 0, labelOverlap: true },
  };
  const count = { field: "count", type: "quantitative", aggregate: "sum", title: options.countTitle, stack: "zero", axis: { tickMinStep: 1, format: "d" } };
  return {
    ...base(options.width ?? CHART_WIDTH, options.height ?? (horizontal ? 24 * bands.length : 260)),
    data: { values },
    mark: { type: "bar", stroke: "#fdfdfc", strokeWidth: 0.75 },
    encoding: {
      [horizontal ? "y" : "x"]: band,
      [horizontal ? "x" : "y"]: count,
      color: {
        field: "category",
        type: "nominal",
        scale: { domain: [...categories], range: [...colours] },
        legend: legendBelow(options.legendTitle ?? null, options.legendColumns ?? 3),
      },
      order: { field: "order", type: "ordinal" },
      description: { field: "tip" },
      ...(rows.some((r) => r.href) ? { href: { field: "href" } } : {}),
    },
  } as TopLevelSpec;
}

export interface PointRow {
  /** Milliseconds since 1970 (UTC): where the point sits in time. */
  t: number;
  value: number;
  category: string;
  tip: string;
  href: string;
}

/** Values over time on a log scale, one point per note, coloured by category and linked to the note. */
export function logScatter(options: { rows: PointRow[]; categories: readonly string[]; colours: readonly string[]; valueTitle: string; as: "count" | "flop"; height?: number }): TopLevelSpec {
  const order = new Map(options.categories.map((c, i) => [c, i]));
  // Drawn most open last, so the open models are on top where points crowd.
  const values = [...options.rows].sort((a, b) => (order.get(b.category) ?? 99) - (order.get(a.category) ?? 99) || a.t - b.t);
  return {
    ...base(CHART_WIDTH, options.height ?? 300),
    data: { values },
    mark: { type: "circle", size: 30, opacity: 0.85, stroke: "#fdfdfc", strokeWidth: 0.5 },
    encoding: {
      x: { field: "t", type: "temporal", title: "Released", scale: { type: "utc", nice: true }, axis: { format: "%Y", tickCount: 8 } },
      y: { field: "value", type: "quantitative", title: options.valueTitle, scale: { type: "log" }, axis: { labelExpr: POWER_LABEL[options.as], grid: true } },
      color: { field: "category", type: "nominal", scale: { domain: [...options.categories], range: [...options.colours] }, legend: legendBelow(null, 2) },
      description: { field: "tip" },
      href: { field: "href" },
    },
  } as TopLevelSpec;
}

export interface SeriesRow {
  year: number;
  series: string;
  value: number;
  tip: string;
  href: string;
}

/** One line per series over the years on a log scale, its points linked to the note holding each value. */
export function logLines(options: { rows: SeriesRow[]; series: readonly string[]; colours: readonly string[]; valueTitle: string; as: "count" | "flop" }): TopLevelSpec {
  const colour = { field: "series", type: "nominal", scale: { domain: [...options.series], range: [...options.colours] }, legend: legendBelow(null, 2) };
  const x = { field: "year", type: "quantitative", title: "Year", scale: { zero: false, nice: false }, axis: { format: "d", tickMinStep: 1 } };
  const y = { field: "value", type: "quantitative", title: options.valueTitle, scale: { type: "log" }, axis: { labelExpr: POWER_LABEL[options.as] } };
  return {
    ...base(CHART_WIDTH, 280),
    data: { values: options.rows },
    encoding: { x, y, color: colour },
    layer: [
      { mark: { type: "line", strokeWidth: 2 }, encoding: { strokeDash: { field: "series", type: "nominal", scale: { domain: [...options.series], range: [[1, 0], [6, 3]] }, legend: legendBelow(null, 2) } } },
      { mark: { type: "point", filled: true, size: 45, stroke: "#fdfdfc", strokeWidth: 0.75 }, encoding: { shape: { field: "series", type: "nominal", scale: { domain: [...options.series], range: ["circle", "square"] }, legend: legendBelow(null, 2) }, description: { field: "tip" }, href: { field: "href" } } },
    ],
  } as TopLevelSpec;
}

export interface RankRow {
  label: string;
  count: number;
  /** 0 to 1, or null where nothing is rated. */
  share: number | null;
  tip: string;
  shareTip: string;
  href: string;
}

/**
 * A ranking: a bar per row for its count, and beside it a dot for its share (0–100 %) where it has one; rows in
 * the given order, linked to their notes.
 */
export function rankingWithShare(options: { rows: RankRow[]; countTitle: string; shareTitle: string; colour: string; shareColour: string }): TopLevelSpec {
  const labels = options.rows.map((r) => r.label);
  const y = { field: "label", type: "nominal", sort: labels, scale: { domain: labels }, title: null, axis: {} };
  const height = 20 * labels.length;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    background: "transparent",
    padding: 4,
    config: { ...CONFIG, concat: { spacing: 16 } },
    data: { values: options.rows.map((r) => ({ ...r, sharePct: r.share === null ? null : Math.round(r.share * 1000) / 10 })) },
    hconcat: [
      {
        width: 250,
        height,
        mark: { type: "bar", color: options.colour },
        encoding: { y, x: { field: "count", type: "quantitative", title: options.countTitle, axis: { tickMinStep: 1, format: "d", orient: "top" } }, description: { field: "tip" }, href: { field: "href" } },
      },
      {
        width: 130,
        height,
        transform: [{ filter: "datum.sharePct !== null" }],
        mark: { type: "point", filled: true, size: 80, color: options.shareColour, strokeWidth: 0.5 },
        encoding: {
          y: { ...y, axis: null },
          x: { field: "sharePct", type: "quantitative", title: options.shareTitle, scale: { domain: [0, 100] }, axis: { orient: "top", values: [0, 50, 100], format: "d", labelExpr: "datum.label + '%'" } },
          description: { field: "shareTip" },
          href: { field: "href" },
        },
      },
    ],
  } as TopLevelSpec;
}
