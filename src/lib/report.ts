/**
 * The checker's findings for machines: JSON for tools and editors, and GitHub workflow commands
 * (`::error file=…,line=…::message`) that GitHub shows as annotations on a pull request's changed lines.
 * The text form people read is `formatDiagnostic` in diagnostics.ts.
 */
import type { Diagnostic } from "./types.ts";

export const REPORT_FORMATS = ["text", "json", "github"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `--format` as given, or the default for where the command runs: GitHub's annotations under GitHub Actions. */
export function reportFormat(given: string | undefined, env: Record<string, string | undefined>): ReportFormat | undefined {
  if (given === undefined) return env.GITHUB_ACTIONS === "true" ? "github" : "text";
  return (REPORT_FORMATS as readonly string[]).includes(given) ? (given as ReportFormat) : undefined;
}

/** One diagnostic in the JSON report: every field always present (`null` when absent), in a fixed order. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  end: { line: number; column: number } | null;
  severity: "error" | "warning";
  rule: string;
  message: string;
  hint: string | null;
}

export interface JsonReport {
  /** Bumped when a field changes meaning or goes away. */
  version: 1;
  ok: boolean;
  strict: boolean;
  errors: number;
  warnings: number;
  notes: number;
  diagnostics: JsonDiagnostic[];
}

export function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    file: d.file,
    line: d.line,
    column: d.column,
    end: d.endLine !== undefined ? { line: d.endLine, column: d.endColumn ?? d.column } : null,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    hint: d.hint ?? null,
  };
}

/** The whole report. With `strict`, warnings are reported (and counted) as errors, as the text report does. */
export function jsonReport(diagnostics: readonly Diagnostic[], options: { strict: boolean; notes: number }): JsonReport {
  const shown = diagnostics.map((d) => jsonDiagnostic(options.strict ? { ...d, severity: "error" } : d));
  const errors = shown.filter((d) => d.severity === "error").length;
  return { version: 1, ok: errors === 0, strict: options.strict, errors, warnings: shown.length - errors, notes: options.notes, diagnostics: shown };
}

/** A workflow command's message: `%`, CR and LF escaped (GitHub's `escapeData`). */
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
/** A workflow command's property value: as the message, and `:` and `,` too (GitHub's `escapeProperty`). */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * `::error file=content/x.md,line=3,col=5,endLine=3,endColumn=9,title=broken-link::message%0Ahint: …`. `file` must
 * be relative to the repository's root for GitHub to place it on the pull request's diff.
 */
export function githubAnnotation(d: Diagnostic, strict = false): string {
  const level = strict || d.severity === "error" ? "error" : "warning";
  const props: [string, string | number | undefined][] = [
    ["file", d.file],
    ["line", d.line],
    ["col", d.column],
    ["endLine", d.endLine],
    ["endColumn", d.endLine === d.line ? d.endColumn : undefined], // GitHub ignores endColumn on a multi-line span
    ["title", `atlas ${d.rule}`],
  ];
  const head = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${level} ${head}::${escapeData(d.hint ? `${d.message}\nhint: ${d.hint}` : d.message)}`;
}

/** A hint (an unlinked mention) as a GitHub notice: shown on the pull request, never failing it. */
export function githubNotice(h: { file: string; line: number; column: number; rule: string; message: string; hint?: string }): string {
  const head = [["file", h.file], ["line", h.line], ["col", h.column], ["title", `atlas ${h.rule}`]].map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::notice ${head}::${escapeData(h.hint ? `${h.message}\nhint: ${h.hint}` : h.message)}`;
}
