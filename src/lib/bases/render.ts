/**
 * A base's views as HTML, built as a hast tree and serialised by hast-util-to-html, so every text a note or a base
 * supplies is escaped: a table (sortable in the browser by src/client/table-tools.ts, which enhances any
 * `table[data-table-tools]`; a plain table without JavaScript), cards, or a list; a map view says it is not
 * published. Values show as text, links as links to their pages; `html()` is sanitised by the site's one sanitizer
 * schema; `icon()` and `image()` show as text. A view with no files says so, and a problem in a cell shows there.
 */
import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { raw } from "hast-util-raw";
import { sanitize } from "hast-util-sanitize";
import { h } from "hastscript";
import { SANITIZE_SCHEMA } from "../markdown/sanitize.ts";
import type { Cell, Column, Group, ViewResult, BaseRun } from "./evaluate.ts";
import type { BaseWorld } from "./files.ts";
import { BDate, BDuration, BFile, BHtml, BIcon, BImage, BLink, BRow, isoText, numberText, toText, type Value } from "./values.ts";

export interface RenderOptions {
  /** Headings for each view (a base's own page shows every view under its name). */
  headings?: boolean;
  /** The level of those headings. */
  level?: 2 | 3;
  /** Each view's heading's id (a base's own page: bases/note.ts gives the same ids to its headings). */
  ids?: string[];
}

/** The views of a run as HTML. */
export function renderRun(run: BaseRun, world: BaseWorld, options: RenderOptions = {}): string {
  const children: ElementContent[] = [];
  if (!run.views.length) children.push(h("p", { className: ["base-empty"] }, "This base has no view to show."));
  run.views.forEach((v, i) => children.push(renderView(v, world, options, options.ids?.[i])));
  return toHtml(h(null, children) as Root);
}

function renderView(result: ViewResult, world: BaseWorld, options: RenderOptions, id?: string): Element {
  const { view } = result;
  const heading = options.headings ? [h(`h${options.level ?? 2}`, { className: ["base-view-name"], ...(id ? { id } : {}) }, view.name)] : [];
  const shown = result.groups.reduce((n, g) => n + g.rows.length, 0);
  const count = h("p", { className: ["base-count"] }, shown < result.matched ? `${shown} of ${result.matched} results` : `${result.matched} result${result.matched === 1 ? "" : "s"}`);
  const props = { className: ["base-view", `base-view-${view.type}`], dataView: view.name };
  if (view.type === "map") {
    return h("section", props, [...heading, h("p", { className: ["base-unpublished"] }, `"${view.name}" is a map view, which this site does not publish: it needs Obsidian's Maps plugin and a map service.`)]);
  }
  if (result.matched === 0) return h("section", props, [...heading, h("p", { className: ["base-empty"] }, "No notes match this view's filters.")]);
  const body: ElementContent[] = [];
  for (const g of result.groups) {
    if (g.key !== undefined) body.push(h("h4", { className: ["base-group"] }, [...valueNodes(g.key, world), h("span", { className: ["count"] }, ` ${g.rows.length}`)]));
    body.push(view.type === "cards" ? cards(result, g, world) : view.type === "list" ? list(result, g, world) : table(result, g, world));
  }
  if (view.type !== "table" && result.summaries.some(Boolean)) body.push(summaryList(result.columns, result.summaries, world));
  return h("section", props, [...heading, count, ...body]);
}

const keyOf = (label: string, i: number) => label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || `column-${i + 1}`;

function table(result: ViewResult, group: Group, world: BaseWorld): Element {
  const { columns } = result;
  const numeric = columns.map((_c, i) => {
    const values = group.rows.map((r) => r.cells[i]).filter((c): c is { value: Value } => "value" in c && c.value !== null);
    return values.length > 0 && values.every((c) => typeof c.value === "number" || c.value instanceof BDate || c.value instanceof BDuration);
  });
  const head = h("thead", h("tr", columns.map((c, i) => h("th", { scope: "col", dataKey: keyOf(c.label, i), ...(numeric[i] ? { dataSortType: "number" } : {}) }, c.label))));
  const rows = group.rows.map((r) =>
    h(
      "tr",
      r.cells.map((c, i) => {
        const v = "value" in c ? c.value : null;
        const sort = numeric[i] && v !== null ? String(v instanceof BDate ? v.ms : v instanceof BDuration ? v.total : v) : undefined;
        return h("td", sort !== undefined ? { dataSort: sort } : {}, cellNodes(c, world));
      }),
    ),
  );
  const sums = group.key === undefined ? result.summaries : group.summaries;
  const foot = sums.some(Boolean)
    ? [h("tfoot", h("tr", columns.map((c, i) => h("td", { className: ["base-summary"] }, sums[i] ? [h("span", { className: ["base-summary-name"] }, `${c.summary} `), ...cellNodes(sums[i]!, world)] : []))))]
    : [];
  return h("div", { className: ["table-scroll"] }, h("table", { className: ["base-table"], dataTableTools: "", ariaLabel: result.view.name }, [head, h("tbody", rows), ...foot]));
}

