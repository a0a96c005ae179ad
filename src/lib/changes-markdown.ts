/**
 * The change summary (changes.ts) as Markdown for a pull request's reviewers: GitHub's job summary or a comment.
 * Sections only when they have something to say; the page list folded, as it can be long.
 */
import type { ChangeSummary, NoteRef } from "./changes.ts";

/** The summary as Markdown for a pull request (GitHub's job summary, or a comment). */
export function changesMarkdown(s: ChangeSummary, options: { base: string; head?: string }): string {
  const bold = (n: NoteRef) => `**${md(n.title)}** (\`${n.slug}\`)`;
  const citing = (list: string[]) => (list.length ? `, citing ${list.map((t) => `*${md(t)}*`).join(", ")}` : "");
  const lines: string[] = ["## What this branch changes in the wiki", ""];
  const counts = [
    [s.added.length, "note added", "notes added"],
    [s.removed.length, "note removed", "notes removed"],
    [s.renamed.length, "note renamed", "notes renamed"],
    [s.facts.length, "fact changed", "facts changed"],
    [s.links.length, "link changed", "links changed"],
    [s.newProblems.length, "new problem", "new problems"],
    [s.pages.length, "page changes", "pages change"],
  ] as const;
  const said = counts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  lines.push(`Compared with ${options.base}${options.head ? ` → ${options.head}` : ""}: ${said.length ? said.join(", ") : "no change to any note"}.`, "");

  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push(`### ${title}`, "", ...items, "");
  };
  section("Notes added", s.added.map((n) => `- ${bold(n)}, ${n.type} — \`${n.file}\``));
  section("Notes removed", s.removed.map((n) => `- ${bold(n)}, ${n.type}`));
  section("Notes renamed", s.renamed.map((r) => `- \`${r.from.slug}\` → ${bold(r.to)}${r.from.title !== r.to.title ? ` (was titled “${md(r.from.title)}”)` : ""}`));
  section(
    "Facts",
    s.facts.map((f) => {
      const at = `**${md(f.note.title)}** › ${md(f.field)}`;
      switch (f.kind) {
        case "added":
          return `- ${at}: added ${code(f.after!)}${citing(f.citing)}`;
        case "removed":
          return `- ${at}: removed ${code(f.before!)}${f.citing.length ? ` (it cited ${f.citing.map((t) => `*${md(t)}*`).join(", ")})` : ""}`;
        case "changed":
          return `- ${at}: ${code(f.before!)} → ${code(f.after!)}${citing(f.citing)}`;
        case "sources":
          return `- ${at}: ${code(f.after!)} now cites ${f.citing.length ? f.citing.map((t) => `*${md(t)}*`).join(", ") : "no source"} (before: ${f.citedBefore!.length ? f.citedBefore!.map((t) => `*${md(t)}*`).join(", ") : "none"})`;
      }
    }),
  );
  section(
    "Links",
    s.links.map((l) => `- ${l.kind === "added" ? "added" : "removed"}: **${md(l.from.title)}** → ${l.toSlug ? `**${md(l.to)}**` : `${code(l.to)} (no such note)`}`),
  );
  section(
    "New problems",
    s.newProblems.map((d) => `- \`${d.file}:${d.line}:${d.column}\` ${d.severity} \`${d.rule}\`: ${d.message.replace(/([\\*_[\]<>|])/g, "\\$1")}`),
  );
  if (s.fixedProblems) lines.push(`${s.fixedProblems} problem${s.fixedProblems === 1 ? "" : "s"} of the base fixed.`, "");
  if (s.pages.length) {
    lines.push(`### Pages whose content changes (${s.pages.length})`, "", "<details><summary>the pages and what changes on each</summary>", "");
    for (const p of s.pages) lines.push(`- \`${p.path}\` ${md(p.title)}: ${p.parts.map(md).join(", ")}`);
    lines.push("", "</details>", "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Text for Markdown: the characters that would start markup escaped. */
function md(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, "\\$1");
}

/** A value in a code span (long values cut), safe whatever backticks it holds. */
function code(s: string): string {
  const t = s.length > 120 ? `${s.slice(0, 117)}…` : s;
  const fence = t.includes("`") ? "`` " : "`";
  return `${fence}${t}${fence === "`` " ? " ``" : "`"}`;
}
