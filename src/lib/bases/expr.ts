/**
 * A base's expressions (filters, formulas, summaries): parsed by jsep (a small, well-kept expression parser, with its
 * regex and object-literal plugins) into an AST, and evaluated here by walking that AST over our own values
 * (values.ts). Nothing is ever handed to `eval`, `Function` or `vm`, no JavaScript property of a value is read by a
 * name from the expression (objects keep their keys in a Map, methods are looked up in this module's registry), and
 * any problem is a `BaseError` with its place in the expression: evaluation never throws anything else.
 *
 * The registry has one entry per function: the global functions (`date()`, `if()` …) and the methods of each type
 * (`"x".lower()`, `list.filter(value > 2)` …), each with how many arguments it takes. A parse is cached by the
 * expression's text, so each expression of a base is parsed once per build.
 */
import jsep, { type Expression } from "jsep";
import jsepObject from "@jsep-plugin/object";
import jsepRegex from "@jsep-plugin/regex";
import {
  addDuration,
  BaseError,
  BDate,
  BDuration,
  BFile,
  BHtml,
  BIcon,
  BImage,
  BLink,
  BObject,
  BRegex,
  BRow,
  compareValues,
  equals,
  formatDate,
  isEmpty,
  numberText,
  parseDate,
  parseDuration,
  relativeText,
  toText,
  truthy,
  typeOf,
  type Value,
} from "./values.ts";

jsep.plugins.register(jsepRegex, jsepObject);
// Operators Bases do not have are not parsed as such (`a & b` is an error at the parse, not at evaluation).
for (const op of ["|", "^", "&", "<<", ">>", ">>>", "===", "!==", "??"]) jsep.removeBinaryOp(op);
jsep.removeUnaryOp("~");

export type { Expression } from "jsep";

/** A parsed expression, or where and why it does not parse. */
export type Parsed = { ok: true; ast: Expression; text: string } | { ok: false; text: string; message: string; index: number };

const parseCache = new Map<string, Parsed>();
/** Longest expression parsed: a base is a few short lines, not a program. */
const MAX_LENGTH = 10_000;

/** Parses an expression once per text (the cache is shared by every base of the build). */
export function parseExpression(text: string): Parsed {
  let p = parseCache.get(text);
  if (!p) {
    p = parseUncached(text);
    if (parseCache.size > 50_000) parseCache.clear();
    parseCache.set(text, p);
  }
  return p;
}

function parseUncached(text: string): Parsed {
  if (text.length > MAX_LENGTH) return { ok: false, text, message: `the expression is ${text.length} characters long; at most ${MAX_LENGTH} are read`, index: 0 };
  if (!text.trim()) return { ok: false, text, message: "the expression is empty", index: 0 };
  try {
    const ast = jsep(text);
    if (ast.type === "Compound") return { ok: false, text, message: "two expressions with no operator between them", index: secondStart(text) };
    return { ok: true, ast, text };
  } catch (err) {
    const e = err as { description?: string; index?: number; message?: string };
    if (err instanceof RangeError) return { ok: false, text, message: "the expression nests too deep", index: 0 };
    return { ok: false, text, message: (e.description ?? e.message ?? String(err)).replace(/ at character \d+$/, ""), index: typeof e.index === "number" ? e.index : 0 };
  }
}

const secondStart = (text: string) => {
  const m = /\S\s+(?=\S)/.exec(text);
  return m ? m.index + m[0].length : 0;
};

// ——— what evaluation sees ———

/** The vault, as expressions reach it. */
export interface Env {
  /** Now, in ms (one instant per build, so every base on every page agrees). */
  now: number;
  /** The file a link names (`link("Note")`, `file.hasLink("Note")`), resolved as a wikilink is from `from`. */
  resolve(target: string, from?: BFile): BFile | null;
}

export interface Scope {
  env: Env;
  /** The file being tested or shown (none in a summary). */
  row: BFile | null;
  /** `this`: the note the base is shown in, or the base itself on its own page. */
  self: BRow | null;
  /** A formula's value for the row (`formula.x`). */
  formula?(name: string): Value;
  /** `value`, `index`, `acc` inside filter/map/reduce; `values` in a summary. */
  locals?: ReadonlyMap<string, Value>;
  /** Work left: every node evaluated costs one; a runaway expression stops with an error. */
  budget?: { steps: number };
}

const DEFAULT_BUDGET = 2_000_000;
/** The longest string an expression may make (`"x".repeat(n)`). */
const MAX_STRING = 1_000_000;

