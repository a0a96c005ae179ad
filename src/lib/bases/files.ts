/**
 * The vault as a base sees it: each published note as a file (`BFile`) with its properties, and `.base` files
 * themselves (for `this` on a base's own page). Everything comes from the vault already loaded: a note's frontmatter
 * as parsed (kept for a vault with bases, vault.ts), its resolved links, backlinks and tags; in a typed vault the
 * normalised values (a `{ value, source }` value as its value, a relation as a link to its target, an openness cell
 * as its status). Only `file.size`, `file.ctime` and `file.mtime` ask more: the file's size and its dates (one `git
 * log` for the vault, else the file's own times: file-dates.ts), each read once, and only when a base asks.
 */
import { LIST_PROPERTY_TYPES } from "../obsidian-app.ts";
import { VaultPathIndex } from "../resolve.ts";
import type { Attachment, Note, Vault } from "../types.ts";
import type { Env } from "./expr.ts";
import { fileDates, type FileDates } from "./file-dates.ts";
import { isBasePath } from "./note.ts";
import { BDate, BFile, BLink, BObject, fromPlain, parseDate, type FileSource, type Value } from "./values.ts";

export interface WorldOptions {
  /** A note's page address (none: links are not rendered, as in the checker). */
  href?: (slug: string) => string;
  /** Now, once for the build. */
  now?: number;
  /** The files' dates and sizes (default: git, else the file system, read on first use). */
  dates?: FileDates;
}

/** Every note of a vault as a base's file, made once per note and shared by every base of the build. */
export class BaseWorld implements Env {
  readonly vault: Vault;
  readonly now: number;
  readonly #options: WorldOptions;
  readonly #files = new Map<string, BFile>();
  #dates?: FileDates;
  #all?: BFile[];
  /** Every property name some note has (for the checker's unknown-property check). */
  #propertyNames?: Set<string>;

  constructor(vault: Vault, options: WorldOptions = {}) {
    this.vault = vault;
    this.now = options.now ?? Date.now();
    this.#options = options;
  }

  get dates(): FileDates {
    return (this.#dates ??= this.#options.dates ?? fileDates(this.vault.dir));
  }

  /** Every published note, in the vault's order (by path); bases themselves are not among their own results. */
  files(): BFile[] {
    return (this.#all ??= this.vault.notes.filter((n) => !isBasePath(this.pathOf(n))).map((n) => this.note(n)));
  }

  /** A note's path in the vault. */
  pathOf(n: Note): string {
    return this.vault.filesBySlug.get(n.slug)?.path ?? `${n.slug}.md`;
  }

  note(n: Note): BFile {
    let f = this.#files.get(n.slug);
    if (!f) this.#files.set(n.slug, (f = new BFile(new NoteFile(this, n))));
    return f;
  }

  /** A `.base` file (or another file of the vault) as a file: `this` on the base's own page. */
  attachment(a: Attachment): BFile {
    let f = this.#files.get(`\0${a.path}`);
    if (!f) this.#files.set(`\0${a.path}`, (f = new BFile(new OtherFile(this, a))));
    return f;
  }

  resolve(target: string, from?: BFile): BFile | null {
    const t = target.replace(/^\[\[|\]\]$/g, "").split("|")[0].split("#")[0].trim();
    if (!t) return null;
    const index = this.vault.index;
    let slug: string | null = null;
    if (index instanceof VaultPathIndex) {
      const found = index.lookup(t, from?.source.path ?? "");
      if (found) {
        if (found.entry.slug) slug = found.entry.slug;
        else {
          const a = this.vault.attachments.get(found.entry.path);
          return a ? this.attachment(a) : null;
        }
      }
    } else slug = index.resolve(t);
    const note = slug ? this.vault.bySlug.get(slug) : undefined;
    return note ? this.note(note) : null;
  }

  href(f: BFile): string | undefined {
    const s = f.source;
    if (s instanceof NoteFile) return this.#options.href?.(s.note.slug);
    return undefined;
  }

  /** Whether any note has a property by this name (frontmatter key, or a typed field). */
  hasProperty(name: string): boolean {
    if (!this.#propertyNames) {
      this.#propertyNames = new Set();
      for (const f of this.files()) for (const k of f.source.properties().keys()) this.#propertyNames.add(k);
    }
    return this.#propertyNames.has(name);
  }

  linkTo(slug: string | null, target: string, display?: string): BLink {
    const note = slug ? this.vault.bySlug.get(slug) : undefined;
    return new BLink(target, note ? this.note(note) : null, display);
  }
}

/** A typed vault's value (always text after validation) as what it says: a number, a date, true or false, or text. */
function typedValue(s: string): Value {
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s.trim())) return Number(s);
  if (s === "true" || s === "false") return s === "true";
  return parseDate(s) ?? s;
}

