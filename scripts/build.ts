/**
 * `npm run build [-- --verbose]`: check the vault, render the site with Astro (the `atlas()` integration of
 * astro.config.mjs, handed the same build context, so the vault is loaded and parsed once), index it with Pagefind,
 * then swap it into `dist/` (`OUT_DIR`). The site is written to a temporary folder first: a failed check or build
 * leaves the previous `dist/` untouched.
 *
 * The log is one line per stage (load, check, render with its count, search index, write) and a summary; Astro's own
 * per-route lines only with `--verbose` (or `ATLAS_VERBOSE=1`). `ATLAS_TIMINGS_FILE=path` writes the time of each
 * stage there as JSON, with how many times the vault was loaded (for `npm run bench` and the tests).
 *
 * It runs with a heap limit sized to the vault (scripts/lib/heap.ts): the first process only counts the notes and
 * starts the real build, so it imports nothing of the engine (half a second at every size); the modules are imported
 * below, after that.
 */
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { basename, dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { runWithHeapFor } from "./lib/heap.ts";

const started = performance.now();
await runWithHeapFor();

const { renameOrCopy } = await import("../src/lib/rename-or-copy.ts");
const { contentDir, env, printReport, progress, ROOT } = await import("./lib/cli.ts");
const settings = env();
const verbose = settings.verbose || process.argv.includes("--verbose");
const dir = contentDir();

const { atlasContext } = await import("../src/integration/index.ts");
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
const outDir = resolve(settings.outDir || join(ROOT, "dist"));
// Astro keeps its build scratch (`.prerender/`) inside the output folder only when that is under the project; for an
// output elsewhere it falls back to one shared folder, and two builds at once would trample each other. So every
// build renders into its own folder under `.atlas/` and is moved into place at the end.
const tmpDir = join(ROOT, ".atlas", `build-${process.pid}`);
// An earlier build's old site whose removal did not finish (see `moveInto`): removed beside this build's work.
const sweeping = removeOldSites(outDir);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const step = (msg: string) => console.error(`build: ${msg}`);
const shownOut = relative(process.cwd(), outDir) || ".";

// The project's own Astro config, with the context of its `atlas()` integration: the render below uses both.
const config = (await import(pathToFileURL(join(ROOT, "astro.config.mjs")).href)).default;
const ctx = atlasContext(config, ROOT);
ctx.progress = progress("build");
// Astro bundles the pages (Vite) while the vault loads: the pages wait for the site, and a vault with errors is
// refused before any page renders (src/lib/context.ts `readyForRender`).
ctx.renderWhileLoading = true;
const loading = ctx.load();
const renderStarted = performance.now();
const { build } = await import("astro");
const building = build({ ...config, root: ROOT, outDir: tmpDir, configFile: false, logLevel: verbose ? "info" : "warn", telemetry: false } as Parameters<typeof build>[0]).then(
  () => undefined,
  (err: unknown) => err ?? new Error("the build failed"),
);
const vault = await loading;
const loadedAt = performance.now();
const loadedRss = Math.round(process.memoryUsage().rss / 2 ** 20);
const errors = printReport(vault.diagnostics, false, vault.files.length, performance.now() - started, { warnings: false });
if (errors) {
  // The render refuses it too (the pages wait for a site that is never made): let Astro stop, then clean up.
  await building;
  await cleanUp();
  console.error(`build: refused, fix the ${errors} error(s) above (nothing was written to ${shownOut})`);
  process.exit(1);
}
const warnings = vault.diagnostics.length;
if (warnings) step(`${warnings} warning(s); \`npm run check\` lists them`);

try {
  const failed = await building;
  if (failed) throw failed;
  if (process.stderr.isTTY) process.stderr.write("\n");
  // Astro's own time after the load (its bundling ran beside it), less the wait for the search index after the render
  // (recorded by the integration).
  const astroMs = performance.now() - Math.max(loadedAt, renderStarted) - (ctx.stages["pagefind (after render)"] ?? 0);
  ctx.record("astro (after the load)", astroMs);
  const n = (x: number) => x.toLocaleString("en");
  // An incremental build keeps the pages that did not change (src/lib/page-cache.ts).
  const reused = ctx.copied + ctx.copiedFiles;
  const kept = [ctx.copied && `${n(ctx.copied)} unchanged pages`, ctx.copiedFiles && `${n(ctx.copiedFiles)} other files`].filter(Boolean).join(" and ");
  step(`rendered ${n(ctx.rendered)} pages${reused ? `; ${kept} kept from the last build` : ""} (${seconds(astroMs)})`);
  const search = ctx.indexed;
  const took = `(${seconds(ctx.stages["pagefind (its process, beside the render)"] ?? 0)}, beside the render)`;
  if (!search.indexedNotes) step(`search index unchanged, kept from the last build ${took}`);
  else if (search.indexedNotes === search.notes) step(`indexed ${n(search.notes)} notes for search${search.shards > 1 ? ` in ${search.shards} shards` : ""} ${took}`);
  else step(`indexed ${n(search.indexedNotes)} of ${n(search.notes)} notes for search (${search.indexedShards} of ${search.shards} shards changed; the others kept from the last build) ${took}`);
  const swapStarted = performance.now();
  await sweeping;
  await moveInto(tmpDir, outDir);
  ctx.record("write", performance.now() - swapStarted);
  step(`wrote ${shownOut}/`);
  console.error(`✔ built ${vault.notes.length.toLocaleString("en")} notes into ${(ctx.rendered + ctx.copied).toLocaleString("en")} pages in ${seconds(performance.now() - started)}: ${shownOut}/`);
  if (process.env.ATLAS_TIMINGS_FILE) {
    const mib = (b: number) => Math.round(b / 2 ** 20);
    const peak = { rss: mib(memory.rss), heapUsed: mib(memory.heapUsed), external: mib(memory.external) };
    await writeFile(process.env.ATLAS_TIMINGS_FILE, JSON.stringify({ notes: vault.notes.length, loads: ctx.loads, pages: ctx.rendered + ctx.copied, rendered: ctx.rendered, copied: ctx.copied, copiedFiles: ctx.copiedFiles, search: ctx.indexed, stages: ctx.stages, totalMs: performance.now() - started, peakMiB: peak, loadedRssMiB: loadedRss }));
  }
} catch (err) {
  if (process.stderr.isTTY) process.stderr.write("\n");
  console.error(`build: failed, ${shownOut} was left as it was`);
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  await cleanUp();
  process.exit(1);
}

/**
 * Removes the scratch folders. Pages still being written when an error came (Astro renders several at once) can
 * refill a folder while it is removed: retry, and never let the clean-up hide the error.
 */
async function cleanUp(): Promise<void> {
  const scratch = [tmpDir, join(ROOT, ".atlas", `pagefind-${process.pid}`), `${outDir}.tmp-${process.pid}`];
  await sweeping;
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch((e) => console.error(`build: could not remove ${d}: ${e.message}`))));
}