/** Evaluates a parsed expression; any problem is a BaseError (never another exception). */
export function evaluate(ast: Expression, scope: Scope): Value {
  const s = scope.budget ? scope : { ...scope, budget: { steps: DEFAULT_BUDGET } };
  try {
    return ev(ast, s);
  } catch (err) {
    if (err instanceof BaseError) throw err;
    if (err instanceof RangeError) throw new BaseError("the expression nests or recurses too deep");
    throw new BaseError(`the expression could not be evaluated (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Parses and evaluates a text; a parse error is a BaseError too. */
export function evaluateText(text: string, scope: Scope): Value {
  const p = parseExpression(text);
  if (!p.ok) throw new BaseError(p.message, { start: p.index, end: p.index });
  return evaluate(p.ast, scope);
}

type Node = Expression & Record<string, unknown>;

/** A group holding a quantifier, itself quantified: `(a+)+`, `(\w*x)*`, `(a|b+){2,}`. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,?\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,?\d*\})/;

function ev(node: Expression, scope: Scope): Value {
  if (--scope.budget!.steps < 0) throw new BaseError("the expression does too much work (a step limit stops it)");
  const n = node as Node;
  switch (node.type) {
    case "Literal": {
      const v = n.value;
      if (v instanceof RegExp) {
        // A repetition of a group that itself repeats (`(a+)+`) can backtrack for exponential time on a short text:
        // such a pattern is refused rather than run during a build.
        if (NESTED_QUANTIFIER.test(v.source)) throw new BaseError(`the regular expression ${String(v)} repeats a group that repeats, which can take exponential time; it is not run`);
        return new BRegex(v);
      }
      if (v === null || typeof v === "boolean" || typeof v === "number" || typeof v === "string") return v;
      throw new BaseError(`a literal this language does not have: ${String(n.raw)}`);
    }
    case "Identifier":
      return identifier(n.name as string, scope);
    case "ThisExpression":
      return scope.self;
    case "ArrayExpression":
      return (n.elements as (Expression | null)[]).map((e) => (e ? ev(e, scope) : null));
    case "ObjectExpression": {
      const out = new Map<string, Value>();
      for (const p of n.properties as Node[]) {
        if (p.type !== "Property") throw new BaseError("an object's entries are `key: value`");
        const key = p.computed ? toText(ev(p.key as Expression, scope)) : (p.key as Node).type === "Identifier" ? ((p.key as Node).name as string) : toText((p.key as Node).value as Value);
        out.set(key, p.shorthand ? identifier(key, scope) : ev(p.value as Expression, scope));
      }
      return new BObject(out);
    }
    case "UnaryExpression": {
      const v = ev(n.argument as Expression, scope);
      switch (n.operator) {
        case "!":
          return !truthy(v);
        case "-":
          if (typeof v === "number") return -v;
          if (v instanceof BDuration) return new BDuration(-v.months, -v.ms);
          if (v === null) return null;
          throw new BaseError(`\`-\` needs a number, not a ${typeOf(v)}`);
        case "+":
          return toNumber(v);
      }
      throw new BaseError(`the operator \`${String(n.operator)}\` is not one Bases have`);
    }
    case "BinaryExpression":
      return binary(n.operator as string, n.left as Expression, n.right as Expression, scope);
    case "ConditionalExpression":
      return truthy(ev(n.test as Expression, scope)) ? ev(n.consequent as Expression, scope) : ev(n.alternate as Expression, scope);
    case "MemberExpression":
      return member(n, scope);
    case "CallExpression":
      return call(n, scope);
    case "Compound":
      throw new BaseError("two expressions with no operator between them");
  }
  throw new BaseError(`\`${node.type}\` is not part of the Bases syntax`);
}

function identifier(name: string, scope: Scope): Value {
  const local = scope.locals?.get(name);
  if (local !== undefined || scope.locals?.has(name)) return local ?? null;
  switch (name) {
    case "file":
      return scope.row;
    case "note":
      return scope.row ? new BObject(scope.row.source.properties()) : null;
    case "formula":
      throw new BaseError("`formula` is read as `formula.name`");
  }
  return scope.row ? (scope.row.source.properties().get(name) ?? null) : null;
}

/** The name read by `x.name` or `x["name"]`. */
function memberName(n: Node, scope: Scope): string | number {
  if (!n.computed) return (n.property as Node).name as string;
  const key = ev(n.property as Expression, scope);
  if (typeof key === "number") return key;
  if (typeof key === "string") return key;
  throw new BaseError(`an index is a number or a name, not a ${typeOf(key)}`);
}

function member(n: Node, scope: Scope): Value {
  const object = n.object as Node;
  if (object.type === "Identifier" && object.name === "formula" && !scope.locals?.has("formula")) {
    const name = String(memberName(n, scope));
    if (!scope.formula) throw new BaseError(`\`formula.${name}\` has no file to be computed for here`);
    return scope.formula(name);
  }
  const target = ev(object, scope);
  return field(target, memberName(n, scope));
}

const FILE_FIELDS = new Set(["name", "basename", "path", "folder", "ext", "size", "ctime", "mtime", "tags", "links", "backlinks", "embeds", "properties", "file"]);

