/**
 * A base's text (a `.base` file, or a ```base code block in a note) read into its definition: YAML, then the shape
 * Obsidian's Bases syntax gives it (filters, formulas, properties, summaries, views), every value checked where it is
 * written. Each problem has its line and column in the file (`origin` says where the text starts in it: a code
 * block's first line, and the indentation its fence has), and an expression's problems are placed at the
 * character inside it. The expressions are parsed here too (expr.ts, cached by text), so a base is read once per
 * text (`readBase` caches it) and never re-read by the pages that show it.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from "yaml";
import { parseExpression, type Parsed } from "./expr.ts";

/** Where a base's text starts in its file: line (1-based) and the columns of indentation before each line. */
export interface Origin {
  line: number;
  column: number;
}

export interface BaseProblem {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  hint?: string;
}

/** An expression as written, parsed, and where it starts in the file. */
export interface ExprSpec {
  text: string;
  parsed: Parsed;
  line: number;
  column: number;
}

export type FilterSpec = { op: "and" | "or" | "not"; items: FilterSpec[] } | { expr: ExprSpec };

export interface SortSpec {
  property: string;
  direction: "ASC" | "DESC";
}

export interface ViewSpec {
  type: string;
  name: string;
  filters?: FilterSpec;
  order: string[];
  sort: SortSpec[];
  groupBy?: SortSpec;
  limit?: number;
  /** Property → summary name (a default one, or one of the base's `summaries`). */
  summaries: [string, string][];
  /** Layout options (cards' `image`, a list's `markers` …), as written. */
  options: Record<string, unknown>;
  line: number;
}

export interface BaseSpec {
  filters?: FilterSpec;
  formulas: Map<string, ExprSpec>;
  properties: Map<string, { displayName?: string }>;
  summaries: Map<string, ExprSpec>;
  views: ViewSpec[];
  problems: BaseProblem[];
}

/** The summaries every column can use without defining them. */
export const DEFAULT_SUMMARIES = ["Average", "Min", "Max", "Sum", "Range", "Median", "Stddev", "Earliest", "Latest", "Checked", "Unchecked", "Empty", "Filled", "Unique"] as const;

const TOP_KEYS = ["filters", "formulas", "properties", "summaries", "views", "display"];
const VIEW_KEYS = ["type", "name", "filters", "order", "sort", "groupBy", "limit", "summaries"];
/** What Obsidian writes into a view for its layout (column widths, row height, cards' image, a list's markers …): read or ignored, never reported. */
const LAYOUT_KEYS = ["columnSize", "rowHeight", "image", "imageFit", "imageAspectRatio", "cardSize", "markers", "indentProperties", "separator", "nestedProperties", "defaultZoom", "center", "mapHeight", "coordinates", "markerIcon", "markerColor"];
export const VIEW_TYPES = ["table", "cards", "list", "map"];

const cache = new Map<string, BaseSpec>();

/** Reads a base, once per text and origin. */
export function readBase(text: string, origin: Origin = { line: 1, column: 0 }): BaseSpec {
  const key = `${origin.line}:${origin.column}\0${text}`;
  let spec = cache.get(key);
  if (!spec) {
    spec = parseBase(text, origin);
    if (cache.size > 5000) cache.clear();
    cache.set(key, spec);
  }
  return spec;
}

