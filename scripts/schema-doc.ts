/**
 * Generates two sections of CONTRIBUTING.md between marker comments: the checker's rules (from their modules in
 * src/lib/rules/) and the frontmatter reference (from the zod schemas and the type registry).
 * `node scripts/schema-doc.ts` rewrites them; `--check` exits 1 when either is out of date (a test runs this).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "astro/zod";
import { LEGACY_OPENNESS_KEYS, OPENNESS_DIMENSIONS, OPENNESS_GROUPS } from "../src/lib/openness.ts";
import { REGISTRY } from "../src/lib/registry.ts";
import type { JsonSchema } from "../src/lib/scaffold.ts";
import { RULES } from "../src/lib/rules/index.ts";
import { ROOT } from "./lib/cli.ts";

type Json = JsonSchema;

const FRIENDLY: Record<string, string> = {
  "note reference": "a note (slug, title or alias), or `{ ref, source, note }`",
  "note reference(s)": "a note (slug, title or alias) or a list of them; each may be `{ ref, source, note }`",
  "source slug(s)": "a source note's slug, or a list of them",
  "source slugs": "a list of source notes (slug, title or alias): what the note's claims come from",
  "lab note": "a lab note (slug, title or alias)",
  date: "a date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
  "import record":
    "written by `npm run import`, never by hand: one per dataset (a list when a note holds several), each `{ from, file, snapshot, date, names, rates, base, uncertain, link, dropped, body, section }`: the dataset (`from`, datasets.ts), its file that is this note's record (for a table, the file its row is in), the snapshot (commit, date) read, the names it gives, the release it rates and the base model it names (`uncertain` says which of the two it gives with a question mark), the link it gives, since which snapshot it no longer lists it, and hashes of the text the importer wrote (README, Imports)",
  "dataset id": "one of the datasets of datasets.ts (`osai`): written by `npm run import`",
};

function describe(s: Json): string {
  if (s.description && FRIENDLY[s.description]) return FRIENDLY[s.description];
  if (s.description === "value, optionally sourced") {
    return `${describe(s.anyOf![0])}; or \`{ value, source, note }\`; or a list of those when sources disagree (an imported value also has \`imported\`)`;
  }
  if (s.description === "openness") {
    const cell = Object.values(s.properties ?? {})[0];
    return `a cell per dimension, keyed as in [Openness dimensions](#openness-dimensions) (\`{ end_weights: open, license: { status: partial, source: …, evidence: https://…, note: … } }\`); each cell: ${cell ? describe(cell) : "a level"}`;
  }
  if (s.const !== undefined) return `\`${String(s.const)}\``;
  if (s.enum) return `one of ${s.enum.map((e) => `\`${String(e)}\``).join(", ")}`;
  if (s.anyOf) return [...new Set(s.anyOf.map(describe))].join(", or ");
  if (s.type === "array") return `a list of ${describe(s.items!).replace(/^an? /, "")}`;
  if (s.type === "object") {
    const req = new Set(s.required ?? []);
    const fields = Object.entries(s.properties ?? {}).map(([k, v]) => `${k}${req.has(k) ? "" : "?"}: ${describe(v)}`);
    return `\`{ ${Object.keys(s.properties ?? {}).map((k) => (req.has(k) ? k : `${k}?`)).join(", ")} }\` (${fields.join("; ")})`;
  }
  if (s.type === "string") {
    if (s.format === "uri") return s.description === "web URL" ? "a web address (`https://…` or `http://…`; no other scheme)" : "a URL";
    if (s.pattern === "^[a-z0-9][a-z0-9-]*$") return "lowercase-hyphenated words";
    if (s.pattern) return `text matching \`${s.pattern}\``;
    return s.description ? `text (${s.description})` : "text";
  }
  if (s.type === "number") return "a number";
  return s.type ?? "anything";
}

export function schemaReference(): string {
  const out: string[] = [];
  for (const entry of REGISTRY.typesOf("typed")) {
    const json = z.toJSONSchema(entry.schema, { io: "input", unrepresentable: "any" }) as Json;
    const req = new Set(json.required ?? []);
    const relations = new Map(entry.relations.map((r) => [r.field, r]));
    out.push(`### \`${entry.type}\` (in \`content/${entry.folder}/\`)`, "", "| field | required | value | graph edge |", "| --- | --- | --- | --- |");
    for (const [field, schema] of Object.entries(json.properties ?? {})) {
      const rel = relations.get(field);
      const edge = rel ? `\`${rel.kind}\`${rel.target ? ` → ${rel.target.join("/")}` : ""}` : "";
      out.push(`| \`${field}\` | ${req.has(field) ? "yes" : ""} | ${describe(schema).replace(/\|/g, "\\|")} | ${edge} |`);
    }
    out.push("");
  }
  out.push(
    "### Openness dimensions",
    "",
    `A model's \`openness\` block has a cell per dimension (src/lib/openness.ts); ${OPENNESS_DIMENSIONS.filter((d) => "index" in d).length} of them are the parameters of the European Open Source AI Index, whose names are given. The site explains them at \`/openness/\`.`,
    "",
    "| key | dimension | group | the index's parameter |",
    "| --- | --- | --- | --- |",
    ...OPENNESS_DIMENSIONS.map((d) => `| \`${d.key}\` | ${d.label} | ${OPENNESS_GROUPS.find((g) => g.id === d.group)!.label} | ${"index" in d ? `\`${d.index}\`` : "(ours)"} |`),
    "",
    `Older notes' keys are still read: ${Object.entries(LEGACY_OPENNESS_KEYS).map(([old, now]) => `\`${old}\` as \`${now}\``).join(", ")}.`,
    "",
  );
  return out.join("\n");
}

/** The checker's rules as a table: id, severity, what it finds, what to do. */
export function rulesReference(): string {
  const severity = (r: (typeof RULES)[number]) =>
    [r.severity, r.obsidian && `${r.obsidian} in Obsidian vaults`, r.sanitized && `${r.sanitized} where raw HTML is sanitized`].filter(Boolean).join("; ");
  const rows = RULES.map((r) => `| \`${r.id}\` | ${severity(r)} | ${r.summary.replace(/\|/g, "\\|")} | ${r.fix.replace(/\|/g, "\\|")} |`);
  return ["| rule | severity | what it finds | what to do |", "| --- | --- | --- | --- |", ...rows, ""].join("\n");
}

