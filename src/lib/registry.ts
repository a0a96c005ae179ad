/**
 * The registries: one entry per note type and one per relation kind. Everything that differs by type (its label,
 * folder, colours, schema, relation fields, infobox rows, index columns, the date that places it on a timeline) is
 * said here once; the loader, the checker, the site model, the graph, the exports, the CSS and the browser code all
 * read it. Adding a type is its schema in schema.ts plus one entry below.
 */
import { z } from "astro/zod";
import { concept, event, lab, model, normalizeNote, person, plainNote, source, type NoteFields } from "./schema.ts";

/** A frontmatter field that names other notes: checked like a link, drawn as a typed edge. */
export interface RelationSpec {
  field: string;
  /** The relation kind (see RELATION_KINDS): several fields may share one. */
  kind: string;
  label: string;
  /** Types the target must have; any type when absent. */
  target?: readonly string[];
}

/**
 * One row of an infobox or column of an index table. `field` names a scalar value or a relation field; `show` picks
 * how a value is displayed when that is not plain text.
 */
export interface FieldView {
  label: string;
  field: string;
  show?: "link" | "arxiv" | "span" | "openness" | "cited-by" | "names" | "folder" | "record";
  /** In an index table, readers can filter by this column's values (`year`: by the year of a date). */
  filter?: true | "year";
}

export interface TypeEntry {
  type: string;
  label: { one: string; many: string };
  /** Folder under the vault and the address of the type's index. */
  folder: string;
  /** Badge and graph colours for the light and dark themes (`#rrggbb`). */
  color: { light: string; dark: string };
  /** The input schema; the registry adds the transform to `NoteFields`. */
  schema: z.ZodObject;
  relations: readonly RelationSpec[];
  infobox: readonly FieldView[];
  columns: readonly FieldView[];
  /** The value that places a note in time: a scalar field, or `relation.field:from` for the earliest start. */
  date?: string;
  /**
   * The type of every note in a vault read as Obsidian reads it (`notes: obsidian` in atlas.yml): no schema to follow,
   * its frontmatter shown as properties. Never a typed vault's type.
   */
  plain?: boolean;
}

