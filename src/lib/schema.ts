/**
 * Frontmatter schemas, one zod schema per note type, and the one shape every note is normalised into.
 *
 * The schemas say what a writer may type (several forms per field: `developer: nvidia`, a list, or
 * `{ ref, source, note }`); each type's schema ends in a transform to `NoteFields`, where every value carries its own
 * sources and the frontmatter path it came from. Nothing downstream reads the raw forms. The types themselves (label,
 * folder, colour, relations, infobox) are listed in registry.ts: a new type is its schema here plus one entry there.
 */
import { z } from "astro/zod";
import { DATASET_IDS } from "./datasets.ts";
import { LEGACY_OPENNESS_KEYS, OPENNESS_KEYS, OPENNESS_LEVELS, type OpennessKey, type OpennessLevel } from "./openness.ts";

/** A path into the frontmatter, e.g. `["developer", 0, "ref"]`, for `file:line:col` messages. */
export type FieldPath = (string | number)[];

/** A cited source as written on a value: its slug (or title or alias) and where it was written. */
export interface SourceRef {
  ref: string;
  path: FieldPath;
}

/** A scalar value (a date, a count, a licence name …) with the sources backing it. */
export interface Sourced {
  value: string;
  sources: SourceRef[];
  note?: string;
  /** Written by `npm run import` from this dataset (datasets.ts); absent for a hand-written value. */
  imported?: string;
  /** The dataset gives the value with a question mark ("Apache-2.0?"): kept as this flag, not in the value. */
  uncertain?: boolean;
  path: FieldPath;
}

/** A reference to another note in a relation field, with its sources and qualifiers (role, derivation, span). */
export interface RefValue {
  ref: string;
  sources: SourceRef[];
  note?: string;
  /** Affiliation `role`, derivation `how`. */
  qualifier?: string;
  from?: string;
  to?: string;
  /** Written by `npm run import` from this dataset; absent for a hand-written relation. */
  imported?: string;
  path: FieldPath;
}

/** One cell of a model's openness matrix (see openness.ts), with its evidence: source notes and/or web addresses. */
export interface OpennessCell {
  status: OpennessLevel;
  sources: SourceRef[];
  /** Evidence links (`https://…`) that are not source notes: a model card, a repository, a licence file. */
  evidence: string[];
  note?: string;
  /** Written by `npm run import` from this dataset; absent for a hand-written cell. */
  imported?: string;
  path: FieldPath;
}

/**
 * Where an imported note's data came from (`record:`, written and kept by `npm run import`): the dataset, the file
 * of it that is this note's record, the snapshot (commit and date) its imported values were last read from, the
 * release the dataset rates and the base model it names, the names it gives the subject; when the dataset no longer
 * lists it, since which snapshot; and a hash of the text the importer wrote (`body`: the summary and the whole body;
 * `section`: the section it appended to a hand-written note), so it rewrites only text nobody has edited since.
 */
export interface ImportRecord {
  from: string;
  file?: string;
  snapshot?: string;
  date?: string;
  rates?: string;
  base?: string;
  names?: string[];
  dropped?: { snapshot: string; date?: string };
  /**
   * The dataset's own class (and evidence) for each dimension where a hand-written cell says otherwise: the note's
   * cell stays ours, and the page shows this one beside it, as a value the sources disagree on.
   */
  differs?: Partial<Record<OpennessKey, { status: OpennessLevel; evidence?: string[] }>>;
  /** Which of `rates` and `base` the dataset gives with a question mark ("MiniMax-Text-01?"): a flag, not part of the name. */
  uncertain?: ("rates" | "base")[];
  /** The link the dataset gives for the record (its paper or announcement), a fact it holds. */
  link?: string;
  body?: string;
  section?: string;
}

/** Every note after validation, whatever its type and however its frontmatter was written. */
export interface NoteFields {
  type: string;
  title: string;
  aliases: string[];
  summary: string;
  tags: string[];
  /** The note-level `sources` list. */
  sources: SourceRef[];
  updated?: string;
  /** Scalar fields (`released`, `country`, `url` …), each as a list: sources may disagree. */
  values: Record<string, Sourced[]>;
  /** Relation fields (`developer`, `affiliations` …) by field name. */
  refs: Record<string, RefValue[]>;
  /** By dimension key (openness.ts); the first schema's keys are already mapped to theirs. */
  openness: Partial<Record<OpennessKey, OpennessCell>>;
  /** Names given as plain text where a note could be named (an author with no note of their own). */
  names: Record<string, string[]>;
  /** Set on notes `npm run import` wrote or updated: one record per dataset (`record:`, one or a list). */
  records: ImportRecord[];
}

