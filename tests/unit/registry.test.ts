/**
 * The registry's own guarantees: every relation field's kind is a registered kind with a label, type names are
 * unique, added types come after the shipped ones (so the graph payload's type codes stay what they were), and the
 * keys a message may suggest inside a value come from the schemas.
 */
import { z } from "astro/zod";
import { describe, expect, it } from "vitest";
import { common } from "../../src/lib/schema.ts";
import { REGISTRY, type TypeEntry } from "../../src/lib/registry.ts";

const extra = (over: Partial<TypeEntry> = {}): TypeEntry => ({
  type: "dataset",
  label: { one: "Dataset", many: "Datasets" },
  about: "Corpora models are trained on.",
  folder: "datasets",
  color: { light: "#000000", dark: "#ffffff" },
  schema: z.strictObject({ ...common, type: z.literal("dataset"), used_by: z.array(z.string()).optional() }),
  relations: [{ field: "used_by", kind: "used_by", label: "Used by" }],
  infobox: [],
  columns: [],
  ...over,
});

describe("the registry", () => {
  it("labels every relation kind the wiki's fields use", () => {
    for (const t of REGISTRY.types) for (const r of t.relations) expect(REGISTRY.kinds.map((k) => k.kind)).toContain(r.kind);
    expect(REGISTRY.kindLabel("derived_from")).toBe("derived from");
    expect(REGISTRY.kindLabel("links_to")).toBe("body links");
  });

  it("refuses a relation field whose kind is not registered, and takes it with the kind and its label", () => {
    expect(() => REGISTRY.withTypes([extra()])).toThrow("the dataset field `used_by` has the kind `used_by`, which is not a registered relation kind");
    const r = REGISTRY.withTypes([extra()], [{ kind: "used_by", label: "used by" }]);
    expect(r.kindLabel("used_by")).toBe("used by");
  });

  it("refuses two types of one name", () => {
    expect(() => REGISTRY.withTypes([extra({ type: "model", relations: [] })])).toThrow("two types have the same name");
  });

  it("puts added types after the shipped ones and reserves their folders", () => {
    const r = REGISTRY.withTypes([extra({ relations: [] })]);
    expect(r.names).toEqual([...REGISTRY.names, "dataset"]);
    expect(r.schemaTypes.at(-1)).toBe("dataset");
    expect(r.reservedSlugs.has("datasets")).toBe(true);
    expect(REGISTRY.reservedSlugs.has("datasets")).toBe(false);
    expect(r.typeCss()).toContain("--type-dataset:#000000");
  });

  it("finds the keys allowed inside values in the schemas", () => {
    // The hand-kept list these replace, and the openness dimensions (and their old names).
    for (const k of ["ref", "source", "note", "value", "status", "lab", "role", "from", "to", "how", "name", "weights", "training_data", "end_weights", "paper", "license"]) {
      expect(REGISTRY.nestedKeys).toContain(k);
    }
    // Top-level fields are not nested keys.
    expect(REGISTRY.nestedKeys).not.toContain("summary");
  });
});
