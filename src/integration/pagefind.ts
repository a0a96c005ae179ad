/**
 * The search index, built with Pagefind's Node API from our own data while Astro renders the pages: each note's
 * title, summary, facts and body HTML (already made at parse time) go to Pagefind directly, so it neither waits
 * for the pages nor re-reads them from disk, and its process works on the second core during the render. The index
 * is written to a scratch folder and moved into the built site when the build is done.
 */
import { cp, mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { escapeHtml as escape, type Site } from "../lib/site.ts";

/** The part of a note page that search sees (the page's `data-pagefind-body`, without backlinks and graph). */
export function searchDocument(site: Site, slug: string): string {
  const note = site.note(slug)!;
  const facts = site.infobox(note).map((r) => `<li>${escape(r.label)}: ${escape(r.values.map((v) => v.text).join(", "))}</li>`).join("");
  return (
    `<html lang="en"><head><title>${escape(note.title)}</title></head><body><main data-pagefind-body>` +
    `<h1>${escape(note.title)}</h1><p>${escape(note.fields.summary)}</p>${facts ? `<ul>${facts}</ul>` : ""}${site.html(note)}` +
    `</main></body></html>`
  );
}

/** Indexes every note of the site into `outDir`; resolves with the number of pages indexed. */
export async function writeSearchIndex(site: Site, outDir: string): Promise<number> {
  const pagefind = await import("pagefind");
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const notes = site.vault.notes;
    const BATCH = 64;
    for (let i = 0; i < notes.length; i += BATCH) {
      const added = await Promise.all(notes.slice(i, i + BATCH).map((n) => index.addHTMLFile({ url: site.urls.note(n.slug), content: searchDocument(site, n.slug) })));
      const failed = added.flatMap((a) => a.errors);
      if (failed.length) throw new Error(`Pagefind: ${failed.join("; ")}`);
    }
    await rm(outDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: outDir });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
    return notes.length;
  } finally {
    await pagefind.close();
  }
}

/** Moves a finished index into the site (`<site>/pagefind`). */
export async function moveSearchIndex(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}
