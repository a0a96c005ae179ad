/**
 * `npm run new`: a new note's text from its type's schema and registry entry. Every field of the type is in the
 * template: the required ones filled in, the optional ones commented out with an example of their form (generated
 * from the zod schema, so a field added to schema.ts appears here with no change to this file). Pure: the CLI in
 * scripts/new.ts writes the file.
 */
import { z } from "astro/zod";
import { stringify } from "yaml";
import { REGISTRY, type NoteType, type Registry } from "./registry.ts";
import { OPENNESS_KEYS } from "./openness.ts";
import { PLACEHOLDERS } from "./placeholders.ts";

/** The subset of JSON Schema (as zod emits it) that the scaffold and the generated schema reference read. */
export interface JsonSchema {
  type?: string;
  description?: string;
  anyOf?: Json[];
  items?: Json;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Json>;
  required?: string[];
  pattern?: string;
  format?: string;
  default?: unknown;
}
type Json = JsonSchema;

export interface ScaffoldOptions {
  title: string;
  /** Source notes the claims will come from (slugs); they fill `sources`. */
  sources?: readonly string[];
  /** Today, as `YYYY-MM-DD`, for `updated`. */
  today: string;
  /** The types to write notes of; default the wiki's (registry.ts). */
  registry?: Registry;
}

const SOURCE_PLACEHOLDER = "source-slug";


/**
 * An example value of a schema, in the form a writer would most often use. `field` picks a plausible name; a text
 * field's example is the type's own (`examples` in its registry entry), else "text".
 */
function example(s: Json, field: string, examples: Readonly<Record<string, string>>, relationTarget?: string): unknown {
  const note = relationTarget ? `some-${relationTarget}` : "note-slug";
  switch (s.description) {
    case "date":
      return field === "to" || field === "end_date" ? "2026-03" : "2025-06";
    case "note reference":
      return { ref: note, source: SOURCE_PLACEHOLDER };
    case "note reference(s)":
      return { ref: note, source: SOURCE_PLACEHOLDER };
    case "source slug(s)":
      return SOURCE_PLACEHOLDER;
    case "source slugs":
      return [SOURCE_PLACEHOLDER];
    case "lab note":
      return "some-lab";
    case "value, optionally sourced":
      return { value: example(s.anyOf![0], field, examples, relationTarget), source: SOURCE_PLACEHOLDER };
    case "web URL":
      return "https://example.org/";
    case "openness":
      // Every dimension of the registry, unknown until a source says (the first schema's keys are not offered).
      return Object.fromEntries(OPENNESS_KEYS.map((k) => [k, "unknown"]));
  }
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum.includes("other") && field === "kind" ? "other" : s.enum[0];
  if (s.anyOf) {
    // A set of fields when it says more than a name (`derived_from`'s `{ ref, how, source }`), else the short form.
    const rich = s.anyOf.find((b) => b.type === "object" && Object.keys(b.properties ?? {}).length > 1);
    return example(rich ?? s.anyOf[0], field, examples, relationTarget);
  }
  if (s.type === "array") {
    if (field === "aliases") return ["Other Name"];
    if (field === "tags") return ["some-tag"];
    if (field === "authors") return ["Author Name"];
    return [example(s.items!, field, examples, relationTarget)];
  }
  if (s.type === "object") {
    // Free-text `note`s are left out of examples: they are rare, and the reference documents them.
    const keys = Object.entries(s.properties ?? {}).filter(([k]) => k !== "note");
    return Object.fromEntries(keys.map(([k, v]) => [k, k === "ref" ? note : example(v, k, examples, relationTarget)]));
  }
  if (s.type === "number") return 1;
  if (s.pattern?.startsWith("^\\d{4}\\.")) return "2601.12345"; // arXiv id
  return examples[field] ?? "text";
}

/** The allowed values of an enum-valued field, if it has a fixed set (for a comment beside the example). */
function choices(s: Json): unknown[] | undefined {
  return s.enum ?? s.anyOf?.map(choices).find(Boolean);
}