/** Replaces `outDir` by `built` with renames only, so that `outDir` is at every moment the old site or the new one. */
async function moveInto(built: string, outDir: string): Promise<void> {
  const staged = `${outDir}.tmp-${process.pid}`;
  await mkdir(dirname(outDir), { recursive: true });
  await renameOrCopy(built, staged); // from another file system, copied next to the target first
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(staged, outDir);
  if (existsSync(old)) removeInBackground(old);
}

/**
 * Removes the replaced site in a process of its own, which goes on after this one has exited: the new site is in
 * place, and unlinking tens of thousands of files took 1.0-1.2 s at 10,000 notes, a tenth of an incremental build. A
 * removal cut short (the machine stopped) is finished by the next build (`removeOldSites`).
 */
function removeInBackground(dir: string): void {
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 5 })";
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  spawn(process.execPath, ["-e", script, dir], { detached: true, stdio: "ignore", env }).unref();
}

/** Removes the old sites earlier builds left beside `outDir` (`<outDir>.old-<pid>`), if any. */
async function removeOldSites(outDir: string): Promise<void> {
  const name = basename(outDir);
  const left = await readdir(dirname(outDir)).catch(() => [] as string[]);
  const old = left.filter((f) => f.startsWith(`${name}.old-`) && /^\d+$/.test(f.slice(name.length + 5)));
  await Promise.all(old.map((f) => rm(join(dirname(outDir), f), { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(() => undefined)));
}
