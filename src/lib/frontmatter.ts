/**
 * Splits a note into its YAML frontmatter and Markdown body, parses the YAML, and maps a field path back to the line
 * it was written on, so that every frontmatter problem can be reported as `file:line:col`.
 */
import { isAlias, isMap, isSeq, LineCounter, parseDocument, visit, type Document } from "yaml";
import { stripMarkers } from "./markdown/markers.ts";

export interface FrontmatterProblem {
  line: number;
  column: number;
  rule: "yaml-syntax" | "frontmatter-missing";
  message: string;
  hint: string;
}

export interface SplitNote {
  /** Parsed frontmatter, or undefined when missing or unparsable. */
  data: unknown;
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  problems: FrontmatterProblem[];
  /** Where each field path's value starts, keyed by `pathKey(path)`: plain data, so it can be cached. */
  positions: Record<string, [line: number, column: number, endLine: number, endColumn: number]>;
}

/** The key of a field path in `positions`: `developer.0.ref`. */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** 1-based file position of a frontmatter field path, falling back to the nearest parent that exists. */
export function locate(positions: SplitNote["positions"], path: readonly PropertyKey[]): { line: number; column: number; endLine?: number; endColumn?: number } {
  for (let n = path.length; n >= 0; n--) {
    // Own keys only: a field may be called `constructor` or `__proto__`, and an object's inherited ones are no field.
    const key = pathKey(path.slice(0, n));
    const p = Object.hasOwn(positions, key) ? positions[key] : undefined;
    if (p) return { line: p[0], column: p[1], endLine: p[2], endColumn: p[3] };
  }
  return { line: 1, column: 1 };
}

const FENCE = /^---[ \t]*$/;

/**
 * `optional`: frontmatter is optional (an Obsidian vault): a note without it, or whose opening `---` is never
 * closed, is all body and has no problem.
 */
export function splitNote(text: string, options: { optional?: boolean } = {}): SplitNote {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstBreak = src.indexOf("\n");
  const firstLine = (firstBreak < 0 ? src : src.slice(0, firstBreak)).replace(/\r$/, "");
  if (!FENCE.test(firstLine)) {
    if (options.optional) return { data: undefined, body: src, bodyLine: 1, positions: {}, problems: [] };
    return unsplit(src, "the note has no frontmatter", "start the file with a `---` line, then `title:`, `type:` and `summary:`, then a closing `---` line");
  }
  // Find the closing fence.
  let pos = firstBreak + 1;
  let line = 2;
  let closeStart = -1;
  let closeEnd = -1;
  while (pos > 0 && pos <= src.length) {
    const nl = src.indexOf("\n", pos);
    const end = nl < 0 ? src.length : nl;
    if (FENCE.test(src.slice(pos, end).replace(/\r$/, ""))) {
      closeStart = pos;
      closeEnd = nl < 0 ? src.length : nl + 1;
      break;
    }
    if (nl < 0) break;
    pos = nl + 1;
    line++;
  }
  if (closeStart < 0) {
    if (options.optional) return { data: undefined, body: src, bodyLine: 1, positions: {}, problems: [] };
    return unsplit("", "the frontmatter opened on line 1 is never closed", "add a line containing only `---` after the last frontmatter field");
  }
  const yamlText = src.slice(firstBreak + 1, closeStart);
  const counter = new LineCounter();
  // `logLevel: "error"`: YAML's warnings (a list used as a key, say) would go to the console of whoever runs the check.
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  const yamlLineOffset = 1; // YAML starts on file line 2
  const at = (offset: number) => {
    const p = counter.linePos(offset);
    return { line: p.line + yamlLineOffset, column: p.col };
  };
  // The YAML library reports its own stack overflow as an error on every level it unwinds: one is enough.
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  const problems: FrontmatterProblem[] = overflow
    ? [{ ...at(overflow.pos[0]), rule: "yaml-syntax", message: "the frontmatter nests too deep to be read", hint: "fields are values and short lists: flatten the nested lists or maps from here on" }]
    : doc.errors.map((e) => ({ ...at(e.pos[0]), rule: "yaml-syntax", message: `invalid YAML: ${firstSentence(e.message)}`, hint: yamlHint(e.code) }));
  let data: unknown;
  if (!problems.length) {
    try {
      data = withoutControls(doc.toJS());
      if (options.optional && data == null) data = {}; // `---` then `---`: no properties
    } catch {
      // The one way a parsed document fails to become data: aliases (`*a`) that expand exponentially, the YAML
      // "billion laughs". The library stops at 100 expansions; say where the aliases start.
      let first = 0;
      visit(doc, { Alias: (_k, node) => ((first = isAlias(node) && node.range ? node.range[0] : first), visit.BREAK) });
      problems.push({ ...at(first), rule: "yaml-syntax", message: "the frontmatter repeats `*alias` references so often that reading it would exhaust memory", hint: "write the values out instead of repeating anchors (`&name`) through aliases (`*name`)" });
    }
  }
  if (!problems.length && (data === null || typeof data !== "object" || Array.isArray(data))) {
    problems.push({
      line: 2,
      column: 1,
      rule: "yaml-syntax",
      message: "the frontmatter is not a set of `key: value` fields",
      hint: "write one `field: value` per line between the `---` lines",
    });
  }
  return {
    data: problems.length ? undefined : data,
    body: src.slice(closeEnd),
    bodyLine: line + 1,
    problems,
    positions: problems.length ? {} : positionsOf(doc, counter, yamlLineOffset),
  };
}