const WIKILINK = /^\s*!?\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]\s*$/;

class NoteFile implements FileSource {
  readonly note: Note;
  readonly #world: BaseWorld;
  #properties?: Map<string, Value>;
  #linked?: Set<string>;

  constructor(world: BaseWorld, note: Note) {
    this.#world = world;
    this.note = note;
  }

  get key(): string {
    return this.note.slug;
  }
  get path(): string {
    return this.#world.vault.filesBySlug.get(this.note.slug)?.path ?? `${this.note.slug}.md`;
  }
  get title(): string {
    return this.note.title;
  }

  properties(): Map<string, Value> {
    if (!this.#properties) this.#properties = this.#world.vault.config.notes === "obsidian" ? this.#plain() : this.#typed();
    return this.#properties;
  }

  /** An Obsidian note's frontmatter as written; a property's `[[link]]` as the link the vault resolved. */
  #plain(): Map<string, Value> {
    const out = new Map<string, Value>();
    const data = this.note.parsed.data;
    const links = new Map<string, string | null>();
    for (const l of this.note.links) if (l.property) links.set(`${l.property[0]}\0${l.property[1]}`, l.to);
    const value = (key: string, v: unknown, index: number): Value => {
      if (typeof v === "string") {
        const m = WIKILINK.exec(v);
        if (m) {
          const to = links.get(`${key}\0${index}`);
          return this.#world.linkTo(to ?? this.#world.resolve(m[1], new BFile(this))?.source.key ?? null, m[1].trim(), m[2]?.trim());
        }
      }
      return fromPlain(v);
    };
    // A property the app's Properties view keeps as a list (`.obsidian/types.json`: multitext, tags, aliases) is a
    // list even where a note writes one value (`categories: "[[Books]]"`), as the app reads it.
    const types = this.#world.vault.obsidian?.app.propertyTypes ?? {};
    const listed = (k: string, v: Value) => (LIST_PROPERTY_TYPES.has(types[k]) && !Array.isArray(v) && v !== null ? [v] : v);
    if (data && typeof data === "object" && !Array.isArray(data)) {
      for (const [k, v] of Object.entries(data as Record<string, unknown>)) out.set(k, listed(k, Array.isArray(v) ? v.map((x, i) => value(k, x, i)) : value(k, v, 0)));
      return out;
    }
    // Frontmatter already released (a build after the check) or none: what the note's fields kept.
    const f = this.note.fields;
    for (const [k, list] of Object.entries(f.values)) out.set(k, listed(k, list.length === 1 && f.values[k][0].path.length === 1 ? typedValue(list[0].value) : list.map((x) => typedValue(x.value))));
    if (f.tags.length) out.set("tags", [...f.tags]);
    if (f.aliases.length) out.set("aliases", [...f.aliases]);
    return out;
  }

