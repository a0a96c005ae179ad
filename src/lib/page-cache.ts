/**
 * The incremental build's page cache: each page the vault makes has a key (pages/keys.ts, a digest of everything it
 * shows and of the engine), and the file the last build wrote for it is kept here with that key. A build asks the
 * cache which pages changed (`changed`), so the routes hand Astro only those to render; when Astro is done, the
 * unchanged pages are hard-linked into the site from the cache (`finish`), and the pages just rendered are taken
 * into it. Astro's own `experimental.incrementalBuild` was measured first: it still visits every page (a check and a
 * copy each, on the render's thread), 3-4 s of a 10,000-note rebuild that this cache spends on links instead.
 *
 * Files are never written in place: a page rendered again gets a new file (Astro writes into a fresh folder) and the
 * cache's link to the old one is removed before the new one is linked, so the published site, which shares the
 * cache's files, never changes under a reader. The manifest is written last (and first without the entries being
 * replaced): a build stopped half-way leaves a cache that is smaller, never wrong.
 *
 * Pure TypeScript, no Astro import; tested through the whole build in tests/e2e/incremental.test.ts.
 */
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { Worker } from "node:worker_threads";
import { mapInBatches } from "./batches.ts";
import { linkOrCopy, writeWhole } from "./rename-or-copy.ts";
import type { NoteIndex } from "./pages/affected.ts";
import type { NoteIndexStore } from "./pages/keys.ts";

const MANIFEST = "pages.json";
/** The note index (pages/affected.ts): what the next build compares the vault with, to skip keys no change can reach. */
const NOTES = "notes.json";
const VERSION = 1;

interface Manifest {
  version: number;
  /** Key of each page's file, by its path in the site (`llama-3/index.html`, `previews/llama-3.json`). */
  pages: Record<string, string>;
}

/**
 * A page a route could render: where its file goes in the site, and its key, or how to make it. A key is made only
 * where the last build left this page's file (to compare); a page the cache lacks is rendered without it, and its
 * key is told by its render (`noteRendered`) or, failing that, made once the build is done.
 */
export interface CachedPage {
  file: string;
  key: string | (() => string | undefined);
}

export interface PageCacheResult {
  /** Files linked from the cache. */
  reused: number;
  /** Of those, pages (HTML). */
  reusedPages: number;
  /** Pages rendered and taken into the cache. */
  stored: number;
}

export class PageCache implements NoteIndexStore {
  readonly dir: string;
  /** The last build's note index, if it left one. */
  previousNotes: NoteIndex | undefined;
  /** This build's page keys (pages/keys.ts `pageKeys`), whose note index is kept for the next build. */
  keys?: NoteIndexStore["keys"];
  #previous: Record<string, string> = {};
  #files = new Set<string>();
  /** This build's pages: those the routes kept from Astro (reused) and those they handed it (to store). */
  #reuse = new Map<string, string>();
  #store = new Map<string, CachedPage["key"]>();
  #loaded?: Promise<void>;
  /** The site folder Astro writes into, once known: unchanged pages are linked there as soon as a route names them. */
  #site?: string;
  #linked = new Set<string>();
  #linking: Promise<void> = Promise.resolve();
  #made = new Set<string>();

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The folder Astro renders the site into (its `outDir`); set before the routes run, the links start early. */
  output(site: string): void {
    this.#site = site;
  }

  async #dirFor(file: string): Promise<void> {
    const d = dirname(file);
    if (this.#made.has(d)) return;
    await mkdir(d, { recursive: true });
    this.#made.add(d);
  }

