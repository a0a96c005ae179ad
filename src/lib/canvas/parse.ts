/**
 * A JSON Canvas 1.0 file (`.canvas`, Obsidian's canvas) read into a validated canvas: its nodes (text, file, link,
 * group) and edges, each with where it was written, and every problem at its place in the file. Pure.
 *
 * The file is read with jsonc-parser's tree (Microsoft's, VS Code's), which gives every value's offset and recovers
 * from syntax errors: a file that is not valid JSON still gives what can be read of it, and its errors are problems.
 * A node or edge without what it needs (an id, a type, its coordinates, a text node's `text` …) is left out with a
 * problem; a value that is only wrong (an unknown colour or side) is dropped with a problem and its default used.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from "jsonc-parser";
import { lineStarts, positionAt } from "../text-position.ts";

export type CanvasSide = "top" | "right" | "bottom" | "left";
export type CanvasEnd = "none" | "arrow";

/** A colour as written: a preset (`"1"` red … `"6"` purple) or a hex colour (`#rgb`, `#rrggbb`, with alpha). */
export type CanvasColor = { preset: number } | { hex: string };

interface NodeBase {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color?: CanvasColor;
  /** Its index in the file's `nodes`: the order they stack in (the first below the others). */
  index: number;
  /** Where the node's object starts in the file (offset). */
  at: number;
}

export interface TextNode extends NodeBase {
  type: "text";
  text: string;
  /** Offset of the `text` value's opening quote, so that a place in the text can be found in the file. */
  textAt: number;
}

export interface FileNode extends NodeBase {
  type: "file";
  file: string;
  /** `#Heading` or `#^block`, as written. */
  subpath?: string;
  /** Offset and length of the `file` value (its quotes included). */
  fileAt: [offset: number, length: number];
}

export interface LinkNode extends NodeBase {
  type: "link";
  url: string;
}

export interface GroupNode extends NodeBase {
  type: "group";
  label?: string;
  background?: string;
  backgroundStyle?: "cover" | "ratio" | "repeat";
}

export type CanvasNode = TextNode | FileNode | LinkNode | GroupNode;

export interface CanvasEdge {
  id: string;
  fromNode: string;
  toNode: string;
  fromSide?: CanvasSide;
  toSide?: CanvasSide;
  fromEnd: CanvasEnd;
  toEnd: CanvasEnd;
  color?: CanvasColor;
  label?: string;
}

