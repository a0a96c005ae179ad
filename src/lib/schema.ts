/**
 * Frontmatter schema of every note type, as zod schemas discriminated on `type`.
 *
 * The schema is the single source of truth for what a note may say: the checker validates with it, the README's
 * schema reference is generated from it (`scripts/schema-doc.ts`), and the relation fields it declares are the ones
 * the resolver checks like links and the graph turns into typed edges.
 */
import { z } from "astro/zod";

export const NOTE_TYPES = ["person", "lab", "model", "source", "concept", "event"] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

/** Folder under `content/` for each type. */
export const TYPE_FOLDERS: Record<NoteType, string> = {
  person: "people",
  lab: "labs",
  model: "models",
  source: "sources",
  concept: "concepts",
  event: "events",
};

/** Top-level paths the site uses for its own pages: a note cannot take these slugs. */
export const RESERVED_SLUGS = new Set([...Object.values(TYPE_FOLDERS), "tags", "graph", "search", "404", "pagefind", "exports", "index", "_astro"]);

/** `2026`, `2026-03` or `2026-03-17`: sources often give only a year or a month. */
export const isoDate = z
  .preprocess(
    (v) => (typeof v === "number" && Number.isInteger(v) ? String(v) : v), // YAML reads `from: 2020` as a number
    z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
  )
  .describe("date");

/** One or several slugs of source notes backing a single value. */
const sourceRefs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe("source slug(s)");

/**
 * A reference to another note: its slug (or title or alias), optionally with the source that backs the relation.
 * `nvidia` or `{ ref: nvidia, source: fridman-huang-2026-nvidia-ai-revolution }`.
 */
export const ref = z
  .union([
    z.string().min(1),
    z.strictObject({ ref: z.string().min(1), source: sourceRefs.optional(), note: z.string().optional() }),
  ])
  .describe("note reference");
export type Ref = z.infer<typeof ref>;

const refs = z.union([ref, z.array(ref)]).describe("note reference(s)");

/** A scalar value, optionally with its own source; a list when sources disagree (120B in one, 128B in another). */
function claim<T extends z.ZodType>(value: T) {
  const sourced = z.strictObject({ value, source: sourceRefs.optional(), note: z.string().optional() });
  return z.union([value, sourced, z.array(z.union([value, sourced])).min(1)]).describe("value, optionally sourced");
}

const OPENNESS_LEVELS = ["open", "partial", "closed", "unknown"] as const;
const opennessItem = z.union([
  z.enum(OPENNESS_LEVELS),
  z.strictObject({ status: z.enum(OPENNESS_LEVELS), source: sourceRefs.optional(), note: z.string().optional() }),
]);
export const OPENNESS_ASPECTS = ["weights", "training_data", "training_code", "paper", "license"] as const;
const openness = z
  .strictObject(Object.fromEntries(OPENNESS_ASPECTS.map((a) => [a, opennessItem.optional()])) as {
    [K in (typeof OPENNESS_ASPECTS)[number]]: z.ZodOptional<typeof opennessItem>;
  })
  .describe("openness");

export const DERIVATION_KINDS = [
  "finetune",
  "distilled",
  "quantized",
  "merged",
  "pruned",
  "continued-pretraining",
  "successor",
  "other",
] as const;
const derivation = z.union([
  z.string().min(1),
  z.strictObject({
    ref: z.string().min(1),
    how: z.enum(DERIVATION_KINDS).optional(),
    source: sourceRefs.optional(),
    note: z.string().optional(),
  }),
]);

const common = {
  title: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  summary: z.string().min(1).describe("one sentence"),
  tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "tags are lowercase-hyphenated")).default([]),
  sources: z.array(z.string().min(1)).default([]).describe("source slugs"),
  updated: isoDate.optional(),
};

const person = z.strictObject({
  ...common,
  type: z.literal("person"),
  affiliations: z
    .array(
      z.strictObject({
        lab: z.string().min(1).describe("lab note"),
        role: z.string().optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        source: sourceRefs.optional(),
      }),
    )
    .default([]),
});

