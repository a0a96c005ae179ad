/**
 * Loads a folder of notes into one checked vault. Per file (parse-note.ts, cached by content hash, in worker
 * threads when many files are new): frontmatter and the one Markdown parse. Per file again: the frontmatter against
 * its type's schema, normalised to one shape. Then the vault-wide stage (assemble.ts): names, resolution, backlinks,
 * and every checker rule.
 *
 * `VaultLoader` keeps the files it has seen, so the dev server re-reads only the file that changed and rebuilds the
 * vault from memory. Everything downstream (pages, search, graph) reads the Vault; nothing re-reads the files.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, join, relative, sep } from "node:path";
import { assemble, type VaultSettings } from "./assemble.ts";
import { mapInBatches } from "./batches.ts";
import { CONFIG_FILE, completeConfig, loadConfig, type ConfigProblem, type LoadedConfig, type RawHtmlPolicy } from "./config.ts";
import { explainIssue, type SchemaIssue } from "./diagnostics.ts";
import type { ParseCache } from "./parse-cache.ts";
import { parseNote, type ParsedNote } from "./parse-note.ts";
import { ParsePool } from "./parse-pool.ts";
import { plainFields } from "./plain-note.ts";
import { PLAIN_TYPE, REGISTRY, type Registry } from "./registry.ts";
import { pathSlugs } from "./slugs.ts";
import { DEFAULT_OBSIDIAN_APP, OBSIDIAN_APP_FILE, readObsidianApp, type ObsidianApp } from "./obsidian-app.ts";
import { svgActiveContent, type SvgFinding } from "./svg.ts";
import { canvasName, isCanvasPath, parseCanvasNote } from "./canvas/note.ts";
import { baseName, isBasePath, parseBaseNote } from "./bases/note.ts";
import { vaultHasBases } from "./bases/has.ts";
import type { Attachment, Vault, VaultFile } from "./types.ts";

export type Progress = (stage: string, done: number, total: number) => void;

export interface LoadOptions {
  onProgress?: Progress;
  /** Base for the file paths in messages; defaults to the working directory. */
  cwd?: string;
  /** The on-disk parse cache; none when absent. */
  cache?: ParseCache | null;
  /** Worker threads for a cold parse of many files; 0 parses on this thread. Default: one per core, at most 4. */
  workers?: number;
  /**
   * The name of the cache pack a whole load keeps its entries in; default the folder. A temporary copy of a vault
   * (a branch's base, for `check --changed` and `changes`) names a stable one, so it reuses one pack, not one per copy.
   */
  packScope?: string;
  /**
   * Whether raw HTML the sanitizer removes from a note is an error (`refuse`: the typed wiki, reviewed through pull
   * requests) or a warning (`sanitize`: someone else's vault); the pages are the same either way. Default: the
   * vault's `atlas.yml` says (`rawHtml`), else refused in a typed vault and sanitized in an Obsidian one.
   */
  rawHtml?: RawHtmlPolicy;
  /**
   * Parse for pages (default) or, `false`, for the check alone: notes without raw HTML are then not rendered
   * (parse-note.ts), which makes a cold check much cheaper. Entries parsed that way are cached like any other; a
   * loader for pages takes one as a miss and parses the note again.
   */
  html?: boolean;
  /**
   * Keep each note's prose with positions (parse-note.ts), for `npm run check -- --mentions`; entries without it are
   * then taken as misses. Default: no (it would add a third to the vault's memory).
   */
  prose?: boolean;
  /** The vault's `atlas.yml` when the caller has read it already (a build context reads it once); else read here. */
  config?: LoadedConfig | Promise<LoadedConfig>;
  /** The note types (and relation kinds) the vault's notes may have; default the wiki's (registry.ts). */
  registry?: Registry;
}

/**
 * Lists the note files under `dir`, sorted. A typed vault's notes are its Markdown files but README.md, outside
 * hidden or `_`-prefixed folders; an Obsidian vault's are all its Markdown files outside hidden folders (`.obsidian`,
 * `.trash`), as Obsidian lists them.
 */
export async function listNoteFiles(dir: string, options: { obsidian?: boolean } = {}): Promise<string[]> {
  return (await listVaultFiles(dir, options)).notes;
}

