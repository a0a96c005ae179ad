/**
 * The import of Epoch AI's Notable AI Models: reading its CSV (line breaks and commas inside cells, empty cells,
 * several organisations in one cell), the crosswalk (proposals on a name and an organisation, questions on
 * look-alikes, settled entries honoured), and the run (provenance on every value, one note per model across
 * datasets, idempotent, one changed value changing one note).
 */
import { describe, expect, it } from "vitest";
import { dataset } from "../../src/lib/datasets.ts";
import { looksAlike, organisationsAlike, readCrosswalk, writeCrosswalk, type Crosswalk } from "../../src/lib/import/crosswalk.ts";
import { EpochFileError, parseEpochCsv, type EpochNotice } from "../../src/lib/import/epoch.ts";
import { nameParts, runEpochImport, type EpochImportResult } from "../../src/lib/import/epoch-plan.ts";
import type { VaultNote } from "../../src/lib/import/plan.ts";
import { vaultNote } from "../../src/lib/import/vault-notes.ts";

const HEADER =
  "Model,Organization,Publication date,Domain,Task,Parameters,Parameters notes,Training compute (FLOP),Training compute notes,Training dataset,Training dataset size (gradients),Dataset size notes,Confidence,Link,Reference,Citations,Authors,Abstract,Organization categorization,Country (of organization),Notability criteria,Notability criteria notes,Epochs,Training time (hours),Training time notes,Training hardware,Hardware quantity,Hardware utilization (MFU),Training compute cost (2023 USD),Compute cost notes,Training power draw (W),Base model,Finetune compute (FLOP),Finetune compute notes,Batch size,Batch size notes,Model accessibility,Training code accessibility,Inference code accessibility,Accessibility notes,Numerical format,Frontier model,Hardware acquisition cost,Hardware utilization (HFU),Training compute cost (cloud),Training compute cost (upfront)";
const COLUMNS = HEADER.split(",");

type Row = Partial<Record<string, string>>;
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: Row[]) => [HEADER, ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c] ?? "")).join(","))].join("\n") + "\n";

const ROWS: Row[] = [
  {
    Model: "DeepSeek-R1",
    Organization: "DeepSeek",
    "Publication date": "2025-01-20",
    Domain: "Language",
    Task: "Language modeling/generation,Mathematical reasoning",
    Parameters: "671000000000.0",
    "Parameters notes": "MoE with 671B total\nand 37B active",
    "Training compute (FLOP)": "4.02e+24",
    Confidence: "Likely",
    Abstract: "Sentences of other people, with, commas\nand line breaks.",
    "Country (of organization)": "China",
    "Organization categorization": "Industry",
    Link: "https://arxiv.org/abs/2501.12948",
    "Base model": "DeepSeek-V3",
    "Model accessibility": "Open weights (unrestricted)",
    "Training code accessibility": "Unreleased",
  },
  { Model: "DeepSeek-V3", Organization: "DeepSeek", "Publication date": "2024-12-26", Domain: "Language", Parameters: "671000000000", "Country (of organization)": "China" },
  { Model: "GLaM", Organization: "Google", "Publication date": "2021-12-13", Domain: "Language", Parameters: "1200000000000", "Country (of organization)": "United States of America", "Model accessibility": "Unreleased" },
  { Model: "Kimi K2.5", Organization: "Moonshot", "Publication date": "2026-01-20", Domain: "Language", "Country (of organization)": "China" },
  {
    Model: "AudioLDM",
    Organization: "University of Surrey,Imperial College London",
    "Publication date": "2023-01-29",
    Domain: "Audio",
    "Country (of organization)": "United Kingdom of Great Britain and Northern Ireland,United Kingdom of Great Britain and Northern Ireland",
  },
];

const note = (path: string, text: string) => vaultNote(path, text, "epoch");
const VAULT: VaultNote[] = [
  note("sources/epoch-ai.md", "---\ntitle: Notable AI Models\ntype: source\nkind: dataset\nsummary: Epoch AI's dataset.\n---\n"),
  note("sources/index.md", "---\ntitle: The index\ntype: source\nkind: dataset\nsummary: The index.\n---\n"),
  note("labs/deepseek.md", "---\ntitle: DeepSeek\ntype: lab\nsummary: A lab.\ncountry: { value: China, source: index }\n---\nHand-written text.\n"),
  note("labs/moonshot.md", "---\ntitle: Moonshot AI\ntype: lab\naliases: [Moonshot]\nsummary: A lab.\n---\n"),
  note("labs/zhipu.md", "---\ntitle: Zhipu AI\ntype: lab\nsummary: A lab.\n---\n"),
  note(
    "models/deepseek-r1.md",
    "---\ntitle: DeepSeek R1\ntype: model\naliases: [R1]\nsummary: Hand-written summary.\nsources: [index]\ndeveloper: { ref: deepseek, source: index, imported: osai }\nreleased: { value: 2025-01, source: index, imported: osai }\nrecord: { from: osai, file: deepseek-R1.yaml, snapshot: 5a388e8, names: [DeepSeek R1], rates: DeepSeek-R1 }\n---\nHand-written body.\n",
  ),
  note("models/kimi-k2.md", "---\ntitle: Kimi K2\ntype: model\nsummary: A model.\ndeveloper: moonshot\nreleased: 2025-07\n---\n"),
  note("models/glm.md", "---\ntitle: GLM\ntype: model\nsummary: A family.\ndeveloper: zhipu\n---\n"),
  note("models/audiolm.md", "---\ntitle: AudioLM\ntype: model\nsummary: A model.\n---\n"),
];

