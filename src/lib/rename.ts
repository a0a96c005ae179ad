/**
 * `npm run rename`: the text edits that move a note to a new slug. Every body link, relation and citation that names
 * the note by its old slug is rewritten to the new one, in place (the link's heading, block and label, the value's
 * quoting and everything around it stay as written); links by its title or an alias still resolve and are left
 * alone. The moved note gets its old slug as an alias, so old links elsewhere (other branches, other sites) still
 * resolve and the site keeps a page at the old address that sends readers on (see redirects.ts).
 * Pure: positions come from the loaded vault; the CLI (scripts/rename.ts) reads and writes the files.
 */
import { pathKey } from "./frontmatter.ts";
import type { FieldPath } from "./schema.ts";
import type { Vault } from "./types.ts";
import { lineStarts, positionAt } from "./text-position.ts";

/** A replacement of the text between two 1-based positions (end exclusive, as mdast and YAML ranges are). */
export interface TextEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface FileEdits {
  /** Vault-relative path of the file (before the move, for the renamed note itself). */
  path: string;
  edits: TextEdit[];
  /** What the edits change, for the report: `link`, `relation developer`, `citation`. */
  what: string[];
}

/** `[[target` (or `![[target`) at the start of a wikilink's source: the target is what is replaced. */
const LINK_HEAD = /^(!?\[\[\s*)([^\]#|\\]*?)(\s*(?:[#|\\\]]))/;

/**
 * The edits every file needs when `from` becomes `to`. `texts` gives each file's current text by vault path (the
 * text the vault was loaded from). Links are rewritten only where they name `from` by its slug.
 */
export function renameEdits(vault: Vault, from: string, to: string, texts: ReadonlyMap<string, string>): FileEdits[] {
  const out: FileEdits[] = [];
  // Written as the slug itself; a title or alias that happens to fold to the same name still resolves: left alone.
  const byOldSlug = (written: string) => written.trim().toLowerCase() === from;
  for (const note of vault.notes) {
    const file = vault.filesBySlug.get(note.slug)!;
    const text = texts.get(file.path);
    if (text === undefined) continue;
    const lines = lineStarts(text);
    const edits: TextEdit[] = [];
    const what: string[] = [];
    for (const link of note.links) {
      if (link.to !== from || !link.target || !byOldSlug(link.target)) continue;
      const start = offset(lines, link.line, link.column);
      const m = LINK_HEAD.exec(text.slice(start, offset(lines, link.endLine, link.endColumn)));
      if (!m) continue;
      const at = start + m[1].length;
      edits.push(span(lines, at, at + m[2].length, to));
      what.push("link");
    }
    const rewriteValue = (path: FieldPath, label: string) => {
      const p = note.parsed.positions[pathKey(path)];
      if (!p) return;
      const a = offset(lines, p[0], p[1]);
      const b = offset(lines, p[2], p[3]);
      const raw = text.slice(a, b);
      const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : "";
      edits.push(span(lines, a, b, `${quote}${to}${quote}`));
      what.push(label);
    };
    for (const r of note.relations) if (r.to === from && byOldSlug(r.ref)) rewriteValue(r.path, `relation ${r.field}`);
    for (const c of note.citations) if (c.to === from && byOldSlug(c.ref)) rewriteValue(c.path, "citation");
    if (edits.length) out.push({ path: file.path, edits: dedupe(edits), what });
  }
  return out;
}

/** Edits can repeat when a value is both a relation and a citation: keep one per range. */
function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const k = `${e.line}:${e.column}:${e.endLine}:${e.endColumn}`;
    return !seen.has(k) && seen.add(k);
  });
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = lineStarts(text);
  const ranges = edits.map((e) => ({ a: offset(lines, e.line, e.column), b: offset(lines, e.endLine, e.endColumn), text: e.text })).sort((x, y) => y.a - x.a);
  let out = text;
  for (const r of ranges) out = out.slice(0, r.a) + r.text + out.slice(r.b);
  return out;
}

/**
 * Adds `alias` to a note's `aliases` in its frontmatter text, as the field is written: into a `[a, b]` list, as a
 * new `- item` of a block list, or as a new `aliases: [alias]` line after the title when there is none.
 * `positions` are the note's parsed frontmatter positions (of the text before any other edit).
 */
export function addAlias(text: string, positions: Record<string, [number, number, number, number]>, alias: string): string {
  const lines = lineStarts(text);
  const value = positions[pathKey(["aliases"])];
  if (value) {
    const a = offset(lines, value[0], value[1]);
    const b = offset(lines, value[2], value[3]);
    const raw = text.slice(a, b);
    if (raw.startsWith("[")) {
      const close = a + raw.lastIndexOf("]");
      const empty = /^\[\s*$/.test(text.slice(a, close));
      return `${text.slice(0, close).replace(/\s*$/, "")}${empty ? "" : ", "}${alias}${text.slice(close)}`;
    }
    const items = Object.keys(positions).filter((k) => /^aliases\.\d+$/.test(k)).length;
    if (items) {
      // A block list: a new item after the last, indented as the first.
      const first = positions[pathKey(["aliases", 0])];
      const indent = text.slice(lines[first[0] - 1], offset(lines, first[0], first[1])).replace(/-\s*$/, "");
      const last = positions[pathKey(["aliases", items - 1])];
      const end = offset(lines, last[2], last[3]);
      const eol = text.indexOf("\n", end);
      const at = eol < 0 ? text.length : eol + 1;
      return `${text.slice(0, at)}${indent}- ${alias}\n${text.slice(at)}`;
    }
    // `aliases:` with no value: the whole line becomes the list.
    const start = lines[value[0] - 1];
    const eol = text.indexOf("\n", start);
    return `${text.slice(0, start)}aliases: [${alias}]${eol < 0 ? "" : text.slice(eol)}`;
  }
  const title = positions[pathKey(["title"])] ?? [1, 1, 1, 1];
  const at = lines[title[2]] ?? text.length;
  return `${text.slice(0, at)}aliases: [${alias}]\n${text.slice(at)}`;
}

/** Offsets at which each line starts (index 0 is line 1). */
function offset(lines: number[], line: number, column: number): number {
  return (lines[line - 1] ?? lines[lines.length - 1]) + column - 1;
}

function span(lines: number[], a: number, b: number, text: string): TextEdit {
  const s = positionAt(lines, a);
  const e = positionAt(lines, b);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column, text };
}
