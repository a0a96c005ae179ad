/**
 * `npm run new -- <type> "<Title>" [--source <slug>]… [--slug <slug>]`: creates a note in its type's folder from the
 * type's template (src/lib/scaffold.ts: every field of the schema, the optional ones commented out), named by the
 * resolver's slugging of the title. Refuses to overwrite a file or to reuse a name another note has; prints the path.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { nearest } from "../src/lib/diagnostics.ts";
import { REGISTRY } from "../src/lib/registry.ts";
import { isSlug, slugify } from "../src/lib/resolve.ts";
import { scaffoldNote } from "../src/lib/scaffold.ts";
import { commandContext, fail, shown, usage } from "./lib/cli.ts";

const USAGE = `npm run new -- <${REGISTRY.schemaTypes.join("|")}> "<Title>" [--source <source-slug>]… [--slug <slug>]`;

const { positionals, values } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { source: { type: "string", multiple: true }, slug: { type: "string" } } });
  } catch (err) {
    return usage(USAGE, (err as Error).message);
  }
})();
const [type, title, ...extra] = positionals;
if (!type || !title?.trim() || extra.length) usage(USAGE, extra.length ? `unexpected ${extra.map((e) => `\`${e}\``).join(" ")} (quote a title with spaces)` : "give a note type and a title");
if (!REGISTRY.isNoteType(type)) {
  const near = nearest(type, REGISTRY.schemaTypes);
  usage(USAGE, `\`${type}\` is not a note type${near ? ` (did you mean \`${near}\`?)` : ""}; the types are ${REGISTRY.schemaTypes.join(", ")}`);
}

const slug = values.slug ?? slugify(title);
if (!isSlug(slug)) usage(USAGE, `\`${slug}\` is not a slug: use lowercase words joined by hyphens, e.g. \`${slugify(slug)}\``);
if (REGISTRY.reservedSlugs.has(slug)) fail(null, `\`${slug}\` is the address of one of the site's own pages`, `choose another slug with --slug, e.g. --slug ${slug}-${type}`);

const ctx = commandContext();
const dir = ctx.contentDir;
const file = join(dir, REGISTRY.entry(type).folder, `${slug}.md`);
if (existsSync(file)) fail({ file: shown(file), line: 1 }, "this note already exists; nothing was written", `edit it, or give the new note another slug with --slug`);

// The vault (through the parse cache) says which names are taken and which sources exist.
const vault = await ctx.load();
for (const name of new Set([title.trim(), slug])) {
  const taken = vault.index.resolve(name);
  if (taken) {
    const other = vault.filesBySlug.get(taken);
    fail({ file: other?.file ?? taken, line: 1 }, `\`${name}\` already names the note \`${taken}\`; nothing was written`, `link to [[${taken}]] instead, or choose a title that tells the two apart (or --slug)`);
  }
}
const sources: string[] = [];
for (const ref of values.source ?? []) {
  const to = vault.index.resolve(ref);
  const note = to ? vault.bySlug.get(to) : undefined;
  if (!note || !REGISTRY.isCited(note.type)) {
    const near = vault.index.suggest(ref).filter((s) => REGISTRY.isCited(vault.bySlug.get(s)?.type ?? ""));
    fail(
      note ? { file: note.file, line: 1 } : null,
      note ? `--source \`${ref}\` is a ${note.type} note, not a source note` : `--source \`${ref}\` names no note`,
      near.length ? `did you mean ${near.map((s) => `\`${s}\``).join(", ")}?` : `create the source first: npm run new -- source "<Title of the source>"`,
    );
  }
  sources.push(to!);
}

const today = new Date().toISOString().slice(0, 10);
mkdirSync(join(dir, REGISTRY.entry(type).folder), { recursive: true });
writeFileSync(file, scaffoldNote(type, { title: title.trim(), sources, today }), { flag: "wx" });
console.log(shown(file));
console.error(
  [
    `created the ${REGISTRY.entry(type).label.one.toLowerCase()} note \`${slug}\`. Next:`,
    `  1. fill in its summary and body, and uncomment the fields you can source`,
    sources.length || REGISTRY.isCited(type) ? "" : `  2. cite the source notes its claims come from in \`sources:\` (npm run new -- source "…" for a new one)`,
    `  ${sources.length || REGISTRY.isCited(type) ? 2 : 3}. link to [[${slug}]] from a related note, then run: npm run check -- --changed`,
  ]
    .filter(Boolean)
    .join("\n"),
);
