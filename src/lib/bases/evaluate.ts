/**
 * A base over the vault: its filters (the base's and the view's, joined with AND), then for each view its sort,
 * its limit, its groups and its summaries, and the value of every shown property of every shown file. One pass over
 * the notes per base (the base's own filter, shared by its views); formulas are computed once per file and view, on
 * demand. A problem in an expression never stops anything: a filter that fails leaves that file out, a cell that
 * fails shows its error, and each distinct problem is recorded once (`BaseRun.errors`) for the checker to report.
 */
import { evaluate, mean, median, numbersOf, type Scope } from "./expr.ts";
import type { BaseWorld } from "./files.ts";
import { DEFAULT_SUMMARIES, type BaseSpec, type ExprSpec, type FilterSpec, type SortSpec, type ViewSpec } from "./parse.ts";
import { BaseError, BDate, BDuration, BFile, BRow, compareValues, equals, isEmpty, toText, truthy, type Value } from "./values.ts";

/** A cell's value, or the problem that stopped it. */
export type Cell = { value: Value } | { error: string };

export interface Row {
  file: BFile;
  cells: Cell[];
}

export interface Group {
  /** The group's value (absent when the view is not grouped). */
  key?: Value;
  rows: Row[];
  /** One per column: its summary, when the view has one for it. */
  summaries: (Cell | undefined)[];
}

export interface Column {
  /** As written in `order` (`file.name`, `note.status`, `formula.price`, `status`). */
  property: string;
  label: string;
  /** The summary's name, when the view summarises this column. */
  summary?: string;
}

export interface ViewResult {
  view: ViewSpec;
  columns: Column[];
  groups: Group[];
  /** Files that passed the filters, before the limit. */
  matched: number;
  /** The summaries over every shown row, one per column (grouped views also have them per group). */
  summaries: (Cell | undefined)[];
}

/** A problem met while evaluating, once per expression and message. */
export interface RunError {
  what: string;
  expr?: ExprSpec;
  message: string;
}

export interface BaseRun {
  spec: BaseSpec;
  /** The view shown (by name; the first by default), or undefined when the base has none that could be made. */
  views: ViewResult[];
  errors: RunError[];
}

const FILE_LABELS: Record<string, string> = {
  name: "Name",
  basename: "Name",
  path: "Path",
  folder: "Folder",
  ext: "Extension",
  size: "Size",
  ctime: "Created",
  mtime: "Modified",
  tags: "Tags",
  links: "Links",
  backlinks: "Backlinks",
  embeds: "Embeds",
  properties: "Properties",
};

/** A column's heading: its `displayName`, else its name without `note.` or `formula.`. */
export function labelOf(spec: BaseSpec, property: string): string {
  const display = spec.properties.get(property)?.displayName ?? spec.properties.get(property.replace(/^note\./, ""))?.displayName;
  if (display) return display;
  if (property.startsWith("file.")) return FILE_LABELS[property.slice(5)] ?? property.slice(5);
  return property.replace(/^(note|formula)\./, "");
}

export interface RunOptions {
  /** Which views to make: all (a base's page), or one by name (an embed `#View`); the first when that name is missing. */
  view?: string | "all";
  /** `this`: the note the base is shown in, or the base's own file. */
  self?: BFile | null;
}