/** What `x.name` reads, by the kind of `x`. */
export function field(target: Value, key: string | number): Value {
  if (target === null) return null;
  if (Array.isArray(target)) {
    if (key === "length") return target.length;
    if (typeof key === "number") return target[key < 0 ? target.length + key : key] ?? null;
    throw new BaseError(`a list has no \`${key}\` (it has \`length\` and items by number)`);
  }
  if (typeof target === "string") {
    if (key === "length") return target.length;
    if (typeof key === "number") return target.charAt(key) || null;
    throw new BaseError(`a string has no \`${key}\``);
  }
  if (target instanceof BObject) return target.entries.get(String(key)) ?? null;
  if (target instanceof BRow) {
    if (key === "file") return target.file;
    if (key === "note") return new BObject(target.file.source.properties());
    return target.file.source.properties().get(String(key)) ?? null;
  }
  if (target instanceof BFile) return fileField(target, String(key));
  if (target instanceof BDate) {
    const d = new Date(target.ms);
    switch (key) {
      case "year":
        return d.getUTCFullYear();
      case "month":
        return d.getUTCMonth() + 1;
      case "day":
        return d.getUTCDate();
      case "hour":
        return d.getUTCHours();
      case "minute":
        return d.getUTCMinutes();
      case "second":
        return d.getUTCSeconds();
      case "millisecond":
        return d.getUTCMilliseconds();
    }
    throw new BaseError(`a date has no \`${key}\` (year, month, day, hour, minute, second, millisecond)`);
  }
  if (target instanceof BLink && target.file) return field(target.file, key);
  throw new BaseError(`a ${typeOf(target)} has no \`${key}\``);
}

function fileField(f: BFile, key: string): Value {
  const s = f.source;
  const base = s.path.slice(s.path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  switch (key) {
    case "name":
      return base;
    case "basename":
      return dot > 0 ? base.slice(0, dot) : base;
    case "path":
      return s.path;
    case "folder":
      return s.path.includes("/") ? s.path.slice(0, s.path.lastIndexOf("/")) : "/";
    case "ext":
      return dot > 0 ? base.slice(dot + 1) : "";
    case "properties":
      return new BObject(s.properties());
    case "file":
      return f;
    case "size":
    case "ctime":
    case "mtime":
    case "tags":
    case "links":
    case "backlinks":
    case "embeds":
      return s.field(key);
  }
  throw new BaseError(`a file has no \`${key}\` (it has ${[...FILE_FIELDS].join(", ")})`);
}

export function toNumber(v: Value): number | null {
  if (v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const t = v.trim();
    const n = t === "" ? NaN : Number(t);
    if (!Number.isNaN(n)) return n;
    const d = parseDate(t);
    return d ? d.ms : null;
  }
  if (v instanceof BDate) return v.ms;
  if (v instanceof BDuration) return v.total;
  return null;
}

const asDuration = (v: Value): BDuration | null => (v instanceof BDuration ? v : typeof v === "string" ? parseDuration(v) : null);

function binary(op: string, l: Expression, r: Expression, scope: Scope): Value {
  if (op === "&&") {
    const a = ev(l, scope);
    return truthy(a) ? ev(r, scope) : a;
  }
  if (op === "||") {
    const a = ev(l, scope);
    return truthy(a) ? a : ev(r, scope);
  }
  const a = ev(l, scope);
  const b = ev(r, scope);
  switch (op) {
    case "==":
      return equals(a, b);
    case "!=":
      return !equals(a, b);
    case ">":
    case "<":
    case ">=":
    case "<=": {
      const c = comparable(a, b);
      if (c === null) return false;
      return op === ">" ? c > 0 : op === "<" ? c < 0 : op === ">=" ? c >= 0 : c <= 0;
    }
    case "+":
      return plus(a, b);
    case "-":
      return minus(a, b);
    case "*":
    case "/":
    case "%":
      return arithmetic(op, a, b);
  }
  throw new BaseError(`the operator \`${op}\` is not one Bases have`);
}

/** Orders two values for `<` and `>`: numbers, dates (with date strings), strings, durations; null when they do not compare. */
function comparable(a: Value, b: Value): number | null {
  if (a === null || b === null) return null;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof BDate || b instanceof BDate) {
    const x = a instanceof BDate ? a.ms : typeof a === "string" ? parseDate(a)?.ms : undefined;
    const y = b instanceof BDate ? b.ms : typeof b === "string" ? parseDate(b)?.ms : undefined;
    return x === undefined || y === undefined ? null : x - y;
  }
  if (a instanceof BDuration || b instanceof BDuration) {
    const x = asDuration(a)?.total ?? toNumber(a);
    const y = asDuration(b)?.total ?? toNumber(b);
    return x === null || y === null ? null : x - y;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== null && y !== null && (typeof a === "number" || typeof b === "number" || typeof a === "boolean")) return x - y;
  return null;
}

function limitString(s: string): string {
  if (s.length > MAX_STRING) throw new BaseError(`the text grows past ${MAX_STRING} characters`);
  return s;
}

