/**
 * A note type added as the README says a type is added: its schema plus one registry entry, and its relation kind
 * with its label (tests/fixtures/added-type/_type/benchmark.ts), given to the `atlas()` integration. `astro build`
 * of that vault must show the type everywhere a shipped type shows: its index page, each note's JSON-LD, llms.txt,
 * the timeline (dated and undated), the graph's legend, colours and relation filter, the CSV export; and
 * `npm run new`'s template for it must be a note that validates.
 */
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REGISTRY } from "../../src/lib/registry.ts";
import { scaffoldNote } from "../../src/lib/scaffold.ts";
import { VaultLoader } from "../../src/lib/vault.ts";
import type { GlobalPayload } from "../../src/lib/graph/payload.ts";
import { benchmark, evaluates } from "../fixtures/added-type/_type/benchmark.ts";
import { NODE, ROOT } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp.ts";

const VAULT = join(ROOT, "tests/fixtures/added-type");
const registry = REGISTRY.withTypes([benchmark], [evaluates]);

describe("a type added with its schema and one registry entry", () => {
  let dist: string;
  const file = (path: string) => readFileSync(join(dist, path), "utf8");
  beforeAll(() => {
    dist = join(tempDir("atlas-added-type-"), "dist");
    const r = spawnSync(NODE, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build", "--config", "tests/fixtures/added-type/_type/astro.config.mjs", "--outDir", dist], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`astro build failed:\n${r.stdout}\n${r.stderr}`);
  });

  it("is checked clean with the entry, and is an unknown type without it", async () => {
    const vault = await new VaultLoader(VAULT, { registry, cache: null, workers: 0 }).load();
    expect(vault.diagnostics.map((d) => `${d.file} ${d.rule} ${d.message}`)).toEqual([]);
    expect(vault.notes.filter((n) => n.type === "benchmark").map((n) => n.slug)).toEqual(["undated-bench", "widgetbench"]);
    const without = await new VaultLoader(VAULT, { cache: null, workers: 0 }).load();
    expect(without.diagnostics.filter((d) => d.rule === "unknown-type").map((d) => d.message)).toEqual(["unknown type `benchmark`", "unknown type `benchmark`"]);
  });

  it("has an index page with the entry's label and columns", () => {
    const index = file("benchmarks/index.html");
    expect(index).toMatch(/<h1[^>]*>Benchmarks/);
    expect(index).toMatch(/<th[^>]*>[^<]*Metric/);
    expect(index).toContain('href="/widgetbench/"');
    expect(index).toContain("exact match");
    // The home page and every page's header style the type with its colours.
    expect(file("index.html")).toContain("--type-benchmark:#0e7490");
    expect(file("index.html")).toContain("--type-benchmark:#67e8f9");
  });

  it("gives each note the JSON-LD its entry describes", () => {
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(file("widgetbench/index.html"))![1]);
    expect(ld).toEqual({
      "@context": "https://schema.org",
      "@type": "Dataset",
      name: "WidgetBench",
      description: "A fictional benchmark of reasoning problems.",
      url: "https://atlas.example/widgetbench/",
      datePublished: "2026-03-14",
      about: [{ "@type": "SoftwareSourceCode", name: "Widget 7B", url: "https://atlas.example/widget-7b/" }],
      measurementTechnique: "accuracy",
    });
  });

  it("lists the type in llms.txt under its label, after the sentence its entry gives", () => {
    const llms = file("llms.txt");
    expect(llms).toMatch(/^# Benchmarks wiki\n/);
    expect(llms).toContain(
      "## Benchmarks\n\nTest suites that models are scored on.\n\n" +
        "- [Undated Bench](https://atlas.example/undated-bench/): A fictional benchmark whose publication date no source gives.\n" +
        "- [WidgetBench](https://atlas.example/widgetbench/): A fictional benchmark of reasoning problems.\n",
    );
  });

  it("places the type's notes on the timeline by the entry's date, and lists its undated ones apart", () => {
    const timeline = file("timeline/index.html");
    expect(timeline).toMatch(/<li data-type="benchmark"[^>]*><time datetime="2026-03-14"[^>]*>14 March<\/time>[^]*?href="\/widgetbench\/"/);
    expect(timeline).toContain('<input type="checkbox" name="type" value="benchmark" checked> Benchmarks');
    const undated = /<section class="timeline-undated"[^]*?<\/section>/.exec(timeline)![0];
    expect(undated).toContain("Models, events and benchmarks whose sources give no date.");
    expect(undated).toContain('href="/undated-bench/"');
  });

  it("colours and labels the type in the graph, and labels its relation kind as the registry does", () => {
    const page = file("graph/index.html");
    expect(page).toMatch(/<span class="graph-dot graph-dot-benchmark"><\/span>Benchmarks <span class="count">2<\/span>/);
    expect(page).toContain('<option value="evaluates">Only benchmark of</option>');
    const name = readdirSync(join(dist, "graph")).find((f) => f.startsWith("landscape."))!;
    const payload: GlobalPayload = JSON.parse(file(`graph/${name}`));
    const code = payload.types.indexOf("benchmark");
    expect(payload.typeInfo[code]).toEqual({ one: "Benchmark", many: "Benchmarks", light: "#0e7490", dark: "#67e8f9" });
    expect(payload.type.filter((t) => t === code)).toHaveLength(2);
    expect(payload.kindLabels[payload.kinds.indexOf("evaluates")]).toBe("benchmark of");
    expect(payload.kindLabels[payload.kinds.indexOf("links_to")]).toBe("body links");
  });

  it("exports the type's notes as CSV", () => {
    expect(file("exports/notes-benchmark.csv").split("\r\n")).toEqual([
      "slug,title,date,aliases,tags,summary,links_out,links_in,degree,url",
      "undated-bench,Undated Bench,,,,A fictional benchmark whose publication date no source gives.,1,2,2,/undated-bench/",
      "widgetbench,WidgetBench,2026-03-14,,,A fictional benchmark of reasoning problems.,2,2,2,/widgetbench/",
      "",
    ]);
  });

  it("scaffolds a new note of the type that passes its schema", async () => {
    const text = scaffoldNote("benchmark", { title: "Brand New Bench", sources: ["doe-2026-benchmarks"], today: "2026-04-01", registry });
    expect(text).toContain("type: benchmark\n");
    expect(text).toContain("# metric: accuracy\n");
    expect(text).toContain("# evaluates: [{ref: some-model, source: source-slug}]\n");
    const copy = tempDir("atlas-added-type-vault-");
    cpSync(VAULT, copy, { recursive: true });
    writeFileSync(join(copy, "benchmarks/brand-new-bench.md"), text);
    const vault = await new VaultLoader(copy, { registry, cache: null, workers: 0 }).load();
    // Only the template's stand-in text is left to replace, and nothing links to the new note yet.
    expect(vault.diagnostics.filter((d) => d.file.endsWith("brand-new-bench.md")).map((d) => d.rule).sort()).toEqual(["orphan", "placeholder", "placeholder"]);
  });
});
