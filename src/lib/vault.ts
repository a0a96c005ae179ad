/**
 * Loads a folder of notes into one checked vault: read every file, split and validate its frontmatter, scan its body,
 * build the name index, then resolve every link, relation and citation and run the checker's rules.
 *
 * Everything downstream (pages, search, graph) reads the Vault this returns; nothing re-reads the files.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { splitNote } from "./frontmatter.ts";
import { explainIssue, compareDiagnostics, nearest, type SchemaIssue } from "./diagnostics.ts";
import { LinkIndex } from "./resolve.ts";
import { NOTE_TYPES, noteSchemas, RELATIONS, RESERVED_SLUGS, TYPE_FOLDERS, type NoteData, type NoteType } from "./schema.ts";
import type { Backlink, Diagnostic, Heading, Note, ResolvedLink, ResolvedRelation, Severity, Vault } from "./types.ts";
import { inlinePlainText, scanBody, type ScannedLink } from "./wikilink.ts";

export type Progress = (stage: string, done: number, total: number) => void;

export interface LoadOptions {
  onProgress?: Progress;
  /** Base for the file paths in messages; defaults to the working directory. */
  cwd?: string;
}

/** A file after the per-file stage, before anything needs the rest of the vault. */
interface LoadedFile {
  slug: string;
  file: string;
  folder: string;
  type?: NoteType;
  title: string;
  aliases: string[];
  data?: NoteData;
  raw: Record<string, unknown> | undefined;
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
  headings: Heading[];
  links: ScannedLink[];
  body: string;
  bodyLine: number;
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NESTED_KEYS = ["ref", "source", "note", "value", "status", "lab", "role", "from", "to", "how", "name", "weights", "training_data", "training_code", "paper", "license"];

/** Lists the note files under `dir` (Markdown, not README.md, not hidden or `_`-prefixed), sorted. */
export async function listNoteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".md") && e.name.toLowerCase() !== "readme.md")
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !relative(dir, p).split(/[\\/]/).some((part) => part.startsWith(".") || part.startsWith("_")))
    .sort();
}

