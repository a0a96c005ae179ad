/**
 * The wiki's registries: one entry per note type and one per relation kind. Everything that differs by type is said
 * here once: its label, folder, colours, schema, relation fields, infobox rows, index columns, the date that places it
 * on the timeline, its schema.org type and JSON-LD, its llms.txt line, its template's example values. The loader, the
 * checker, the site model, the graph, the exports, the CSS and the browser code all read it, through the `Registry`
 * they are given (type-registry.ts; `REGISTRY` is this one). Adding a type is its schema in schema.ts plus one entry
 * below; a relation kind is one entry in `RELATION_KINDS` with its label. tests/e2e/added-type.test.ts adds a type to
 * a build and checks every place it shows up.
 */
import { concept, event, lab, model, person, plainNote, source } from "./schema.ts";
import { CITES_KIND, LINK_KIND, Registry, type RelationKind, type TypeEntry } from "./type-registry.ts";

export { CITES_KIND, LINK_KIND, Registry };
export type { FieldView, JsonLdFacts, RelationKind, RelationSpec, TypeEntry } from "./type-registry.ts";

const ENTRIES = [
  {
    type: "person",
    label: { one: "Person", many: "People" },
    folder: "people",
    about: "Researchers, founders and others in the landscape, with their affiliations.",
    color: { light: "#7c3aed", dark: "#a78bfa" },
    schema: person,
    relations: [{ field: "affiliations", kind: "affiliated_with", label: "Affiliations", target: ["lab"] }],
    infobox: [{ label: "Affiliations", field: "affiliations", show: "span" }],
    columns: [{ label: "Affiliations", field: "affiliations" }],
    date: "affiliations:from",
    jsonLd: { type: "Person", props: (n) => ({ affiliation: n.refs("affiliated_with") }) },
    examples: { role: "Researcher" },
  },
  {
    type: "lab",
    label: { one: "Lab", many: "Labs" },
    folder: "labs",
    about: "Companies, institutes and communities that release models.",
    color: { light: "#0f766e", dark: "#2dd4bf" },
    schema: lab,
    relations: [{ field: "parent", kind: "parent", label: "Parent", target: ["lab"] }],
    infobox: [
      { label: "Country", field: "country" },
      { label: "Kind", field: "kind" },
      { label: "Sector", field: "sector" },
      { label: "Parent", field: "parent" },
      { label: "Founded", field: "founded" },
      { label: "Website", field: "website", show: "link" },
    ],
    columns: [
      { label: "Country", field: "country", filter: true },
      { label: "Kind", field: "kind", filter: true },
      { label: "Sector", field: "sector", filter: true },
      { label: "Parent", field: "parent" },
      { label: "Models", field: "^developer" },
    ],
    date: "founded",
    timeline: { filter: true },
    jsonLd: {
      type: "Organization",
      props: (n) => ({ foundingDate: n.value("founded"), parentOrganization: n.refs("parent")[0], sameAs: [n.value("website")] }),
    },
    examples: { country: "France" },
  },
  {
    type: "model",
    label: { one: "Model", many: "Models" },
    folder: "models",
    about: "Released models, with their developer, licence and openness on each dimension of the European Open Source AI Index.",
    color: { light: "#1d4ed8", dark: "#7aa2ff" },
    schema: model,
    relations: [
      { field: "developer", kind: "developer", label: "Developer", target: ["lab", "person"] },
      { field: "family", kind: "family", label: "Family", target: ["model"] },
      { field: "base_model", kind: "derived_from", label: "Base model", target: ["model"] },
      { field: "fine_tuned_from", kind: "fine_tuned_from", label: "Fine-tuned from", target: ["model"] },
      { field: "derived_from", kind: "derived_from", label: "Derived from", target: ["model"] },
    ],
    infobox: [
      { label: "Developer", field: "developer" },
      { label: "Family", field: "family" },
      { label: "Base model", field: "base_model" },
      { label: "Fine-tuned from", field: "fine_tuned_from" },
      { label: "Derived from", field: "derived_from" },
      { label: "Released", field: "released" },
      { label: "Parameters", field: "parameters", show: "count" },
      { label: "Active parameters", field: "active_parameters", show: "count" },
      { label: "Architecture", field: "architecture" },
      { label: "Context length", field: "context_length" },
      { label: "Training compute", field: "training_compute", show: "flop" },
      { label: "Training datapoints", field: "dataset_size", show: "count" },
      { label: "License", field: "license", show: "licence" },
      { label: "Modality", field: "modality" },
      { label: "Domain", field: "domain" },
      { label: "Task", field: "task" },
      { label: "Access", field: "accessibility" },
      { label: "Training code", field: "training_code_access" },
      { label: "Performance class", field: "performance_class" },
      { label: "Dataset records", field: "record", show: "record" },
      { label: "Openness", field: "openness", show: "openness" },
    ],
    columns: [
      { label: "Developer", field: "developer", filter: true },
      { label: "Country", field: "developer.country", filter: true },
      { label: "Released", field: "released", filter: "year" },
      { label: "Modality", field: "modality", filter: true },
      { label: "Parameters", field: "parameters", show: "count" },
      { label: "Training compute", field: "training_compute", show: "flop" },
      { label: "Access", field: "accessibility", filter: true },
      { label: "License", field: "license", show: "licence", filter: true },
      { label: "Openness", field: "openness", show: "openness" },
    ],
    date: "released",
    timeline: { undated: true },
    jsonLd: {
      type: "SoftwareSourceCode",
      props: (n) => ({ creator: n.refs("developer"), dateCreated: n.value("released"), license: n.value("license"), isBasedOn: n.refs("derived_from") }),
    },
    examples: { license: "Apache-2.0", architecture: "mixture of experts", parameters: "7B", active_parameters: "1B", context_length: "128K", performance_class: "full" },
  },
  {
    type: "source",
    label: { one: "Source", many: "Sources" },
    folder: "sources",
    about: "Papers, articles, podcasts and other sources the notes cite.",
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
    cited: true,
    layer: "reference",
    jsonLd: {
      type: (n) => (n.value("kind") === "paper" ? "ScholarlyArticle" : "CreativeWork"),
      props: (n) => ({
        datePublished: n.value("published"),
        publisher: n.value("publisher") && { "@type": "Organization", name: n.value("publisher") },
        author: [...n.refs("author"), ...n.names("authors").map((name) => ({ "@type": "Person", name }))],
        sameAs: [n.value("url")],
      }),
    },
    examples: { publisher: "Publisher Name" },
  },
  {
    type: "concept",
    label: { one: "Concept", many: "Concepts" },
    folder: "concepts",
    about: "Ideas and terms of the field, and how they relate.",
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
    jsonLd: { type: "DefinedTerm" },
  },
  {
    type: "event",
    label: { one: "Event", many: "Events" },
    folder: "events",
    about: "Releases, announcements and other dated happenings, with who took part.",
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
    timeline: { undated: true },
    jsonLd: { type: "Event", props: (n) => ({ startDate: n.value("date"), location: n.value("location"), organizer: n.refs("actor") }) },
    examples: { location: "City" },
  },
  {
    // Last, so the graph payload's codes for the types above stay what they were.
    type: "note",
    label: { one: "Note", many: "Notes" },
    folder: "notes",
    about: "The vault's notes.",
    color: { light: "#475569", dark: "#94a3b8" },
    schema: plainNote,
    relations: [],
    infobox: [],
    columns: [{ label: "Folder", field: "folder", show: "folder" }],
    jsonLd: { type: "Thing", props: (n) => ({ sameAs: [n.value("website"), n.value("url")] }) },
    plain: true,
  },
] as const satisfies readonly TypeEntry[];

