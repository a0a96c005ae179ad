/**
 * The search index, built with Pagefind's Node API from our own data while Astro renders the pages: each note's
 * title, summary, facts and body HTML (already made at parse time) go to Pagefind directly, so it neither waits
 * for the pages nor re-reads them from disk, and its process works on the second core during the render. The index
 * is written to a scratch folder and moved into the built site when the build is done.
 *
 * A big vault is indexed in shards of at most `SEARCH_SHARD_NOTES` notes, one Pagefind process after another, so the
 * indexer's memory stays bounded whatever the vault's size (one process for 50,000 notes peaks near 3 GB). Shard 1
 * is the `pagefind/` bundle; the others sit inside it (`pagefind/shard-2/`, …), and the search page merges them
 * (Pagefind's `mergeIndex`): see `Site.searchBundles()`.
 */
import { mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { escapeHtml as escape } from "../lib/html-escape.ts";
import { renameOrCopy } from "../lib/rename-or-copy.ts";
import type { Site } from "../lib/site.ts";

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

/** Indexes every note of the site into `outDir`, in shards (see above); resolves with the number of pages indexed. */
export async function writeSearchIndex(site: Site, outDir: string): Promise<number> {
  const pagefind = await import("pagefind");
  const notes = site.vault.notes;
  await rm(outDir, { recursive: true, force: true });
  const bundles = site.searchBundles();
  for (const [i, bundle] of bundles.entries()) {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    try {
      const shard = notes.slice(i * site.searchShardNotes, (i + 1) * site.searchShardNotes);
      const BATCH = 64;
      for (let j = 0; j < shard.length; j += BATCH) {
        const added = await Promise.all(shard.slice(j, j + BATCH).map((n) => index.addHTMLFile({ url: site.urls.note(n.slug), content: searchDocument(site, n.slug) })));
        const failed = added.flatMap((a) => a.errors);
        if (failed.length) throw new Error(`Pagefind: ${failed.join("; ")}`);
      }
      // `outDir` becomes the site's `pagefind/`: a bundle's path is under it.
      const written = await index.writeFiles({ outputPath: join(outDir, bundle.path.replace(/^pagefind\/?/, "")) });
      if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
    } finally {
      // Each shard gets a fresh process: the memory of the last one is returned before the next starts.
      await pagefind.close();
    }
  }
  return notes.length;
}

/** Moves a finished index into the site (`<site>/pagefind`). */
export async function moveSearchIndex(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await rm(to, { recursive: true, force: true });
  await renameOrCopy(from, to);
}