export async function loadVault(dir: string, options: LoadOptions = {}): Promise<Vault> {
  const { onProgress, cwd = process.cwd() } = options;
  const diagnostics: Diagnostic[] = [];
  const report = (file: string, pos: { line: number; column: number }, severity: Severity, rule: string, message: string, hint?: string) =>
    diagnostics.push({ file, line: pos.line, column: pos.column, severity, rule, message, hint });

  const paths = await listNoteFiles(dir);
  if (paths.length === 0) {
    report(relative(cwd, dir) || ".", { line: 0, column: 0 }, "error", "empty-vault", `no notes found in ${dir}`, "set CONTENT_DIR to a folder of Markdown notes");
  }
  const texts = await readAll(paths, onProgress);

  // Stage 1: each file on its own.
  const loaded: LoadedFile[] = [];
  for (let i = 0; i < paths.length; i++) {
    loaded.push(loadFile(paths[i], texts[i], relative(cwd, paths[i]), dir, report));
    if (onProgress && (i % 2000 === 1999 || i === paths.length - 1)) onProgress("validating", i + 1, paths.length);
  }

  // Stage 2: names. Duplicate slugs are errors; the second file is left out of the index.
  const bySlugFolded = new Map<string, LoadedFile>();
  const indexed: LoadedFile[] = [];
  for (const f of loaded) {
    const key = f.slug.toLowerCase();
    const first = bySlugFolded.get(key);
    if (first) {
      report(f.file, { line: 1, column: 1 }, "error", "duplicate-slug", `slug \`${f.slug}\` is already used by ${first.file}`, "slugs are file names and must be unique across the vault (case-insensitively): rename one file");
      continue;
    }
    bySlugFolded.set(key, f);
    indexed.push(f);
  }
  const index = new LinkIndex(indexed);
  const loadedBySlug = new Map(indexed.map((f) => [f.slug, f]));
  for (const c of index.collisions) {
    if (c.first.slug === c.second.slug) continue;
    const second = loadedBySlug.get(c.second.slug)!;
    const pos = c.second.kind === "alias" ? second.locate(["aliases", second.aliases.indexOf(c.name)]) : c.second.kind === "title" ? second.locate(["title"]) : { line: 1, column: 1 };
    report(
      c.second.file,
      pos,
      "error",
      "name-collision",
      `${c.second.kind} \`${c.name}\` is also the ${c.first.kind} of ${c.first.file}`,
      `links to \`${c.name}\` would be ambiguous: change or remove this ${c.second.kind}`,
    );
  }

  // Stage 3: resolve links, relations and citations.
  const notes: Note[] = [];
  const bodies = new Map<string, { body: string; bodyLine: number }>();
  for (const f of indexed) {
    if (!f.type || !f.data) {
      resolveLinks(f, index, loadedBySlug, report); // still report its broken links: every problem at once
      continue;
    }
    const note = resolveNote(f, index, loadedBySlug, report);
    notes.push(note);
    bodies.set(note.slug, { body: f.body, bodyLine: f.bodyLine });
  }
  onProgress?.("resolving", notes.length, notes.length);

  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  const { backlinks, citedBy } = collectInbound(notes, bySlug, (t) => index.resolve(t));

  // Stage 4: vault-wide rules.
  for (const note of notes) {
    const inbound = (backlinks.get(note.slug)?.length ?? 0) + (citedBy.get(note.slug)?.length ?? 0);
    if (inbound === 0 && notes.length > 1) {
      report(note.file, { line: 1, column: 1 }, "warning", "orphan", `no other note links to \`${note.slug}\``, "link to it from a related note, e.g. `[[" + note.slug + "]]`");
    }
    if (note.type !== "source" && note.cites.length === 0) {
      report(note.file, { line: 1, column: 1 }, "warning", "uncited", `\`${note.slug}\` cites no source`, "add `sources: [source-slug]` naming the source notes its claims come from");
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { notes, fileCount: paths.length, resolve: (t) => index.resolve(t), bySlug, backlinks, citedBy, diagnostics, bodies };
}

async function readAll(paths: string[], onProgress?: Progress): Promise<string[]> {
  const out: string[] = new Array(paths.length);
  const BATCH = 256;
  for (let i = 0; i < paths.length; i += BATCH) {
    const slice = paths.slice(i, i + BATCH);
    const texts = await Promise.all(slice.map((p) => readFile(p, "utf8")));
    texts.forEach((t, j) => (out[i + j] = t));
    onProgress?.("reading", Math.min(i + BATCH, paths.length), paths.length);
  }
  return out;
}

type Report = (file: string, pos: { line: number; column: number }, severity: Severity, rule: string, message: string, hint?: string) => void;

function loadFile(path: string, text: string, file: string, root: string, report: Report): LoadedFile {
  const slug = basename(path, ".md");
  const folder = relative(root, path).split(/[\\/]/)[0];
  const split = splitNote(text);
  const scan = scanBody(split.body, split.bodyLine);
  const base: LoadedFile = {
    slug,
    file,
    folder,
    title: slug,
    aliases: [],
    raw: split.data as Record<string, unknown> | undefined,
    locate: split.locate,
    headings: scan.headings,
    links: scan.links,
    body: split.body,
    bodyLine: split.bodyLine,
  };
  if (!SLUG_RE.test(slug)) {
    report(file, { line: 1, column: 1 }, "error", "slug-format", `file name \`${slug}.md\` is not a valid slug`, `slugs are lowercase words joined by hyphens: rename it to \`${slugify(slug)}.md\``);
  }
  if (RESERVED_SLUGS.has(slug)) {
    report(file, { line: 1, column: 1 }, "error", "reserved-slug", `\`${slug}\` is the address of one of the site's own pages`, `rename the file, e.g. to \`${slug}-note.md\``);
  }
  for (const p of split.problems) report(file, p, "error", p.rule, p.message, p.hint);
  for (const h of scan.unsafeHtml) {
    report(file, h, "error", "unsafe-html", `raw HTML ${h.what} is not allowed in notes`, "scripts, `on*=` event handlers and `javascript:` URLs are stripped from the site: remove them (see CONTRIBUTING.md for the HTML that is allowed)");
  }
  const raw = base.raw;
  if (!raw) return base;
  if (typeof raw.title === "string" && raw.title.trim()) base.title = raw.title;
  if (Array.isArray(raw.aliases)) base.aliases = raw.aliases.filter((a): a is string => typeof a === "string");

  const type = raw.type;
  if (typeof type !== "string" || !(NOTE_TYPES as readonly string[]).includes(type)) {
    const near = typeof type === "string" ? nearest(type, NOTE_TYPES) : undefined;
    report(
      file,
      split.locate(["type"]),
      "error",
      "unknown-type",
      type === undefined ? "the note has no `type`" : `unknown type \`${String(type)}\``,
      `${near ? `did you mean \`${near}\`? ` : ""}type is one of: ${NOTE_TYPES.join(", ")}`,
    );
    return base;
  }
  base.type = type as NoteType;
  const expectedFolder = TYPE_FOLDERS[base.type];
  if (folder !== expectedFolder && folder !== `${slug}.md`) {
    report(file, split.locate(["type"]), "warning", "type-folder", `a ${type} note in \`${folder}/\``, `move it to \`${expectedFolder}/\``);
  }
  const schema = noteSchemas[base.type];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const valueAt = (p: PropertyKey[]) => p.reduce<unknown>((v, k) => (v == null ? undefined : (v as Record<PropertyKey, unknown>)[k]), raw);
    const allowed = (p: PropertyKey[]) => (p.length === 0 ? Object.keys(schema.shape) : NESTED_KEYS);
    for (const issue of parsed.error.issues as unknown as SchemaIssue[]) {
      const e = explainIssue(issue, valueAt, allowed);
      report(file, split.locate(e.path), "error", "schema", e.message, e.hint);
    }
    return base;
  }
  base.data = parsed.data as NoteData;
  return base;
}