/**
 * The notes and, in an Obsidian vault, every other file (attachments), each list sorted; `excluded` says which
 * files the vault's owner excluded (Obsidian's Excluded files, obsidian-app.ts): they are listed apart, by their path
 * in the vault, so that links to them are told from broken ones.
 */
export async function listVaultFiles(dir: string, options: { obsidian?: boolean; excluded?: (path: string) => boolean } = {}): Promise<{ notes: string[]; attachments: string[]; excluded: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const notes: string[] = [];
  const attachments: string[] = [];
  const excluded: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    const parts = relative(dir, p).split(/[\\/]/);
    if (parts.some((part) => part.startsWith(".") || (!options.obsidian && part.startsWith("_")))) continue;
    if (options.excluded?.(parts.join("/"))) {
      excluded.push(parts.join("/"));
      continue;
    }
    if (e.name.endsWith(".md")) {
      if (options.obsidian || e.name.toLowerCase() !== "readme.md") notes.push(p);
    } else if (options.obsidian && isCanvasPath(e.name)) {
      // A canvas is a page, read as a note is (canvas/note.ts).
      notes.push(p);
    } else if (options.obsidian && isBasePath(e.name)) {
      // So is a base (bases/note.ts).
      notes.push(p);
    } else if (options.obsidian && !(parts.length === 1 && e.name === CONFIG_FILE)) attachments.push(p);
  }
  return { notes: notes.sort(), attachments: attachments.sort(), excluded: excluded.sort() };
}

/**
 * Drops what only the check reads (raw frontmatter and its positions, unresolved links, block ids, findings) once it
 * has run: a build renders from the resolved notes, and every byte the vault keeps alive through the render is
 * scanned again by each garbage collection (at 50,000 notes that was most of the build's time). Not for the dev
 * server, which checks again after every save.
 */
export function releaseCheckData(vault: Vault): void {
  // A vault with bases keeps its notes' frontmatter: the bases read their properties as written (bases/files.ts).
  const keepData = vaultHasBases(vault);
  for (const f of vault.files) {
    const p = f.parsed;
    if (!keepData) p.data = undefined;
    p.positions = {};
    p.problems = [];
    p.links = [];
    p.blocks = [];
    p.unsafeHtml = [];
    p.unsafeUrls = [];
    p.unclosed = undefined;
    p.tooDeep = undefined;
  }
}

export async function loadVault(dir: string, options: LoadOptions = {}): Promise<Vault> {
  return new VaultLoader(dir, options).load();
}

/**
 * Fewer new files than this are parsed on the calling thread. Each worker spends about a second loading the parser
 * before its first note, and two cores here parse only about 1.4 times as fast as one (measured): below a few
 * thousand notes the workers cost more than they save.
 */
const WORKER_THRESHOLD = 4000;
const utf8 = new TextDecoder("utf-8", { fatal: true });
const textHash = (text: string) => createHash("sha1").update(text).digest("base64");

export class VaultLoader {
  readonly dir: string;
  readonly #options: LoadOptions;
  /** Every file read, by path: its `hash` (of its text) is enough to tell a change, without holding every text. */
  readonly #entries = new Map<string, VaultFile>();
  #last?: Vault;
  #config?: LoadedConfig;
  #attachments: string[] = [];
  /** An Obsidian vault's own settings (`.obsidian/app.json`), read with atlas.yml on every whole load. */
  #app: { app: ObsidianApp; problems: (ConfigProblem & { file?: string })[] } = { app: DEFAULT_OBSIDIAN_APP, problems: [] };
  #excluded: string[] = [];
  /** What each SVG attachment holds that could run (svg.ts), by absolute path; read with the listing. */
  #svgFindings = new Map<string, SvgFinding[]>();
  /** Files changed since the last vault was assembled, and whether any was added or removed. */
  #changed = new Set<string>();
  #reshaped = true;

  constructor(dir: string, options: LoadOptions = {}) {
    this.dir = dir;
    this.#options = options;
  }

