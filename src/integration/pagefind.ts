/**
 * The search index, built with Pagefind's Node API from our own data while Astro renders the pages: each note's
 * title, summary, facts and body HTML (already made at parse time) go to Pagefind directly, so it neither waits
 * for the pages nor re-reads them from disk, and its process works on the second core during the render. The index
 * is written to a scratch folder and moved into the built site when the build is done.
 *
 * A big vault is indexed in shards of about `SEARCH_SHARD_NOTES` notes (a note's shard is a hash of its slug), one
 * Pagefind process after another, so the indexer's memory stays bounded whatever the vault's size (one process for
 * 50,000 notes peaks near 3 GB), and an incremental build indexes again only the shards whose notes changed. Shard 1
 * is the `pagefind/` bundle; the others sit inside it (`pagefind/shard-2/`, …), and the search page merges them
 * (Pagefind's `mergeIndex`): see `Site.searchBundles()` and `Site.searchShards()`.
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { mapInBatches } from "../lib/batches.ts";
import { escapeHtml as escape } from "../lib/html-escape.ts";
import { linkOrCopy, readIfThere, renameOrCopy } from "../lib/rename-or-copy.ts";
import { documentDigest, type PageKeys } from "../lib/pages/keys.ts";
import type { Site } from "../lib/site.ts";
import type { ShardJob } from "./pagefind-worker.ts";

/** The part of a note page that search sees (the page's `data-pagefind-body`, without backlinks and graph). */
export function searchDocument(site: Site, slug: string): string {
  const note = site.note(slug)!;
  const facts = site.infobox(note).map((r) => `<li>${escape(r.label)}: ${escape(r.values.map((v) => v.text).join(", "))}</li>`).join("");
  // The note's type as a filter (the search page offers it) and as metadata (each result names it).
  const type = escape(site.types.find((t) => t.type === note.type)!.label.one);
  return (
    `<html lang="${escape(site.identity.language)}"><head><title>${escape(note.title)}</title></head><body><main data-pagefind-body>` +
    `<div data-pagefind-filter="type:${type}" data-pagefind-meta="type:${type}"></div>` +
    `<h1>${escape(note.title)}</h1><p>${escape(note.fields.summary)}</p>${facts ? `<ul>${facts}</ul>` : ""}${site.html(note)}` +
    `</main></body></html>`
  );
}

/** Pagefind's options (none: its defaults), part of each shard's key with its version: another setting, another index. */
export const INDEX_OPTIONS = {};

/** What `writeSearchIndex` did: notes in the index, and how many shards (and their notes) it indexed again. */
export interface SearchIndexResult {
  notes: number;
  shards: number;
  indexedShards: number;
  indexedNotes: number;
}

/**
 * Indexes every note of the site into `outDir`, in shards (see above). With a `cacheDir`, each shard's index is kept
 * there under a digest of its documents (and Pagefind's version and options), and a shard whose digest did not change
 * is linked from it instead of indexed again: an incremental build re-indexes only the shards whose notes changed.
 * `keys`: the build's page keys, which keep each document's digest for the next build. Pagefind runs on a worker
 * thread (pagefind-worker.ts).
 */
