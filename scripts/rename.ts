/**
 * `npm run rename -- <old-slug> <new-slug>`: moves a note to a new slug (its file, in the same folder), rewrites every
 * link, relation and citation that names it by the old slug (src/lib/rename.ts), adds the old slug to its aliases
 * (so the site keeps a page at the old address that sends readers on), then checks the vault again and says what
 * it changed. Refuses when the new slug is taken or not a slug, and changes nothing then.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { summarize } from "../src/lib/diagnostics.ts";
import { REGISTRY } from "../src/lib/registry.ts";
import { addAlias, applyEdits, renameEdits } from "../src/lib/rename.ts";
import { isSlug, slugify } from "../src/lib/resolve.ts";
import { commandContext, fail, shown, usage } from "./lib/cli.ts";

const USAGE = "npm run rename -- <old-slug> <new-slug>";
const args = process.argv.slice(2);
if (args.length !== 2) usage(USAGE, "give the note's current slug and its new one");
const [from, to] = args;
if (!isSlug(to)) usage(USAGE, `\`${to}\` is not a slug: use lowercase words joined by hyphens, e.g. \`${slugify(to)}\``);
if (REGISTRY.reservedSlugs.has(to)) fail(null, `\`${to}\` is the address of one of the site's own pages`, "choose another slug");

const ctx = commandContext();
const dir = ctx.contentDir;
const vault = await ctx.load();
const file = vault.filesBySlug.get(from);
if (!file) {
  const near = vault.index.suggest(from);
  fail(null, `no note has the slug \`${from}\``, near.length ? `did you mean ${near.map((s) => `\`${s}\``).join(", ")}?` : "give the file name of the note, without `.md`");
}
const note = vault.bySlug.get(from);
if (!note) fail({ file: file.file, line: 1 }, `\`${from}\` has errors in its frontmatter, so its links cannot be followed safely`, "fix them first (`npm run check` lists them), then rename");
if (from === to) fail({ file: file.file, line: 1 }, `the note is already called \`${to}\``, "give a different new slug");
const taken = vault.index.resolve(to);
if (taken && taken !== from) {
  fail({ file: vault.filesBySlug.get(taken)?.file ?? taken, line: 1 }, `\`${to}\` already names the note \`${taken}\`; nothing was changed`, "choose another slug, or merge the two notes by hand");
}
const errorsBefore = summarize(vault.diagnostics, false).errors;

// Every file's text as the vault was loaded from it; edits are made on these texts, then written.
const texts = new Map<string, string>();
for (const f of vault.files) if (!f.readError) texts.set(f.path, readFileSync(join(dir, f.path), "utf8"));
const edits = renameEdits(vault, from, to, texts);
const next = new Map<string, string>();
for (const e of edits) next.set(e.path, applyEdits(texts.get(e.path)!, e.edits));
// The old slug becomes an alias of the note (unless it is one already: then it was never a different name).
const own = next.get(file.path) ?? texts.get(file.path)!;
const hasAlias = note.fields.aliases.some((a) => a.toLowerCase() === from);
// Aliases are added on the text with the note's own edits applied: they never touch `aliases`, and only the lines
// after an edit on the same line shift, which `addAlias` does not look at (it reads `aliases` and `title`).
next.set(file.path, hasAlias ? own : addAlias(own, note.parsed.positions, from));

for (const [path, text] of next) writeFileSync(join(dir, path), text);
const target = join(dirname(join(dir, file.path)), `${to}.md`);
renameSync(join(dir, file.path), target);

// "7 links, 2 relations (derived_from, developer), 10 citations"
const counts = new Map<string, { n: number; fields: Set<string> }>();
for (const e of edits) {
  for (const w of e.what) {
    const [kind, field] = w.split(" ");
    const c = counts.get(kind) ?? counts.set(kind, { n: 0, fields: new Set() }).get(kind)!;
    c.n++;
    if (field) c.fields.add(field);
  }
}
const said = [...counts].map(([kind, { n, fields }]) => `${n} ${kind}${n === 1 ? "" : "s"}${fields.size ? ` (${[...fields].join(", ")})` : ""}`);
console.log(`renamed ${shown(join(dir, file.path))} → ${shown(target)}`);
console.log(`rewrote ${said.join(", ") || "no links (none named it by its slug)"} in ${edits.filter((e) => e.path !== file.path).length} other note(s)`);
if (!hasAlias) console.log(`added \`${from}\` to its aliases: old links still resolve, and /${from}/ sends readers to /${to}/`);

// The vault again, to say whether the rename left it as it found it.
const after = await commandContext().load();
const errorsAfter = summarize(after.diagnostics, false).errors;
if (errorsAfter > errorsBefore) {
  console.error(`the vault now has ${errorsAfter} error(s), it had ${errorsBefore}: run \`npm run check\` and fix what it lists`);
  process.exitCode = 1;
} else console.log(`check: ${errorsAfter} error(s), as before`);