  get #registry(): Registry {
    return this.#options.registry ?? REGISTRY;
  }

  /** Reads the whole folder; files whose text did not change since the last load are not parsed or validated again. */
  async load(): Promise<Vault> {
    const started = performance.now();
    const read = await (this.#options.config ?? loadConfig(this.dir));
    const config = this.#options.rawHtml ? { ...read, config: { ...read.config, rawHtml: this.#options.rawHtml } } : read;
    // Notes parse differently in the two kinds of vault: a change of kind is a new vault.
    if (this.#config && this.#config.config.notes !== config.config.notes) this.#entries.clear();
    this.#config = config;
    this.#app = this.#obsidian ? await readObsidianApp(this.dir) : { app: DEFAULT_OBSIDIAN_APP, problems: [] };
    const { notes: paths, attachments, excluded } = await listVaultFiles(this.dir, { obsidian: this.#obsidian, excluded: this.#app.app.excluded });
    this.#excluded = excluded;
    await this.#setAttachments(attachments);
    const seen = new Set(paths);
    for (const p of this.#entries.keys()) if (!seen.has(p)) this.#entries.delete(p);
    this.#reshaped = true;
    // A vault of many files with no cache pack will be parsed cold: the workers load the parser while the files
    // are read.
    const cold = paths.length - this.#entries.size >= WORKER_THRESHOLD && this.#workers > 1 && !this.#options.cache?.hasPack(this.#options.packScope ?? this.dir);
    const pool = cold ? new ParsePool(this.#workers) : undefined;
    try {
      await this.#refresh(paths, true, pool);
    } finally {
      await pool?.close();
    }
    const parsed = performance.now();
    const vault = this.vault();
    this.timings = { readAndParseMs: parsed - started, checkMs: performance.now() - parsed };
    return vault;
  }

  /** How long the last whole load took: reading and parsing (or the cache), then validation, resolution and rules. */
  timings?: { readAndParseMs: number; checkMs: number };

  /** Re-reads only these files (changed, added or deleted), then rebuilds the vault from memory. */
  async update(paths: readonly string[]): Promise<Vault> {
    const present: string[] = [];
    const listed = await listVaultFiles(this.dir, { obsidian: this.#obsidian, excluded: this.#app.app.excluded });
    this.#excluded = listed.excluded;
    await this.#setAttachments(listed.attachments);
    const all = new Set(listed.notes);
    for (const p of paths) {
      if (all.has(p)) {
        present.push(p);
        if (!this.#entries.has(p)) this.#reshaped = true;
      } else if (this.#entries.delete(p)) this.#reshaped = true;
    }
    await this.#refresh(present, false);
    return this.vault();
  }

  /**
   * The vault from the files in memory. After an edit that changed no note's names, headings or blocks (most
   * edits), the other notes' resolutions still hold, so only the changed notes are resolved again.
   */
  vault(): Vault {
    const files = [...this.#entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const settings = this.#settings(files);
    const previous = this.#reshaped ? undefined : this.#last;
    const changed = new Set([...this.#changed].map((p) => this.#entries.get(p)?.slug).filter((s): s is string => !!s));
    const vault = assemble(this.dir, files, previous && { vault: previous, changed }, settings);
    this.#last = vault;
    this.#changed.clear();
    this.#reshaped = false;
    this.#options.onProgress?.("checking", files.length, files.length);
    return vault;
  }

  /** The vault's attachments, each SVG among them read for active content (a vault has few; each is read again). */
  async #setAttachments(paths: string[]): Promise<void> {
    this.#attachments = paths;
    const svgs = paths.filter((p) => p.toLowerCase().endsWith(".svg"));
    const texts = await Promise.all(svgs.map((p) => readFile(p, "utf8").catch(() => "")));
    this.#svgFindings = new Map(svgs.map((p, i): [string, SvgFinding[]] => [p, svgActiveContent(texts[i])]).filter(([, f]) => f.length > 0));
  }

  /** Worker threads for a cold parse: as asked, else one per core, at most 4. */
  get #workers(): number {
    return this.#options.workers ?? Math.min(4, availableParallelism());
  }

  /** True when the vault is read as Obsidian reads it (no `notes: typed` in its atlas.yml). */
  get #obsidian(): boolean {
    return (this.#config?.config.notes ?? "obsidian") === "obsidian";
  }

  /**
   * How the vault is read, for the vault-wide stage; in an Obsidian vault, the notes' slugs (which depend on their
   * neighbours' names) and the attachments' addresses are given here.
   */
  #settings(files: VaultFile[]): VaultSettings {
    const loaded: LoadedConfig = this.#config ?? { config: completeConfig({ notes: "typed" }), site: {}, positions: {}, problems: [] };
    const { cwd = process.cwd() } = this.#options;
    const settings: VaultSettings = { config: loaded.config, registry: this.#registry, site: loaded.site, positions: loaded.positions, configFile: relative(cwd, loaded.file ?? join(this.dir, CONFIG_FILE)) };
    if (loaded.problems.length) settings.configProblems = { file: relative(cwd, loaded.file ?? join(this.dir, CONFIG_FILE)), problems: loaded.problems };
    if (!this.#obsidian) return settings;
    const rel = (p: string) => relative(this.dir, p).split(sep).join("/");
    const attachmentPaths = this.#attachments.map(rel);
    const slugs = pathSlugs(files.map((f) => f.path), attachmentPaths, this.#registry.reservedSlugs);
    for (const f of files) f.slug = slugs.notes.get(f.path)!;
    settings.folders = slugs.folders;
    settings.obsidian = { app: this.#app.app, excluded: this.#excluded, problems: this.#app.problems.map(({ file, ...p }) => ({ ...p, file: relative(cwd, join(this.dir, file ?? OBSIDIAN_APP_FILE)) })) };
    settings.attachments = new Map(
      this.#attachments.map((abs, i): [string, Attachment] => {
        const path = attachmentPaths[i];
        const unsafe = this.#svgFindings.get(abs);
        // An SVG that could run code when opened on its own is not published (the `unsafe-attachment` rule).
        return [path, { path, file: relative(cwd, abs), url: slugs.files.get(path)!, kind: unsafe ? "other" : attachmentKind(path), ...(unsafe ? { unsafe } : {}) }];
      }),
    );
    return settings;
  }

  /**
   * Reads these files and parses the ones whose text changed, from the cache where it has them. A whole load (`pack`)
   * keeps the vault's cache entries in one pack file; a dev save writes a loose entry for just its file.
   */
  async #refresh(paths: readonly string[], pack: boolean, ready?: ParsePool): Promise<void> {
    const { onProgress, cache, cwd = process.cwd() } = this.#options;
    const obsidian = this.#obsidian;
    // The cache keys entries by how the vault reads its notes and treats their raw HTML. The parse itself does not
    // depend on the raw HTML policy today (the sanitizer removes the same things under both), but an entry made
    // under one policy is never taken for the other.
    // Named only when not the vault kind's default (a typed vault refuses, an Obsidian vault sanitizes): "", "obsidian",
    // "rawHtml=sanitize" or "obsidian,rawHtml=refuse".
    const rawHtml = this.#config?.config.rawHtml ?? "refuse";
    const variant = [obsidian ? "obsidian" : "", rawHtml === (obsidian ? "sanitize" : "refuse") ? "" : `rawHtml=${rawHtml}`].filter(Boolean).join(",");
    const texts = await readAll(paths, onProgress);
    const lookups: { path: string; text: string; key: string }[] = [];
    const hashes = new Map<string, string>();
    for (let i = 0; i < paths.length; i++) {
      const text = texts[i];
      const old = this.#entries.get(paths[i]);
      if (typeof text !== "string") {
        this.#entries.set(paths[i], unreadable(this.dir, paths[i], cwd, text, obsidian));
        continue;
      }
      const hash = textHash(text);
      if (old && old.hash === hash) continue;
      if (obsidian && isBasePath(paths[i])) {
        // A base is read here too, not cached: it is YAML, evaluated when its page is made (src/lib/bases/).
        this.#entries.set(paths[i], { ...baseFile(this.dir, paths[i], cwd, text), hash });
        this.#changed.add(paths[i]);
        continue;
      }
      if (obsidian && isCanvasPath(paths[i])) {
        // A canvas is read here, not cached: its text nodes are parsed as notes (canvas/note.ts), a vault has few.
        this.#entries.set(paths[i], { ...canvasFile(this.dir, paths[i], cwd, text), hash });
        this.#changed.add(paths[i]);
        continue;
      }
      hashes.set(paths[i], hash);
      lookups.push({ path: paths[i], text, key: cache ? cache.key(text, variant) : "" });
    }
    // The pack holds a whole vault: only a load that looks up every file (but canvases, read above) may replace it.
    const whole = pack && lookups.length === texts.filter((t, i) => typeof t === "string" && !(obsidian && (isCanvasPath(paths[i]) || isBasePath(paths[i])))).length;
    const scope = this.#options.packScope ?? this.dir;
    const found = cache ? await cache.getMany(lookups.map((l) => l.key), pack ? scope : undefined) : undefined;
    const results = new Map<string, ParsedNote>();
    const stored: [key: string, json: string][] = [];
    const todo: typeof lookups = [];
    const forPages = this.#options.html !== false;
    const wantProse = !!this.#options.prose;
    lookups.forEach((l, i) => {
      const hit = found?.entries[i];
      if (hit && (hit.parsed.html || !forPages) && (hit.parsed.prose || !wantProse)) {
        results.set(l.path, hit.parsed);
        stored.push([l.key, hit.json]);
      } else todo.push(l);
    });
    const hits = results.size;
    if (todo.length) {
      const workers = this.#workers;
      const fresh: [key: string, json: string][] = [];
      if (todo.length >= WORKER_THRESHOLD && workers > 1) {
        const pool = ready ?? new ParsePool(workers);
        try {
          // Each chunk is read back here as it arrives, while the workers parse the next ones.
          const json = await pool.parse(todo.map((t) => t.text), { obsidian, html: forPages, prose: wantProse }, (done) => onProgress?.("parsing", done, todo.length), (start, chunk) =>
            chunk.forEach((j, i) => results.set(todo[start + i].path, JSON.parse(j) as ParsedNote)),
          );
          todo.forEach((t, i) => fresh.push([t.key, json[i]]));
        } finally {
          if (!ready) await pool.close();
        }
      } else {
        todo.forEach((t, i) => {
          const parsed = parseNote(t.text, { obsidian, html: forPages, prose: wantProse });
          results.set(t.path, parsed);
          if (cache) fresh.push([t.key, JSON.stringify(parsed)]);
          if (onProgress && (i % 500 === 499 || i === todo.length - 1)) onProgress("parsing", i + 1, todo.length);
        });
      }
      if (cache && !whole) await cache.setMany(fresh);
      stored.push(...fresh);
    }
    // A whole load rewrites the pack when it does not already hold exactly this vault's entries.
    if (cache && whole && !(found?.packExact && !todo.length)) await cache.savePack(scope, stored, found?.loose);
    if (paths.length) onProgress?.(`parsed (${hits} from cache)`, paths.length, paths.length);
    for (let i = 0; i < paths.length; i++) {
      const parsed = results.get(paths[i]);
      if (!parsed) continue;
      this.#entries.set(paths[i], { ...(obsidian ? plain(this.dir, paths[i], cwd, parsed) : validate(this.dir, paths[i], cwd, parsed, this.#registry)), hash: hashes.get(paths[i])! });
      this.#changed.add(paths[i]);
    }
  }
}

/** Why a file could not be read, and where when it is a byte that is not UTF-8. */
interface ReadError {
  error: string;
  at?: { line: number; column: number };
}

async function readAll(paths: readonly string[], onProgress?: Progress): Promise<(string | ReadError)[]> {
  const BATCH = 256;
  const read = async (p: string): Promise<string | ReadError> => {
    let bytes: Buffer;
    try {
      bytes = await readFile(p);
    } catch (err) {
      return { error: (err as NodeJS.ErrnoException).code ?? String(err) };
    }
    try {
      return utf8.decode(bytes);
    } catch {
      const at = invalidUtf8At(bytes);
      return { error: `it is not UTF-8 text (byte 0x${bytes[at].toString(16).padStart(2, "0")} at offset ${at})`, at: positionOfByte(bytes, at) };
    }
  };
  return mapInBatches(paths, BATCH, read, (done) => {
    if (paths.length > BATCH) onProgress?.("reading", done, paths.length);
  });
}

function fileInfo(dir: string, path: string, cwd: string) {
  const rel = relative(dir, path).split(sep).join("/");
  return { file: relative(cwd, path), path: rel, slug: basename(path, ".md"), folder: rel.split("/")[0] };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function invalidUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!n || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) {
      const c = bytes[i + k];
      // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates or code points past U+10FFFF).
      const [lo, hi] = k > 1 ? [0x80, 0xbf] : b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      if (c < lo || c > hi) return i;
    }
    i += n;
  }
  return bytes.length;
}

/** Line and column (in characters of the valid text before it) of byte `at`. */
function positionOfByte(bytes: Buffer, at: number): { line: number; column: number } {
  const lineStart = bytes.lastIndexOf(10, at - 1) + 1;
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < at; i = bytes.indexOf(10, i + 1)) line++;
  return { line, column: bytes.toString("utf8", lineStart, at).length + 1 };
}

/** A file that could not be read: nothing parsed, the error kept for the `unreadable-file` rule. */
function unreadable(dir: string, path: string, cwd: string, { error, at }: ReadError, obsidian: boolean): VaultFile {
  const parsed: ParsedNote = { data: undefined, positions: {}, problems: [], bodyLine: 1, headings: [], links: [], contexts: [], prose: [], proseText: { text: "", links: [] }, blocks: [], unsafeHtml: [], unsafeUrls: [], html: { chunks: [""], labels: [] } };
  return { ...fileInfo(dir, path, cwd), parsed, readError: error, readErrorAt: at, schemaIssues: [], ...(obsidian ? { type: PLAIN_TYPE } : {}) };
}

/** A note of an Obsidian vault: whatever its frontmatter holds (or none, or not YAML), a plain note. */
function plain(dir: string, path: string, cwd: string, parsed: ParsedNote): VaultFile {
  const info = fileInfo(dir, path, cwd);
  return { ...info, parsed, type: PLAIN_TYPE, fields: plainFields(parsed.data, basename(path, ".md"), parsed.tags), schemaIssues: [] };
}

/** A canvas of an Obsidian vault: a plain note named by its file, its links and page from its nodes. */
function canvasFile(dir: string, path: string, cwd: string, text: string): VaultFile {
  return { ...fileInfo(dir, path, cwd), parsed: parseCanvasNote(text), type: PLAIN_TYPE, fields: plainFields(undefined, canvasName(path), []), schemaIssues: [] };
}

/** A base of an Obsidian vault: a plain note named by its file, its page the base's views (bases/note.ts). */
function baseFile(dir: string, path: string, cwd: string, text: string): VaultFile {
  return { ...fileInfo(dir, path, cwd), parsed: parseBaseNote(text), type: PLAIN_TYPE, fields: plainFields(undefined, baseName(path), []), schemaIssues: [] };
}

const KINDS: Record<string, Attachment["kind"]> = Object.fromEntries([
  ...["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp"].map((e) => [e, "image"]),
  ...["mp3", "wav", "m4a", "ogg", "oga", "flac", "3gp"].map((e) => [e, "audio"]),
  ...["mp4", "webm", "ogv", "mov", "mkv"].map((e) => [e, "video"]),
  ["pdf", "pdf"],
]);

/** How a page shows a file, by its extension (Obsidian's accepted formats); `other` files are not published. */
export function attachmentKind(path: string): Attachment["kind"] {
  const dot = path.lastIndexOf(".");
  return (dot >= 0 && KINDS[path.slice(dot + 1).toLowerCase()]) || "other";
}

/** The per-file check against the type's schema; the result is normalised `fields`, or the issues explained. */
function validate(dir: string, path: string, cwd: string, parsed: ParsedNote, registry: Registry): VaultFile {
  const file: VaultFile = { ...fileInfo(dir, path, cwd), parsed, schemaIssues: [] };
  const raw = parsed.data as Record<string, unknown> | undefined;
  if (!raw) return file;
  if (!registry.isNoteType(raw.type)) {
    file.badType = raw.type;
    return file;
  }
  file.type = raw.type;
  const schema = registry.schema(raw.type);
  const result = schema.safeParse(raw);
  if (result.success) {
    file.fields = result.data;
    return file;
  }
  const shape = Object.keys(registry.entry(raw.type).schema.shape);
  const valueAt = (p: PropertyKey[]) => p.reduce<unknown>((v, k) => (v == null ? undefined : (v as Record<PropertyKey, unknown>)[k]), raw);
  const allowed = (p: PropertyKey[]) => (p.length === 0 ? shape : registry.nestedKeys);
  file.schemaIssues = (result.error.issues as unknown as SchemaIssue[]).map((issue) => explainIssue(issue, valueAt, allowed));
  return file;
}