  /** A typed note's fields, normalised: values as values, relations as links, openness cells as their status. */
  #typed(): Map<string, Value> {
    const f = this.note.fields;
    const out = new Map<string, Value>();
    out.set("type", f.type);
    out.set("title", f.title);
    if (f.summary) out.set("summary", f.summary);
    if (f.aliases.length) out.set("aliases", [...f.aliases]);
    if (f.tags.length) out.set("tags", [...f.tags]);
    if (f.updated) out.set("updated", typedValue(f.updated));
    for (const [k, list] of Object.entries(f.values)) {
      const vals = list.map((x) => typedValue(x.value));
      // A field written once is a value; a field with several (sources that disagree, a list) is a list.
      out.set(k, vals.length === 1 ? vals[0] : vals);
    }
    const relations = new Map<string, string | null>();
    for (const r of this.note.relations) relations.set(`${r.field}\0${r.ref}`, r.to);
    for (const [k, list] of Object.entries(f.refs)) {
      const links = list.map((r) => this.#world.linkTo(relations.get(`${k}\0${r.ref}`) ?? null, r.ref));
      out.set(k, links.length === 1 && typeof list[0].path[1] !== "number" ? links[0] : links);
    }
    for (const [k, names] of Object.entries(f.names)) if (!out.has(k)) out.set(k, [...names]);
    const openness = Object.entries(f.openness);
    if (openness.length) out.set("openness", new BObject(new Map(openness.map(([dim, cell]) => [dim, cell!.status]))));
    if (f.sources.length) {
      const cited = new Map(this.note.citations.map((c) => [c.ref, c.to]));
      out.set("sources", f.sources.map((s) => this.#world.linkTo(cited.get(s.ref) ?? null, s.ref)));
    }
    return out;
  }

  field(name: "size" | "ctime" | "mtime" | "tags" | "links" | "backlinks" | "embeds"): Value {
    const w = this.#world;
    switch (name) {
      case "size":
      case "ctime":
      case "mtime":
        return fileStat(w, this.path, name);
      case "tags":
        return this.tags().map((t) => `#${t}`);
      case "links":
      case "embeds": {
        const out: BLink[] = [];
        const seen = new Set<string>();
        for (const l of this.note.links) {
          if (l.embed !== (name === "embeds")) continue;
          const key = l.to ?? l.attachment ?? l.target;
          if (seen.has(key)) continue;
          seen.add(key);
          if (l.attachment) {
            const a = w.vault.attachments.get(l.attachment);
            out.push(new BLink(l.target, a ? w.attachment(a) : null));
          } else out.push(w.linkTo(l.to, l.target));
        }
        if (name === "links") {
          for (const r of this.note.relations) {
            const key = r.to ?? r.ref;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push(w.linkTo(r.to, r.ref));
          }
        }
        return out;
      }
      case "backlinks": {
        const from = [...new Set((w.vault.backlinks.get(this.note.slug) ?? []).map((b) => b.from))];
        return from.map((s) => w.linkTo(s, s));
      }
    }
  }

  tags(): readonly string[] {
    return this.note.fields.tags.map((t) => t.replace(/^#/, "").toLowerCase());
  }

  linksTo(key: string): boolean {
    if (!this.#linked) {
      this.#linked = new Set();
      for (const l of this.note.links) {
        if (l.to) this.#linked.add(l.to);
        if (l.attachment) this.#linked.add(l.attachment);
      }
      for (const r of this.note.relations) if (r.to) this.#linked.add(r.to);
    }
    return this.#linked.has(key);
  }
}

/** A file that is not a note (a `.base` file): its path, dates and size, and the notes linking to it. */
class OtherFile implements FileSource {
  readonly attachment: Attachment;
  readonly #world: BaseWorld;
  constructor(world: BaseWorld, attachment: Attachment) {
    this.#world = world;
    this.attachment = attachment;
  }
  get key(): string {
    return this.attachment.path;
  }
  get path(): string {
    return this.attachment.path;
  }
  get title(): string {
    return this.attachment.path.slice(this.attachment.path.lastIndexOf("/") + 1).replace(/\.base$/i, "");
  }
  properties(): Map<string, Value> {
    return new Map();
  }
  field(name: "size" | "ctime" | "mtime" | "tags" | "links" | "backlinks" | "embeds"): Value {
    const w = this.#world;
    switch (name) {
      case "size":
      case "ctime":
      case "mtime":
        return fileStat(w, this.path, name);
      case "backlinks":
        return w.vault.notes.filter((n) => n.links.some((l) => l.attachment === this.path)).map((n) => w.linkTo(n.slug, n.slug));
      default:
        return [];
    }
  }
  tags(): readonly string[] {
    return [];
  }
  linksTo(): boolean {
    return false;
  }
}

/** A file's size, or its created or modified time (git's first and last commit, else the file system's). */
function fileStat(w: BaseWorld, path: string, name: "size" | "ctime" | "mtime"): Value {
  if (name === "size") return w.dates.size(path);
  const d = w.dates.dates(path)[name];
  return d ? new BDate(Date.parse(d), true) : null;
}
