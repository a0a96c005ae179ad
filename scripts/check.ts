/**
 * `npm run check [-- --strict]`: checks the vault and reports every problem at once, as
 * `path:line:col  severity  rule  message`. Exit 1 on any error (on any warning too with --strict).
 */
import { projectCache } from "../src/lib/parse-cache.ts";
import { VaultLoader } from "../src/lib/vault.ts";
import { contentDir, printReport, progress, ROOT } from "./lib/cli.ts";

const strict = process.argv.includes("--strict");
const started = performance.now();
const loader = new VaultLoader(contentDir(), { cache: projectCache(ROOT), onProgress: progress("check") });
const vault = await loader.load();
const errors = printReport(vault.diagnostics, strict, vault.files.length, performance.now() - started);
process.exitCode = errors ? 1 : 0;