/** The wiki's types' names. */
export type BuiltinType = (typeof ENTRIES)[number]["type"];
/** A note type: one of the wiki's, or one a build adds (`Registry.withTypes`). */
export type NoteType = BuiltinType | (string & {});

/** The plain note's type: every note of an Obsidian vault. */
export const PLAIN_TYPE = "note" satisfies BuiltinType;

/**
 * Relation kinds in a fixed order, so their codes in the graph payload stay stable between builds; a kind a new
 * relation field introduces is added here with its label (the registry refuses a field whose kind is not listed).
 */
export const RELATION_KINDS: readonly RelationKind[] = [
  { kind: LINK_KIND, label: "body links" },
  { kind: CITES_KIND, label: "cites" },
  { kind: "developer", label: "developer" },
  { kind: "affiliated_with", label: "affiliated with" },
  { kind: "parent", label: "parent" },
  { kind: "family", label: "family" },
  { kind: "derived_from", label: "derived from" },
  { kind: "fine_tuned_from", label: "fine-tuned from" },
  { kind: "author", label: "author" },
  { kind: "broader", label: "broader" },
  { kind: "related", label: "related" },
  { kind: "actor", label: "actor" },
];

/** The wiki's registry: its types and relation kinds. A build that adds types uses `REGISTRY.withTypes(...)`. */
export const REGISTRY: Registry = new Registry(ENTRIES, RELATION_KINDS);