export interface Canvas {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

/** A problem in the file, at its place (1-based lines and columns, the end exclusive). */
export interface CanvasProblem {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  hint: string;
}

const SIDES = new Set(["top", "right", "bottom", "left"]);
const ENDS = new Set(["none", "arrow"]);
const TYPES = new Set(["text", "file", "link", "group"]);
const BACKGROUND_STYLES = new Set(["cover", "ratio", "repeat"]);
const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** The canvas in `text`, with what could not be read of it as problems. */
export function parseCanvas(text: string): { canvas: Canvas; problems: CanvasProblem[] } {
  const starts = lineStarts(text);
  const problems: CanvasProblem[] = [];
  const problem = (offset: number, length: number, message: string, hint: string) => {
    const from = positionAt(starts, offset);
    const to = positionAt(starts, offset + Math.max(length, 1));
    problems.push({ line: from.line, column: from.column, endLine: to.line, endColumn: to.column, message, hint });
  };
  const canvas: Canvas = { nodes: [], edges: [] };
  if (!text.trim()) return { canvas, problems };

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  for (const e of errors.slice(0, 1)) {
    problem(e.offset, e.length, `the canvas is not valid JSON (${readableError(printParseErrorCode(e.error))})`, "fix the file in a text editor, or open it in Obsidian and move any card so the app writes it again; what could be read of it is shown meanwhile");
  }
  if (!root) return { canvas, problems };
  if (root.type !== "object") {
    problem(root.offset, root.length, `the canvas is ${kind(root)}, not an object with \`nodes\` and \`edges\``, 'a canvas is `{"nodes": [...], "edges": [...]}`');
    return { canvas, problems };
  }

  const list = (key: "nodes" | "edges"): JsonNode[] => {
    const value = property(root, key);
    if (!value) return [];
    if (value.type !== "array") {
      problem(value.offset, value.length, `\`${key}\` is ${kind(value)}, not a list`, `write \`"${key}": [...]\``);
      return [];
    }
    return value.children ?? [];
  };

  const ids = new Set<string>();
  list("nodes").forEach((item, index) => {
    const node = readNode(item, index, problem);
    if (!node) return;
    if (ids.has(node.id)) {
      const id = property(item, "id")!;
      problem(id.offset, id.length, `two nodes have the id \`${node.id}\`: this one is left out`, "give each node its own id");
      return;
    }
    ids.add(node.id);
    canvas.nodes.push(node);
  });

  const edgeIds = new Set<string>();
  for (const item of list("edges")) {
    const edge = readEdge(item, problem);
    if (!edge) continue;
    let missing = false;
    for (const end of ["fromNode", "toNode"] as const) {
      if (ids.has(edge[end])) continue;
      const v = property(item, end)!;
      problem(v.offset, v.length, `edge \`${edge.id}\` ${end === "fromNode" ? "starts at" : "ends at"} node \`${edge[end]}\`, which the canvas does not have: the edge is left out`, "connect it to a node of the canvas, or remove the edge");
      missing = true;
    }
    if (missing) continue;
    if (edgeIds.has(edge.id)) {
      const id = property(item, "id")!;
      problem(id.offset, id.length, `two edges have the id \`${edge.id}\``, "give each edge its own id");
    }
    edgeIds.add(edge.id);
    canvas.edges.push(edge);
  }
  return { canvas, problems };
}

type Problem = (offset: number, length: number, message: string, hint: string) => void;

function readNode(item: JsonNode, index: number, problem: Problem): CanvasNode | undefined {
  if (item.type !== "object") {
    problem(item.offset, item.length, `node ${index + 1} is ${kind(item)}, not an object`, 'a node is `{"id": …, "type": …, "x": …, "y": …, "width": …, "height": …}`');
    return undefined;
  }
  const id = string(item, "id");
  const what = typeof id === "string" ? `node \`${id}\`` : `node ${index + 1}`;
  const required = (key: string, value: unknown, expected: string): boolean => {
    if (value !== undefined && value !== null) return true;
    const v = property(item, key);
    if (v) problem(v.offset, v.length, `${what}'s \`${key}\` is ${kind(v)}, not ${expected}: the node is left out`, `write its \`${key}\` as ${expected}`);
    else problem(item.offset, 1, `${what} has no \`${key}\`: the node is left out`, `add \`"${key}"\` (${expected})`);
    return false;
  };
  if (!required("id", id, "a string")) return undefined;
  const type = string(item, "type");
  if (!required("type", type, "a string")) return undefined;
  if (!TYPES.has(type!)) {
    const v = property(item, "type")!;
    problem(v.offset, v.length, `${what} is of type \`${type}\`, which JSON Canvas 1.0 does not have: the node is left out`, "a node's type is `text`, `file`, `link` or `group`");
    return undefined;
  }
  const box: Record<"x" | "y" | "width" | "height", number> = { x: 0, y: 0, width: 0, height: 0 };
  for (const key of ["x", "y", "width", "height"] as const) {
    const n = number(item, key);
    if (!required(key, n, "a number")) return undefined;
    if ((key === "width" || key === "height") && n! < 0) {
      const v = property(item, key)!;
      problem(v.offset, v.length, `${what}'s \`${key}\` is negative: the node is left out`, `write its ${key} in pixels, 0 or more`);
      return undefined;
    }
    box[key] = n!;
  }
  const base: NodeBase = { id: id!, ...box, index, at: item.offset, ...color(item, what, problem) };
  switch (type) {
    case "text": {
      const text = string(item, "text");
      if (!required("text", text, "a string")) return undefined;
      return { ...base, type: "text", text: text!, textAt: property(item, "text")!.offset };
    }
    case "file": {
      const file = string(item, "file");
      if (!required("file", file, "a string (the file's path in the vault)")) return undefined;
      const v = property(item, "file")!;
      const subpath = optionalString(item, "subpath", what, problem);
      return { ...base, type: "file", file: file!, fileAt: [v.offset, v.length], ...(subpath ? { subpath } : {}) };
    }
    case "link": {
      const url = string(item, "url");
      if (!required("url", url, "a string (the address)")) return undefined;
      return { ...base, type: "link", url: url! };
    }
    default: {
      const label = optionalString(item, "label", what, problem);
      const background = optionalString(item, "background", what, problem);
      let backgroundStyle = optionalString(item, "backgroundStyle", what, problem);
      if (backgroundStyle && !BACKGROUND_STYLES.has(backgroundStyle)) {
        const v = property(item, "backgroundStyle")!;
        problem(v.offset, v.length, `${what}'s \`backgroundStyle\` is \`${backgroundStyle}\`, which JSON Canvas 1.0 does not have`, "write `cover`, `ratio` or `repeat`");
        backgroundStyle = undefined;
      }
      return { ...base, type: "group", ...(label ? { label } : {}), ...(background ? { background } : {}), ...(backgroundStyle ? { backgroundStyle: backgroundStyle as GroupNode["backgroundStyle"] } : {}) };
    }
  }
}

function readEdge(item: JsonNode, problem: Problem): CanvasEdge | undefined {
  if (item.type !== "object") {
    problem(item.offset, item.length, `an edge is ${kind(item)}, not an object`, 'an edge is `{"id": …, "fromNode": …, "toNode": …}`');
    return undefined;
  }
  const id = string(item, "id");
  const what = typeof id === "string" ? `edge \`${id}\`` : "an edge";
  for (const key of ["id", "fromNode", "toNode"]) {
    if (typeof string(item, key) === "string") continue;
    const v = property(item, key);
    if (v) problem(v.offset, v.length, `${what}'s \`${key}\` is ${kind(v)}, not a string: the edge is left out`, `write its \`${key}\` as a string`);
    else problem(item.offset, 1, `${what} has no \`${key}\`: the edge is left out`, `add \`"${key}"\` (a string${key === "id" ? "" : ": a node's id"})`);
    return undefined;
  }
  const choice = <T extends string>(key: string, allowed: Set<string>, fallback?: T): T | undefined => {
    const value = optionalString(item, key, what, problem);
    if (value === undefined) return fallback;
    if (allowed.has(value)) return value as T;
    const v = property(item, key)!;
    problem(v.offset, v.length, `${what}'s \`${key}\` is \`${value}\`, which JSON Canvas 1.0 does not have`, `write one of ${[...allowed].map((a) => `\`${a}\``).join(", ")}`);
    return fallback;
  };
  const fromSide = choice<CanvasSide>("fromSide", SIDES);
  const toSide = choice<CanvasSide>("toSide", SIDES);
  const label = optionalString(item, "label", what, problem);
  return {
    id: id!,
    fromNode: string(item, "fromNode")!,
    toNode: string(item, "toNode")!,
    ...(fromSide ? { fromSide } : {}),
    ...(toSide ? { toSide } : {}),
    fromEnd: choice<CanvasEnd>("fromEnd", ENDS, "none")!,
    toEnd: choice<CanvasEnd>("toEnd", ENDS, "arrow")!,
    ...color(item, what, problem),
    ...(label ? { label } : {}),
  };
}

function color(item: JsonNode, what: string, problem: Problem): { color?: CanvasColor } {
  const v = property(item, "color");
  if (!v) return {};
  const value = v.type === "string" ? (v.value as string).trim() : undefined;
  if (value !== undefined && /^[1-6]$/.test(value)) return { color: { preset: Number(value) } };
  if (value !== undefined && HEX.test(value)) return { color: { hex: value } };
  problem(v.offset, v.length, `${what}'s \`color\` ${value === undefined ? `is ${kind(v)}` : `\`${value}\``} is not a canvas colour: it is shown without one`, 'write a preset, `"1"` (red) to `"6"` (purple), or a hex colour such as `"#ff8800"`');
  return {};
}

/** The value of `key` in an object node. */
function property(object: JsonNode, key: string): JsonNode | undefined {
  for (const p of object.children ?? []) if (p.type === "property" && p.children?.[0]?.value === key) return p.children[1];
  return undefined;
}

function string(object: JsonNode, key: string): string | undefined {
  const v = property(object, key);
  return v?.type === "string" ? (v.value as string) : undefined;
}

function number(object: JsonNode, key: string): number | undefined {
  const v = property(object, key);
  return v?.type === "number" && Number.isFinite(v.value) ? (v.value as number) : undefined;
}

/** An optional string: absent (or null) is fine, another kind of value is a problem and taken as absent. */
function optionalString(object: JsonNode, key: string, what: string, problem: Problem): string | undefined {
  const v = property(object, key);
  if (!v || v.type === "null") return undefined;
  if (v.type === "string") return v.value as string;
  problem(v.offset, v.length, `${what}'s \`${key}\` is ${kind(v)}, not a string: it is ignored`, `write it as a string`);
  return undefined;
}

function kind(v: JsonNode): string {
  switch (v.type) {
    case "object":
      return "an object";
    case "array":
      return "a list";
    case "string":
      return "a string";
    case "number":
      return `the number ${v.value}`;
    case "boolean":
      return `\`${v.value}\``;
    case "null":
      return "`null`";
    default:
      return "not a value";
  }
}

function readableError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words === "end of file expected" ? "something follows the end of the canvas" : words;
}

/**
 * Where each character of a JSON string's value is in the file: `at` is the offset of the opening quote, and the
 * result's `i`th entry is the offset of the value's `i`th UTF-16 unit (escapes such as `\n` or `\u00e9` take more
 * than one character in the file); one more entry, for the end.
 */
export function stringOffsets(text: string, at: number): number[] {
  const out: number[] = [];
  let i = at + 1;
  while (i < text.length && text[i] !== '"') {
    out.push(i);
    if (text[i] === "\\") i += text[i + 1] === "u" ? 6 : 2;
    else i++;
  }
  out.push(i);
  return out;
}