/**
 * Control characters (YAML's `"\0"`, `"\x1b"`) become U+FFFD in every string, as CommonMark does in the body: a NUL
 * would otherwise reach the pages, where HTML forbids it, and an escape sequence the terminal of whoever runs the check.
 * The engine's markers (markdown/markers.ts) go too: written as YAML escapes they were still there.
 */
function withoutControls(value: unknown): unknown {
  if (typeof value === "string") return stripMarkers(value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "\uFFFD"));
  if (Array.isArray(value)) return value.map(withoutControls);
  if (value && typeof value === "object" && !(value instanceof Uint8Array)) {
    for (const k of Object.keys(value)) (value as Record<string, unknown>)[k] = withoutControls((value as Record<string, unknown>)[k]);
  }
  return value;
}

/** A note whose frontmatter could not be found: the whole text is body, and one problem says why. */
function unsplit(body: string, message: string, hint: string): SplitNote {
  return {
    data: undefined,
    body,
    bodyLine: 1,
    positions: {},
    problems: [{ line: 1, column: 1, rule: "frontmatter-missing", message, hint }],
  };
}

/** Every value's range in the YAML, by field path (the value node, or the key when the value is empty). */
function positionsOf(doc: Document, counter: LineCounter, lineOffset: number): SplitNote["positions"] {
  // No prototype: a field named `__proto__` would otherwise replace this object's prototype instead of being a key
  // (and come back as a key only after a round trip through the parse cache's JSON, so two builds differed).
  const out: SplitNote["positions"] = Object.create(null);
  const at = (range: [number, number, number]): [number, number, number, number] => {
    const a = counter.linePos(range[0]);
    const b = counter.linePos(range[1]);
    return [a.line + lineOffset, a.col, b.line + lineOffset, b.col];
  };
  const visit = (node: unknown, path: (string | number)[]) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) out[pathKey(path)] = at(range);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = (pair.key as { value?: unknown } | null)?.value ?? pair.key;
        const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
        const childPath = [...path, String(key)];
        if (keyRange) out[pathKey(childPath)] = at(keyRange);
        if (pair.value) visit(pair.value, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    }
  };
  visit(doc.contents, []);
  return out;
}

function firstSentence(message: string): string {
  return message.split("\n")[0].replace(/\s+at line \d+, column \d+:?$/, "");
}

function yamlHint(code: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "a field appears twice: keep one of them";
    case "BAD_INDENT":
    case "MISSING_CHAR":
      return "check the indentation and that every `key:` is followed by a space";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "a value containing `: ` or starting with a special character must be quoted";
    default:
      return "quote values that contain `:`, `#`, `[` or start with `*`, `&`, `!`, `@`";
  }
}
