/** Rules about the frontmatter block: missing or unclosed, not YAML, an unknown type, fields against the schema. */
import { nearest } from "../diagnostics.ts";
import { at, defineRule } from "./rule.ts";

/** The frontmatter reader's own problems (frontmatter.ts) of one kind, reported as they were found. */
function frontmatterProblems(id: "frontmatter-missing" | "yaml-syntax", summary: string, fix: string, obsidian: "warning" | "off") {
  return defineRule({
    id,
    severity: "error",
    obsidian,
    summary,
    fix,
    check(vault, report) {
      // An Obsidian vault's note is still published, from its body, as Obsidian shows it.
      const also = vault.config.notes === "obsidian" ? "; until then the note is published without its properties" : "";
      for (const f of vault.files) for (const p of f.parsed.problems) if (p.rule === id) report(f, p, p.message, p.hint + also);
    },
  });
}

export const frontmatterMissing = frontmatterProblems(
  "frontmatter-missing",
  "The file does not start with a `---` frontmatter block, or the block is never closed.",
  "Start the file with `---`, the fields, and a closing `---` line.",
  "off",
);

export const yamlSyntax = frontmatterProblems(
  "yaml-syntax",
  "The frontmatter is not valid YAML (or not a set of `key: value` fields).",
  "Quote values containing `:` or `#`, check indentation; the hint names the likely cause.",
  "warning",
);

export const unknownType = defineRule({
  id: "unknown-type",
  severity: "error",
  obsidian: "off", // `type` is a property like any other there
  summary: "`type` is missing or not one of the note types.",
  fix: "Set `type:` to one of the types listed in the hint.",
  check(vault, report) {
    for (const f of vault.files) {
      if (f.type || f.parsed.data === undefined || f.readError) continue;
      const t = f.badType;
      const near = typeof t === "string" ? nearest(t, vault.registry.schemaTypes) : undefined;
      report(
        f,
        at(f, ["type"]),
        t === undefined ? "the note has no `type`" : `unknown type \`${String(t)}\``,
        `${near ? `did you mean \`${near}\`? ` : ""}type is one of: ${vault.registry.schemaTypes.join(", ")}`,
      );
    }
  },
});

export const schema = defineRule({
  id: "schema",
  severity: "error",
  summary: "A frontmatter field breaks its type's schema: unknown, missing, of the wrong form, or an unsafe URL.",
  fix: "Follow the message and the frontmatter reference below.",
  check(vault, report) {
    for (const f of vault.files) for (const issue of f.schemaIssues) report(f, at(f, issue.path as (string | number)[]), issue.message, issue.hint);
  },
});