export function parseBase(text: string, origin: Origin = { line: 1, column: 0 }): BaseSpec {
  const spec: BaseSpec = { formulas: new Map(), properties: new Map(), summaries: new Map(), views: [], problems: [] };
  const counter = new LineCounter();
  const pos = (offset: number) => {
    const p = counter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: origin.line + p.line - 1, column: origin.column + p.col };
  };
  const problem = (offset: number, message: string, hint?: string, end?: number) => {
    const at = pos(offset);
    const to = end !== undefined ? pos(end) : undefined;
    spec.problems.push({ ...at, ...(to ? { endLine: to.line, endColumn: to.column } : {}), message, ...(hint ? { hint } : {}) });
  };
  if (text.length > 1_000_000) {
    problem(0, `the base is ${text.length} characters long; at most 1,000,000 are read`);
    return spec;
  }
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    problem(0, `the base could not be read as YAML: ${err instanceof Error ? err.message : String(err)}`);
    return spec;
  }
  if (doc.errors.length) {
    for (const e of doc.errors) problem(e.pos[0], `not valid YAML: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`, "a base is YAML: check the indentation and quote expressions that hold `:` or `#`");
    return spec;
  }
  const start = (n: { range?: [number, number, number] | null } | null | undefined) => n?.range?.[0] ?? 0;
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) return spec;
  if (!isMap(root)) {
    problem(start(root), "a base is a map of `filters`, `formulas`, `properties`, `summaries` and `views`");
    return spec;
  }
  /** An expression written as a YAML string, placed where its first character is. */
  const expression = (node: unknown, what: string): ExprSpec | undefined => {
    if (!isScalar(node) || (typeof node.value !== "string" && typeof node.value !== "number" && typeof node.value !== "boolean")) {
      problem(start(node as YamlNode), `${what} should be an expression written as a string`);
      return undefined;
    }
    const written = String(node.value);
    const offset = start(node) + (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? 1 : 0);
    const at = pos(offset);
    const parsed = parseExpression(written);
    const e: ExprSpec = { text: written, parsed, line: at.line, column: at.column };
    if (!parsed.ok) {
      // A single-line expression is placed at its character; one over several lines at its start.
      const here = /\n/.test(written) ? at : pos(offset + parsed.index);
      spec.problems.push({ ...here, message: `${what} does not parse: ${parsed.message}`, hint: "fix the expression (strings are quoted inside the YAML string: 'status == \"done\"')" });
    }
    return e;
  };
  const filter = (node: unknown, what: string, depth = 0): FilterSpec | undefined => {
    if (depth > 50) {
      problem(start(node as YamlNode), "the filters nest too deep");
      return undefined;
    }
    if (isScalar(node)) {
      const e = expression(node, what);
      return e && { expr: e };
    }
    if (isMap(node)) {
      const items = (node as YAMLMap).items as Pair[];
      if (items.length !== 1) {
        problem(start(node), `${what} is one of \`and\`, \`or\` or \`not\` with a list, or an expression`);
        return undefined;
      }
      const op = isScalar(items[0].key) ? String(items[0].key.value) : "";
      if (op !== "and" && op !== "or" && op !== "not") {
        problem(start(items[0].key as YamlNode), `\`${op}\` is not a filter: write \`and\`, \`or\` or \`not\``);
        return undefined;
      }
      const list = items[0].value;
      if (!isSeq(list)) {
        if (isScalar(list) || isMap(list)) {
          const one = filter(list, what, depth + 1);
          return one && { op, items: [one] };
        }
        problem(start(items[0].key as YamlNode), `\`${op}\` takes a list of filters`);
        return undefined;
      }
      return { op, items: list.items.map((x) => filter(x, what, depth + 1)).filter((x): x is FilterSpec => !!x) };
    }
    problem(start(node as YamlNode), `${what} is an expression or \`and\` / \`or\` / \`not\` with a list`);
    return undefined;
  };
  const propertyName = (node: unknown, what: string): string | undefined => {
    if (isScalar(node) && typeof node.value === "string" && node.value.trim()) return node.value.trim();
    problem(start(node as YamlNode), `${what} should name a property (\`file.name\`, \`note.status\`, \`formula.price\`)`);
    return undefined;
  };
  const direction = (node: unknown): "ASC" | "DESC" => {
    if (node === undefined || node === null) return "ASC";
    const v = isScalar(node) ? String(node.value).toUpperCase() : "";
    if (v === "ASC" || v === "DESC") return v;
    problem(start(node as YamlNode), "a direction is `ASC` or `DESC`");
    return "ASC";
  };
  const sortSpec = (node: unknown, what: string): SortSpec | undefined => {
    if (isScalar(node)) {
      const p = propertyName(node, what);
      return p ? { property: p, direction: "ASC" } : undefined;
    }
    if (!isMap(node)) {
      problem(start(node as YamlNode), `${what} is \`property\` and \`direction\``);
      return undefined;
    }
    for (const pair of node.items as Pair[]) {
      const k = isScalar(pair.key) ? String(pair.key.value) : "";
      if (k !== "property" && k !== "column" && k !== "direction") problem(start(pair.key as YamlNode), `unknown key \`${k}\` in ${what}`, "it has `property` and `direction` (ASC or DESC)");
    }
    // Obsidian's first releases of Bases wrote `column:` where it now writes `property:`; vaults keep both.
    const p = propertyName(node.get(node.has("property") ? "property" : "column", true), `${what}'s \`property\``);
    return p ? { property: p, direction: direction(node.get("direction", true)) } : undefined;
  };

  for (const pair of root.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value as YamlNode | null;
    const keyAt = start(pair.key as YamlNode);
    if (!TOP_KEYS.includes(key)) {
      problem(keyAt, `unknown key \`${key}\``, `a base has ${TOP_KEYS.map((k) => `\`${k}\``).join(", ")}`);
      continue;
    }
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (key === "display") {
      // Obsidian's first releases wrote display names as `display: { note.year: Year }`, since `properties:
      // { note.year: { displayName: Year } }`; a vault keeps what it was written with. The newer form wins.
      if (!isMap(value)) problem(keyAt, "`display` is a map of properties to the names their columns show");
      else
        for (const p of value.items as Pair[]) {
          const name = isScalar(p.key) ? String(p.key.value) : "";
          if (name && isScalar(p.value) && p.value.value !== null && !spec.properties.get(name)?.displayName) spec.properties.set(name, { ...spec.properties.get(name), displayName: String(p.value.value) });
        }
      continue;
    }
    if (key === "filters") spec.filters = filter(value, "the filter");
    else if (key === "formulas" || key === "summaries" || key === "properties") {
      if (!isMap(value)) {
        problem(keyAt, `\`${key}\` is a map of names to ${key === "properties" ? "settings" : "expressions"}`);
        continue;
      }
      for (const p of value.items as Pair[]) {
        const name = isScalar(p.key) ? String(p.key.value) : "";
        if (key === "properties") {
          const settings: { displayName?: string } = {};
          if (isMap(p.value)) {
            for (const s of p.value.items as Pair[]) {
              const sk = isScalar(s.key) ? String(s.key.value) : "";
              if (sk === "displayName") {
                if (isScalar(s.value) && s.value.value !== null) settings.displayName = String(s.value.value);
                else problem(start(s.value as YamlNode), "`displayName` is a text");
              } else problem(start(s.key as YamlNode), `unknown key \`${sk}\` in the property \`${name}\``, "a property has `displayName`");
            }
          } else if (!(isScalar(p.value) && p.value.value === null)) problem(start(p.value as YamlNode), `the property \`${name}\` is a map with \`displayName\``);
          spec.properties.set(name, settings);
        } else {
          const e = expression(p.value, key === "formulas" ? `the formula \`${name}\`` : `the summary \`${name}\``);
          if (e) (key === "formulas" ? spec.formulas : spec.summaries).set(name, e);
        }
      }
    } else if (key === "views") {
      if (!isSeq(value)) {
        problem(keyAt, "`views` is a list of views, each with a `type` and a `name`");
        continue;
      }
      value.items.forEach((v, i) => {
        if (!isMap(v)) {
          problem(start(v as YamlNode), "a view is a map with a `type` and a `name`");
          return;
        }
        const view: ViewSpec = { type: "table", name: `View ${i + 1}`, order: [], sort: [], summaries: [], options: {}, line: pos(start(v)).line };
        for (const vp of v.items as Pair[]) {
          const vk = isScalar(vp.key) ? String(vp.key.value) : "";
          const vv = vp.value as YamlNode | null;
          const vkAt = start(vp.key as YamlNode);
          if (LAYOUT_KEYS.includes(vk)) {
            view.options[vk] = isScalar(vv) ? vv.value : undefined;
            continue;
          }
          if (!VIEW_KEYS.includes(vk)) {
            problem(vkAt, `unknown key \`${vk}\` in a view`, `a view has ${VIEW_KEYS.map((k) => `\`${k}\``).join(", ")}`);
            continue;
          }
          if (vv === null || (isScalar(vv) && vv.value === null)) continue;
          switch (vk) {
            case "type": {
              const t = isScalar(vv) ? String(vv.value) : "";
              if (!VIEW_TYPES.includes(t)) problem(start(vv), `\`${t}\` is not a view type this site publishes`, `use ${VIEW_TYPES.map((x) => `\`${x}\``).join(", ")}`);
              else view.type = t;
              break;
            }
            case "name":
              if (isScalar(vv)) view.name = String(vv.value);
              else problem(start(vv), "a view's `name` is a text");
              break;
            case "filters":
              view.filters = filter(vv, "the view's filter");
              break;
            case "order":
              if (isSeq(vv)) view.order = vv.items.map((x) => propertyName(x, "each entry of `order`")).filter((x): x is string => !!x);
              else problem(start(vv), "`order` is a list of properties");
              break;
            case "sort":
              if (isSeq(vv)) view.sort = vv.items.map((x) => sortSpec(x, "a sort")).filter((x): x is SortSpec => !!x);
              else problem(start(vv), "`sort` is a list of `property` and `direction`");
              break;
            case "groupBy":
              view.groupBy = sortSpec(vv, "`groupBy`");
              break;
            case "limit": {
              const n = isScalar(vv) ? Number(vv.value) : NaN;
              if (Number.isInteger(n) && n > 0) view.limit = n;
              else problem(start(vv), "`limit` is a whole number above 0");
              break;
            }
            case "summaries":
              if (!isMap(vv)) {
                problem(start(vv), "a view's `summaries` maps properties to summaries (`formula.price: Average`)");
                break;
              }
              for (const sp of vv.items as Pair[]) {
                const prop = isScalar(sp.key) ? String(sp.key.value) : "";
                const name = isScalar(sp.value) ? String(sp.value.value) : "";
                view.summaries.push([prop, name]);
                if (!(DEFAULT_SUMMARIES as readonly string[]).includes(name) && !spec.summaries.has(name) && !summaryDefinedLater(root, name)) {
                  problem(start(sp.value as YamlNode), `there is no summary \`${name}\``, `use one of ${DEFAULT_SUMMARIES.join(", ")}, or define it under \`summaries\``);
                }
              }
              break;
          }
        }
        spec.views.push(view);
      });
    }
  }
  return spec;
}

/** Whether the base's top-level `summaries` (which may come after `views`) defines this name. */
function summaryDefinedLater(root: YAMLMap, name: string): boolean {
  const s = root.get("summaries", true);
  return isMap(s) && (s.items as Pair[]).some((p) => isScalar(p.key) && String(p.key.value) === name);
}

/** Every expression of a base, with what it is (for the checker and the static checks). */
export function expressionsOf(spec: BaseSpec): { what: string; expr: ExprSpec; summary?: boolean }[] {
  const out: { what: string; expr: ExprSpec; summary?: boolean }[] = [];
  const filters = (f: FilterSpec | undefined, what: string) => {
    if (!f) return;
    if ("expr" in f) out.push({ what, expr: f.expr });
    else for (const x of f.items) filters(x, what);
  };
  filters(spec.filters, "the filter");
  for (const [name, e] of spec.formulas) out.push({ what: `the formula \`${name}\``, expr: e });
  for (const [name, e] of spec.summaries) out.push({ what: `the summary \`${name}\``, expr: e, summary: true });
  for (const v of spec.views) filters(v.filters, `the filter of the view "${v.name}"`);
  return out;
}
