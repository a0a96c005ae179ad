/**
 * The one resolver: maps what a writer types (a slug, a title or an alias, any case) to a note, and finds the
 * nearest names when nothing matches. The checker, the renderer and the graph all resolve through it.
 */
import { attachmentFolderFor, type ObsidianApp } from "./obsidian-app.ts";

export interface IndexedNote {
  slug: string;
  title: string;
  aliases: readonly string[];
  file: string;
}

export type NameKind = "slug" | "title" | "alias";

/** Two notes claiming the same name (case-insensitively). */
export interface NameCollision {
  name: string;
  first: { slug: string; kind: NameKind; file: string };
  second: { slug: string; kind: NameKind; file: string };
}

/** A slug for a name (`Nemotron 3 Super` → `nemotron-3-super`): what `npm run new`, `rename` and the hints propose. */
export function slugify(s: string): string {
  return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "note";
}

/** True for a valid slug: lowercase words (letters, digits) joined by single hyphens. */
export function isSlug(s: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s);
}

/** Folds a name for matching: case-insensitive, whitespace collapsed, spaces and hyphens alike. */
export function foldName(name: string): string {
  return name.normalize("NFKC").toLowerCase().trim().replace(/[\s_-]+/g, "-");
}

export class LinkIndex {
  readonly #byName = new Map<string, { slug: string; kind: NameKind; file: string }>();
  readonly #slugs: string[] = [];
  readonly collisions: NameCollision[] = [];

  constructor(notes: Iterable<IndexedNote>) {
    const entries: [string, NameKind][] = [];
    for (const note of notes) {
      this.#slugs.push(note.slug);
      entries.length = 0;
      entries.push([note.slug, "slug"], [note.title, "title"]);
      for (const alias of note.aliases) entries.push([alias, "alias"]);
      const seenHere = new Set<string>();
      for (const [name, kind] of entries) {
        const key = foldName(name);
        if (seenHere.has(key)) continue; // a note may repeat its own name (title equal to slug, say)
        seenHere.add(key);
        const existing = this.#byName.get(key);
        if (existing) {
          // Slugs win over titles and aliases: keep whichever is stronger, report the pair either way.
          this.collisions.push({ name, first: existing, second: { slug: note.slug, kind, file: note.file } });
          if (kind === "slug" && existing.kind !== "slug") this.#byName.set(key, { slug: note.slug, kind, file: note.file });
        } else {
          this.#byName.set(key, { slug: note.slug, kind, file: note.file });
        }
      }
    }
  }

  /** The slug a link target names, or null. */
  resolve(target: string): string | null {
    return this.#byName.get(foldName(target))?.slug ?? null;
  }

  /** Up to `max` existing slugs nearest to `target` (edit distance on folded names), best first. */
  suggest(target: string, max = 3): string[] {
    const key = foldName(target);
    const limit = Math.max(2, Math.floor(key.length / 3));
    const scored: { slug: string; d: number }[] = [];
    const grams = (this.#grams ??= new NameGrams([...this.#byName.keys()]));
    for (const name of grams.candidates(key, limit)) {
      const entry = this.#byName.get(name)!;
      if (Math.abs(name.length - key.length) > limit && !name.includes(key) && !key.includes(name)) continue;
      const d = name.includes(key) || key.includes(name) ? Math.abs(name.length - key.length) / 4 : levenshtein(key, name, limit);
      if (d <= limit) scored.push({ slug: entry.slug, d });
    }
    scored.sort((a, b) => a.d - b.d || a.slug.localeCompare(b.slug));
    const out: string[] = [];
    const seen = new Set<string>();
    for (const s of scored) {
      if (seen.has(s.slug)) continue;
      seen.add(s.slug);
      out.push(s.slug);
      if (out.length === max) break;
    }
    return out;
  }

  /** The names' bigram index for `suggest`, made on its first call (most checks have no broken link). */
  #grams?: NameGrams;
}

/**
 * Which names can be near a misspelt one, without comparing it with every name. An edit changes at most two of a
 * word's bigrams, so a name within `limit` edits of `key` shares all but `2 × limit` of its distinct bigrams; a name
 * that contains the key, or that the key contains, shares all of the shorter one's. A key too short for the bigram
 * bound to say anything is compared with the names of about its length only.
 */
class NameGrams {
  readonly #names: string[];
  readonly #postings = new Map<string, number[]>();
  /** Each name's number of distinct bigrams. */
  readonly #sizes: Uint32Array;
  readonly #byLength = new Map<number, number[]>();
  /** Names too short to have a bigram: always candidates. */
  readonly #short: number[] = [];

