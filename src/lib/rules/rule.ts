/**
 * What a checker rule is: an id, a severity, its documentation (generated into CONTRIBUTING.md) and a check over the
 * loaded vault that reports problems at positions. Rules are units, as remark-lint's are: the loader gathers the
 * facts (parsed files, resolutions), every rule reads them, and none of them changes anything.
 */
import type { FieldPath } from "../schema.ts";
import { locate } from "../frontmatter.ts";
import type { Severity, Vault, VaultFile } from "../types.ts";
import type { VaultConfig } from "../config.ts";
import { slugify } from "../resolve.ts";

export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Report {
  (file: { file: string }, at: Position, message: string, hint?: string): void;
}

export interface Rule {
  id: string;
  /** In a typed vault (`notes: typed`). */
  severity: Severity;
  /** In a vault read as Obsidian reads it, when it differs; `off`: not checked there. */
  obsidian?: Severity | "off";
  /** When the vault's raw HTML is sanitized (`rawHtml: sanitize`), when it differs. */
  sanitized?: Severity | "off";
  /** One sentence: what the rule finds. */
  summary: string;
  /** What to do about it. */
  fix: string;
  check(vault: Vault, report: Report): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** What a rule is in a vault with these settings. */
export function ruleSeverity(rule: Rule, config: VaultConfig): Severity | "off" {
  if (config.rawHtml === "sanitize" && rule.sanitized) return rule.sanitized;
  if (config.notes === "obsidian" && rule.obsidian) return rule.obsidian;
  return rule.severity;
}

/** Where a frontmatter field path was written in a file. */
export function at(file: Pick<VaultFile, "parsed">, path: FieldPath): Position {
  return locate(file.parsed.positions, path);
}

export const FILE_START: Position = { line: 1, column: 1 };

export { slugify } from "../resolve.ts";

/** "did you mean `a`, `b`? Or create the note `x`" for a name that resolves to nothing. */
export function suggestHint(vault: Vault, target: string): string {
  const near = vault.index.suggest(target).map((s) => noteName(vault, s));
  const create = vault.config.notes === "obsidian" ? `create \`${target.replace(/\.md$/i, "")}.md\`` : `create the note \`${slugify(target)}\``;
  return near.length ? `did you mean ${near.map((s) => `\`${s}\``).join(", ")}? Or ${create}` : `${create} or fix the link`;
}

/** How messages name a note: its slug in a typed vault, its path (without `.md`) in an Obsidian vault. */
export function noteName(vault: Vault, slug: string): string {
  if (vault.config.notes !== "obsidian") return slug;
  return vault.filesBySlug.get(slug)?.path.replace(/\.md$/i, "") ?? slug;
}