const SECTIONS: { start: string; end: string; body: () => string }[] = [
  { start: "<!-- rules:start (generated by scripts/schema-doc.ts from src/lib/rules/; do not edit by hand) -->", end: "<!-- rules:end -->", body: rulesReference },
  {
    start: "<!-- schema:start (generated by scripts/schema-doc.ts from src/lib/schema.ts and src/lib/registry.ts; do not edit by hand) -->",
    end: "<!-- schema:end -->",
    body: schemaReference,
  },
];

if (import.meta.main) {
  const file = join(ROOT, "CONTRIBUTING.md");
  const text = readFileSync(file, "utf8");
  let next = text;
  for (const { start, end, body } of SECTIONS) {
    const a = next.indexOf(start);
    const b = next.indexOf(end);
    if (a < 0 || b < 0) throw new Error(`CONTRIBUTING.md lacks the markers ${start} … ${end}`);
    next = `${next.slice(0, a + start.length)}\n\n${body()}\n${next.slice(b)}`;
  }
  if (process.argv.includes("--check")) {
    if (next !== text) {
      console.error("CONTRIBUTING.md's generated sections (rules, schema reference) are out of date: run `npm run schema-doc`");
      process.exit(1);
    }
  } else {
    writeFileSync(file, next);
    console.log("wrote the rules table and the frontmatter reference into CONTRIBUTING.md");
  }
}