/** `field: value` in YAML, on one line (flow style) unless the value is a set of fields (openness). */
function yamlLine(field: string, value: unknown): string[] {
  if (value && typeof value === "object" && !Array.isArray(value) && field === "openness") {
    const cells = Object.entries(value).map(([k, v]) => `  ${k}: ${flow(v)}`);
    return [`${field}: # each: open, partial, closed or unknown; or { status, source, evidence, note } (the dimensions: /openness/)`, ...cells];
  }
  return [`${field}: ${flow(value)}`];
}

const flow = (value: unknown) => stringify(value, { collectionStyle: "flow", flowCollectionPadding: false, lineWidth: 0 }).trim();

/** The schema of a type as JSON Schema: its fields, which are required, and their forms. */
function schemaOf(type: NoteType, registry: Registry): Json {
  return z.toJSONSchema(registry.entry(type).schema, { io: "input", unrepresentable: "any" }) as Json;
}

/** Fields only a command writes (`record:`, `npm run import`'s): never in a template for a writer. */
const WRITTEN_BY_COMMANDS = new Set(["import record", "import record(s)"]);

/** Every field a writer may give a type's notes, in schema order, with whether it is required. */
export function typeFields(type: NoteType, registry: Registry = REGISTRY): { field: string; required: boolean }[] {
  const json = schemaOf(type, registry);
  const req = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {})
    .filter(([, s]) => !WRITTEN_BY_COMMANDS.has(s.description ?? ""))
    .map(([field]) => ({ field, required: req.has(field) }));
}

/** The text of a new note of `type` called `title`. */
export function scaffoldNote(type: NoteType, options: ScaffoldOptions): string {
  const registry = options.registry ?? REGISTRY;
  const entry = registry.entry(type);
  const examples = entry.examples ?? {};
  const json = schemaOf(type, registry);
  const required = new Set(json.required ?? []);
  const relations = new Map(entry.relations.map((r) => [r.field, r]));
  const sources = options.sources ?? [];
  const lines: string[] = ["---"];
  const optional: string[] = [];
  const props = json.properties ?? {};
  // Title, type and summary first, whatever the schema's order: they are what a reader sees first.
  const order = ["title", "type", "summary", ...Object.keys(props).filter((k) => !["title", "type", "summary"].includes(k))];
  for (const field of order) {
    const s = props[field];
    if (!s || WRITTEN_BY_COMMANDS.has(s.description ?? "")) continue;
    if (field === "title") lines.push(...yamlLine("title", options.title));
    else if (field === "type") lines.push(`type: ${type}`);
    else if (field === "summary") lines.push(...yamlLine("summary", PLACEHOLDERS.summary(options.title)));
    else if (field === "updated") lines.push(`updated: ${options.today}`);
    else if (field === "sources" && !entry.cited) {
      lines.push(sources.length ? `sources: [${sources.join(", ")}]` : `sources: [] # the source notes this note's claims come from: [${SOURCE_PLACEHOLDER}]`);
    } else if (required.has(field)) {
      const options = choices(s);
      lines.push(`${yamlLine(field, example(s, field, examples)).join("\n")}${options ? ` # one of: ${options.join(", ")}` : ""}`);
    } else {
      const rel = relations.get(field);
      const options = choices(s);
      const value = yamlLine(field, example(s, field, examples, rel?.target?.[0]));
      value[value.length - 1] += options && !s.description?.startsWith("value") ? ` # one of: ${options.join(", ")}` : "";
      optional.push(...value.map((l) => `# ${l}`));
    }
  }
  if (optional.length) {
    lines.push("# Optional fields: uncomment the ones you know and cite a source for each value (`source:`).", "# Forms and meanings: CONTRIBUTING.md, \"Frontmatter reference\".", ...optional);
  }
  lines.push("---", "");
  lines.push(
    `${PLACEHOLDERS.body} ${options.title}, in your own words, linking related notes as \`[[note-slug]]\``,
    "(without the backticks).",
    "Cite each claim's source in the frontmatter; where sources disagree, give both values with their sources.",
    "",
  );
  return lines.join("\n");
}