function plus(a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number") return a + b;
  if (a instanceof BDate) {
    const d = asDuration(b);
    if (d) return addDuration(a, d, 1);
    if (typeof b === "number") return new BDate(a.ms + b, a.time);
    if (typeof b === "string") return limitString(toText(a) + b);
    throw new BaseError(`a date plus a ${typeOf(b)}: add a duration (\`"1d"\`, \`duration("2h")\`)`);
  }
  if (a instanceof BDuration) {
    const d = asDuration(b);
    if (d) return new BDuration(a.months + d.months, a.ms + d.ms);
    if (b instanceof BDate) return addDuration(b, a, 1);
    throw new BaseError(`a duration plus a ${typeOf(b)}`);
  }
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (typeof a === "string" || typeof b === "string") return limitString(toText(a) + toText(b));
  if (a === null || b === null) return a === null ? b : a;
  throw new BaseError(`a ${typeOf(a)} plus a ${typeOf(b)}`);
}

function minus(a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (a instanceof BDate) {
    if (b instanceof BDate) return a.ms - b.ms;
    const d = asDuration(b);
    if (d) return addDuration(a, d, -1);
    if (typeof b === "number") return new BDate(a.ms - b, a.time);
    const other = typeof b === "string" ? parseDate(b) : null;
    if (other) return a.ms - other.ms;
    throw new BaseError(`a date minus a ${typeOf(b)}: subtract a duration or a date`);
  }
  if (a instanceof BDuration) {
    const d = asDuration(b);
    if (d) return new BDuration(a.months - d.months, a.ms - d.ms);
  }
  if (a === null || b === null) return null;
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== null && y !== null && typeof a !== "string" && typeof b !== "string") return x - y;
  throw new BaseError(`a ${typeOf(a)} minus a ${typeOf(b)}`);
}

function arithmetic(op: "*" | "/" | "%", a: Value, b: Value): Value {
  if (a === null || b === null) return null;
  if (a instanceof BDuration && typeof b === "number") {
    if (op === "*") return new BDuration(Math.round(a.months * b), a.ms * b);
    if (op === "/") return new BDuration(Math.round(a.months / b), a.ms / b);
  }
  if (typeof a === "number" && typeof b === "number") return op === "*" ? a * b : op === "/" ? a / b : a % b;
  throw new BaseError(`\`${op}\` needs numbers, not a ${typeOf(a)} and a ${typeOf(b)}`);
}

// ——— functions ———

interface Call {
  scope: Scope;
  /** The argument nodes, for functions that evaluate them their own way (`if`, `filter`, `map`, `reduce`). */
  nodes: Expression[];
  /** The arguments evaluated (empty for lazy functions). */
  args: Value[];
}

interface FunctionEntry {
  /** Fewest and most arguments (Infinity: any number). */
  arity: [number, number];
  /** Evaluates its own arguments (from `nodes`). */
  lazy?: boolean;
  call(c: Call): Value;
}

interface MethodEntry {
  arity: [number, number];
  lazy?: boolean;
  call(self: never, c: Call): Value;
}

const str = (v: Value, what: string): string => {
  if (typeof v === "string") return v;
  if (v === null) throw new BaseError(`${what} is empty`);
  return toText(v);
};
const num = (v: Value, what: string): number => {
  const n = toNumber(v);
  if (n === null || typeof v === "string" && Number.isNaN(Number(v))) throw new BaseError(`${what} must be a number, not ${v === null ? "empty" : `a ${typeOf(v)}`}`);
  return n;
};

