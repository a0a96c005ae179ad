/**
 * What every command shares: where the vault is (`CONTENT_DIR`, default `content/`), progress on stderr, and the
 * checker's report.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { contentDirFrom } from "../../src/lib/content-dir.ts";
import { formatDiagnostic, summarize } from "../../src/lib/diagnostics.ts";
import type { Diagnostic } from "../../src/lib/types.ts";

export const ROOT = resolve(import.meta.dirname, "../..");

export function contentDir(): string {
  const dir = contentDirFrom(process.env, ROOT);
  if (!existsSync(dir)) {
    console.error(`error: the content folder ${dir} does not exist (set CONTENT_DIR to a folder of notes)`);
    process.exit(2);
  }
  return dir;
}

/** Progress on stderr: an updating line on a terminal, a line per finished stage otherwise (CI logs). */
export function progress(label: string) {
  const tty = process.stderr.isTTY;
  let last = "";
  return (stage: string, done: number, total: number) => {
    if (tty) {
      process.stderr.write(`\r\x1b[K${label}: ${stage} ${done}/${total}`);
      if (done === total) process.stderr.write("\n");
    } else if (done === total && stage !== last) {
      process.stderr.write(`${label}: ${stage} ${done}/${total}\n`);
    }
    last = done === total ? stage : last;
  };
}

/** Prints the diagnostics and a summary; returns the number of errors (warnings count as errors when strict). */
export function printReport(diagnostics: readonly Diagnostic[], strict: boolean, fileCount: number, ms: number): number {
  const shown = strict ? diagnostics.map((d) => ({ ...d, severity: "error" as const })) : diagnostics;
  for (const d of shown) console.log(formatDiagnostic(d));
  const { errors, warnings } = summarize(diagnostics, strict);
  const took = `${(ms / 1000).toFixed(2)} s`;
  const counts = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  console.log(`${diagnostics.length ? "\n" : ""}${errors ? "✖" : "✔"} ${counts} in ${fileCount} notes (${took})${strict ? " [strict: warnings are errors]" : ""}`);
  return errors;
}
