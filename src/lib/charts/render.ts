/**
 * Vega-Lite specs to SVG at build time: compiled to Vega, run headless (`renderer: "none"`: no DOM, no canvas) and
 * written as an SVG string, then made to stand on its own in a page: an SVG `<title>` and `<desc>` named by
 * `aria-labelledby` on a `role="img"` root, a viewBox without a fixed size (it scales to its column), no background
 * (the page's shows through), a native tooltip on each linked mark, and the marks' links kept out of the tab order
 * (the table under each chart holds the same links, one per row). A `ChartRenderer` renders a spec once: one per site
 * (per build), so the home page and `/landscape/` share their charts.
 */
import { createHash } from "node:crypto";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { escapeHtml } from "../html-escape.ts";

export type { TopLevelSpec };

/**
 * How wide a text is, for Vega's layout (axis labels' space, legends' columns, truncation). Without a canvas Vega
 * guesses 0.8 em a character, which leaves wide gaps beside labels and cuts short ones; this reads each character as
 * a sans-serif font sets it (about 0.6 em for most letters, DejaVu Sans's width, the widest of the usual system fonts). Set once for the process, as vl-convert sets its own.
 */
const NARROW = new Set([..."ijlI.,:;'|!()[] f t r-"]);
const WIDE = new Set([..."mwMW@%"]);
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += NARROW.has(ch) ? 0.34 : WIDE.has(ch) ? 0.92 : ch >= "A" && ch <= "Z" ? 0.72 : 0.6;
  return em * fontSize;
}
(vega as unknown as { textMetrics: { width: (item: { fontSize?: number | string }, text: unknown) => number } }).textMetrics.width = (item: { fontSize?: number | string }, text: unknown) => textWidth(String(text ?? "").trim(), item.fontSize != null ? Number(item.fontSize) || 0 : 11);

/** What a rendered chart says of itself: its id (unique in the page), title and text description. */
export interface ChartLabel {
  id: string;
  title: string;
  description: string;
}

/** Renders specs to SVG, each distinct spec once. */
export class ChartRenderer {
  #cache = new Map<string, Promise<string>>();

  /** The chart as SVG markup labelled by `label` (same spec and label: the same promise). */
  render(spec: TopLevelSpec, label: ChartLabel): Promise<string> {
    const key = createHash("sha1").update(JSON.stringify([spec, label])).digest("hex");
    let svg = this.#cache.get(key);
    if (!svg) {
      svg = renderSvg(spec, label);
      this.#cache.set(key, svg);
    }
    return svg;
  }

  get size(): number {
    return this.#cache.size;
  }
}

/** One spec to SVG, uncached. */
export async function renderSvg(spec: TopLevelSpec, label: ChartLabel): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return finishSvg(await view.toSVG(), label);
  } finally {
    view.finalize();
  }
}

/** Vega's SVG made accessible and responsive (see the module's comment). Exported for the tests. */
export function finishSvg(svg: string, { id, title, description }: ChartLabel): string {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  let out = svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => {
    const viewBox = /viewBox="([^"]*)"/.exec(attrs)?.[1];
    const width = /\bwidth="([\d.]+)"/.exec(attrs)?.[1];
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="chart-svg" role="img" aria-labelledby="${titleId} ${descId}"` +
      `${viewBox ? ` viewBox="${viewBox}"` : ""}${width ? ` style="max-width:${width}px"` : ""}>` +
      `<title id="${titleId}">${escapeHtml(title)}</title><desc id="${descId}">${escapeHtml(description)}</desc>`
    );
  });
  // The background Vega paints behind the chart: the page's own shows through, in either theme.
  out = out.replace(/(<desc id="[^"]*">[^<]*<\/desc>)<rect [^>]*\/>/, "$1");
  // Inside role="img" these are presentational; dropping them keeps the markup small. A mark's description (its
  // `aria-label`) becomes its link's native tooltip.
  out = out.replace(/<a ([^>]*)><path ([^>]*?)aria-label="([^"]*)"/g, (_m, a: string, rest: string, text: string) => `<a ${a} tabindex="-1"><title>${text}</title><path ${rest}`);
  out = out.replace(/ (?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, (m) => (m.startsWith(" role=\"img\"") ? m : ""));
  out = out.replace(/<a ([^>]*)>(?!<title>)/g, (m, a: string) => (a.includes("tabindex") ? m : `<a ${a} tabindex="-1">`));
  // A mark whose datum has no note (a year's bar of several, "Before 2006") gets no address: Vega writes the text
  // "undefined" there, a link to nowhere; an `<a>` without one is no link.
  out = out.replace(/ xlink:href="(?:undefined|null|)"/g, "");
  // What Vega writes for an interactive view and a static page does not need: empty paths, defaults, long decimals.
  out = out
    .replace(/<path class="(?:foreground|background)" d="(?:|M0,0h0v0h0Z)"[^>]*\/>/g, "")
    .replace(/ (?:pointer-events="none"|opacity="1"|stroke-miterlimit="4")/g, "")
    .replace(/ (d|transform)="([^"]*)"/g, (_m, name: string, value: string) => ` ${name}="${value.replace(/(\d+\.\d\d)\d+/g, "$1")}"`);
  return out;
}