export const LAB_KINDS = ["company", "startup", "nonprofit", "academic", "government", "community", "other"] as const;
const lab = z.strictObject({
  ...common,
  type: z.literal("lab"),
  country: claim(z.string()).optional(),
  kind: z.enum(LAB_KINDS).optional(),
  parent: ref.optional(),
  founded: claim(isoDate).optional(),
  website: z.url().optional(),
});

const model = z.strictObject({
  ...common,
  type: z.literal("model"),
  developer: refs.optional(),
  family: ref.optional(),
  base_model: refs.optional(),
  derived_from: z.array(derivation).optional(),
  released: claim(isoDate).optional(),
  parameters: claim(z.union([z.string(), z.number()])).optional(),
  active_parameters: claim(z.union([z.string(), z.number()])).optional(),
  architecture: claim(z.string()).optional(),
  context_length: claim(z.union([z.string(), z.number()])).optional(),
  license: claim(z.string()).optional(),
  openness: openness.optional(),
});

export const SOURCE_KINDS = [
  "podcast",
  "article",
  "paper",
  "filing",
  "forum-thread",
  "generated-story",
  "interview",
  "blog-post",
  "announcement",
  "video",
  "book",
  "dataset",
  "documentation",
  "wiki-page",
  "other",
] as const;
export const EVIDENCE_KINDS = ["primary", "secondary", "opinion", "generated", "tertiary"] as const;
const author = z.union([z.string().min(1), z.strictObject({ name: z.string().min(1) })]);
const source = z.strictObject({
  ...common,
  type: z.literal("source"),
  kind: z.enum(SOURCE_KINDS),
  evidence: z.enum(EVIDENCE_KINDS).optional(),
  authors: z.array(author).optional(),
  published: isoDate.optional(),
  publisher: z.string().optional(),
  url: z.url().optional(),
  arxiv: z
    .string()
    .regex(/^\d{4}\.\d{4,5}(v\d+)?$/, "expected an arXiv id such as 2601.12345")
    .optional(),
  cites: z.array(ref).optional(),
});

const concept = z.strictObject({
  ...common,
  type: z.literal("concept"),
  broader: refs.optional(),
  related: z.array(ref).optional(),
});

const event = z.strictObject({
  ...common,
  type: z.literal("event"),
  date: claim(isoDate).optional(),
  end_date: isoDate.optional(),
  actors: z.array(ref).optional(),
  location: z.string().optional(),
});

export const noteSchemas = { person, lab, model, source, concept, event } as const;
export const noteSchema = z.discriminatedUnion("type", [person, lab, model, source, concept, event]);
export type NoteData = z.infer<typeof noteSchema>;
export type NoteDataOf<T extends NoteType> = Extract<NoteData, { type: T }>;

/**
 * Relation fields per type: which frontmatter keys hold note references, the edge kind they become in the graph, and
 * the type their target should have (a mismatch is a checker error).
 */
export interface RelationSpec {
  field: string;
  kind: string;
  label: string;
  target?: readonly NoteType[];
}
export const RELATIONS: Record<NoteType, readonly RelationSpec[]> = {
  person: [{ field: "affiliations", kind: "affiliated_with", label: "Affiliations", target: ["lab"] }],
  lab: [{ field: "parent", kind: "parent", label: "Parent", target: ["lab"] }],
  model: [
    { field: "developer", kind: "developer", label: "Developer", target: ["lab", "person"] },
    { field: "family", kind: "family", label: "Family", target: ["model"] },
    { field: "base_model", kind: "derived_from", label: "Base model", target: ["model"] },
    { field: "derived_from", kind: "derived_from", label: "Derived from", target: ["model"] },
  ],
  source: [
    { field: "authors", kind: "author", label: "Authors", target: ["person", "lab"] },
    { field: "cites", kind: "cites", label: "Cites", target: ["source"] },
  ],
  concept: [
    { field: "broader", kind: "broader", label: "Broader", target: ["concept"] },
    { field: "related", kind: "related", label: "Related" },
  ],
  event: [{ field: "actors", kind: "actor", label: "Actors" }],
};
