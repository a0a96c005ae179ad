/**
 * What a note type and a relation kind are (`TypeEntry`, `RelationKind`), and `Registry`: a set of them with
 * everything derived from it (schemas with their transform, lookups, the browser's type table, the CSS, reserved
 * addresses, the date that places a note in time). The wiki's own types are in registry.ts; a vault's loader, its
 * site and the pure functions that publish it read the registry they are given, so a build can add types
 * (`withTypes`) without editing the shipped list.
 */
import { z } from "astro/zod";
import { normalizeNote, type NoteFields } from "./schema.ts";

/** A frontmatter field that names other notes: checked like a link, drawn as a typed edge. */
export interface RelationSpec {
  field: string;
  /** The relation kind (see `Registry.kinds`): several fields may share one. */
  kind: string;
  /** The field's label in infoboxes and messages. */
  label: string;
  /** Types the target must have; any type when absent. */
  target?: readonly string[];
}

/** A kind of edge in the graph: a relation field's, a body link's or a citation's. */
export interface RelationKind {
  kind: string;
  /** What the graph's relation filter calls it ("Only derived from"). */
  label: string;
}

/**
 * One row of an infobox or column of an index table. `field` names a scalar value or a relation field; `show` picks
 * how a value is displayed when that is not plain text (`licence`: an SPDX identifier, or a spelling of one, by the
 * SPDX list's name, linking its page; any other licence as written; src/lib/licences.ts).
 */
export interface FieldView {
  label: string;
  field: string;
  show?: "link" | "arxiv" | "span" | "openness" | "cited-by" | "names" | "folder" | "record" | "count" | "flop" | "licence";
  /** In an index table, readers can filter by this column's values (`year`: by the year of a date). */
  filter?: true | "year";
}

/** What a note's JSON-LD is made from: its values, its relations' targets, and names given without notes. */
export interface JsonLdFacts {
  /** The first value of a scalar field. */
  value(field: string): string | undefined;
  /** The notes a relation kind points at, each as `{ "@type", name, url }`. */
  refs(kind: string): Record<string, unknown>[];
  /** Names a relation field gives as text, not notes (a source's `authors: [{ name }]`). */
  names(field: string): string[];
}

export interface TypeEntry {
  type: string;
  label: { one: string; many: string };
  /** One sentence on what a note of this type is about: llms.txt gives it under the type's heading. */
  about: string;
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
   * The timeline: `undated` lists the type's notes that have no date apart (else they are not in time); `filter`
   * makes the timeline filterable by notes of this type (each entry under the ones it is or names: labs).
   */
  timeline?: { undated?: true; filter?: true };
  /**
   * schema.org for the note's JSON-LD: its `@type` (or a function of its values, for a source that is a paper), and
   * the properties its fields give (empty ones are dropped). Without it, a note is a `Thing`.
   */
  jsonLd?: { type: string | ((note: JsonLdFacts) => string); props?: (note: JsonLdFacts) => Record<string, unknown> };
  /**
   * Notes of this type are what the others cite (`sources`, a value's `source`): a citation must name one, and they
   * need cite nothing themselves. The wiki's sources.
   */
  cited?: true;
  /**
   * A layer of the graph that the reader turns on, rather than part of its default picture: `reference` for notes
   * that document the others (the wiki's sources). Such notes, every edge touching one and every citation are left
   * out of the graph's default view, its layout and communities (they are placed beside the notes they connect to),
   * and of the most connected notes; the graph page shows them with "Show sources and citations". Without it, a
   * type's notes are in the default graph (an Obsidian vault's one type: every link shows).
   */
  layer?: "reference";
  /** Example values `npm run new`'s template offers for text fields, by field name (nested fields too); else "text". */
  examples?: Readonly<Record<string, string>>;
  /**
   * The type of every note in a vault read as Obsidian reads it (`notes: obsidian` in atlas.yml): no schema to follow,
   * its frontmatter shown as properties. Never a typed vault's type.
   */
  plain?: boolean;
}

/** The edge kind of a body wikilink and of a citation; every other kind is a relation field's. */
export const LINK_KIND = "links_to";
export const CITES_KIND = "cites";

/** Addresses the site's own pages take beside the type indexes: a note cannot have these slugs. */
const SITE_SLUGS = ["tags", "graph", "search", "404", "pagefind", "exports", "index", "_astro", "openness", "timeline", "previews", "files"];

/** Every object key a schema (or a value nested in it) allows below the top level, for "allowed keys" hints. */
function nestedKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  const walk = (s: unknown, depth: number) => {
    if (!s || typeof s !== "object") return;
    const o = s as { properties?: Record<string, unknown>; additionalProperties?: unknown; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[]; allOf?: unknown[] };
    if (o.properties) {
      for (const [k, v] of Object.entries(o.properties)) {
        if (depth > 0) keys.add(k);
        walk(v, depth + 1);
      }
    }
    for (const sub of [o.items, o.additionalProperties, ...(o.anyOf ?? []), ...(o.oneOf ?? []), ...(o.allOf ?? [])]) walk(sub, depth + 1);
  };
  walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), 0);
  return [...keys];
}

