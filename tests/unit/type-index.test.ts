/**
 * A type's index as data (src/lib/pages/type-index.ts, src/lib/views/columns.ts): only the columns that hold
 * something, openness as one strip of the dimensions some note rates, one date or number per cell with a mark where
 * sources differ, a model's country from its developers, a lab's count of models.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OpennessLevel } from "../../src/lib/openness.ts";
import { typeIndexData } from "../../src/lib/pages/type-index.ts";
import { Site } from "../../src/lib/site.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { opennessLabel, opennessScore, pickDate, pickNumber, ratedDimensions, slugOf } from "../../src/lib/views/columns.ts";

const ROOT = join(import.meta.dirname, "../..");

describe("a cell's one value", () => {
  it("takes the most precise date when the sources agree, else the earliest and says they differ", () => {
    expect(pickDate([])).toEqual({ differs: false });
    expect(pickDate(["2025-01", "2025-01-20"])).toEqual({ value: "2025-01-20", differs: false });
    expect(pickDate(["2025", "2025-01", "2025-01"])).toEqual({ value: "2025-01", differs: false });
    expect(pickDate(["2024-09", "2024-06-17"])).toEqual({ value: "2024-06-17", differs: true });
  });

  it("takes the first number, and says when another source gives a different one", () => {
    expect(pickNumber(["7B", "7.2B"])).toEqual({ value: "7B", differs: true });
    expect(pickNumber(["7B", "7000000000"])).toEqual({ value: "7B", differs: false });
    expect(pickNumber(["120B"])).toEqual({ value: "120B", differs: false });
    expect(pickNumber([])).toEqual({ differs: false });
  });
});

describe("openness in a table", () => {
  it("counts only the rated dimensions, sorts by how many are open, and unrated last", () => {
    expect(opennessLabel(["open", "open", "closed", "unknown"])).toBe("2 of 3 rated open");
    expect(opennessLabel(["open", "partial", "closed"])).toBe("1 of 3 rated open, 1 partial");
    expect(opennessLabel(["unknown", "unknown"])).toBe("not rated");
    expect(opennessScore(["open", "unknown"])).toBe(1.01);
    expect(opennessScore(["open", "partial", "closed", "closed"])).toBe(1.5038); // 1.5 open, 37.5 % of those rated
    // Eleven of twelve open outranks one of one.
    expect(opennessScore([...Array(11).fill("open"), "closed"])).toBeGreaterThan(opennessScore(["open"]));
    expect(opennessScore(["unknown"])).toBe(-1);
  });

  it("keeps the dimensions some row rates", () => {
    const levels: OpennessLevel[] = Array.from({ length: 14 }, () => "unknown");
    const a = [...levels];
    a[3] = "open";
    expect(ratedDimensions([levels, a]).map((d) => d.short)).toEqual(["EW"]);
    expect(ratedDimensions([levels])).toEqual([]);
  });

  it("names columns in the address by their label", () => {
    expect(slugOf("Training compute")).toBe("training-compute");
    expect(slugOf("End-model weights")).toBe("end-model-weights");
  });
});

describe("the fixture's indexes", async () => {
  const site = new Site(await loadVault(join(ROOT, "tests/fixtures/vault"), { cache: null }));
  const models = typeIndexData(site, "model");
  const col = (label: string) => models.columns.findIndex((c) => c.label === label);
  const row = (title: string) => models.rows.find((r) => r.title === title)!;

  it("drops the columns no model fills, and the openness dimensions nobody rates", () => {
    expect(models.columns.map((c) => c.label)).toEqual(["Developer", "Country", "Released", "Parameters", "License", "Openness"]);
    const strip = models.columns[col("Openness")];
    expect(strip.dimensions!.map((d) => d.label)).not.toContain("Package");
    expect(strip.dimensions!.map((d) => d.label)).not.toContain("API");
  });

  it("shows one number where the sources differ, with every value for the mark, and sorts it as a number", () => {
    const cell = row("Widget 7B").cells[col("Parameters")];
    expect(cell.values.map((v) => v.text)).toEqual(["7B"]);
    expect(cell.differs).toBe("7B, 7.2B");
    expect(cell.sort).toBe(7e9);
    expect(models.columns[col("Parameters")].sortAs).toBe("number");
    expect(row("Gadget Model").cells[col("Parameters")]).toMatchObject({ values: [], sort: -1 });
  });

  it("gives a model its developer's country, filterable", () => {
    expect(row("Widget 7B").cells[col("Country")]).toMatchObject({ values: [{ text: "Nowhere" }], filter: ["Nowhere"] });
    expect(row("Gadget Model").cells[col("Country")].values).toEqual([]); // Beta Labs gives none
  });

  it("filters a date by its year, and the openness strip by each dimension's level", () => {
    expect(models.columns[col("Released")].filter).toBe("year");
    expect(row("Widget 7B").cells[col("Released")]).toMatchObject({ values: [{ text: "2026-01" }], filter: ["2026"] });
    expect(row("Widget 7B Instruct").cells[col("Openness")].strip).toEqual({ levels: ["unknown", "unknown", "unknown"], label: "not rated" });
    expect(row("Gadget Model").cells[col("Openness")].strip).toEqual({ levels: ["unknown", "closed", "partial"], label: "0 of 2 rated open, 1 partial" });
  });

  it("counts a lab's models", () => {
    const labs = typeIndexData(site, "lab");
    expect(labs.columns.map((c) => c.label)).toEqual(["Country", "Kind", "Parent", "Models"]);
    const models = labs.columns.findIndex((c) => c.label === "Models");
    expect(labs.rows.map((r) => [r.title, r.cells[models].values.map((v) => v.text)])).toEqual([
      ["Acme AI", ["2"]],
      ["Beta Labs", ["1"]],
    ]);
    expect(labs.columns[models].sortAs).toBe("number");
  });
});