export async function writeSearchIndex(site: Site, outDir: string, cacheDir?: string | null, keys?: PageKeys): Promise<SearchIndexResult> {
  // Pagefind's version is part of each shard's key (its package.json is not among its exports: read beside its entry).
  // Read at once (small files), without waiting for the render's turn before the first shard's check.
  const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8")) as { version: string }).version;
  rmSync(outDir, { recursive: true, force: true });
  const bundles = site.searchBundles();
  const shards = site.searchShards();
  let indexedShards = 0, indexedNotes = 0;
  let worker: PagefindWorker | undefined;
  const unchanged: { from: string; to: string }[] = [];
  try {
    let since = performance.now();
    for (const [i, bundle] of bundles.entries()) {
      // After a shard whose documents took a while to make, the pages being rendered get the thread back. (Shards whose
      // notes no change reached cost little to check: waiting for the render's turn there only delays a changed one.)
      if (performance.now() - since > 50) {
        await new Promise((r) => setImmediate(r));
        since = performance.now();
      }
      const notes = shards[i];
      // Each document is made once; with the build's page keys, only those of notes a change since the last build can
      // reach (pages/affected.ts): the others' digests are the last build's, and their documents are made only if
      // another note of their shard changed.
      const made = new Map<string, string>();
      const content = (slug: string) => {
        let doc = made.get(slug);
        if (doc === undefined) made.set(slug, (doc = searchDocument(site, slug)));
        return doc;
      };
      // `outDir` becomes the site's `pagefind/`: a bundle's path is under it.
      const target = join(outDir, bundle.path.replace(/^pagefind\/?/, ""));
      const key = createHash("sha1").update(`pagefind ${version}\0${JSON.stringify(INDEX_OPTIONS)}\0${bundles.length}\0${bundle.path}\0`);
      for (const n of notes) key.update(site.urls.note(n.slug)).update("\0").update(keys ? keys.search(n.slug, () => content(n.slug)) : documentDigest(content(n.slug))).update("\0");
      const digest = key.digest("hex");
      const cached = cacheDir ? join(cacheDir, `shard-${i + 1}`) : undefined;
      if (cached && readIfThere(join(cached, "key"))?.toString("utf8") === digest) {
        unchanged.push({ from: join(cached, "files"), to: target });
        continue;
      }
      const documents = notes.map((n) => ({ url: site.urls.note(n.slug), content: content(n.slug) }));
      indexedShards++;
      indexedNotes += notes.length;
      if (cached) await rm(cached, { recursive: true, force: true });
      // Into the cache first (when there is one), then copied into the site: the cache never holds half a shard.
      await (worker ??= new PagefindWorker()).index({ documents, outputPath: cached ? join(cached, "files") : target });
      if (cached) {
        await writeFile(join(cached, "key"), digest);
        unchanged.push({ from: join(cached, "files"), to: target });
      }
    }
  } finally {
    await worker?.close();
  }
  // The shards kept in the cache go into the site last, as hard links (a copy only across file systems): thousands
  // of files, which copied beside the render waited behind its own writes (seconds at 10,000 notes).
  for (const { from, to } of unchanged) await linkTree(from, to);
  return { notes: site.vault.notes.length, shards: bundles.length, indexedShards, indexedNotes };
}

/** Every file under `from` at the same place under `to`, hard-linked where the file system allows (rename-or-copy.ts). */
async function linkTree(from: string, to: string): Promise<void> {
  const files = (await readdir(from, { withFileTypes: true, recursive: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const target = (source: string) => join(to, relative(from, source));
  for (const dir of new Set(files.map((f) => dirname(target(f))))) await mkdir(dir, { recursive: true });
  // Many at a time: a shard is hundreds of files, and each link waiting for the last added up to about half a second
  // of every incremental build at 10,000 notes.
  await mapInBatches(files, 64, (f) => linkOrCopy(f, target(f)));
}

/** The worker thread that runs Pagefind (pagefind-worker.ts), one shard at a time. */
class PagefindWorker {
  readonly #worker = new Worker(new URL("./pagefind-worker.ts", import.meta.url));
  #failed?: Error;

  constructor() {
    this.#worker.on("error", (err) => (this.#failed = err));
  }

  index(job: ShardJob): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    return new Promise((resolvePromise, reject) => {
      const onError = (err: Error) => reject(err);
      this.#worker.once("error", onError);
      this.#worker.once("message", (m: { ok?: true; error?: string }) => {
        this.#worker.off("error", onError);
        if (m.error) reject(new Error(m.error));
        else resolvePromise();
      });
      this.#worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.#worker.postMessage(null);
    await this.#worker.terminate();
  }
}

/** Moves a finished index into the site (`<site>/pagefind`). */
export async function moveSearchIndex(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await rm(to, { recursive: true, force: true });
  await renameOrCopy(from, to);
}
