/**
 * `npm run build`: check the vault, render the site with Astro, index it with Pagefind, then swap it into `dist/`.
 * The site is written to a temporary folder first: a failed check or build leaves the previous `dist/` untouched.
 */
import { cp, mkdir, rename, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { preloadVault } from "../src/lib/site.ts";
import { loadVault } from "../src/lib/vault.ts";
import { contentDir, printReport, progress, ROOT } from "./lib/cli.ts";

const started = performance.now();
const dir = contentDir();
const outDir = resolve(process.env.OUT_DIR || join(ROOT, "dist"));
// Astro keeps its build scratch (`.prerender/`) inside the output folder only when that is under the project; for an
// output elsewhere it falls back to one shared `.astro/` folder, and two builds at once would trample each other.
// So every build renders into its own folder under `.atlas/` and is moved into place at the end.
const tmpDir = join(ROOT, ".atlas", `build-${process.pid}`);
process.chdir(ROOT); // Astro places its build scratch relative to the working directory
const step = (msg: string) => console.error(`build: ${msg} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

const vault = await loadVault(dir, { onProgress: progress("check") });
const errors = printReport(vault.diagnostics.filter((d) => d.severity === "error"), false, vault.fileCount, performance.now() - started);
if (errors) {
  console.error(`build: refused, fix the ${errors} error(s) above (nothing was written to ${outDir})`);
  process.exit(1);
}
const warnings = vault.diagnostics.length;
if (warnings) console.error(`build: ${warnings} warning(s); run \`npm run check\` to see them`);

try {
  preloadVault(dir, vault);
  process.env.CONTENT_DIR = dir; // absolute, so the pages resolve the same folder whatever the working directory
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  process.env.ATLAS_OUT_DIR = tmpDir;
  step(`rendering ${vault.notes.length} notes with Astro`);
  const { build } = await import("astro");
  await build({ root: ROOT, outDir: tmpDir, logLevel: process.env.CI ? "warn" : "info" });

  step("indexing for search (Pagefind)");
  const pagefind = await import("pagefind");
  const { index, errors: pfErrors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${pfErrors.join("; ")}`);
  const added = await index.addDirectory({ path: tmpDir });
  if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
  const written = await index.writeFiles({ outputPath: join(tmpDir, "pagefind") });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
  await pagefind.close();
  step(`indexed ${added.page_count} pages`);

  await moveInto(tmpDir, outDir);
  step(`wrote ${outDir}`);
} catch (err) {
  await rm(tmpDir, { recursive: true, force: true });
  await rm(`${outDir}.tmp-${process.pid}`, { recursive: true, force: true });
  console.error(`build: failed, ${outDir} was left as it was`);
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
}

/** Replaces `outDir` by `built` with renames only, so that `outDir` is at every moment the old site or the new one. */
async function moveInto(built: string, outDir: string): Promise<void> {
  const staged = `${outDir}.tmp-${process.pid}`;
  await mkdir(dirname(outDir), { recursive: true });
  try {
    await rename(built, staged);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
    await cp(built, staged, { recursive: true }); // another file system: copy next to the target first
    await rm(built, { recursive: true, force: true });
  }
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(staged, outDir);
  await rm(old, { recursive: true, force: true });
}