  /**
   * Links these unchanged files into the site, on a worker thread: the render's thread is busy making keys and pages,
   * and thousands of links waiting for its turns took seconds at 10,000 notes.
   */
  #link(site: string, files: string[]): Promise<void> {
    const todo = files.filter((f) => !this.#linked.has(f));
    for (const f of todo) this.#linked.add(f);
    if (!todo.length) return this.#linking;
    this.#worker ??= new Worker(LINK_WORKER, { eval: true });
    const worker = this.#worker;
    const job = new Promise<void>((resolvePromise, reject) => {
      this.#waiting.push((error) => (error ? reject(new Error(`page cache: ${error}`)) : resolvePromise()));
    });
    if (!this.#listening) {
      this.#listening = true;
      worker.on("message", (m: { error?: string }) => this.#waiting.shift()?.(m.error));
      worker.on("error", (err) => {
        for (const w of this.#waiting.splice(0)) w(String(err));
      });
    }
    worker.postMessage({ from: join(this.dir, "files"), to: site, files: todo });
    return (this.#linking = Promise.all([this.#linking, job]).then(() => undefined));
  }

  #worker?: Worker;
  #listening = false;
  #waiting: ((error?: string) => void)[] = [];

  /** Reads the manifest and which files the cache holds (a manifest entry without its file is not reused). */
  load(): Promise<void> {
    return (this.#loaded ??= (async () => {
      try {
        const m = JSON.parse(await readFile(join(this.dir, MANIFEST), "utf8")) as Manifest;
        if (m.version === VERSION && m.pages && typeof m.pages === "object") this.#previous = m.pages;
      } catch {
        this.#previous = {};
      }
      // A note index that cannot be read (missing, cut short, not JSON) is no index: every page's key is made.
      this.previousNotes = await readFile(join(this.dir, NOTES), "utf8").then(
        (text) => {
          try {
            return JSON.parse(text) as NoteIndex;
          } catch {
            return undefined;
          }
        },
        () => undefined,
      );
      const files = await readdir(join(this.dir, "files"), { withFileTypes: true, recursive: true }).catch(() => []);
      for (const f of files) if (f.isFile()) this.#files.add(relative(join(this.dir, "files"), join(f.parentPath, f.name)));
    })());
  }

  /**
   * Of a route's pages, those Astro must render: the ones whose key differs from the last build's (or whose file
   * the cache lacks). The others are remembered, to be linked into the site by `finish`. Call after `load`.
   */
  changed<T extends CachedPage>(pages: readonly T[]): T[] {
    const out: T[] = [];
    const reuse: string[] = [];
    for (const p of pages) {
      const previous = this.#files.has(p.file) ? this.#previous[p.file] : undefined;
      const key = previous === undefined || typeof p.key === "string" ? p.key : p.key();
      if (previous !== undefined && key === previous) {
        this.#reuse.set(p.file, previous);
        reuse.push(p.file);
      } else {
        if (key !== undefined) this.#store.set(p.file, key);
        out.push(p);
      }
    }
    // Into the site at once, while Astro renders the others (a failure is met again, and thrown, by `finish`).
    if (this.#site) this.#link(this.#site, reuse).catch(() => undefined);
    return out;
  }

  /** A note's page was rendered from data whose key is `key` (pages/keys.ts `rendered`): no need to make it again. */
  noteRendered(slug: string, key: string): void {
    const file = pageFile(slug);
    if (this.#store.has(file)) this.#store.set(file, key);
  }

  /**
   * After Astro wrote the changed pages into `site`: links the unchanged ones there from the cache, takes the new
   * ones into it, forgets pages this build no longer has, and writes the manifest.
   */
  async finish(site: string): Promise<PageCacheResult> {
    const files = join(this.dir, "files");
    // The unchanged pages into the site (most are there already, linked while Astro rendered).
    if (this.#site && this.#site !== site) throw new Error(`page cache: the site was to be written to ${this.#site}, not ${site}`);
    try {
      await this.#link(site, [...this.#reuse.keys()]);
    } finally {
      await this.#worker?.terminate();
      this.#worker = undefined;
    }
    // First a manifest of only what stays as it is: were the build stopped below, no entry would name a file that
    // was replaced or removed.
    await this.#writeManifest(Object.fromEntries(this.#reuse));
    const current = new Set([...this.#reuse.keys(), ...this.#store.keys()]);
    for (const file of this.#files) if (!current.has(file)) await rm(join(files, file), { force: true });
    const made: [file: string, key: string][] = [];
    for (const [file, key] of this.#store) {
      const k = typeof key === "string" ? key : key();
      if (k !== undefined) made.push([file, k]);
    }
    const store = async ([file]: [string, string]): Promise<boolean> => {
      const target = join(files, file);
      await this.#dirFor(target);
      const take = () => linkOrCopy(join(site, file), target);
      // A route may decline a page after all (a redirect that turned out empty): only files Astro wrote are kept.
      return take().then(
        () => true,
        async (err: NodeJS.ErrnoException) => {
          if (err.code === "ENOENT") return false;
          // The cache's file of the last build (whether or not its listing at load showed it): removed, then replaced.
          if (err.code !== "EEXIST") throw err;
          await rm(target, { force: true });
          return take().then(() => true);
        },
      );
    };
    // Many at a time: one after another, the files of a cold build at 10,000 notes (30,000) took about 3 s, after the
    // render, each waiting for the last.
    const ok = await mapInBatches(made, 64, store);
    const kept: Record<string, string> = Object.fromEntries(this.#reuse);
    made.forEach(([file, key], i) => ok[i] && (kept[file] = key));
    const stored = ok.filter(Boolean).length;
    await this.#writeManifest(kept);
    if (this.keys) await this.#writeJson(NOTES, this.keys.index());
    return { reused: this.#reuse.size, reusedPages: [...this.#reuse.keys()].filter((f) => f.endsWith(".html")).length, stored };
  }

  #writeManifest(pages: Record<string, string>): Promise<void> {
    return this.#writeJson(MANIFEST, { version: VERSION, pages } satisfies Manifest);
  }

  /** Writes one of the cache's files whole (never half written). */
  #writeJson(name: string, data: unknown): Promise<void> {
    return writeWhole(join(this.dir, name), JSON.stringify(data));
  }
}

/** The link worker: each message is `{ from, to, files }`, answered with `{}` once linked, or `{ error }`. */
const LINK_WORKER = `
const { parentPort } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const made = new Set();
parentPort.on("message", ({ from, to, files }) => {
  try {
    for (const f of files) {
      const target = path.join(to, f);
      const dir = path.dirname(target);
      if (!made.has(dir)) { fs.mkdirSync(dir, { recursive: true }); made.add(dir); }
      try { fs.linkSync(path.join(from, f), target); }
      catch (e) { if (e.code === "EXDEV" || e.code === "EPERM" || e.code === "EMLINK") fs.copyFileSync(path.join(from, f), target); else throw e; }
    }
    parentPort.postMessage({});
  } catch (e) { parentPort.postMessage({ error: String(e && e.message || e) }); }
});
`;

/** The file Astro writes for a page (directory format: `<path>/index.html`) or an endpoint (its path as it is). */
export function pageFile(pathname: string, endpoint = false): string {
  const path = pathname.replace(/^\/+/, "");
  return endpoint ? path : join(path.replace(/\/+$/, ""), "index.html");
}

/**
 * A route's `getStaticPaths` entries, each with its page's `cache` (file and key), as Astro gets them: without the
 * pages the cache reuses (all of them when there is no cache: the dev server, a build with the cache off).
 */
export function pagesToRender<T extends object>(cache: PageCache | undefined, pages: (T & { cache?: CachedPage })[]): T[] {
  const strip = ({ cache: _c, ...rest }: T & { cache?: CachedPage }) => rest as unknown as T;
  if (!cache) return pages.map(strip);
  const keyed = pages.filter((p) => p.cache);
  const render = new Set(cache.changed(keyed.map((p) => p.cache!)).map((c) => c.file));
  return pages.filter((p) => !p.cache || render.has(p.cache.file)).map(strip);
}
