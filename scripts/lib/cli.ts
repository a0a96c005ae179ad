/**
 * What every command shares: the environment's settings (src/lib/env.ts: where the vault is, `CONTENT_DIR`, default
 * `content/`), progress on stderr, and the checker's report.
 */
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { formatDiagnostic, summarize } from "../../src/lib/diagnostics.ts";
import type { RawHtmlPolicy } from "../../src/lib/config.ts";
import { BuildContext, type ContextOptions } from "../../src/lib/context.ts";
import { readEnv, type AtlasEnv } from "../../src/lib/env.ts";
import type { Diagnostic } from "../../src/lib/types.ts";

export const ROOT = resolve(import.meta.dirname, "../..");

/** The environment's settings (src/lib/env.ts, the one reader): a bad value stops the command with its sentence. */
export function env(): AtlasEnv {
  const { options, problems } = readEnv();
  if (problems.length) {
    for (const p of problems) console.error(`error: ${p}`);
    process.exit(2);
  }
  return options;
}

/** The vault's folder (`CONTENT_DIR` relative to the project, else `content/`), which must exist. */
export function contentDir(): string {
  const dir = resolve(ROOT, env().contentDir);
  if (!existsSync(dir)) {
    console.error(`error: the content folder ${dir} does not exist (set CONTENT_DIR to a folder of notes)`);
    process.exit(2);
  }
  return dir;
}

/**
 * What raw HTML the sanitizer removes is, when `ATLAS_RAW_HTML` says: an error (`refuse`) or a warning (`sanitize`),
 * whatever the vault's `atlas.yml` says. Unset: the vault's setting (by default refuse in a typed vault, sanitize in
 * an Obsidian one). astro.config.mjs reads it through the same function (src/lib/env.ts).
 */
export function rawHtmlPolicy(): RawHtmlPolicy | undefined {
  return env().rawHtml;
}

/**
 * The build context a command works with (src/lib/context.ts), as `npm run build` and the `atlas()` integration do:
 * the vault of `CONTENT_DIR` with the environment's settings, loaded once through the parse cache. `parse` says how
 * (the check needs no page HTML).
 */
export function commandContext(parse?: ContextOptions["parse"]): BuildContext {
  const { rawHtml, allowErrors, searchShardNotes } = env();
  return new BuildContext({ root: ROOT, contentDir: contentDir(), rawHtml, allowErrors, searchShardNotes, parse });
}

/**
 * Progress on stderr: an updating line on a terminal (at most ten times a second), a line per finished stage
 * otherwise (CI logs). A stage whose total is 0 only counts (the render: how many pages there will be is not known);
 * its caller says when it is over.
 */
export function progress(label: string) {
  const tty = process.stderr.isTTY;
  let last = "";
  let shownAt = 0;
  return (stage: string, done: number, total: number) => {
    const over = total > 0 && done === total;
    if (tty) {
      const now = performance.now();
      if (!over && now - shownAt < 100) return;
      shownAt = now;
      process.stderr.write(`\r\x1b[K${label}: ${stage} ${total ? `${done}/${total}` : done}`);
      if (over) process.stderr.write("\n");
    } else if (over && stage !== last) {
      process.stderr.write(`${label}: ${stage} ${done}/${total}\n`);
    }
    last = over ? stage : last;
  };
}

/**
 * Prints the diagnostics and a summary; returns the number of errors (warnings count as errors when strict).
 * `warnings: false` prints only the errors (the build); the summary line counts both either way.
 */
export function printReport(diagnostics: readonly Diagnostic[], strict: boolean, fileCount: number, ms: number, options: { warnings?: boolean } = {}): number {
  const listed = options.warnings === false && !strict ? diagnostics.filter((d) => d.severity === "error") : diagnostics;
  const shown = strict ? listed.map((d) => ({ ...d, severity: "error" as const })) : listed;
  for (const d of shown) console.log(formatDiagnostic(d));
  const { errors, warnings } = summarize(diagnostics, strict);
  const took = `${(ms / 1000).toFixed(2)} s`;
  const counts = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  console.log(`${shown.length ? "\n" : ""}${errors ? "✖" : "✔"} ${counts} in ${fileCount} notes (${took})${strict ? " [strict: warnings are errors]" : ""}`);
  return errors;
}

/**
 * Stops a command with a message a person can act on: where (file and line, when there is one), what is wrong, and
 * what to do. Exit code 1 (2 for a wrong command line, as `usage` prints).
 */
export function fail(where: { file?: string; line?: number } | null, message: string, todo: string, code = 1): never {
  const at = where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ` : "";
  console.error(`${at}error: ${message}\n    what to do: ${todo}`);
  process.exit(code);
}

/** Stops a command whose arguments are wrong, printing its usage line. */
export function usage(line: string, problem: string): never {
  console.error(`error: ${problem}\nusage: ${line}`);
  process.exit(2);
}

/** A path for messages: relative to the working directory when inside it. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}
