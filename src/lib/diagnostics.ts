/**
 * What a diagnostic is (`Diagnostic`, re-exported by types.ts with the rest of the data model); turns schema issues
 * into sentences a contributor can act on, and prints diagnostics as `path:line:col  severity  rule  message` with a
 * hint line, sorted by file and position.
 */
import { levenshtein } from "./resolve.ts";

export type Severity = "error" | "warning";

/** One problem found in the vault, printed as `file:line:col  severity  rule  message`. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  rule: string;
  message: string;
  hint?: string;
}

/** The subset of a zod issue we read. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  errors?: SchemaIssue[][];
  format?: string;
  origin?: string;
  minimum?: number | bigint;
  input?: unknown;
}

export interface ExplainedIssue {
  path: PropertyKey[];
  message: string;
  hint?: string;
}

/** Explains one schema issue; `allowedKeys(path)` lists the field names valid at a path, for did-you-mean hints. */
export function explainIssue(
  issue: SchemaIssue,
  value: (path: PropertyKey[]) => unknown,
  allowedKeys: (path: PropertyKey[]) => readonly string[],
): ExplainedIssue {
  if (issue.code === "invalid_union" && issue.errors?.length) {
    const best = bestBranch(issue.errors);
    if (best) {
      return explainIssue({ ...best, path: [...issue.path, ...best.path] }, value, allowedKeys);
    }
    const expected = [...new Set(issue.errors.flat().map((e) => e.expected).filter(Boolean))];
    return {
      path: issue.path,
      message: `\`${fieldName(issue.path)}\` has the wrong shape: expected ${expected.join(" or ")}, got ${describe(value(issue.path))}`,
      hint: unionHint(issue.path),
    };
  }
  const field = fieldName(issue.path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeys(issue.path);
      const keys = issue.keys ?? [];
      const near = keys.map((k) => nearest(k, allowed)).filter(Boolean);
      const where = issue.path.length ? ` in \`${field}\`` : "";
      return {
        path: [...issue.path, keys[0]],
        message: `unknown field${keys.length > 1 ? "s" : ""} ${keys.map((k) => `\`${k}\``).join(", ")}${where}`,
        hint: near.length
          ? `did you mean ${near.map((k) => `\`${k}\``).join(", ")}?`
          : allowed.length
            ? `allowed here: ${allowed.join(", ")}`
            : "remove it",
      };
    }
    case "invalid_type": {
      const got = value(issue.path);
      if (got === undefined) {
        return { path: issue.path, message: `\`${field}\` is required`, hint: `add \`${field}:\` to the frontmatter` };
      }
      return {
        path: issue.path,
        message: `\`${field}\` should be ${article(issue.expected ?? "something else")}, got ${describe(got)}`,
        hint:
          issue.expected === "array"
            ? `write a list: \`${field}: [a, b]\``
            : issue.expected === "string" && (typeof got === "number" || typeof got === "boolean")
              ? `YAML read it as a ${typeof got}: quote it, \`${String(issue.path[issue.path.length - 1])}: "${String(got)}"\``
              : undefined,
      };
    }
    case "invalid_value": {
      const options = (issue.values ?? []).map(String);
      const got = String(value(issue.path));
      const near = nearest(got, options);
      return {
        path: issue.path,
        message: `\`${field}\` is \`${got}\`, expected one of: ${options.join(", ")}`,
        hint: near ? `did you mean \`${near}\`?` : undefined,
      };
    }
    case "too_small":
      return {
        path: issue.path,
        message: `\`${field}\` is empty`,
        hint: issue.origin === "array" ? "give at least one item or remove the field" : "give it a value or remove it",
      };
    case "invalid_format":
      if (issue.format === "url") {
        return {
          path: issue.path,
          message: `\`${field}\` is \`${String(value(issue.path))}\`: expected a web address starting with https:// or http://`,
          hint: "other schemes (javascript:, data:, file: …) are refused: they could run code in a reader's browser",
        };
      }
      return {
        path: issue.path,
        message: `\`${field}\` is \`${String(value(issue.path))}\`: ${issue.format === "regex" ? issue.message : `not a valid ${issue.format}`}`,
      };
    default:
      return { path: issue.path, message: `\`${field}\`: ${issue.message}` };
  }
}

/** Of a union's failed branches, the one that got furthest (not a plain type mismatch at its root). */
function bestBranch(branches: SchemaIssue[][]): SchemaIssue | undefined {
  let best: { issue: SchemaIssue; score: number } | undefined;
  for (const branch of branches) {
    for (const issue of branch) {
      const score = issue.path.length * 2 + (issue.code === "invalid_type" ? 0 : 1);
      if (score > 0 && (!best || score > best.score)) best = { issue, score };
    }
  }
  return best?.issue;
}

function unionHint(path: PropertyKey[]): string {
  const last = String(path[path.length - 1] ?? "");
  if (["source"].includes(last)) return "write a source slug, or a list of them";
  return "see the schema reference in CONTRIBUTING.md for this field's forms";
}

export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "");
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "an empty value";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a set of fields";
  return `${typeof v} \`${String(v)}\``;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** The closest of `options` to `word`, if close enough to be a typo. */
export function nearest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const o of options) {
    const d = levenshtein(word.toLowerCase(), o.toLowerCase(), bestD);
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  return best;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** One diagnostic as the checker prints it: a location line and, indented, its hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.rule}  ${d.message}`;
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}

export function summarize(diagnostics: readonly Diagnostic[], strict: boolean) {
  const errors = diagnostics.filter((d) => d.severity === "error" || strict).length;
  const warnings = diagnostics.length - errors;
  return { errors, warnings };
}