  constructor(names: string[]) {
    this.#names = names;
    this.#sizes = new Uint32Array(names.length);
    names.forEach((name, id) => {
      const grams = bigrams(name);
      this.#sizes[id] = grams.size;
      if (!grams.size) this.#short.push(id);
      for (const g of grams) {
        const list = this.#postings.get(g);
        if (list) list.push(id);
        else this.#postings.set(g, [id]);
      }
      const same = this.#byLength.get(name.length);
      if (same) same.push(id);
      else this.#byLength.set(name.length, [id]);
    });
  }

  candidates(key: string, limit: number): string[] {
    const grams = bigrams(key);
    if (!grams.size) return this.#names; // a key of one character: rare, and nothing to narrow it by
    const counts = new Map<number, number>();
    for (const g of grams) for (const id of this.#postings.get(g) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    const threshold = grams.size - 2 * limit;
    const out = new Set<number>(this.#short);
    for (const [id, n] of counts) if ((threshold > 0 && n >= threshold) || n === this.#sizes[id] || n === grams.size) out.add(id);
    if (threshold <= 0) {
      for (let len = Math.max(0, key.length - limit); len <= key.length + limit; len++) for (const id of this.#byLength.get(len) ?? []) out.add(id);
    }
    return [...out].map((id) => this.#names[id]);
  }
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Edit distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** A note or other file of a vault read as Obsidian reads it. */
export interface VaultEntry {
  /** Path in the vault, with its extension (`Projects/Three laws.md`, `Attachments/diagram.png`). */
  path: string;
  /** A note's slug; none for another file. */
  slug?: string;
  aliases?: readonly string[];
  /** The file as messages name it. */
  file: string;
  /** Among the vault's excluded files (obsidian-app.ts): links find it, and show as text. */
  excluded?: true;
}

/** What a link target names in an Obsidian vault, and how it was chosen. */
export interface Lookup {
  entry: VaultEntry;
  /**
   * `path`: the target is the file's whole path (or a path relative to the linking note); `name`: the only file of
   * that name (or path ending); `folder`: one of several, the one in the linking note's folder; `shortest`: one of
   * several, the one with the shortest path; `attachments`: one of several, the one in the attachment folder the
   * vault's settings name; `alias`: no file has that name, a note has it as an alias.
   */
  by: "path" | "name" | "folder" | "attachments" | "shortest" | "alias";
  /** When several files have the name: all of their paths, the chosen one first. */
  candidates?: string[];
}

/**
 * The resolver of a vault read as Obsidian reads it (`notes: obsidian`): a link names a file by its name, or by a
 * path or the end of one (`[[dir1/Note]]`), case-insensitively, `.md` optional, spaces around it trimmed; a file
 * other than a note is named with its extension (`[[diagram.png]]`). When several files have the name, Obsidian's
 * choice (`metadataCache.getFirstLinkpathDest`, observed on Obsidian 1.x): the file whose whole path it is, else the
 * one in the linking note's own folder, else the one with the shortest path (then the first in path order). Only
 * when no file has the name, a note whose `aliases` list it. Titles in frontmatter are not names, as in Obsidian.
 * `suggest` (did you mean) and `resolve` (a name with no linking note) come from `LinkIndex`.
 */
export class VaultPathIndex extends LinkIndex {
  readonly #byPath = new Map<string, VaultEntry>();
  readonly #byName = new Map<string, VaultEntry[]>();
  readonly #byAlias = new Map<string, VaultEntry>();

  readonly #app: Pick<ObsidianApp, "attachmentFolder" | "linkFormat">;

  /** `app`: the vault's own settings on links (obsidian-app.ts): the link format and the attachment folder. */
  constructor(entries: readonly VaultEntry[], app: Pick<ObsidianApp, "attachmentFolder" | "linkFormat"> = { linkFormat: "shortest" }) {
    const notes = entries.filter((e): e is VaultEntry & { slug: string } => !!e.slug);
    super(notes.map((n) => ({ slug: n.slug, title: baseName(n.path).replace(/\.md$/i, ""), aliases: n.aliases ?? [], file: n.file })));
    for (const e of entries) {
      const key = pathKey(e.path, isNote(e));
      if (!this.#byPath.has(key)) this.#byPath.set(key, e);
      const name = baseName(key);
      const list = this.#byName.get(name);
      if (list) list.push(e);
      else this.#byName.set(name, [e]);
    }
    for (const n of notes) for (const a of n.aliases ?? []) if (!this.#byAlias.has(nameKey(a))) this.#byAlias.set(nameKey(a), n);
    this.#app = app;
  }

  /** The note's slug a target names, as seen from the vault's root. */
  override resolve(target: string): string | null {
    return this.lookup(target, "")?.entry.slug ?? null;
  }

  /** What `target` names, linked from the note at `from` (its path in the vault). */
  lookup(target: string, from: string): Lookup | null {
    let t = target.trim().normalize("NFC").replace(/\\/g, "/");
    if (!t) return null;
    if (t.startsWith("./") || t.startsWith("../")) {
      const resolved = joinPath(dirName(from), t);
      if (resolved === null) return null;
      const e = this.#byPath.get(pathKey(resolved, true)) ?? this.#byPath.get(pathKey(resolved, false));
      return e ? { entry: e, by: "path" } : null;
    }
    t = t.replace(/^\/+/, "");
    // A vault whose links the app writes relative to the note (`relative` link format) means `sub/Note` from here.
    if (this.#app.linkFormat === "relative" && t.includes("/")) {
      const resolved = joinPath(dirName(from), t);
      const e = resolved === null ? undefined : (this.#byPath.get(pathKey(resolved, true)) ?? this.#byPath.get(pathKey(resolved, false)));
      if (e) return { entry: e, by: "path" };
    }
    // As a note first (`.md` optional), then as another file (named with its extension).
    for (const note of [true, false]) {
      const key = pathKey(t, note);
      const exact = this.#byPath.get(key);
      if (exact && isNote(exact) === note) return { entry: exact, by: "path" };
      const named = (this.#byName.get(baseName(key)) ?? []).filter((e) => isNote(e) === note && (!key.includes("/") || pathKey(e.path, note).endsWith(`/${key}`)));
      if (named.length === 1) return { entry: named[0], by: "name" };
      if (named.length > 1) {
        const folder = dirName(from).toLowerCase();
        const here = named.filter((e) => dirName(e.path).toLowerCase() === folder);
        // A file (not a note) in the folder the app puts attachments in comes next, as in the app.
        const attachments = note || this.#app.attachmentFolder === undefined ? [] : named.filter((e) => dirName(e.path).toLowerCase() === attachmentFolderFor(this.#app, from).toLowerCase());
        const sorted = [...named].sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        const chosen = here[0] ?? attachments[0] ?? sorted[0];
        const by = here.length ? "folder" : attachments.length ? "attachments" : "shortest";
        return { entry: chosen, by, candidates: [chosen.path, ...sorted.filter((e) => e !== chosen).map((e) => e.path)] };
      }
    }
    const alias = this.#byAlias.get(nameKey(t));
    return alias ? { entry: alias, by: "alias" } : null;
  }
}

/** A note, published or among the excluded files (a Markdown file the vault's settings keep from the site). */
function isNote(e: VaultEntry): boolean {
  return !!e.slug || (!!e.excluded && /\.md$/i.test(e.path));
}

/** How Obsidian compares names: Unicode-normalised, case-insensitive, spaces around trimmed. */
function nameKey(s: string): string {
  return s.normalize("NFC").trim().toLowerCase();
}

/** A path as a lookup key: lowercase, and for a note without `.md`. */
function pathKey(path: string, note: boolean): string {
  const k = nameKey(path);
  return note && k.endsWith(".md") ? k.slice(0, -3) : k;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function dirName(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

/** `dir` joined with a relative path (`./a`, `../b/c`); null when it climbs out of the vault. */
function joinPath(dir: string, rel: string): string | null {
  const parts = dir ? dir.split("/") : [];
  for (const p of rel.split("/")) {
    if (p === "." || p === "") continue;
    if (p === "..") {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join("/");
}