function slugify(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "note";
}

/** A relation value as found in frontmatter, before resolution. */
interface RawRelation {
  raw: string;
  path: PropertyKey[];
  sources: string[];
  qualifier?: string;
}

function asList(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
function sourceList(v: unknown): string[] {
  return asList(v).filter((s): s is string => typeof s === "string");
}

/** Reads the relation values of one field, whatever form they were written in. */
function relationValues(data: Record<string, unknown>, field: string): RawRelation[] {
  const out: RawRelation[] = [];
  const value = data[field];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  list.forEach((item, i) => {
    const path = Array.isArray(value) ? [field, i] : [field];
    if (typeof item === "string") out.push({ raw: item, path, sources: [] });
    else if (item && typeof item === "object") {
      const o = item as Record<string, unknown>;
      const target = typeof o.ref === "string" ? o.ref : typeof o.lab === "string" ? o.lab : undefined;
      if (!target) return; // e.g. an author given as { name }
      const qualifier = typeof o.how === "string" ? o.how : typeof o.role === "string" ? o.role : undefined;
      out.push({ raw: target, path: [...path, typeof o.ref === "string" ? "ref" : "lab"], sources: sourceList(o.source), qualifier });
    }
  });
  return out;
}

/** Every `source:` given on a single value anywhere in the frontmatter, with its path. */
function perValueSources(value: unknown, path: PropertyKey[], out: { slug: string; path: PropertyKey[] }[]) {
  if (Array.isArray(value)) value.forEach((v, i) => perValueSources(v, [...path, i], out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "source" && path.length > 0) {
        if (typeof v === "string") out.push({ slug: v, path: [...path, k] });
        else if (Array.isArray(v)) v.forEach((s, i) => typeof s === "string" && out.push({ slug: s, path: [...path, k, i] }));
      } else perValueSources(v, [...path, k], out);
    }
  }
}

function suggestHint(index: LinkIndex, target: string): string {
  const near = index.suggest(target);
  const create = `create the note \`${slugify(target)}\``;
  return near.length ? `did you mean ${near.map((s) => `\`${s}\``).join(", ")}? Or ${create}` : `${create} or fix the link`;
}

function resolveLinks(f: LoadedFile, index: LinkIndex, bySlug: Map<string, LoadedFile>, report: Report): ResolvedLink[] {
  return f.links.map((l) => {
    const pos = { line: l.line, column: l.column };
    if (!l.target && !l.heading) {
      report(f.file, pos, "error", "empty-link", "empty wikilink `[[]]`", "put a note's slug, title or alias between the brackets");
      return { ...l, to: null };
    }
    const to = l.target ? index.resolve(l.target) : f.slug; // `[[#Heading]]` links within the note
    if (!to) {
      report(f.file, pos, "error", "broken-link", `link to missing note \`${l.target}\``, suggestHint(index, l.target));
      return { ...l, to: null };
    }
    if (!l.heading) return { ...l, to };
    const target = bySlug.get(to)!;
    const h = target.headings.find((x) => x.text.toLowerCase() === l.heading!.toLowerCase() || x.id === l.heading!.toLowerCase());
    if (!h) {
      const near = nearest(l.heading, target.headings.map((x) => x.text));
      report(f.file, pos, "error", "missing-heading", `\`${to}\` has no heading \`${l.heading}\``, near ? `did you mean \`${near}\`?` : target.headings.length ? `its headings: ${target.headings.map((x) => x.text).join(", ")}` : "it has no headings: link to the note itself");
      return { ...l, to, headingMissing: true };
    }
    return { ...l, to, headingId: h.id };
  });
}