const EPOCH = dataset("epoch", { epoch: "epoch-ai" })!;
const SNAPSHOT = { commit: "6e8fd47aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", date: "2026-01-26" };

function run(notes: readonly VaultNote[], rows: Row[] = ROWS, crosswalkText = ""): EpochImportResult & { cw: Crosswalk; crosswalkText: string } {
  const cw = readCrosswalk(crosswalkText);
  expect(cw.problems).toEqual([]);
  const result = runEpochImport({ dataset: EPOCH, models: parseEpochCsv(csv(rows)), notes, snapshot: SNAPSHOT, crosswalk: cw, file: "data/notable-ai-models.csv" });
  const changed = [...result.crosswalk.values()].some((s) => s.models.size || s.organisations.size);
  return { ...result, cw, crosswalkText: changed ? writeCrosswalk(readCrosswalk(crosswalkText), result.crosswalk, " header") : crosswalkText };
}

/** The vault after writing a run's files. */
function apply(notes: readonly VaultNote[], writes: Map<string, string>): VaultNote[] {
  const byPath = new Map(notes.map((n) => [n.path, n]));
  for (const [path, text] of writes) byPath.set(path, note(path, text));
  return [...byPath.values()];
}

describe("reading Epoch AI's CSV", () => {
  it("reads cells with line breaks and commas, empty cells, several organisations with their countries", () => {
    const notices: EpochNotice[] = [];
    const rows = parseEpochCsv(csv(ROWS), notices);
    expect(rows.map((r) => r.name)).toEqual(["DeepSeek-R1", "DeepSeek-V3", "GLaM", "Kimi K2.5", "AudioLDM"]);
    const r1 = rows[0];
    expect(r1).toMatchObject({ published: "2025-01-20", parameters: 671e9, parametersMoe: true, compute: 4.02e24, confidence: "Likely", accessibility: "Open weights (unrestricted)", trainingCode: "Unreleased", base: ["DeepSeek-V3"], link: "https://arxiv.org/abs/2501.12948" });
    expect(r1.task).toEqual(["Language modeling/generation", "Mathematical reasoning"]);
    expect(JSON.stringify(rows)).not.toMatch(/other people|commas/); // the abstract never leaves the reader
    expect(rows[1]).toMatchObject({ parametersMoe: false, accessibility: undefined, datasetSize: undefined, base: [] });
    expect(rows[4].organisations).toEqual([
      { name: "University of Surrey", country: "United Kingdom of Great Britain and Northern Ireland" },
      { name: "Imperial College London", country: "United Kingdom of Great Britain and Northern Ireland" },
    ]);
    // The first line of each row, counting the line breaks inside the rows before it (two in the first).
    expect(rows.map((r) => r.line)).toEqual([2, 5, 6, 7, 8]);
    expect(notices).toEqual([]);
  });

  it("says what it left out, by line, and refuses a file that is not the dataset", () => {
    const notices: EpochNotice[] = [];
    const rows = parseEpochCsv(csv([{ Model: "X", Parameters: "about 7B", "Publication date": "2024" }, { Model: "X" }, { Organization: "Nobody" }]), notices);
    expect(rows).toHaveLength(1);
    expect(notices.map((n) => `${n.line}: ${n.message}`)).toEqual([
      "2: publication date `2024` is not YYYY-MM-DD: left out",
      "2: the parameter count `about 7B` is not a number: left out",
      "3: a second row for `X` (the first is on line 2): left out",
      "4: a row with no model name: left out",
    ]);
    expect(() => parseEpochCsv("Model,Organization\nA,B\n")).toThrow(EpochFileError);
    expect(() => parseEpochCsv(`${HEADER}\n"unclosed`)).toThrow(/not a CSV file/);
  });
});