/** A note's record from dataset `id`, if it has one. */
export const recordFrom = (fields: NoteFields, id: string): ImportRecord | undefined => fields.records.find((r) => r.from === id);

/** `2026`, `2026-03` or `2026-03-17`: sources often give only a year or a month. */
export const isoDate = z
  .preprocess(
    (v) => (typeof v === "number" && Number.isInteger(v) ? String(v) : v), // YAML reads `from: 2020` as a number
    z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
  )
  .describe("date");

/** A URL-valued field accepts http and https only; anything else (`javascript:`, `data:` …) is a checker error. */
export const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "expected a web address starting with https:// or http://" }).describe("web URL");

/** Marks a value, relation or openness cell as written by `npm run import` from a dataset of datasets.ts. */
const imported = z.enum(DATASET_IDS).describe("dataset id");

const commit = z.string().regex(/^[0-9a-f]{7,40}$/, "expected a git commit id (7 to 40 hex digits)");
const textHash = z.string().regex(/^[0-9a-f]{8,64}$/, "expected the hash the importer wrote");
/** `record:` (see `ImportRecord`): written by `npm run import`, never by hand. */
export const importRecord = z
  .strictObject({
    from: z.enum(DATASET_IDS),
    file: z.string().min(1).optional(),
    snapshot: commit.optional(),
    date: isoDate.optional(),
    rates: z.string().min(1).optional(),
    base: z.string().min(1).optional(),
    names: z.array(z.string().min(1)).optional(),
    dropped: z.strictObject({ snapshot: commit, date: isoDate.optional() }).optional(),
    differs: z
      .partialRecord(z.enum(OPENNESS_KEYS), z.strictObject({ status: z.enum(OPENNESS_LEVELS), evidence: z.array(webUrl).min(1).optional() }))
      .optional(),
    uncertain: z.array(z.enum(["rates", "base"])).min(1).optional(),
    link: webUrl.optional(),
    body: textHash.optional(),
    section: textHash.optional(),
  })
  .describe("import record");
/** A note's records: one, or one per dataset that holds the subject (a model in the index and in Epoch AI's data). */
export const importRecords = z
  .union([importRecord, z.array(importRecord).min(2)])
  .superRefine((v, ctx) => {
    if (!Array.isArray(v)) return;
    const seen = new Set<string>();
    v.forEach((r, i) => {
      if (seen.has(r.from)) ctx.addIssue({ code: "custom", path: [i, "from"], message: `two records from \`${r.from}\`: a note has one record per dataset` });
      seen.add(r.from);
    });
  })
  .describe("import record(s)");

/** One or several slugs of source notes backing a single value. */
const sourceRefs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe("source slug(s)");

/**
 * A reference to another note: its slug (or title or alias), optionally with the source that backs the relation.
 * `nvidia` or `{ ref: nvidia, source: fridman-huang-2026-nvidia-ai-revolution }`.
 */
export const ref = z
  .union([z.string().min(1), z.strictObject({ ref: z.string().min(1), source: sourceRefs.optional(), note: z.string().optional(), imported: imported.optional() })])
  .describe("note reference");

/** One note reference or a list of them. */
export const refs = z.union([ref, z.array(ref)]).describe("note reference(s)");

/** A scalar value, optionally with its own source; a list when sources disagree (120B in one, 128B in another). */
export function claim<T extends z.ZodType>(value: T) {
  const sourced = z.strictObject({ value, source: sourceRefs.optional(), note: z.string().optional(), imported: imported.optional(), uncertain: z.literal(true).optional() });
  return z.union([value, sourced, z.array(z.union([value, sourced])).min(1)]).describe("value, optionally sourced");
}

const opennessItem = z.union([
  z.enum(OPENNESS_LEVELS),
  z.strictObject({
    status: z.enum(OPENNESS_LEVELS),
    source: sourceRefs.optional(),
    evidence: z.union([webUrl, z.array(webUrl).min(1)]).optional(),
    note: z.string().optional(),
    imported: imported.optional(),
  }),
]);
/** One optional cell per dimension of the registry, plus the first schema's keys (mapped when normalised). */
const openness = z
  .strictObject(Object.fromEntries([...OPENNESS_KEYS, ...Object.keys(LEGACY_OPENNESS_KEYS)].map((k) => [k, opennessItem.optional()])) as Record<string, z.ZodOptional<typeof opennessItem>>)
  .superRefine((cells, ctx) => {
    for (const [old, now] of Object.entries(LEGACY_OPENNESS_KEYS)) {
      if (cells[old] !== undefined && cells[now] !== undefined)
        ctx.addIssue({ code: "custom", path: [old], message: `\`${old}\` is the old name of \`${now}\`, which is also given: keep only \`${now}\`` });
    }
  })
  .describe("openness");