function resolveNote(f: LoadedFile, index: LinkIndex, bySlug: Map<string, LoadedFile>, report: Report): Note {
  const data = f.data!;
  const type = f.type!;
  const links = resolveLinks(f, index, bySlug, report);

  const relations: ResolvedRelation[] = [];
  const raw = data as unknown as Record<string, unknown>;
  for (const spec of RELATIONS[type]) {
    for (const r of relationValues(raw, spec.field)) {
      const pos = f.locate(r.path);
      const to = index.resolve(r.raw);
      if (!to) {
        report(f.file, pos, "error", "broken-relation", `\`${spec.field}\` names missing note \`${r.raw}\``, suggestHint(index, r.raw));
      } else if (spec.target && !spec.target.includes(bySlug.get(to)!.type!)) {
        report(f.file, pos, "error", "relation-type", `\`${spec.field}\` should name a ${spec.target.join(" or ")} note, but \`${to}\` is a ${bySlug.get(to)!.type}`, "point it at a note of the right type");
      }
      relations.push({ kind: spec.kind, field: spec.field, raw: r.raw, to, sources: r.sources, qualifier: r.qualifier, ...pos });
    }
  }

  // Citations: the `sources` list, every per-value `source`, and what a source note itself `cites`.
  const cited: { slug: string; path: PropertyKey[] }[] = data.sources.map((s, i) => ({ slug: s, path: ["sources", i] }));
  perValueSources(raw, [], cited);
  const cites = new Set<string>();
  for (const c of cited) {
    const to = index.resolve(c.slug);
    const pos = f.locate(c.path);
    if (!to) report(f.file, pos, "error", "unknown-source", `cites missing source \`${c.slug}\``, suggestHint(index, c.slug));
    else if (bySlug.get(to)!.type !== "source") report(f.file, pos, "error", "not-a-source", `cites \`${to}\`, which is a ${bySlug.get(to)!.type} note, not a source`, "only source notes can be cited: cite the source that makes the claim");
    else if (to !== f.slug) cites.add(to);
  }
  for (const r of relations) if (r.kind === "cites" && r.to && r.to !== f.slug && bySlug.get(r.to)!.type === "source") cites.add(r.to);
  return { slug: f.slug, type, title: f.title, file: f.file, data, headings: f.headings, links, relations, cites: [...cites], date: noteDate(data) };
}

function firstValue(v: unknown): string | undefined {
  const x = Array.isArray(v) ? v[0] : v;
  if (typeof x === "string") return x;
  if (x && typeof x === "object" && typeof (x as { value?: unknown }).value === "string") return (x as { value: string }).value;
  return undefined;
}

/** The date a note sits at on a timeline. */
export function noteDate(data: NoteData): string | undefined {
  switch (data.type) {
    case "model":
      return firstValue(data.released);
    case "event":
      return firstValue(data.date);
    case "source":
      return data.published;
    case "lab":
      return firstValue(data.founded);
    case "person":
      return data.affiliations.map((a) => a.from).filter((d): d is string => !!d).sort()[0];
    default:
      return undefined;
  }
}

function collectInbound(notes: Note[], bySlug: Map<string, Note>, resolve: (target: string) => string | null) {
  const backlinks = new Map<string, Backlink[]>();
  const citedBy = new Map<string, string[]>();
  const titleOf = (target: string) => {
    const slug = resolve(target);
    return slug ? bySlug.get(slug)?.title : undefined;
  };
  const add = (to: string, b: Backlink) => {
    const list = backlinks.get(to) ?? [];
    if (!list.some((x) => x.from === b.from && x.context === b.context)) list.push(b);
    backlinks.set(to, list);
  };
  for (const n of notes) {
    for (const l of n.links) {
      if (l.to && l.to !== n.slug && bySlug.has(l.to)) add(l.to, { from: n.slug, context: inlinePlainText(l.context, titleOf), kind: "links_to" });
    }
    for (const r of n.relations) {
      if (!r.to || r.to === n.slug) continue;
      const spec = RELATIONS[n.type].find((s) => s.field === r.field)!;
      add(r.to, { from: n.slug, context: `${spec.label}${r.qualifier ? ` (${r.qualifier})` : ""}`, kind: r.kind });
    }
    for (const s of n.cites) {
      const list = citedBy.get(s);
      if (list) list.push(n.slug);
      else citedBy.set(s, [n.slug]);
    }
  }
  return { backlinks, citedBy };
}