describe("the crosswalk", () => {
  it("tells look-alikes from the same name", () => {
    expect(looksAlike("Kimi K2", "Kimi K2.5")).toBe(true);
    expect(looksAlike("GLM", "GLaM")).toBe(true);
    expect(looksAlike("AudioLM", "AudioLDM")).toBe(true);
    expect(looksAlike("DeepSeek-R1", "DeepSeek R1")).toBe(false); // the same name
    expect(looksAlike("DeepSeek-V3", "DeepSeek-R1")).toBe(false); // other versions
    expect(looksAlike("Llama 2", "Llama 3")).toBe(false);
    expect(looksAlike("Gemma", "Llama")).toBe(false);
  });

  it("asks about organisations that may be one (a generic word more or less, or one name leading the other)", () => {
    expect(organisationsAlike("AI21", "AI21 Labs")).toBe(true);
    expect(organisationsAlike("Shanghai AI Lab", "Shanghai AI Laboratory")).toBe(true);
    expect(organisationsAlike("Cerebras Systems", "Cerebras")).toBe(true);
    expect(organisationsAlike("Jacobs University", "Jacobs University Bremen")).toBe(true);
    expect(organisationsAlike("Google", "Google Brain")).toBe(true); // a question; a person answers `new`
    expect(organisationsAlike("Stability AI", "StabilityAI")).toBe(false); // the same name: merged, not asked
    expect(organisationsAlike("Meta", "Metamind Inc")).toBe(false);
    expect(organisationsAlike("AI Lab", "AI Laboratory of X")).toBe(false); // generic words alone name nothing
    // A bracketed abbreviation or a slashed one is another name; a bracketed place is part of the name.
    expect(nameParts("Carnegie Mellon University (CMU)")).toEqual({ bare: "Carnegie Mellon University", short: "CMU" });
    expect(nameParts("Allen Institute for AI (Ai2)")).toEqual({ bare: "Allen Institute for AI", short: "Ai2" });
    expect(nameParts("Beijing Academy of Artificial Intelligence / BAAI")).toEqual({ bare: "Beijing Academy of Artificial Intelligence", short: "BAAI" });
    expect(nameParts("Northeastern University (China)")).toBeUndefined();
  });

  it("merges on a name and an organisation, asks on a look-alike of the same organisation, never merges look-alikes", () => {
    const r = run(VAULT);
    const models = r.crosswalk.get("epoch")!.models;
    expect(models.get("DeepSeek-R1")).toEqual({ note: "deepseek-r1" }); // the index's DeepSeek-R1: one note
    expect(models.get("Kimi K2.5")).toEqual({ ask: ["kimi-k2"] }); // same lab, look-alike name: a person decides
    expect(models.get("GLaM")).toEqual({ note: "glam" }); // GLM is Zhipu's: a note of its own
    expect(models.get("AudioLDM")).toEqual({ note: "audioldm" }); // AudioLM has no such organisation
    expect(r.report.questions).toEqual([{ section: "models", name: "Kimi K2.5", candidates: ["kimi-k2"], why: "a look-alike name (kimi-k2) of the same organisation" }]);
    expect(r.report.models.merged).toEqual([{ slug: "deepseek-r1", name: "DeepSeek-R1", why: "the same name and organisation" }]);
    expect([...r.writes.keys()].sort()).toEqual(["labs/deepseek.md", "labs/google.md", "labs/imperial-college-london.md", "labs/moonshot.md", "labs/university-of-surrey.md", "models/audioldm.md", "models/deepseek-r1.md", "models/deepseek-v3.md", "models/glam.md"]);
    expect(r.writes.has("models/kimi-k2-5.md")).toBe(false); // left to the crosswalk, not imported
    expect(r.crosswalkText).toMatch(/Kimi K2\.5: \{ ask: \[ kimi-k2 \] \}/);
  });

  it("honours what a person settled: a note, `new`, `skip`", () => {
    const first = run(VAULT);
    const settled = first.crosswalkText.replace(/Kimi K2\.5: .*/, "Kimi K2.5: new # not K2: a later release").replace(/GLaM: glam/, "GLaM: skip");
    const second = run(apply(VAULT, first.writes), ROWS, settled);
    expect(second.report.questions).toEqual([]);
    expect(second.writes.has("models/kimi-k2-5.md")).toBe(true);
    expect(second.report.models.skipped).toEqual(["GLaM"]);
    expect(second.crosswalkText).toMatch(/Kimi K2\.5: kimi-k2-5 # not K2: a later release/); // the person's comment kept
    expect(second.crosswalkText).toMatch(/GLaM: skip/);
    // A settled merge of a look-alike, by hand: honoured as written.
    const merged = run(apply(VAULT, first.writes), ROWS, first.crosswalkText.replace(/Kimi K2\.5: .*/, "Kimi K2.5: kimi-k2"));
    expect(merged.writes.has("models/kimi-k2.md")).toBe(true);
    expect(merged.report.models.merged).toEqual([{ slug: "kimi-k2", name: "Kimi K2.5", why: "the crosswalk" }]);
  });

  it("reports a bad entry at its line and column", () => {
    const cw = readCrosswalk("epoch:\n  models:\n    A: Not A Slug\n  people:\n    B: x\n");
    expect(cw.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      "3:8: `Not A Slug` is not a note's slug: write the slug of the note this record is (`deepseek-r1`), `new` or `skip`",
      "4:3: `people` is not a section of the crosswalk: use `models` or `organisations`",
    ]);
    expect(readCrosswalk("epoch: [\n").problems[0].message).toMatch(/^not valid YAML/);
  });
});