/** Runs a base over the world's notes. */
export function runBase(spec: BaseSpec, world: BaseWorld, options: RunOptions = {}): BaseRun {
  const errors = new Map<string, RunError>();
  const fail = (what: string, err: unknown, expr?: ExprSpec) => {
    const message = err instanceof BaseError ? err.message : err instanceof Error ? err.message : String(err);
    const key = `${what}\0${expr?.line}:${expr?.column}\0${message}`;
    if (!errors.has(key)) errors.set(key, { what, expr, message });
    return message;
  };
  const self = options.self ? new BRow(options.self) : null;
  const base: Omit<Scope, "row" | "formula"> = { env: world, self };

  // The base's own filter, one pass over the notes for every view.
  const all = world.files();
  const kept = spec.filters ? all.filter((f) => passes(spec.filters!, rowScope(f), "the filter")) : all;

  const views = options.view === "all" ? spec.views : [pickView(spec, options.view)].filter((v): v is ViewSpec => !!v);
  return { spec, views: views.map((v) => runView(v)), errors: [...errors.values()] };

  function rowScope(file: BFile): Scope {
    const cache = new Map<string, Value | BaseError>();
    const computing = new Set<string>();
    const scope: Scope = {
      ...base,
      row: file,
      formula(name: string): Value {
        const hit = cache.get(name);
        if (hit instanceof BaseError) throw hit;
        if (hit !== undefined) return hit;
        const f = spec.formulas.get(name);
        if (!f) throw new BaseError(`there is no formula \`${name}\` in this base`);
        if (!f.parsed.ok) throw new BaseError(`the formula \`${name}\` does not parse`);
        if (computing.has(name)) throw new BaseError(`the formula \`${name}\` refers to itself`);
        computing.add(name);
        try {
          const v = evaluate(f.parsed.ast, scope);
          cache.set(name, v);
          return v;
        } catch (err) {
          const e = err instanceof BaseError ? err : new BaseError(String(err));
          cache.set(name, e);
          fail(`the formula \`${name}\``, e, f);
          throw e;
        } finally {
          computing.delete(name);
        }
      },
    };
    return scope;
  }

  function passes(filter: FilterSpec, scope: Scope, what: string): boolean {
    if ("expr" in filter) {
      if (!filter.expr.parsed.ok) return false;
      try {
        return truthy(evaluate(filter.expr.parsed.ast, scope));
      } catch (err) {
        fail(what, err, filter.expr);
        return false;
      }
    }
    switch (filter.op) {
      case "and":
        return filter.items.every((f) => passes(f, scope, what));
      case "or":
        return filter.items.some((f) => passes(f, scope, what));
      case "not":
        return !filter.items.some((f) => passes(f, scope, what));
    }
  }

  /** A property's value for a row: a formula, a file property, or a note property (`note.x` or bare `x`). */
  function valueOf(property: string, scope: Scope): Cell {
    try {
      if (property.startsWith("formula.")) return { value: scope.formula!(property.slice(8)) };
      if (property.startsWith("file.")) {
        const f = scope.row!;
        const name = property.slice(5);
        return { value: name === "name" ? f : fieldOfFile(f, name) };
      }
      const name = property.startsWith("note.") ? property.slice(5) : property;
      return { value: scope.row!.source.properties().get(name) ?? null };
    } catch (err) {
      return { error: err instanceof BaseError ? err.message : fail(`the property \`${property}\``, err) };
    }
  }

  function runView(view: ViewSpec): ViewResult {
    const what = `the filter of the view "${view.name}"`;
    const scopes = new Map<BFile, Scope>();
    const scopeOf = (f: BFile) => {
      let s = scopes.get(f);
      if (!s) scopes.set(f, (s = rowScope(f)));
      return s;
    };
    let files = view.filters ? kept.filter((f) => passes(view.filters!, scopeOf(f), what)) : kept;
    const matched = files.length;
    const sortBy: SortSpec[] = [...(view.groupBy ? [view.groupBy] : []), ...view.sort];
    if (sortBy.length) {
      const keys = new Map<BFile, Value[]>(files.map((f) => [f, sortBy.map((s) => sortKey(valueOf(s.property, scopeOf(f))))]));
      files = [...files].sort((a, b) => {
        const ka = keys.get(a)!;
        const kb = keys.get(b)!;
        for (let i = 0; i < sortBy.length; i++) {
          const c = compareValues(ka[i], kb[i]);
          // Empty values stay last whichever way the column sorts.
          if (c) return ka[i] === null || kb[i] === null ? c : sortBy[i].direction === "DESC" ? -c : c;
        }
        return 0;
      });
    }
    if (view.limit !== undefined) files = files.slice(0, view.limit);
    const order = view.order.length ? view.order : ["file.name"];
    const summaryOf = new Map(view.summaries);
    const columns: Column[] = order.map((p) => ({ property: p, label: labelOf(spec, p), ...(summaryOf.has(p) ? { summary: summaryOf.get(p) } : {}) }));
    const rows: Row[] = files.map((f) => ({ file: f, cells: order.map((p) => valueOf(p, scopeOf(f))) }));
    const groups: Group[] = [];
    if (view.groupBy) {
      const g = view.groupBy;
      for (const row of rows) {
        const key = sortKey(valueOf(g.property, scopeOf(row.file)));
        const last = groups[groups.length - 1];
        if (last && equals(last.key ?? null, key)) last.rows.push(row);
        else {
          const same = groups.find((x) => equals(x.key ?? null, key));
          if (same) same.rows.push(row);
          else groups.push({ key, rows: [row], summaries: [] });
        }
      }
    } else groups.push({ rows, summaries: [] });
    const summarise = (list: Row[]) => columns.map((c, i) => (c.summary ? summary(c.summary, list.map((r) => ("value" in r.cells[i] ? (r.cells[i] as { value: Value }).value : null)), c.property) : undefined));
    if (view.groupBy) for (const g of groups) g.summaries = summarise(g.rows);
    return { view, columns, groups, matched, summaries: summarise(rows) };
  }

  function summary(name: string, values: Value[], property: string): Cell {
    const custom = spec.summaries.get(name);
    if (custom) {
      if (!custom.parsed.ok) return { error: `the summary \`${name}\` does not parse` };
      try {
        return { value: evaluate(custom.parsed.ast, { ...base, row: null, locals: new Map([["values", values]]) }) };
      } catch (err) {
        return { error: fail(`the summary \`${name}\``, err, custom) };
      }
    }
    if (!(DEFAULT_SUMMARIES as readonly string[]).includes(name)) return { error: `there is no summary \`${name}\`` };
    try {
      return { value: defaultSummary(name as (typeof DEFAULT_SUMMARIES)[number], values) };
    } catch (err) {
      return { error: fail(`the summary ${name} of \`${property}\``, err) };
    }
  }
}