/** The global functions, one entry each (`html()` only wraps its text: render.ts sanitises it when it is shown). */
export const GLOBALS: ReadonlyMap<string, FunctionEntry> = new Map<string, FunctionEntry>([
  ["date", { arity: [1, 1], call: ({ args: [v] }) => toDate(v) }],
  [
    "duration",
    {
      arity: [1, 1],
      call: ({ args: [v] }) => {
        if (v instanceof BDuration) return v;
        if (typeof v === "number") return new BDuration(0, v);
        const d = asDuration(v);
        if (!d) throw new BaseError(`"${toText(v)}" is not a duration (e.g. "1d", "2 weeks", "3h 30m")`);
        return d;
      },
    },
  ],
  ["escapeHTML", { arity: [1, 1], call: ({ args: [v] }) => toText(v).replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[c]};`) }],
  [
    "file",
    {
      arity: [1, 1],
      call: ({ args: [v], scope }) => {
        if (v instanceof BFile) return v;
        if (v instanceof BLink) return v.file;
        return scope.env.resolve(str(v, "the path"), scope.row ?? undefined);
      },
    },
  ],
  ["html", { arity: [1, 1], call: ({ args: [v] }) => new BHtml(toText(v)) }],
  ["icon", { arity: [1, 1], call: ({ args: [v] }) => new BIcon(str(v, "the icon's name")) }],
  [
    "if",
    {
      arity: [2, 3],
      lazy: true,
      call: ({ nodes, scope }) => (truthy(ev(nodes[0], scope)) ? ev(nodes[1], scope) : nodes[2] ? ev(nodes[2], scope) : null),
    },
  ],
  [
    "image",
    {
      arity: [1, 1],
      call: ({ args: [v] }) => new BImage(v instanceof BFile ? v.source.path : v instanceof BLink ? v.target : str(v, "the image")),
    },
  ],
  ["link", { arity: [1, 2], call: ({ args: [v, display], scope }) => makeLink(v, display, scope) }],
  ["list", { arity: [1, 1], call: ({ args: [v] }) => (Array.isArray(v) ? v : v === null ? [] : [v]) }],
  ["max", { arity: [1, Infinity], call: ({ args }) => extreme(args, 1) }],
  ["min", { arity: [1, Infinity], call: ({ args }) => extreme(args, -1) }],
  ["now", { arity: [0, 0], call: ({ scope }) => new BDate(scope.env.now, true) }],
  [
    "number",
    {
      arity: [1, 1],
      call: ({ args: [v] }) => {
        const n = toNumber(v);
        if (n === null) throw new BaseError(`${v === null ? "an empty value" : `"${toText(v)}"`} is not a number`);
        return n;
      },
    },
  ],
  ["random", { arity: [0, 0], call: () => Math.random() }],
  ["today", { arity: [0, 0], call: ({ scope }) => new BDate(Math.floor(scope.env.now / 86_400_000) * 86_400_000, false) }],
]);

function toDate(v: Value): Value {
  if (v instanceof BDate) return v;
  if (v === null) return null;
  if (typeof v === "number") return new BDate(v, true);
  const d = typeof v === "string" ? parseDate(v) : null;
  if (!d) throw new BaseError(`"${toText(v)}" is not a date (write it as 2025-01-31 or 2025-01-31 14:00)`);
  return d;
}

function makeLink(v: Value, display: Value | undefined, scope: Scope): Value {
  if (v instanceof BLink) return new BLink(v.target, v.file, display ?? v.display);
  if (v instanceof BFile) return new BLink(v.source.path, v, display);
  if (v instanceof BRow) return new BLink(v.file.source.path, v.file, display);
  const target = str(v, "the link's target").replace(/^\[\[|\]\]$/g, "");
  const file = /^[a-z][a-z0-9+.-]*:/i.test(target) ? null : scope.env.resolve(target.split("|")[0], scope.row ?? undefined);
  return new BLink(target, file, display);
}

function extreme(args: Value[], sign: 1 | -1): Value {
  const all = args.flatMap((a) => (Array.isArray(a) ? a : [a])).filter((a) => a !== null);
  if (!all.length) return null;
  let best = all[0];
  for (const v of all.slice(1)) {
    const c = comparable(v, best);
    if (c === null) throw new BaseError(`${sign > 0 ? "max" : "min"}() compares numbers or dates, not a ${typeOf(v)} and a ${typeOf(best)}`);
    if (c * sign > 0) best = v;
  }
  return best;
}

const each = (self: Value[], body: Expression, scope: Scope, extra: (v: Value, i: number) => [string, Value][]) =>
  self.map((v, i) => ev(body, { ...scope, locals: new Map([...(scope.locals ?? []), ["value", v], ["index", i], ...extra(v, i)]) }));

/** Numbers of a list (empties left out), for the summaries and their methods. */
export function numbersOf(values: readonly Value[]): number[] {
  return values.map((v) => (typeof v === "number" ? v : v instanceof BDuration ? v.total : typeof v === "string" && v.trim() && !Number.isNaN(Number(v)) ? Number(v) : null)).filter((n): n is number => n !== null && !Number.isNaN(n));
}

export const median = (ns: number[]) => {
  if (!ns.length) return null;
  const s = [...ns].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const mean = (ns: number[]) => (ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : null);

/** Each type's methods; `any` are every value's. */
const METHODS: Record<string, ReadonlyMap<string, MethodEntry>> = {
  any: new Map<string, MethodEntry>([
    ["isTruthy", { arity: [0, 0], call: (self: Value) => truthy(self) }],
    ["isType", { arity: [1, 1], call: (self: Value, { args: [t] }) => typeOf(self) === str(t, "the type").toLowerCase() }],
    ["toString", { arity: [0, 0], call: (self: Value) => toText(self) }],
    ["isEmpty", { arity: [0, 0], call: (self: Value) => isEmpty(self) }],
  ]),
  string: new Map<string, MethodEntry>([
    ["contains", { arity: [1, 1], call: (self: string, { args: [v] }) => self.includes(str(v, "the text to look for")) }],
    ["containsAll", { arity: [1, Infinity], call: (self: string, { args }) => args.every((v) => self.includes(str(v, "the text to look for"))) }],
    ["containsAny", { arity: [1, Infinity], call: (self: string, { args }) => args.some((v) => self.includes(str(v, "the text to look for"))) }],
    ["endsWith", { arity: [1, 1], call: (self: string, { args: [v] }) => self.endsWith(str(v, "the end")) }],
    ["startsWith", { arity: [1, 1], call: (self: string, { args: [v] }) => self.startsWith(str(v, "the start")) }],
    ["lower", { arity: [0, 0], call: (self: string) => self.toLowerCase() }],
    ["upper", { arity: [0, 0], call: (self: string) => self.toUpperCase() }],
    ["title", { arity: [0, 0], call: (self: string) => self.replace(/(^|[\s\-_])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase()) }],
    ["trim", { arity: [0, 0], call: (self: string) => self.trim() }],
    ["reverse", { arity: [0, 0], call: (self: string) => [...self].reverse().join("") }],
    [
      "replace",
      {
        arity: [2, 2],
        call: (self: string, { args: [p, r] }) => {
          const replacement = str(r, "the replacement");
          return limitString(p instanceof BRegex ? self.replace(p.re, replacement) : self.split(str(p, "the pattern")).join(replacement));
        },
      },
    ],
    [
      "repeat",
      {
        arity: [1, 1],
        call: (self: string, { args: [n] }) => {
          const count = num(n, "the count");
          if (count < 0 || !Number.isFinite(count) || self.length * count > MAX_STRING) throw new BaseError(`repeat(${numberText(count)}) would make too long a text`);
          return self.repeat(Math.floor(count));
        },
      },
    ],
    ["slice", { arity: [1, 2], call: (self: string, { args: [a, b] }) => self.slice(num(a, "the start"), b === undefined || b === null ? undefined : num(b, "the end")) }],
    [
      "split",
      {
        arity: [1, 2],
        call: (self: string, { args: [sep, n] }) => {
          const parts = sep instanceof BRegex ? self.split(sep.re) : self.split(str(sep, "the separator"));
          return n === undefined || n === null ? parts : parts.slice(0, num(n, "the count"));
        },
      },
    ],
  ]),
  number: new Map<string, MethodEntry>([
    ["abs", { arity: [0, 0], call: (self: number) => Math.abs(self) }],
    ["ceil", { arity: [0, 0], call: (self: number) => Math.ceil(self) }],
    ["floor", { arity: [0, 0], call: (self: number) => Math.floor(self) }],
    [
      "round",
      {
        arity: [0, 1],
        call: (self: number, { args: [d] }) => {
          const digits = d === undefined || d === null ? 0 : Math.max(0, Math.min(15, Math.floor(num(d, "the digits"))));
          const f = 10 ** digits;
          return Math.round(self * f) / f;
        },
      },
    ],
    ["toFixed", { arity: [1, 1], call: (self: number, { args: [p] }) => self.toFixed(Math.max(0, Math.min(100, Math.floor(num(p, "the precision"))))) }],
  ]),
  boolean: new Map(),
  date: new Map<string, MethodEntry>([
    ["date", { arity: [0, 0], call: (self: BDate) => new BDate(Math.floor(self.ms / 86_400_000) * 86_400_000, false) }],
    ["format", { arity: [1, 1], call: (self: BDate, { args: [f] }) => formatDate(self, str(f, "the format")) }],
    ["time", { arity: [0, 0], call: (self: BDate) => formatDate(self, "HH:mm:ss") }],
    ["relative", { arity: [0, 0], call: (self: BDate, { scope }) => relativeText(self, scope.env.now) }],
  ]),
  duration: new Map(),
  list: new Map<string, MethodEntry>([
    ["contains", { arity: [1, 1], call: (self: Value[], { args: [v] }) => self.some((x) => equals(x, v)) }],
    ["containsAll", { arity: [1, Infinity], call: (self: Value[], { args }) => args.every((v) => self.some((x) => equals(x, v))) }],
    ["containsAny", { arity: [1, Infinity], call: (self: Value[], { args }) => args.some((v) => self.some((x) => equals(x, v))) }],
    ["filter", { arity: [1, 1], lazy: true, call: (self: Value[], { nodes, scope }) => self.filter((_v, i) => truthy(each([self[i]], nodes[0], scope, () => [["index", i]])[0])) }],
    ["map", { arity: [1, 1], lazy: true, call: (self: Value[], { nodes, scope }) => self.map((v, i) => each([v], nodes[0], scope, () => [["index", i]])[0]) }],
    [
      "reduce",
      {
        arity: [2, 2],
        lazy: true,
        call: (self: Value[], { nodes, scope }) => {
          let acc = ev(nodes[1], scope);
          self.forEach((v, i) => {
            acc = each([v], nodes[0], scope, () => [
              ["index", i],
              ["acc", acc],
            ])[0];
          });
          return acc;
        },
      },
    ],
    ["flat", { arity: [0, 0], call: (self: Value[]) => self.flatMap((v) => (Array.isArray(v) ? v : [v])) }],
    ["join", { arity: [0, 1], call: (self: Value[], { args: [sep] }) => limitString(self.map(toText).join(sep === undefined || sep === null ? "," : str(sep, "the separator"))) }],
    ["reverse", { arity: [0, 0], call: (self: Value[]) => [...self].reverse() }],
    ["slice", { arity: [1, 2], call: (self: Value[], { args: [a, b] }) => self.slice(num(a, "the start"), b === undefined || b === null ? undefined : num(b, "the end")) }],
    ["sort", { arity: [0, 0], call: (self: Value[]) => [...self].sort(compareValues) }],
    [
      "unique",
      {
        arity: [0, 0],
        call: (self: Value[]) => {
          const out: Value[] = [];
          for (const v of self) if (!out.some((x) => equals(x, v))) out.push(v);
          return out;
        },
      },
    ],
    ["sum", { arity: [0, 0], call: (self: Value[]) => numbersOf(self).reduce((a, b) => a + b, 0) }],
    ["mean", { arity: [0, 0], call: (self: Value[]) => mean(numbersOf(self)) }],
    ["median", { arity: [0, 0], call: (self: Value[]) => median(numbersOf(self)) }],
  ]),
  link: new Map<string, MethodEntry>([
    ["asFile", { arity: [0, 0], call: (self: BLink) => self.file }],
    ["linksTo", { arity: [1, 1], call: (self: BLink, { args: [f] }) => !!self.file && !!fileOf(f) && fileOf(f)!.source.linksTo(self.file.source.key) }],
  ]),
  file: new Map<string, MethodEntry>([
    ["asLink", { arity: [0, 1], call: (self: BFile, { args: [d] }) => new BLink(self.source.path, self, d) }],
    [
      "hasLink",
      {
        arity: [1, 1],
        call: (self: BFile, { args: [target], scope }) => {
          const f = target instanceof BFile || target instanceof BRow || target instanceof BLink ? fileOf(target) : target === null ? null : scope.env.resolve(str(target, "the file"), self);
          return !!f && self.source.linksTo(f.source.key);
        },
      },
    ],
    ["hasProperty", { arity: [1, 1], call: (self: BFile, { args: [name] }) => self.source.properties().has(str(name, "the property's name")) }],
    [
      "hasTag",
      {
        arity: [1, Infinity],
        call: (self: BFile, { args }) => {
          const tags = self.source.tags();
          return args.some((a) => {
            const t = str(a, "the tag").replace(/^#/, "").toLowerCase();
            return tags.some((x) => x === t || x.startsWith(`${t}/`));
          });
        },
      },
    ],
    [
      "inFolder",
      {
        arity: [1, 1],
        call: (self: BFile, { args: [folder] }) => {
          const f = str(folder, "the folder").replace(/^\/+|\/+$/g, "");
          return f === "" || self.source.path.startsWith(`${f}/`);
        },
      },
    ],
  ]),
  object: new Map<string, MethodEntry>([
    ["keys", { arity: [0, 0], call: (self: BObject) => [...self.entries.keys()] }],
    ["values", { arity: [0, 0], call: (self: BObject) => [...self.entries.values()] }],
  ]),
  regexp: new Map<string, MethodEntry>([["matches", { arity: [1, 1], call: (self: BRegex, { args: [v] }) => (self.re.lastIndex = 0) === 0 && self.re.test(str(v, "the text")) }]]),
  html: new Map(),
  icon: new Map(),
  image: new Map(),
  null: new Map(),
};

const fileOf = (v: Value): BFile | null => (v instanceof BFile ? v : v instanceof BRow ? v.file : v instanceof BLink ? v.file : null);

/** Every method name of any type: a name in none of them is an unknown function wherever it is called. */
export const METHOD_NAMES: ReadonlySet<string> = new Set(Object.values(METHODS).flatMap((m) => [...m.keys()]));

function call(n: Node, scope: Scope): Value {
  const callee = n.callee as Node;
  const nodes = n.arguments as Expression[];
  if (callee.type === "Identifier") {
    const name = callee.name as string;
    const entry = GLOBALS.get(name);
    if (!entry) throw new BaseError(`there is no function \`${name}()\``);
    checkArity(`${name}()`, entry.arity, nodes.length);
    return entry.call({ scope, nodes, args: entry.lazy ? [] : nodes.map((a) => ev(a, scope)) });
  }
  if (callee.type !== "MemberExpression" || callee.computed) throw new BaseError("only functions and methods can be called");
  const name = (callee.property as Node).name as string;
  let self = ev(callee.object as Expression, scope);
  // A file's methods apply to `this` and to a link that resolves.
  const kind = typeOf(self);
  let entry = METHODS[kind]?.get(name) ?? METHODS.any.get(name);
  if (!entry && (self instanceof BRow || self instanceof BLink)) {
    const f = fileOf(self);
    if (f && METHODS.file.has(name)) {
      self = f;
      entry = METHODS.file.get(name);
    }
  }
  if (!entry) {
    if (self === null) return null;
    throw new BaseError(METHOD_NAMES.has(name) ? `a ${kind} has no method \`${name}()\`` : `there is no function \`${name}()\``);
  }
  checkArity(`${name}()`, entry.arity, nodes.length);
  if (self instanceof BRow && METHODS.file.has(name)) self = self.file;
  return entry.call(self as never, { scope, nodes, args: entry.lazy ? [] : nodes.map((a) => ev(a, scope)) });
}