/** The first column names each card or item (a link to the file, when it is `file.name`); the rest follow. */
function cards(result: ViewResult, group: Group, world: BaseWorld): Element {
  return h(
    "ul",
    { className: ["base-cards"] },
    group.rows.map((r) =>
      h("li", { className: ["base-card"] }, [
        h("p", { className: ["base-card-title"] }, titleNodes(r.file, r.cells[0], result.columns[0], world)),
        h(
          "dl",
          result.columns.slice(1).flatMap((c, i) => (isBlank(r.cells[i + 1]) ? [] : [h("dt", c.label), h("dd", cellNodes(r.cells[i + 1], world))])),
        ),
      ]),
    ),
  );
}

function list(result: ViewResult, group: Group, world: BaseWorld): Element {
  const numbered = result.view.options.markers === "number" || result.view.options.markers === "numbers";
  const separator = typeof result.view.options.separator === "string" ? result.view.options.separator : ", ";
  return h(
    numbered ? "ol" : "ul",
    { className: ["base-list", ...(result.view.options.markers === "none" ? ["no-markers"] : [])] },
    group.rows.map((r) => {
      const rest = result.columns.slice(1).flatMap((c, i) => (isBlank(r.cells[i + 1]) ? [] : [h("span", { className: ["base-list-property"], title: c.label }, cellNodes(r.cells[i + 1], world))]));
      const joined: ElementContent[] = [];
      rest.forEach((e, i) => joined.push(...(i ? [{ type: "text" as const, value: separator }] : []), e));
      return h("li", [...titleNodes(r.file, r.cells[0], result.columns[0], world), ...(joined.length ? [{ type: "text" as const, value: " — " }, ...joined] : [])]);
    }),
  );
}

function summaryList(columns: Column[], sums: (Cell | undefined)[], world: BaseWorld): Element {
  return h(
    "dl",
    { className: ["base-summaries"] },
    columns.flatMap((c, i) => (sums[i] ? [h("dt", `${c.label}: ${c.summary}`), h("dd", cellNodes(sums[i]!, world))] : [])),
  );
}

const isBlank = (c: Cell) => "value" in c && (c.value === null || c.value === "" || (Array.isArray(c.value) && c.value.length === 0));

function titleNodes(file: BFile, first: Cell | undefined, column: Column | undefined, world: BaseWorld): ElementContent[] {
  if (first && column && column.property !== "file.name" && !isBlank(first)) return cellNodes(first, world);
  return fileLink(file, world);
}

function cellNodes(c: Cell, world: BaseWorld): ElementContent[] {
  if ("error" in c) return [h("span", { className: ["base-error"], title: c.error }, `⚠ ${c.error}`)];
  return valueNodes(c.value, world);
}

function fileLink(f: BFile, world: BaseWorld, text?: string): ElementContent[] {
  const href = world.href(f);
  const label = text ?? f.source.title;
  return [href ? h("a", { href, className: ["wikilink"] }, label) : h("span", { className: ["wikilink"] }, label)];
}

/** A value as HTML nodes: text escaped by the serialiser, links as links, lists item by item. */
export function valueNodes(v: Value, world: BaseWorld, depth = 0): ElementContent[] {
  if (v === null) return [];
  if (Array.isArray(v)) {
    if (depth > 5) return [{ type: "text", value: toText(v) }];
    const out: ElementContent[] = [];
    v.forEach((x, i) => {
      if (i) out.push({ type: "text", value: ", " });
      out.push(h("span", { className: ["base-item"] }, valueNodes(x, world, depth + 1)));
    });
    return out;
  }
  if (typeof v === "boolean") return [h("span", { className: ["base-bool"], title: v ? "true" : "false" }, v ? "✓" : "✗")];
  if (typeof v === "number") return [{ type: "text", value: numberText(v) }];
  if (typeof v === "string") return [{ type: "text", value: v }];
  if (v instanceof BDate) return [h("time", { dateTime: v.time ? new Date(v.ms).toISOString() : isoText(v) }, isoText(v))];
  if (v instanceof BFile || v instanceof BRow) return fileLink(v instanceof BRow ? v.file : v, world);
  if (v instanceof BLink) {
    const text = v.display !== undefined && v.display !== null ? toText(v.display) : undefined;
    if (v.file) return fileLink(v.file, world, text);
    if (v.external) return [h("a", { href: v.target, className: ["external"], rel: ["nofollow", "noopener"] }, text ?? v.target)];
    return [h("span", { className: ["wikilink", "broken"], title: `Missing: ${v.target}` }, text ?? v.target)];
  }
  if (v instanceof BHtml) return sanitizedHtml(v.html);
  if (v instanceof BIcon) return [h("span", { className: ["base-icon"], title: "An icon, shown by its name" }, v.name)];
  if (v instanceof BImage) return [h("span", { className: ["base-image"], title: "An image, shown by its address" }, v.src)];
  return [{ type: "text", value: toText(v) }];
}

/** `html()`'s HTML, through the sanitizer the notes' raw HTML goes through. */
function sanitizedHtml(html: string): ElementContent[] {
  if (html.length > 100_000) return [{ type: "text", value: html.slice(0, 100_000) }];
  const tree = raw({ type: "root", children: [{ type: "raw", value: html } as unknown as ElementContent] } as Root) as Root;
  const clean = sanitize(tree, SANITIZE_SCHEMA) as Root;
  return clean.children as ElementContent[];
}
