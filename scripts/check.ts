/**
 * `npm run check [-- --strict]`: checks the vault and reports every problem at once, as
 * `path:line:col  severity  rule  message`. Exit 1 on any error (on any warning too with --strict).
 */
import { loadVault } from "../src/lib/vault.ts";
import { contentDir, printReport, progress } from "./lib/cli.ts";

const strict = process.argv.includes("--strict");
const started = performance.now();
const vault = await loadVault(contentDir(), { onProgress: progress("check") });
const errors = printReport(vault.diagnostics, strict, vault.fileCount, performance.now() - started);
process.exitCode = errors ? 1 : 0;