/** What a column sorts and groups by: a link or file by its title, an error last. */
function sortKey(c: Cell): Value {
  if (!("value" in c)) return null;
  const v = c.value;
  if (v instanceof BFile || v instanceof BRow) return toText(v);
  return v;
}

function fieldOfFile(f: BFile, name: string): Value {
  switch (name) {
    case "basename":
    case "path":
    case "folder":
    case "ext":
    case "properties":
    case "file": {
      const base = f.source.path.slice(f.source.path.lastIndexOf("/") + 1);
      const dot = base.lastIndexOf(".");
      if (name === "basename") return dot > 0 ? base.slice(0, dot) : base;
      if (name === "path") return f.source.path;
      if (name === "folder") return f.source.path.includes("/") ? f.source.path.slice(0, f.source.path.lastIndexOf("/")) : "/";
      if (name === "ext") return dot > 0 ? base.slice(dot + 1) : "";
      return name === "file" ? f : toText(null);
    }
    case "size":
    case "ctime":
    case "mtime":
    case "tags":
    case "links":
    case "backlinks":
    case "embeds":
      return f.source.field(name);
  }
  throw new BaseError(`a file has no \`${name}\``);
}

/** The default summaries, over a column's values. */
export function defaultSummary(name: (typeof DEFAULT_SUMMARIES)[number], values: readonly Value[]): Value {
  const filled = values.filter((v) => !isEmpty(v));
  const dates = filled.filter((v): v is BDate => v instanceof BDate);
  const numbers = numbersOf(filled);
  const onDates = dates.length > 0 && dates.length >= numbers.length;
  switch (name) {
    case "Empty":
      return values.length - filled.length;
    case "Filled":
      return filled.length;
    case "Unique": {
      const seen: Value[] = [];
      for (const v of filled) if (!seen.some((x) => equals(x, v))) seen.push(v);
      return seen.length;
    }
    case "Checked":
      return values.filter((v) => v === true).length;
    case "Unchecked":
      return values.filter((v) => v === false).length;
    case "Earliest":
    case "Latest": {
      if (!dates.length) return null;
      return dates.reduce((a, b) => ((name === "Earliest" ? b.ms < a.ms : b.ms > a.ms) ? b : a));
    }
    case "Range": {
      if (onDates) {
        const ms = dates.map((d) => d.ms);
        return new BDuration(0, Math.max(...ms) - Math.min(...ms));
      }
      return numbers.length ? Math.max(...numbers) - Math.min(...numbers) : null;
    }
    case "Sum":
      return numbers.reduce((a, b) => a + b, 0);
    case "Average":
      return mean(numbers);
    case "Median":
      return median(numbers);
    case "Min":
      return numbers.length ? Math.min(...numbers) : null;
    case "Max":
      return numbers.length ? Math.max(...numbers) : null;
    case "Stddev": {
      const m = mean(numbers);
      if (m === null) return null;
      return Math.sqrt(numbers.reduce((a, b) => a + (b - m) ** 2, 0) / numbers.length);
    }
  }
}

/** The view an embed names (`![[x.base#View]]`), by name, case-insensitively; else the first. */
export function pickView(spec: BaseSpec, name?: string): ViewSpec | undefined {
  if (name) {
    const n = name.trim().toLowerCase();
    const found = spec.views.find((v) => v.name.toLowerCase() === n);
    if (found) return found;
  }
  return spec.views[0] ?? (spec.problems.length ? undefined : { type: "table", name: "Table", order: [], sort: [], summaries: [], options: {}, line: 0 });
}