const ENTRIES = [
  {
    type: "person",
    label: { one: "Person", many: "People" },
    folder: "people",
    color: { light: "#7c3aed", dark: "#a78bfa" },
    schema: person,
    relations: [{ field: "affiliations", kind: "affiliated_with", label: "Affiliations", target: ["lab"] }],
    infobox: [{ label: "Affiliations", field: "affiliations", show: "span" }],
    columns: [{ label: "Affiliations", field: "affiliations" }],
    date: "affiliations:from",
  },
  {
    type: "lab",
    label: { one: "Lab", many: "Labs" },
    folder: "labs",
    color: { light: "#0f766e", dark: "#2dd4bf" },
    schema: lab,
    relations: [{ field: "parent", kind: "parent", label: "Parent", target: ["lab"] }],
    infobox: [
      { label: "Country", field: "country" },
      { label: "Kind", field: "kind" },
      { label: "Parent", field: "parent" },
      { label: "Founded", field: "founded" },
      { label: "Website", field: "website", show: "link" },
    ],
    columns: [
      { label: "Country", field: "country" },
      { label: "Kind", field: "kind" },
      { label: "Parent", field: "parent" },
    ],
    date: "founded",
  },
  {
    type: "model",
    label: { one: "Model", many: "Models" },
    folder: "models",
    color: { light: "#1d4ed8", dark: "#7aa2ff" },
    schema: model,
    relations: [
      { field: "developer", kind: "developer", label: "Developer", target: ["lab", "person"] },
      { field: "family", kind: "family", label: "Family", target: ["model"] },
      { field: "base_model", kind: "derived_from", label: "Base model", target: ["model"] },
      { field: "derived_from", kind: "derived_from", label: "Derived from", target: ["model"] },
    ],
    infobox: [
      { label: "Developer", field: "developer" },
      { label: "Family", field: "family" },
      { label: "Base model", field: "base_model" },
      { label: "Derived from", field: "derived_from" },
      { label: "Released", field: "released" },
      { label: "Parameters", field: "parameters" },
      { label: "Active parameters", field: "active_parameters" },
      { label: "Architecture", field: "architecture" },
      { label: "Context length", field: "context_length" },
      { label: "License", field: "license" },
      { label: "Modality", field: "modality" },
      { label: "Performance class", field: "performance_class" },
      { label: "Rated release", field: "record", show: "record" },
      { label: "Openness", field: "openness", show: "openness" },
    ],
    columns: [
      { label: "Developer", field: "developer", filter: true },
      { label: "Released", field: "released", filter: "year" },
      { label: "Modality", field: "modality", filter: true },
      { label: "Parameters", field: "parameters" },
      { label: "Architecture", field: "architecture", filter: true },
      { label: "License", field: "license", filter: true },
      { label: "Openness", field: "openness", show: "openness" },
    ],
    date: "released",
  },
  {
    type: "source",
    label: { one: "Source", many: "Sources" },
    folder: "sources",
    color: { light: "#b45309", dark: "#fbbf24" },
    schema: source,
    relations: [
      { field: "authors", kind: "author", label: "Authors", target: ["person", "lab"] },
      { field: "cites", kind: "cites", label: "Cites", target: ["source"] },
    ],
    infobox: [
      { label: "Kind", field: "kind" },
      { label: "Evidence", field: "evidence" },
      { label: "Authors", field: "authors", show: "names" },
      { label: "Published", field: "published" },
      { label: "Publisher", field: "publisher" },
      { label: "URL", field: "url", show: "link" },
      { label: "arXiv", field: "arxiv", show: "arxiv" },
      { label: "Cites", field: "cites" },
    ],
    columns: [
      { label: "Kind", field: "kind" },
      { label: "Published", field: "published" },
      { label: "Publisher", field: "publisher" },
      { label: "Evidence", field: "evidence" },
      { label: "Cited by", field: "cited_by", show: "cited-by" },
    ],
    date: "published",
  },
  {
    type: "concept",
    label: { one: "Concept", many: "Concepts" },
    folder: "concepts",
    color: { light: "#be185d", dark: "#f472b6" },
    schema: concept,
    relations: [
      { field: "broader", kind: "broader", label: "Broader", target: ["concept"] },
      { field: "related", kind: "related", label: "Related" },
    ],
    infobox: [
      { label: "Broader", field: "broader" },
      { label: "Related", field: "related" },
    ],
    columns: [{ label: "Broader", field: "broader" }],
  },
  {
    type: "event",
    label: { one: "Event", many: "Events" },
    folder: "events",
    color: { light: "#4d7c0f", dark: "#a3e635" },
    schema: event,
    relations: [{ field: "actors", kind: "actor", label: "Actors" }],
    infobox: [
      { label: "Date", field: "date" },
      { label: "Until", field: "end_date" },
      { label: "Actors", field: "actors" },
      { label: "Location", field: "location" },
    ],
    columns: [
      { label: "Date", field: "date" },
      { label: "Actors", field: "actors" },
    ],
    date: "date",
  },
  {
    // Last, so the graph payload's codes for the types above stay what they were.
    type: "note",
    label: { one: "Note", many: "Notes" },
    folder: "notes",
    color: { light: "#475569", dark: "#94a3b8" },
    schema: plainNote,
    relations: [],
    infobox: [],
    columns: [{ label: "Folder", field: "folder", show: "folder" }],
    plain: true,
  },
] as const satisfies readonly TypeEntry[];

export type NoteType = (typeof ENTRIES)[number]["type"];
export const TYPES: readonly (TypeEntry & { type: NoteType })[] = ENTRIES;
export const NOTE_TYPES: readonly NoteType[] = ENTRIES.map((e) => e.type);
export const TYPE_BY_NAME: ReadonlyMap<string, TypeEntry & { type: NoteType }> = new Map(TYPES.map((e) => [e.type, e]));
/** The types a typed vault's notes declare (`type: model` …): every type but the plain note. */
export const SCHEMA_TYPES: readonly NoteType[] = TYPES.filter((e) => !("plain" in e && e.plain)).map((e) => e.type);
/** The plain note's type: every note of an Obsidian vault. */
export const PLAIN_TYPE = "note" satisfies NoteType;