function checkArity(name: string, [min, max]: [number, number], got: number): void {
  if (got < min || got > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new BaseError(`${name} takes ${want} argument${want === "1" ? "" : "s"}, not ${got}`);
  }
}

// ——— static checks ———

/** A problem found without evaluating: an unknown function, file property or formula. `index` is where in the text. */
export interface StaticProblem {
  message: string;
  index: number;
}

export interface StaticContext {
  /** The base's formulas, by name. */
  formulas: ReadonlySet<string>;
  /** Whether a note property by this name exists anywhere in the vault (undefined: not checked). */
  knownProperty?: (name: string) => boolean;
}

/** Walks a parsed expression for what can be known wrong before it runs. */
export function staticProblems(p: Parsed & { ok: true }, ctx: StaticContext): StaticProblem[] {
  const out: StaticProblem[] = [];
  const at = (re: RegExp) => Math.max(0, p.text.search(re));
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const locals = new Set(["value", "index", "acc", "values"]);
  const walk = (node: Expression | null | undefined, parent?: Node): void => {
    if (!node || typeof node !== "object") return;
    const n = node as Node;
    if (n.type === "CallExpression") {
      const callee = n.callee as Node;
      if (callee.type === "Identifier") {
        const name = callee.name as string;
        if (!GLOBALS.has(name)) out.push({ message: `there is no function \`${name}()\``, index: at(new RegExp(`\\b${esc(name)}\\s*\\(`)) });
        else {
          const [min, max] = GLOBALS.get(name)!.arity;
          const got = (n.arguments as unknown[]).length;
          if (got < min || got > max) out.push({ message: `\`${name}()\` takes ${min === max ? min : max === Infinity ? `at least ${min}` : `${min} to ${max}`} arguments, not ${got}`, index: at(new RegExp(`\\b${esc(name)}\\s*\\(`)) });
        }
      } else if (callee.type === "MemberExpression" && !callee.computed) {
        const name = (callee.property as Node).name as string;
        if (!METHOD_NAMES.has(name)) out.push({ message: `there is no function \`${name}()\``, index: at(new RegExp(`\\.\\s*${esc(name)}\\s*\\(`)) + 1 });
        walk(callee.object as Expression, callee);
      } else walk(callee as Expression, n);
      for (const a of n.arguments as Expression[]) walk(a, n);
      return;
    }
    if (n.type === "MemberExpression") {
      const object = n.object as Node;
      if (object.type === "Identifier" && !n.computed) {
        const key = (n.property as Node).name as string;
        const isCall = parent?.type === "CallExpression" && parent.callee === n;
        if (object.name === "file" && !isCall && !FILE_FIELDS.has(key)) out.push({ message: `a file has no property \`${key}\` (it has ${[...FILE_FIELDS].join(", ")})`, index: at(new RegExp(`\\bfile\\s*\\.\\s*${esc(key)}\\b`)) });
        if (object.name === "formula" && !ctx.formulas.has(key)) out.push({ message: `there is no formula \`${key}\` in this base`, index: at(new RegExp(`\\bformula\\s*\\.\\s*${esc(key)}\\b`)) });
        if (object.name === "note" && ctx.knownProperty && !ctx.knownProperty(key)) out.push({ message: `no note in the vault has the property \`${key}\``, index: at(new RegExp(`\\bnote\\s*\\.\\s*${esc(key)}\\b`)) });
        return;
      }
      walk(object as Expression, n);
      if (n.computed) walk(n.property as Expression, n);
      return;
    }
    if (n.type === "Identifier") {
      const name = n.name as string;
      if (!["file", "note", "formula"].includes(name) && !locals.has(name) && ctx.knownProperty && !ctx.knownProperty(name)) {
        out.push({ message: `no note in the vault has the property \`${name}\``, index: at(new RegExp(`(?<![.\\w])${esc(name)}\\b`)) });
      }
      return;
    }
    if (n.type === "ObjectExpression") {
      for (const prop of n.properties as Node[]) walk(prop.value as Expression, n);
      return;
    }
    for (const key of ["argument", "left", "right", "test", "consequent", "alternate"]) walk(n[key] as Expression | undefined, n);
    if (Array.isArray(n.elements)) for (const e of n.elements as Expression[]) walk(e, n);
  };
  walk(p.ast);
  return out;
}
