/**
 * Pagefind alone on our records: the third part of the stack's floor (with the parse floor and Astro alone on as many
 * trivial pages). Every note's search document (src/integration/pagefind.ts `searchDocument`: title, summary, facts
 * and body HTML, as the build gives Pagefind) is made first, untimed; then the timed part is only Pagefind's: start
 * its process, add every document, write the index, in the build's shards. The build runs the same indexing beside
 * Astro's render, so this is what search costs on its own.
 *
 *   node scripts/bench-pagefind.ts <content-dir> [runs]      prints one line of JSON: PagefindBench
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { searchDocument } from "../src/integration/pagefind.ts";
import { Site } from "../src/lib/site.ts";
import { loadVault } from "../src/lib/vault.ts";

export interface PagefindBench {
  notes: number;
  /** Each run's time, ms: process start, every document added, the index written. */
  runsMs: number[];
  /** The fastest run, ms (as the other floors take their fastest). */
  ms: number;
}

/** Indexes these documents as the build does (shards of `shardNotes`, a process each), `runs` times. */
export async function benchPagefind(documents: { url: string; content: string }[], runs = 2, shardNotes = 10_000): Promise<PagefindBench> {
  const pagefind = await import("pagefind");
  const runsMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const out = await mkdtemp(join(tmpdir(), "atlas-bench-pagefind-"));
    const started = performance.now();
    try {
      for (let i = 0; i < documents.length; i += shardNotes) {
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        try {
          const shard = documents.slice(i, i + shardNotes);
          for (let j = 0; j < shard.length; j += 64) {
            const added = await Promise.all(shard.slice(j, j + 64).map((d) => index.addHTMLFile(d)));
            const failed = added.flatMap((a) => a.errors);
            if (failed.length) throw new Error(`Pagefind: ${failed.join("; ")}`);
          }
          await index.writeFiles({ outputPath: join(out, `shard-${i / shardNotes + 1}`) });
        } finally {
          await pagefind.close();
        }
      }
      runsMs.push(performance.now() - started);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }
  return { notes: documents.length, runsMs, ms: Math.min(...runsMs) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = resolve(process.argv[2] ?? "content");
  const runs = Number(process.argv[3] ?? 2);
  const vault = await loadVault(dir, { cwd: dir });
  const site = new Site(vault);
  const documents = vault.notes.map((n) => ({ url: site.urls.note(n.slug), content: searchDocument(site, n.slug) }));
  console.log(JSON.stringify(await benchPagefind(documents, runs, site.searchShardNotes)));
}