/** A set of note types and relation kinds, and what the pipeline derives from them. */
export class Registry {
  /** In order: the graph payload codes a type by its place here, so new types go after the existing ones. */
  readonly types: readonly TypeEntry[];
  /** In a fixed order, so their codes in the graph payload stay stable between builds. */
  readonly kinds: readonly RelationKind[];
  readonly #byName: ReadonlyMap<string, TypeEntry>;
  readonly #schemas = new Map<string, z.ZodType<NoteFields>>();
  #nested?: string[];
  /** Top-level addresses the site uses for its own pages (the type indexes among them): no note may take these. */
  readonly reservedSlugs: ReadonlySet<string>;

  constructor(types: readonly TypeEntry[], kinds: readonly RelationKind[]) {
    this.types = types;
    this.kinds = kinds;
    this.#byName = new Map(types.map((e) => [e.type, e]));
    if (this.#byName.size !== types.length) throw new Error("registry: two types have the same name");
    const kindNames = new Set(kinds.map((k) => k.kind));
    for (const e of types) {
      for (const r of e.relations) if (!kindNames.has(r.kind)) throw new Error(`registry: the ${e.type} field \`${r.field}\` has the kind \`${r.kind}\`, which is not a registered relation kind`);
    }
    this.reservedSlugs = new Set([...types.map((e) => e.folder), ...SITE_SLUGS]);
  }

  /** This registry plus `types` (after the existing ones) and the relation kinds they introduce. */
  withTypes(types: readonly TypeEntry[], kinds: readonly RelationKind[] = []): Registry {
    return new Registry([...this.types, ...types], [...this.kinds, ...kinds]);
  }

  /** Every type's name, in registry order. */
  get names(): string[] {
    return this.types.map((e) => e.type);
  }

  /** The types a typed vault's notes declare (`type: model` …): every type but the plain note. */
  get schemaTypes(): string[] {
    return this.types.filter((e) => !e.plain).map((e) => e.type);
  }

  /** The types a vault's notes may have: the schema types in a typed vault, the plain note in an Obsidian one. */
  typesOf(mode: "typed" | "obsidian"): readonly TypeEntry[] {
    return this.types.filter((e) => !!e.plain === (mode === "obsidian"));
  }

  entry(type: string): TypeEntry {
    const e = this.#byName.get(type);
    if (!e) throw new Error(`registry: no type \`${type}\``);
    return e;
  }

  has(type: string): boolean {
    return this.#byName.has(type);
  }

  /** True for a type whose notes the others cite (see `TypeEntry.cited`). */
  isCited(type: string): boolean {
    return !!this.#byName.get(type)?.cited;
  }

  /** True for a type a typed note may declare (not the plain note's). */
  isNoteType(v: unknown): v is string {
    return typeof v === "string" && !!this.#byName.get(v) && !this.#byName.get(v)!.plain;
  }

  /** The relation field `field` of a type, if it is one. */
  relationSpec(type: string, field: string): RelationSpec | undefined {
    return this.#byName.get(type)?.relations.find((r) => r.field === field);
  }

  /** A relation kind's label; an unregistered kind's name with spaces for underscores. */
  kindLabel(kind: string): string {
    return this.kinds.find((k) => k.kind === kind)?.label ?? kind.replace(/_/g, " ");
  }

  /** A type's schema with the transform to the one normalised shape. */
  schema(type: string): z.ZodType<NoteFields> {
    let s = this.#schemas.get(type);
    if (!s) {
      const e = this.entry(type);
      const relationFields = new Set(e.relations.map((r) => r.field));
      s = e.schema.transform((d) => normalizeNote(d as Record<string, unknown>, relationFields)) as unknown as z.ZodType<NoteFields>;
      this.#schemas.set(type, s);
    }
    return s;
  }

  /** The keys any type's schema allows inside a value (`ref`, `source`, `from` …), for a message's "allowed" hint. */
  get nestedKeys(): readonly string[] {
    return (this.#nested ??= [...new Set(this.types.flatMap((e) => nestedKeys(e.schema)))]);
  }

  /** The types as the browser needs them (graph payloads): names, labels and colours, in registry order. */
  typeInfo(): { types: string[]; info: { one: string; many: string; light: string; dark: string }[] } {
    return { types: this.names, info: this.types.map((e) => ({ ...e.label, ...e.color })) };
  }

  /** CSS custom properties and classes for every type (`--type-model`, `.badge-model`, `.graph-dot-model`). */
  typeCss(): string {
    const vars = (theme: "light" | "dark") => this.types.map((e) => `--type-${e.type}:${e.color[theme]};`).join("");
    const classes = this.types.map((e) => `.badge-${e.type},.graph-dot-${e.type}{background:var(--type-${e.type})}`).join("");
    // As the site's theme: the system's, unless the reader picked one (`data-theme` on <html>).
    return `:root{${vars("light")}}@media (prefers-color-scheme: dark){:root:not([data-theme=light]){${vars("dark")}}}:root[data-theme=dark]{${vars("dark")}}${classes}`;
  }

  /** The date that places a note in time (see `TypeEntry.date`). */
  noteDate(fields: NoteFields): string | undefined {
    const spec = this.#byName.get(fields.type)?.date;
    if (!spec) return undefined;
    const [field, part] = spec.split(":");
    if (part === "from") return fields.refs[field]?.map((r) => r.from).filter((d): d is string => !!d).sort()[0];
    return fields.values[field]?.[0]?.value;
  }
}
