/**
 * The landscape's charts (src/lib/views/landscape.ts, src/lib/charts/): each chart's data is what a small vault's
 * notes say, with what it leaves out said in its description; the specs are what the charts claim (log scales, links
 * on marks); the SVG stands alone (a <title> and <desc> named by aria-labelledby on a role="img" root, a viewBox, no
 * fixed size, links out of the tab order); each distinct chart is rendered once per site.
 */
import { describe, expect, it } from "vitest";
import { ChartRenderer, finishSvg, renderSvg } from "../../src/lib/charts/render.ts";
import { Site } from "../../src/lib/site.ts";
import { loadVault } from "../../src/lib/vault.ts";
import {
  accessByYear,
  countriesByYear,
  labModels,
  labModelsChart,
  labsRanking,
  landscapeCharts,
  openClosedGap,
  opennessByDimension,
  parametersOverTime,
  type ChartTable,
} from "../../src/lib/views/landscape.ts";
import { writeVault } from "../helpers/vault.ts";

const src = "src";
const lab = (title: string, country?: string) => `---\ntitle: ${title}\ntype: lab\nsummary: A lab.\nsources: [${src}]\n${country ? `country: { value: ${country}, source: ${src} }\n` : ""}---\n`;
const model = (title: string, fields: string) => `---\ntitle: ${title}\ntype: model\nsummary: A model.\nsources: [${src}]\n${fields}\n---\n`;

const FILES = {
  "sources/src.md": `---\ntitle: A report\ntype: source\nsummary: A report.\nkind: article\nurl: https://example.org/report\n---\n`,
  "labs/acme.md": lab("Acme", "France"),
  "labs/beta.md": lab("Beta", "United States"),
  "labs/gamma.md": lab("Gamma", "Germany"),
  "models/m1.md": model("M1", `developer: acme\nreleased: 2023-05\naccessibility: Open weights (unrestricted)\nparameters: 7000000000\ntraining_compute: 1e23\nopenness:\n  end_weights: { status: open, source: ${src} }\n  license: { status: open, source: ${src} }\n  paper: { status: closed, source: ${src} }`),
  "models/m2.md": model("M2", `developer: beta\nreleased: 2023\naccessibility: API access\nparameters: 175B\ntraining_compute: 3e24`),
  "models/m3.md": model("M3", `developer: [acme, beta]\nreleased: 2024-02-10\naccessibility: Open weights (non-commercial)\nparameters: 70000000000\ntraining_compute: 5e24\nopenness:\n  end_weights: { status: partial, source: ${src} }`),
  "models/m4.md": model("M4", `developer: gamma\nreleased: 2024-06\nparameters: 1B\ntraining_compute: 1e25`),
  "models/m5.md": model("M5", `developer: acme\naccessibility: Unreleased`),
  "models/m6.md": model("M6", `developer: beta\nreleased: 2024-01\naccessibility: Unreleased\ntraining_compute: 2e24`),
};