/** The types a vault's notes may have: the schema types in a typed vault, the plain note in an Obsidian one. */
export function typesOf(mode: "typed" | "obsidian"): readonly (TypeEntry & { type: NoteType })[] {
  return TYPES.filter((e) => ("plain" in e && !!e.plain) === (mode === "obsidian"));
}

export function typeEntry(type: NoteType): TypeEntry & { type: NoteType } {
  return TYPE_BY_NAME.get(type)!;
}

/** The relation field `field` of a type, if it is one. */
export function relationSpec(type: NoteType, field: string): RelationSpec | undefined {
  return TYPE_BY_NAME.get(type)?.relations.find((r) => r.field === field);
}

/** True for a type a typed note may declare (not the plain note's). */
export function isNoteType(v: unknown): v is NoteType {
  return typeof v === "string" && TYPE_BY_NAME.has(v) && v !== PLAIN_TYPE;
}

/** The types as the browser needs them (graph payloads): names, labels and colours, in registry order. */
export function typeInfo(): { types: string[]; info: { one: string; many: string; light: string; dark: string }[] } {
  return { types: TYPES.map((e) => e.type), info: TYPES.map((e) => ({ ...e.label, ...e.color })) };
}

/** CSS custom properties and classes for every type (`--type-model`, `.badge-model`, `.graph-dot-model`). */
export function typeCss(): string {
  const vars = (theme: "light" | "dark") => TYPES.map((e) => `--type-${e.type}:${e.color[theme]};`).join("");
  const classes = TYPES.map((e) => `.badge-${e.type},.graph-dot-${e.type}{background:var(--type-${e.type})}`).join("");
  // As the site's theme: the system's, unless the reader picked one (`data-theme` on <html>).
  return `:root{${vars("light")}}@media (prefers-color-scheme: dark){:root:not([data-theme=light]){${vars("dark")}}}:root[data-theme=dark]{${vars("dark")}}${classes}`;
}

/** Each type's schema with the transform to the one normalised shape. */
export const noteSchemas: Record<NoteType, z.ZodType<NoteFields>> = Object.fromEntries(
  TYPES.map((e) => {
    const relationFields = new Set(e.relations.map((r) => r.field));
    return [e.type, e.schema.transform((d) => normalizeNote(d as Record<string, unknown>, relationFields))];
  }),
) as unknown as Record<NoteType, z.ZodType<NoteFields>>;

/** The edge kind of a body wikilink and of a citation; every other kind is a relation field's. */
export const LINK_KIND = "links_to";
export const CITES_KIND = "cites";

/**
 * Relation kinds in a fixed order, so their codes in the graph payload stay stable between builds; a kind a new
 * relation field introduces must be added here (a test checks that every field's kind is listed).
 */
export const RELATION_KINDS: readonly { kind: string; label: string }[] = [
  { kind: LINK_KIND, label: "links to" },
  { kind: CITES_KIND, label: "cites" },
  { kind: "developer", label: "developer" },
  { kind: "affiliated_with", label: "affiliated with" },
  { kind: "parent", label: "parent" },
  { kind: "family", label: "family" },
  { kind: "derived_from", label: "derived from" },
  { kind: "author", label: "author" },
  { kind: "broader", label: "broader" },
  { kind: "related", label: "related" },
  { kind: "actor", label: "actor" },
];

/** Top-level addresses the site uses for its own pages: a note cannot take these slugs. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  ...TYPES.map((e) => e.folder),
  "tags", "graph", "search", "404", "pagefind", "exports", "index", "_astro", "openness", "timeline", "previews", "files",
]);

/** The date that places a note in time (see `TypeEntry.date`). */
export function noteDate(fields: NoteFields): string | undefined {
  const spec = TYPE_BY_NAME.get(fields.type)?.date;
  if (!spec) return undefined;
  const [field, part] = spec.split(":");
  if (part === "from") return fields.refs[field]?.map((r) => r.from).filter((d): d is string => !!d).sort()[0];
  return fields.values[field]?.[0]?.value;
}
