/**
 * `npm run build`: check the vault, render the site with Astro (the `atlas()` integration hands the checked vault to
 * the pages and indexes them with Pagefind), then swap it into `dist/`. The site is written to a temporary folder
 * first: a failed check or build leaves the previous `dist/` untouched.
 *
 * `ATLAS_TIMINGS_FILE=path` writes the time of each stage there as JSON (for `npm run bench`).
 *
 * It runs with a heap limit sized to the vault (scripts/lib/heap.ts): the first process only counts the notes and
 * starts the real build, so the heavy modules are imported below, after that.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { listNoteFiles } from "../src/lib/vault.ts";
import { renameOrCopy } from "../src/lib/rename-or-copy.ts";
import { contentDir, printReport, progress, rawHtmlPolicy, ROOT } from "./lib/cli.ts";
import { runWithHeapFor } from "./lib/heap.ts";

const started = performance.now();
const dir = contentDir();
runWithHeapFor((await listNoteFiles(dir)).length);

const { preloadVault } = await import("../src/integration/index.ts");
const { recordStage, stageTimings } = await import("../src/integration/store.ts");
const { projectCache } = await import("../src/lib/parse-cache.ts");
const { VaultLoader } = await import("../src/lib/vault.ts");
// Memory of this process, sampled through the build (for `npm run bench`): the peak of each measure, and the RSS at
// the end of each stage.
const memory = { rss: 0, heapUsed: 0, external: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  memory.rss = Math.max(memory.rss, m.rss);
  memory.heapUsed = Math.max(memory.heapUsed, m.heapUsed);
  memory.external = Math.max(memory.external, m.external);
}, 200);
sampler.unref();
const outDir = resolve(process.env.OUT_DIR || join(ROOT, "dist"));
// Astro keeps its build scratch (`.prerender/`) inside the output folder only when that is under the project; for an
// output elsewhere it falls back to one shared folder, and two builds at once would trample each other. So every
// build renders into its own folder under `.atlas/` and is moved into place at the end.
const tmpDir = join(ROOT, ".atlas", `build-${process.pid}`);
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const step = (msg: string) => console.error(`build: ${msg} (${elapsed()})`);

const loader = new VaultLoader(dir, { cache: projectCache(ROOT), onProgress: progress("check"), rawHtml: rawHtmlPolicy() });
const vault = await loader.load();
recordStage("read+parse", loader.timings!.readAndParseMs);
recordStage("check", loader.timings!.checkMs);
const loadedRss = Math.round(process.memoryUsage().rss / 2 ** 20);
const errors = printReport(vault.diagnostics, false, vault.files.length, performance.now() - started, { warnings: false });
if (errors) {
  console.error(`build: refused, fix the ${errors} error(s) above (nothing was written to ${outDir})`);
  process.exit(1);
}
if (vault.diagnostics.length) console.error(`build: ${vault.diagnostics.length} warning(s); run \`npm run check\` to see them`);

try {
  preloadVault(dir, loader, vault);
  step(`rendering ${vault.notes.length} notes with Astro`);
  const astroStarted = performance.now();
  const { build } = await import("astro");
  await build({ root: ROOT, outDir: tmpDir, logLevel: process.env.CI ? "warn" : "info", telemetry: false } as Parameters<typeof build>[0]);
  // Astro's own time, less the wait for the search index after the render (recorded by the integration).
  recordStage("astro", performance.now() - astroStarted - (stageTimings()["pagefind (after render)"] ?? 0));
  const swapStarted = performance.now();
  await moveInto(tmpDir, outDir);
  recordStage("write", performance.now() - swapStarted);
  step(`wrote ${outDir}`);
  if (process.env.ATLAS_TIMINGS_FILE) {
    const mib = (b: number) => Math.round(b / 2 ** 20);
    const peak = { rss: mib(memory.rss), heapUsed: mib(memory.heapUsed), external: mib(memory.external) };
    await writeFile(process.env.ATLAS_TIMINGS_FILE, JSON.stringify({ notes: vault.notes.length, stages: stageTimings(), totalMs: performance.now() - started, peakMiB: peak, loadedRssMiB: loadedRss }));
  }
} catch (err) {
  console.error(`build: failed, ${outDir} was left as it was`);
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  // The scratch folders go too. Pages still being written when the error came (Astro renders several at once) can
  // refill a folder while it is removed: retry, and never let the clean-up hide the error above.
  const scratch = [tmpDir, join(ROOT, ".atlas", `pagefind-${process.pid}`), `${outDir}.tmp-${process.pid}`];
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch((e) => console.error(`build: could not remove ${d}: ${e.message}`))));
  process.exit(1);
}

/** Replaces `outDir` by `built` with renames only, so that `outDir` is at every moment the old site or the new one. */
async function moveInto(built: string, outDir: string): Promise<void> {
  const staged = `${outDir}.tmp-${process.pid}`;
  await mkdir(dirname(outDir), { recursive: true });
  await renameOrCopy(built, staged); // from another file system, copied next to the target first
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(staged, outDir);
  await rm(old, { recursive: true, force: true });
}
