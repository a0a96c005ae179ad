/**
 * `npm run check [-- --strict] [--format text|json|github] [--changed [<base-ref>]] [--mentions]`: checks the vault and
 * reports every problem at once. Exit 1 on any error (on any warning too with --strict).
 *
 * - `--format text` (the default on a terminal): `path:line:col  severity  rule  message` with a hint line;
 *   `json`: one JSON document on stdout (src/lib/report.ts); `github`: workflow commands that GitHub shows as
 *   annotations on the pull request, the default when GITHUB_ACTIONS=true.
 * - `--changed [<base-ref>]`: report only on the notes changed since the branch left <base-ref> (default: main's
 *   remote or local branch), committed or not, and the notes on either side of their links (src/lib/changed.ts).
 *   The whole vault is still loaded and checked; only the report is narrowed. The full check stays CI's gate.
 * - `--mentions`: also lists unlinked mentions, as Obsidian offers them: a note that names another (its title or an
 *   alias) without linking it (src/lib/mentions.ts). They are hints, not problems: never an error, even with
 *   --strict. Only looked for when asked: at 10,000 notes they take most of a second.
 */
import { relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { changedSet } from "../src/lib/changed.ts";
import { loadVaultAt } from "../src/lib/base-vault.ts";
import { baseCommit, changedPaths, GitError, repositoryOf, shortCommit } from "../src/lib/git.ts";
import { projectCache } from "../src/lib/parse-cache.ts";
import { mentionHints, type MentionHint } from "../src/lib/mentions.ts";
import { jsonReport, githubAnnotation, githubNotice, reportFormat, REPORT_FORMATS } from "../src/lib/report.ts";
import { summarize } from "../src/lib/diagnostics.ts";
import type { Diagnostic, Vault } from "../src/lib/types.ts";
import { commandContext, fail, printReport, progress, ROOT, shown, usage } from "./lib/cli.ts";

const USAGE = "npm run check -- [--strict] [--format text|json|github] [--changed [<base-ref>]] [--mentions]";
// `--changed` takes an optional value: parseArgs has no such option, so a value after it is read as a positional.
const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { strict: { type: "boolean" }, format: { type: "string" }, changed: { type: "boolean" }, mentions: { type: "boolean" } } });
  } catch (err) {
    return usage(USAGE, (err as Error).message);
  }
})();
if (positionals.length > (values.changed ? 1 : 0)) usage(USAGE, `unexpected ${positionals.map((p) => `\`${p}\``).join(" ")}`);
const strict = !!values.strict;
const format = reportFormat(values.format, process.env);
if (!format) usage(USAGE, `--format is one of ${REPORT_FORMATS.join(", ")}, not \`${values.format}\``);

const started = performance.now();
// The check needs no page HTML: notes are rendered only where their raw HTML must be sanitized (parse-note.ts); the
// prose with positions only for --mentions.
const ctx = commandContext({ html: false, prose: !!values.mentions });
const dir = ctx.contentDir;
const cache = projectCache(ROOT);
if (format !== "json") ctx.progress = progress("check");
const vault = await ctx.load();

let diagnostics: readonly Diagnostic[] = vault.diagnostics;
let count = vault.files.length;
let scope = "";
let hints: MentionHint[] = values.mentions ? mentionHints(vault) : [];
if (values.changed) {
  const narrowed = await narrowToChanges(vault, positionals[0]);
  diagnostics = narrowed.diagnostics;
  count = narrowed.count;
  scope = narrowed.scope;
  hints = hints.filter((h) => narrowed.files.has(h.file));
}
const titleOf = (slug: string) => vault.bySlug.get(slug)?.title ?? slug;
const hintMessage = (h: MentionHint) => `\`${h.name}\` names ${titleOf(h.to)} (${h.to}) without linking it`;
const hintFix = (h: MentionHint) => `write [[${h.to}|${h.name}]] if it means that note`;

if (format === "json") {
  const report = jsonReport(diagnostics, { strict, notes: count });
  // With --mentions, their count sits with the other counts and the hints follow the diagnostics.
  const { diagnostics: list, ...counts } = report;
  const listed = values.mentions ? { ...counts, mentions: hints.length, diagnostics: list, hints: hints.map((h) => ({ ...h, rule: "unlinked-mention", message: hintMessage(h), hint: hintFix(h) })) } : report;
  console.log(JSON.stringify(listed, null, 2));
  process.exitCode = report.errors ? 1 : 0;
} else if (format === "github") {
  // GitHub places an annotation by its path from the repository's root.
  const repo = repositoryOf(dir);
  const fromRoot = (file: string) => (repo ? relative(repo.root, resolve(file)).split(sep).join("/") : file);
  for (const d of diagnostics) console.log(githubAnnotation({ ...d, file: fromRoot(d.file) }, strict));
  if (values.mentions) for (const h of hints) console.log(githubNotice({ file: fromRoot(h.file), line: h.line, column: h.column, rule: "unlinked-mention", message: hintMessage(h), hint: hintFix(h) }));
  const { errors, warnings } = summarize(diagnostics, strict);
  console.log(`${errors ? "✖" : "✔"} ${errors} error(s), ${warnings} warning(s) in ${count} notes${scope}`);
  process.exitCode = errors ? 1 : 0;
} else {
  if (values.mentions) for (const h of hints) console.log(`${h.file}:${h.line}:${h.column}  hint  unlinked-mention  ${hintMessage(h)}\n    hint: ${hintFix(h)}`);
  const errors = printReport(diagnostics, strict, count, performance.now() - started);
  if (values.mentions) console.log(`ℹ ${hints.length} unlinked mention${hints.length === 1 ? "" : "s"} (hints, not problems)`);
  if (scope) console.log(scope.trim());
  process.exitCode = errors ? 1 : 0;
}

/** The diagnostics of the notes changed since the base and their neighbours (see src/lib/changed.ts). */
async function narrowToChanges(head: Vault, ref: string | undefined): Promise<{ diagnostics: Diagnostic[]; files: Set<string>; count: number; scope: string }> {
  const repo = repositoryOf(dir);
  if (!repo) fail({ file: shown(dir) }, "--changed compares with git, but the vault is not in a git repository", "run the full check (without --changed), or `git init` and commit the vault");
  let base: { ref: string; commit: string };
  try {
    base = baseCommit(repo.root, ref);
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    return fail({ file: shown(repo.root) }, err.message, ref ? "give a branch, tag or commit that exists (`git branch -a` lists them)" : "name the base: npm run check -- --changed <base-ref>");
  }
  const changes = changedPaths(repo.root, base.commit, repo.sub);
  const before = await loadVaultAt(repo.root, base.commit, repo.sub, cache);
  const { touched, neighbours } = changedSet(head, before, changes);
  const fileOf = new Map(head.files.map((f) => [f.path, f.file]));
  const files = new Set([...touched, ...neighbours].map((p) => fileOf.get(p)!));
  const at = `${base.ref} (${shortCommit(repo.root, base.commit)})`;
  return {
    diagnostics: head.diagnostics.filter((d) => files.has(d.file)),
    files,
    count: files.size,
    scope: ` (changed since ${at}: ${touched.size} note${touched.size === 1 ? "" : "s"}, and ${neighbours.size} linked to or from them)`,
  };
}
