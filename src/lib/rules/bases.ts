/** Obsidian's Bases: a `.base` file or a ```base block that cannot be read, or whose expressions go wrong (src/lib/bases/). */
import { expressionsOf, readBase, type BaseSpec } from "../bases/parse.ts";
import { runBase } from "../bases/evaluate.ts";
import { BaseWorld } from "../bases/files.ts";
import { staticProblems } from "../bases/expr.ts";
import { defineRule } from "./rule.ts";

const FILE_PROPERTIES = new Set(["name", "basename", "path", "folder", "ext", "size", "ctime", "mtime", "tags", "links", "backlinks", "embeds", "properties", "file"]);

export const base = defineRule({
  id: "base",
  severity: "error",
  obsidian: "warning",
  summary:
    "A base (a `.base` file, or a `base` code block in a note) is not valid YAML, has a key Bases do not have, an expression that does not parse, a function, formula, file property or note property that does not exist, or an expression that fails on the vault's notes (a type error: shown in the cell, reported here once).",
  fix: "Fix the base at the position given (Obsidian's help, \"Bases syntax\" and \"Functions\", describes the format); the page shows what could be evaluated.",
  check(vault, report) {
    let world: BaseWorld | undefined;
    for (const f of vault.files) {
      const blocks = f.parsed.bases;
      if (!blocks?.length) continue;
      const w = (world ??= new BaseWorld(vault));
      const note = vault.bySlug.get(f.slug);
      for (const block of blocks) {
        try {
          const spec = readBase(block.text, block);
          for (const p of spec.problems) report(f, p, p.message, p.hint);
          for (const p of staticChecks(spec, w)) report(f, p.at, p.message, p.hint);
          // Evaluated over the vault (every view): each problem once, where its expression is.
          const run = runBase(spec, w, { view: "all", self: note ? w.note(note) : null });
          for (const e of run.errors) {
            const at = e.expr ? { line: e.expr.line, column: e.expr.column } : { line: block.line, column: block.column + 1 };
            report(f, at, `${e.what} fails: ${e.message}`, "the cells it fills show this; fix the expression or the notes' values it reads");
          }
        } catch (err) {
          // Never a crash of the check: what went wrong is reported where the base starts.
          report(f, { line: block.line, column: block.column + 1 }, `the base could not be checked: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
  },
});

/** What is wrong before anything runs: unknown functions, formulas, file properties and note properties. */
function staticChecks(spec: BaseSpec, world: BaseWorld): { at: { line: number; column: number }; message: string; hint?: string }[] {
  const out: { at: { line: number; column: number }; message: string; hint?: string }[] = [];
  const formulas = new Set(spec.formulas.keys());
  const knownProperty = (name: string) => world.hasProperty(name);
  for (const { what, expr } of expressionsOf(spec)) {
    if (!expr.parsed.ok) continue;
    const multiline = expr.text.includes("\n");
    for (const p of staticProblems(expr.parsed, { formulas, knownProperty })) {
      const property = p.message.startsWith("no note in the vault");
      out.push({
        at: { line: expr.line, column: expr.column + (multiline ? 0 : p.index) },
        message: `${what}: ${p.message}`,
        hint: property ? "check the property's name (a note's frontmatter key, case-sensitive)" : "see Obsidian's list of Bases functions; `formula.x` names one of this base's formulas",
      });
    }
  }
  // The properties the views show, sort and group by.
  for (const v of spec.views) {
    const names = [...v.order, ...v.sort.map((s) => s.property), ...(v.groupBy ? [v.groupBy.property] : []), ...v.summaries.map(([p]) => p)];
    for (const name of new Set(names)) {
      const problem = propertyProblem(name, formulas, world);
      if (problem) out.push({ at: { line: v.line, column: 1 }, message: `the view "${v.name}" names ${problem}`, hint: "name a note property, `file.<property>` or `formula.<name>`" });
    }
  }
  return out;
}

function propertyProblem(name: string, formulas: ReadonlySet<string>, world: BaseWorld): string | undefined {
  if (name.startsWith("formula.")) return formulas.has(name.slice(8)) ? undefined : `\`${name}\`, which is not one of this base's formulas`;
  if (name.startsWith("file.")) return FILE_PROPERTIES.has(name.slice(5)) ? undefined : `\`${name}\`, which files do not have`;
  const prop = name.startsWith("note.") ? name.slice(5) : name;
  return world.hasProperty(prop) ? undefined : `\`${name}\`, which no note in the vault has`;
}