export const DERIVATION_KINDS = ["finetune", "distilled", "quantized", "merged", "pruned", "continued-pretraining", "successor", "other"] as const;
const derivation = z.union([
  z.string().min(1),
  z.strictObject({ ref: z.string().min(1), how: z.enum(DERIVATION_KINDS).optional(), source: sourceRefs.optional(), note: z.string().optional() }),
]);

/** The fields every type has: a new type's schema spreads them (`z.strictObject({ ...common, type: z.literal("x"), … })`). */
export const common = {
  title: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  summary: z.string().min(1).describe("one sentence"),
  tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "tags are lowercase-hyphenated")).default([]),
  sources: z.array(z.string().min(1)).default([]).describe("source slugs"),
  updated: isoDate.optional(),
};

export const person = z.strictObject({
  ...common,
  type: z.literal("person"),
  record: importRecords.optional(),
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

/**
 * What an organisation is. The first six make AI (labs, in the wiki's sense); the rest are organisations a source
 * names that do not (a publication, a service that runs others' models, a forum, a firm that researches markets).
 */
export const LAB_KINDS = ["company", "startup", "nonprofit", "academic", "government", "community", "publisher", "provider", "forum", "financial", "other"] as const;
export const lab = z.strictObject({
  ...common,
  type: z.literal("lab"),
  country: claim(z.string()).optional(),
  kind: z.enum(LAB_KINDS).optional(),
  /** Epoch AI's category of the organisation, in its terms (`Industry`, `Academia`, `Government`, `Research collective`). */
  sector: claim(z.string()).optional(),
  parent: ref.optional(),
  founded: claim(isoDate).optional(),
  website: webUrl.optional(),
  record: importRecords.optional(),
});

export const model = z.strictObject({
  ...common,
  type: z.literal("model"),
  developer: refs.optional(),
  family: ref.optional(),
  base_model: refs.optional(),
  /** The model this one was fine-tuned from (Epoch AI's "base model"). */
  fine_tuned_from: refs.optional(),
  derived_from: z.array(derivation).optional(),
  released: claim(isoDate).optional(),
  parameters: claim(z.union([z.string(), z.number()])).optional(),
  active_parameters: claim(z.union([z.string(), z.number()])).optional(),
  architecture: claim(z.string()).optional(),
  context_length: claim(z.union([z.string(), z.number()])).optional(),
  license: claim(z.string()).optional(),
  /** What the model takes in or puts out (`text`, `code`, `image`, `video`, `audio`), one value per kind. */
  modality: claim(z.string().regex(/^[a-z][a-z0-9 -]*$/, "a modality is a lowercase word: text, code, image, video, audio")).optional(),
  /** A dataset's class of the model's performance (the index's `full`, `latest`, `limited`). */
  performance_class: claim(z.string()).optional(),
  /** Training compute in FLOP (a number: 2.1e24). */
  training_compute: claim(z.union([z.number(), z.string()])).optional(),
  /** Training dataset size, in the dataset's datapoints (tokens for a language model). */
  dataset_size: claim(z.union([z.number(), z.string()])).optional(),
  /** Field of application (`Language`, `Vision`, `Biology`), in a dataset's own terms. */
  domain: claim(z.string()).optional(),
  /** What the model is for (`Chat`, `Code generation`), in a dataset's own terms. */
  task: claim(z.string()).optional(),
  /** How the model can be had (`Open weights (unrestricted)`, `API access`, `Unreleased`), in a dataset's own terms; beside the openness matrix, never part of it. */
  accessibility: claim(z.string()).optional(),
  /** How its training code can be had (`Open source`, `Unreleased`), in a dataset's own terms. */
  training_code_access: claim(z.string()).optional(),
  record: importRecords.optional(),
  openness: openness.optional(),
});

export const SOURCE_KINDS = [
  "podcast", "article", "paper", "filing", "forum-thread", "generated-story", "interview", "blog-post", "announcement",
  "video", "book", "dataset", "documentation", "wiki-page", "other",
] as const;
export const EVIDENCE_KINDS = ["primary", "secondary", "opinion", "generated", "tertiary"] as const;
const author = z.union([z.string().min(1), z.strictObject({ name: z.string().min(1) })]);
export const source = z.strictObject({
  ...common,
  type: z.literal("source"),
  kind: z.enum(SOURCE_KINDS),
  evidence: z.enum(EVIDENCE_KINDS).optional(),
  authors: z.array(author).optional(),
  published: isoDate.optional(),
  publisher: z.string().optional(),
  url: webUrl.optional(),
  arxiv: z
    .string()
    .regex(/^\d{4}\.\d{4,5}(v\d+)?$/, "expected an arXiv id such as 2601.12345")
    .optional(),
  cites: z.array(ref).optional(),
});

export const concept = z.strictObject({
  ...common,
  type: z.literal("concept"),
  broader: refs.optional(),
  related: z.array(ref).optional(),
});

export const event = z.strictObject({
  ...common,
  type: z.literal("event"),
  date: claim(isoDate).optional(),
  end_date: isoDate.optional(),
  actors: z.array(ref).optional(),
  location: z.string().optional(),
});

/**
 * A note in a vault read as Obsidian reads it: any frontmatter at all, or none. It is not validated against this
 * schema (plain-note.ts reads it as Obsidian does); the schema only says what the fields Atlas reads mean.
 */
export const plainNote = z.looseObject({
  title: z.string().optional().describe("the title; the file name when absent"),
  aliases: z.union([z.string(), z.array(z.string())]).optional(),
  tags: z.union([z.string(), z.array(z.string())]).optional(),
  description: z.string().optional().describe("one sentence, shown under the title"),
});

const COMMON_KEYS = new Set(["type", "title", "aliases", "summary", "tags", "sources", "updated", "record"]);

function sourcesOf(v: unknown, path: FieldPath): SourceRef[] {
  if (typeof v === "string") return [{ ref: v, path }];
  if (Array.isArray(v)) return v.flatMap((s, i) => (typeof s === "string" ? [{ ref: s, path: [...path, i] }] : []));
  return [];
}

const text = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * The one shape: `relationFields` are the keys that hold note references (from the type's registry entry); every
 * other key but the common ones and `openness` is a scalar value. Called by each type's schema transform.
 */
export function normalizeNote(data: Record<string, unknown>, relationFields: ReadonlySet<string>): NoteFields {
  const out: NoteFields = {
    type: data.type as string,
    title: data.title as string,
    aliases: data.aliases as string[],
    summary: data.summary as string,
    tags: data.tags as string[],
    sources: sourcesOf(data.sources, ["sources"]),
    updated: text(data.updated),
    values: {},
    refs: {},
    openness: {},
    names: {},
    records: data.record === undefined ? [] : Array.isArray(data.record) ? (data.record as ImportRecord[]) : [data.record as ImportRecord],
  };
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined || COMMON_KEYS.has(field)) continue;
    if (field === "openness") {
      for (const [key, cell] of Object.entries(value as Record<string, unknown>)) {
        if (cell === undefined) continue;
        const path = [field, key];
        const o = typeof cell === "string" ? { status: cell } : (cell as { status: string; source?: unknown; evidence?: unknown; note?: unknown; imported?: unknown });
        const evidence = o.evidence === undefined ? [] : Array.isArray(o.evidence) ? (o.evidence as string[]) : [o.evidence as string];
        out.openness[(LEGACY_OPENNESS_KEYS[key] ?? key) as OpennessKey] = { status: o.status as OpennessLevel, sources: sourcesOf(o.source, [...path, "source"]), evidence, note: text(o.note), imported: text(o.imported), path };
      }
    } else if (relationFields.has(field)) {
      const list = Array.isArray(value) ? value : [value];
      const refsOut: RefValue[] = [];
      list.forEach((item, i) => {
        const path: FieldPath = Array.isArray(value) ? [field, i] : [field];
        if (typeof item === "string") return refsOut.push({ ref: item, sources: [], path });
        const o = item as Record<string, unknown>;
        const target = text(o.ref) ?? text(o.lab);
        if (!target) {
          // e.g. an author given as `{ name }`: a name, not a note
          if (typeof o.name === "string") (out.names[field] ??= []).push(o.name);
          return;
        }
        refsOut.push({
          ref: target,
          sources: sourcesOf(o.source, [...path, "source"]),
          note: text(o.note),
          qualifier: text(o.how) ?? text(o.role),
          from: text(o.from),
          to: text(o.to),
          imported: text(o.imported),
          path: [...path, typeof o.ref === "string" ? "ref" : "lab"],
        });
      });
      out.refs[field] = refsOut;
    } else {
      const list = Array.isArray(value) ? value : [value];
      out.values[field] = list.map((item, i) => {
        const path: FieldPath = Array.isArray(value) ? [field, i] : [field];
        if (item !== null && typeof item === "object") {
          const o = item as { value: unknown; source?: unknown; note?: unknown; imported?: unknown; uncertain?: unknown };
          return { value: String(o.value), sources: sourcesOf(o.source, [...path, "source"]), note: text(o.note), imported: text(o.imported), ...(o.uncertain === true ? { uncertain: true } : {}), path: [...path, "value"] };
        }
        return { value: String(item), sources: [], path };
      });
    }
  }
  return out;
}
