/**
 * The openness registry and the schema built from it: the dimensions are the European Open Source AI Index's
 * parameters (plus our two), the first schema's keys are still read, evidence links must be web addresses.
 */
import { describe, expect, it } from "vitest";
import { LEGACY_OPENNESS_KEYS, OPENNESS_DIMENSIONS, OPENNESS_GROUPS } from "../../src/lib/openness.ts";
import { checkVault, note } from "../helpers/vault.ts";

const src = note({ title: "A source", type: "source", kind: "article", summary: "A source." }, "Linked from [[m]].\n");
const model = (openness: string) => note({ title: "M", type: "model", summary: "A model.", sources: "[a-source]", openness }, "Cites [[a-source]].\n");

describe("openness registry", () => {
  it("has every parameter of the index's `_parameters.yml`, in its groups, once", () => {
    // The index's parameters (main-database, `_parameters.yml`, 2026-06 snapshot) by group.
    const index = {
      availability: ["datasources_basemodel", "datasources_endmodel", "weights_basemodel", "weights_endmodel", "trainingcode"],
      documentation: ["code", "hardware_architecture", "preprint", "paper", "modelcard", "datasheet"],
      access: ["licenses"],
    };
    for (const [group, params] of Object.entries(index)) {
      expect(OPENNESS_DIMENSIONS.filter((d) => d.group === group && "index" in d).map((d) => ("index" in d ? d.index : ""))).toEqual(params);
    }
    const keys = OPENNESS_DIMENSIONS.map((d) => d.key);
    const shorts = OPENNESS_DIMENSIONS.map((d) => d.short);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(shorts).size).toBe(shorts.length);
    expect(OPENNESS_DIMENSIONS.every((d) => OPENNESS_GROUPS.some((g) => g.id === d.group))).toBe(true);
    for (const now of Object.values(LEGACY_OPENNESS_KEYS)) expect(keys).toContain(now);
  });
});

describe("openness in frontmatter", () => {
  it("reads the first schema's keys as their dimensions, and cells with sources, evidence links and notes", async () => {
    const { diagnostics, vault } = await checkVault({
      "sources/a-source.md": src,
      "models/m.md": model(
        '\n  weights: { status: open, source: a-source }\n  training_data: closed\n  model_card: { status: partial, evidence: ["https://example.org/card", "https://example.org/repo"], note: thin }',
      ),
    });
    expect(diagnostics).toEqual([]);
    const cells = vault.bySlug.get("m")!.fields.openness;
    expect(cells.end_weights).toMatchObject({ status: "open", sources: [{ ref: "a-source" }], evidence: [], path: ["openness", "weights"] });
    expect(cells.base_data).toMatchObject({ status: "closed", path: ["openness", "training_data"] });
    expect(cells.model_card).toMatchObject({ status: "partial", evidence: ["https://example.org/card", "https://example.org/repo"], note: "thin" });
    expect(Object.keys(cells).sort()).toEqual(["base_data", "end_weights", "model_card"]);
  });

  it("refuses an old key beside its new name, an evidence link that is not a web address, and an unknown dimension", async () => {
    const { diagnostics } = await checkVault({
      "sources/a-source.md": src,
      "models/m.md": model('\n  weights: open\n  end_weights: closed\n  paper: { status: open, evidence: "javascript:alert(1)" }\n  wieghts: open'),
    });
    const schema = diagnostics.filter((d) => d.rule === "schema").map((d) => [d.line, d.message]);
    expect(schema).toEqual(
      expect.arrayContaining([
        [7, expect.stringContaining("`weights` is the old name of `end_weights`, which is also given")],
        [9, expect.stringContaining("web address starting with https://")],
        [10, expect.stringContaining("`wieghts`")],
      ]),
    );
  });
});