describe("an import run", () => {
  it("writes each value with its provenance, beside the index's, in one note with both records", () => {
    const r = run(VAULT);
    const text = r.writes.get("models/deepseek-r1.md")!;
    expect(text).toContain("Hand-written body.");
    expect(text).toContain("summary: Hand-written summary.");
    expect(text).toMatch(/^parameters: \{ value: 671000000000, source: epoch-ai, imported: epoch, note: "the total of a mixture of experts/m);
    expect(text).toMatch(/^training_compute: \{ value: 4\.02e\+24, source: epoch-ai, imported: epoch, note: "Epoch AI's confidence: likely" \}$/m);
    expect(text).toMatch(/^fine_tuned_from: \{ ref: deepseek-v3, source: epoch-ai, imported: epoch \}$/m);
    expect(text).toMatch(/^accessibility: \{ value: Open weights \(unrestricted\), source: epoch-ai, imported: epoch \}$/m);
    // Both dates, each with its source: the index's month and Epoch AI's day.
    expect(text).toMatch(/^released:\n {2}- \{ value: 2025-01, source: index, imported: osai \}\n {2}- \{ value: 2025-01-20, source: epoch-ai, imported: epoch \}$/m);
    // The developer both name is one relation (the index's), not two.
    expect(text).toMatch(/^developer: \{ ref: deepseek, source: index, imported: osai \}$/m);
    expect(text).toMatch(/^record:\n {2}- \{ from: osai, file: deepseek-R1\.yaml, snapshot: 5a388e8, names: \[DeepSeek R1\], rates: DeepSeek-R1 \}\n {2}- \{ from: epoch, file: data\/notable-ai-models\.csv, snapshot: 6e8fd47a+, date: 2026-01-26, names: \[DeepSeek-R1\], base: DeepSeek-V3, link: "?https:\/\/arxiv\.org\/abs\/2501\.12948"? \}$/m);
    expect(text).toMatch(/^sources: \[index, epoch-ai\]$/m);
    // A new note: our one sentence, no prose repeating the table.
    const glam = r.writes.get("models/glam.md")!;
    expect(glam).toMatch(/^summary: A language model by Google that Epoch AI's Notable AI Models dates to 13 December 2021\.$/m);
    expect(glam).toMatch(/---\n$/);
    // Organisations: countries as readers know them; the hand-written country agrees, so nothing is added.
    expect(r.writes.get("labs/google.md")).toMatch(/^country: \{ value: United States, source: epoch-ai, imported: epoch \}$/m);
    expect(r.writes.get("labs/deepseek.md")).not.toMatch(/^country: .*imported: epoch \}$/m);
    // Epoch AI's category of an organisation, in its own terms, as `sector` (the wiki's `kind` stays hand-written).
    expect(r.writes.get("labs/deepseek.md")).toMatch(/^sector: \{ value: Industry, source: epoch-ai, imported: epoch \}$/m);
    expect(r.writes.get("labs/deepseek.md")).toMatch(/^record: \{ from: epoch, names: \[DeepSeek\] \}$/m);
    expect(r.writes.get("labs/moonshot.md")).toMatch(/names: \[Moonshot\]/);
  });

  it("is idempotent, and one changed value changes one note", () => {
    const first = run(VAULT);
    const vault = apply(VAULT, first.writes);
    const again = run(vault, ROWS, first.crosswalkText);
    expect([...again.writes.keys()]).toEqual([]);
    expect(again.crosswalkText).toBe(first.crosswalkText);
    const changed = ROWS.map((row) => (row.Model === "GLaM" ? { ...row, Parameters: "1100000000000" } : row));
    const third = run(vault, changed, first.crosswalkText);
    expect([...third.writes.keys()]).toEqual(["models/glam.md"]);
    expect(third.writes.get("models/glam.md")).toMatch(/^parameters: \{ value: 1100000000000, /m);
  });

  it("keeps a row the snapshot no longer has, marked", () => {
    const first = run(VAULT);
    const later = run(apply(VAULT, first.writes), ROWS.filter((row) => row.Model !== "GLaM"), first.crosswalkText);
    expect(later.report.models.dropped).toEqual(["glam"]);
    expect(later.writes.get("models/glam.md")).toMatch(/dropped: \{ snapshot: 6e8fd47a+, date: 2026-01-26 \}/);
  });
});