async function siteOf(files: Record<string, string> = FILES): Promise<Site> {
  const vault = await loadVault(writeVault(files), { cache: null });
  expect(vault.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return new Site(vault);
}

/** A table as plain text, row by row. */
const text = (t: ChartTable) => t.rows.map((r) => r.map((c) => c.text));
const col = (t: ChartTable, name: string) => t.columns.indexOf(name);

describe("the landscape's data", () => {
  it("counts models per year by Access, and says how many it leaves out", async () => {
    const site = await siteOf();
    const c = accessByYear(site);
    const t = c.table;
    expect(t.columns).toEqual(["Year", "Open weights (unrestricted)", "Open weights (non-commercial)", "Open weights (restricted use)", "API access", "Hosted access (no API)", "Unreleased", "Total"]);
    expect(text(t)).toEqual([
      ["2023", "1", "0", "0", "1", "0", "0", "2"],
      ["2024", "0", "1", "0", "0", "0", "1", "2"],
    ]);
    // M4 has no Access value, M5 no date.
    expect(c.description).toContain("5 of 6 models have an Access value; 4 of them also have a release date");
    expect(c.description).toContain("The other 2 are not counted");
    expect(c.notes.map((n) => n.slug).sort()).toEqual(["m1", "m2", "m3", "m6"]);
    // The stacked bars hold the same counts as the table.
    const values = (c.spec as { data: { values: { band: string; category: string; count: number }[] } }).data.values;
    expect(values.map((v) => [v.band, v.category, v.count])).toEqual([
      ["2023", "Open weights (unrestricted)", 1],
      ["2023", "API access", 1],
      ["2024", "Open weights (non-commercial)", 1],
      ["2024", "Unreleased", 1],
    ]);
  });

  it("folds a long history into one band before the last twenty years, and says so", async () => {
    const old = Object.fromEntries(Array.from({ length: 30 }, (_x, i) => [`models/old-${i}.md`, model(`Old ${i}`, `released: ${1990 + i}\naccessibility: Unreleased`)]));
    const c = accessByYear(await siteOf({ ...FILES, ...old }));
    expect(c.table.rows[0][0].text).toBe("Before 2005");
    expect(c.table.rows[0].at(-1)!.value).toBe(15); // 1990 … 2004
    expect(c.table.rows.map((r) => r[0].text).slice(1)).toEqual(Array.from({ length: 20 }, (_x, i) => String(2005 + i)));
    expect(c.description).toContain("The years before 2005 are counted together");
  });

  it("plots parameters over time on a log scale, each point linked to its model, a model without Access in grey", async () => {
    const site = await siteOf();
    const c = parametersOverTime(site);
    expect(text(c.table)).toEqual([
      ["M2", "2023", "175B", "API access"],
      ["M1", "2023-05", "7B", "Open weights (unrestricted)"],
      ["M3", "2024-02-10", "70B", "Open weights (non-commercial)"],
      ["M4", "2024-06", "1B", "—"],
    ]);
    expect(c.table.rows.map((r) => r[2].value)).toEqual([175e9, 7e9, 70e9, 1e9]);
    expect(c.table.rows[0][0].href).toBe("/m2/");
    const spec = c.spec as unknown as { encoding: { y: { scale: { type: string } }; href: { field: string }; color: { scale: { domain: string[] } } }; data: { values: { href: string; value: number }[] } };
    expect(spec.encoding.y.scale.type).toBe("log");
    expect(spec.encoding.href.field).toBe("href");
    expect(spec.encoding.color.scale.domain).toContain("No Access value");
    expect(spec.data.values.map((v) => v.href).sort()).toEqual(["/m1/", "/m2/", "/m3/", "/m4/"]);
    expect(c.description).toContain("4 of 6 models have both and are shown; 1 of them have no Access value");
  });

  it("finds, per year, the largest training compute with open weights and without, linked to the model holding it", async () => {
    const c = openClosedGap(await siteOf());
    expect(text(c.table)).toEqual([
      ["2023", "M1", "10²³ FLOP", "M2", "3 × 10²⁴ FLOP"],
      ["2024", "M3", "5 × 10²⁴ FLOP", "M6", "2 × 10²⁴ FLOP"],
    ]);
    const spec = c.spec as unknown as { encoding: { y: { scale: { type: string } } }; data: { values: { year: number; series: string; value: number; href: string }[] } };
    expect(spec.encoding.y.scale.type).toBe("log");
    expect(spec.data.values.map((v) => [v.year, v.series, v.value, v.href])).toEqual([
      [2023, "Open weights", 1e23, "/m1/"],
      [2023, "API, hosted or unreleased", 3e24, "/m2/"],
      [2024, "Open weights", 5e24, "/m3/"],
      [2024, "API, hosted or unreleased", 2e24, "/m6/"],
    ]);
    // M4 (the largest of all) has no Access value: in neither line.
    expect(c.notes.map((n) => n.slug)).not.toContain("m4");
    expect(c.description).toContain("a model with no Access value is counted in neither line");
  });

  it("counts models per year by their developers' country, a model in two countries in each", async () => {
    const c = countriesByYear(await siteOf());
    const t = c.table;
    expect(t.columns).toEqual(["Year", "United States", "France", "Germany", "Models"]);
    expect(text(t)).toEqual([
      ["2023", "1", "1", "0", "2"],
      ["2024", "2", "1", "1", "3"],
    ]);
    expect(c.description).toContain("counts in each (1 do)");
    expect(c.description).toContain("5 of the 5 dated models have a developer with a country");
  });

  it("puts countries past the sixth in Other, a model once there", async () => {
    const many = ["A", "B", "C", "D", "E", "F", "G", "H"];
    const files: Record<string, string> = { "sources/src.md": FILES["sources/src.md"] };
    many.forEach((c, i) => {
      files[`labs/l${c.toLowerCase()}.md`] = lab(`Lab ${c}`, `Country${c}`);
      for (let k = 0; k <= many.length - i; k++) files[`models/${c.toLowerCase()}${k}.md`] = model(`${c}${k}`, `developer: l${c.toLowerCase()}\nreleased: 2020`);
    });
    files["models/gh.md"] = model("GH", "developer: [lg, lh]\nreleased: 2020");
    const c = countriesByYear(await siteOf(files));
    expect(c.table.columns.slice(1, -1)).toEqual(["CountryA", "CountryB", "CountryC", "CountryD", "CountryE", "CountryF", "Other"]);
    // G: 3 models, H: 2, and GH in both: counted once in Other (6, not 7).
    expect(c.table.rows[0][col(c.table, "Other")].value).toBe(6);
    expect(c.description).toContain('"Other" is the other 2 (CountryG, CountryH)');
  });

  it("counts the index's openness classes per dimension among rated models, by the registry's labels", async () => {
    const c = opennessByDimension(await siteOf());
    const rows = new Map(c.table.rows.map((r) => [r[0].text, r.slice(1).map((x) => x.value)]));
    expect(c.table.rows).toHaveLength(12);
    expect(rows.get("End-model weights")).toEqual([1, 1, 0, 0]);
    expect(rows.get("Licence")).toEqual([1, 0, 0, 1]);
    expect(rows.get("Paper")).toEqual([0, 0, 1, 1]);
    expect(rows.get("Base-model data")).toEqual([0, 0, 0, 2]);
    expect([...rows.keys()]).not.toContain("end_weights");
    expect(c.table.rows.find((r) => r[0].text === "Licence")![0].href).toBe("/openness/#license");
    expect(c.description).toContain("2 of 6 models are rated on at least one of them");
  });

  it("ranks labs by open-weight releases, with the share of their rated dimensions open", async () => {
    const c = labsRanking(await siteOf());
    expect(text(c.table)).toEqual([
      ["Acme", "2", "2", "50% (2 of 4)"],
      ["Beta", "1", "1", "0% (0 of 1)"],
    ]);
    expect(c.table.rows[0][0].href).toBe("/acme/");
    const spec = c.spec as unknown as { data: { values: { label: string; count: number; sharePct: number | null; href: string }[] } };
    expect(spec.data.values.map((v) => [v.label, v.count, v.sharePct, v.href])).toEqual([
      ["Acme", 2, 50, "/acme/"],
      ["Beta", 1, 0, "/beta/"],
    ]);
  });

  it("gives a lab its models over time, and nothing to a lab with fewer than 2 dated models", async () => {
    const site = await siteOf();
    const acme = labModels(site, site.note("acme")!)!;
    expect(text(acme.table)).toEqual([
      ["M1", "2023-05", "Open weights (unrestricted)"],
      ["M3", "2024-02-10", "Open weights (non-commercial)"],
    ]);
    expect(acme.description).toContain("1 of its models have no release date");
    expect(labModels(site, site.note("gamma")!)).toBeUndefined();
    expect(await labModelsChart(site, site.note("gamma")!)).toBeUndefined();
    const chart = await labModelsChart(site, site.note("beta")!);
    expect(chart!.svg).toMatch(/<title id="chart-lab-models-beta-title">Beta(&#39;|')s models by year<\/title>/);
    expect(chart!.table.rows.map((r) => r[0].text)).toEqual(["M2", "M6", "M3"]); // by date
  });
});

describe("the charts as SVG", () => {
  it("has a <title> and <desc> named by aria-labelledby on a role=img root, a viewBox and no fixed size", async () => {
    const site = await siteOf();
    const charts = await landscapeCharts(site);
    expect(charts.map((c) => c.id)).toEqual(["access-by-year", "parameters", "open-closed-gap", "countries", "openness-dimensions", "labs"]);
    for (const c of charts) {
      const root = /^<svg\b[^>]*>/.exec(c.svg)![0];
      expect(root).toContain('role="img"');
      expect(root).toContain(`aria-labelledby="chart-${c.id}-title chart-${c.id}-desc"`);
      expect(root).toMatch(/viewBox="0 0 [\d.]+ [\d.]+"/);
      expect(root).not.toMatch(/\s(width|height)="/);
      expect(c.svg).toContain(`<title id="chart-${c.id}-title">`);
      expect(c.svg).toContain(`<desc id="chart-${c.id}-desc">`);
      expect(c.svg).not.toContain("<script");
      // Every address a mark links to is on the site (a note, a year of the timeline); a bar with none ("Before 2006") links nowhere.
      for (const [, href] of c.svg.matchAll(/xlink:href="([^"]*)"/g)) expect(href).toMatch(/^\/[a-z0-9/#_-]+$/);
    }
    // Marks link to their notes, out of the tab order (the table's rows carry the same links), with a tooltip.
    const params = charts.find((c) => c.id === "parameters")!.svg;
    expect(params).toMatch(/<a xlink:href="\/m1\/" tabindex="-1"><title>M1: 7B parameters, 2023-05, Open weights \(unrestricted\)<\/title>/);
    // The same site renders its charts once.
    expect(await landscapeCharts(site)).toBe(await landscapeCharts(site));
  });

  it("escapes the title and description, and drops the background Vega paints", async () => {
    const svg = await renderSvg(
      { data: { values: [{ a: "x", b: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } },
      { id: "t", title: 'A <b> & "c"', description: "</desc><script>" },
    );
    expect(svg).toContain('<title id="t-title">A &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(svg).toContain('<desc id="t-desc">&lt;/desc&gt;&lt;script&gt;</desc>');
    expect(svg).not.toMatch(/<rect [^>]*fill="white"/);
    expect(finishSvg('<svg width="10" height="5" viewBox="0 0 10 5"><rect width="10" height="5" fill="white"/></svg>', { id: "x", title: "T", description: "D" })).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="chart-svg" role="img" aria-labelledby="x-title x-desc" viewBox="0 0 10 5" style="max-width:10px"><title id="x-title">T</title><desc id="x-desc">D</desc></svg>',
    );
  });

  it("renders a spec once per renderer", async () => {
    const r = new ChartRenderer();
    const spec = { data: { values: [{ a: 1 }] }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } } as const;
    const a = r.render(spec, { id: "a", title: "A", description: "" });
    expect(r.render(spec, { id: "a", title: "A", description: "" })).toBe(a);
    expect(r.size).toBe(1);
  });
});

describe("where the landscape is", () => {
  it("is a typed wiki's page, in its header views; an Obsidian vault has none", async () => {
    const { routesFor } = await import("../../src/integration/routes.ts");
    const { FLAVOURS } = await import("../../src/lib/flavour.ts");
    const { siteUrls } = await import("../../src/lib/urls.ts");
    expect(routesFor("typed").map((r) => r.pattern)).toContain("/landscape");
    expect(routesFor("obsidian").map((r) => r.pattern)).not.toContain("/landscape");
    expect(FLAVOURS.typed.views(siteUrls("/atlas/"))).toContainEqual({ text: "Landscape", href: "/atlas/landscape/" });
    expect(FLAVOURS.obsidian.views(siteUrls())).toEqual([]);
  });
});
