/**
 * Pagefind, driven from a worker thread: the build's main thread is busy rendering pages, and every document handed
 * to Pagefind's process is a message that would wait for it (measured at 10,000 notes: a shard indexed beside the
 * render took five times as long as alone). The main thread sends one shard at a time (src/integration/pagefind.ts);
 * each is indexed by a fresh Pagefind process, written where it says, and answered with `{ ok }` or `{ error }`.
 */
import { parentPort } from "node:worker_threads";
import { INDEX_OPTIONS } from "./pagefind.ts";

export interface ShardJob {
  documents: { url: string; content: string }[];
  outputPath: string;
}

const pagefind = await import("pagefind");

async function index(job: ShardJob): Promise<void> {
  const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const BATCH = 64;
    for (let j = 0; j < job.documents.length; j += BATCH) {
      const added = await Promise.all(job.documents.slice(j, j + BATCH).map((d) => index.addHTMLFile(d)));
      const failed = added.flatMap((a) => a.errors);
      if (failed.length) throw new Error(`Pagefind: ${failed.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: job.outputPath });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
  } finally {
    // Each shard gets a fresh process: the memory of the last one is returned before the next starts.
    await pagefind.close();
  }
}

parentPort!.on("message", (job: ShardJob | null) => {
  if (job === null) return parentPort!.close();
  index(job).then(
    () => parentPort!.postMessage({ ok: true }),
    (err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
});
