/**
 * The importer's pure parts on the fixture of index-shaped records (tests/fixtures/osai-index) and the small vault
 * beside it (tests/fixtures/osai-vault): reading a record (facts and links, never the index's notes), planning the
 * notes (a lab matched through an alias, a base model that is another system, month-only dates, a missing parameter,
 * a system rated by another release than our note of its name), merging into hand-written notes without touching
 * them, reporting disagreements, idempotence, a newer snapshot and a system that leaves the index; licences as SPDX
 * identifiers and the index's question marks as flags; organisation notes that hold no list of their systems (a class
 * flipped in one record changes one note), and the lists earlier runs wrote taken out again.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DATASETS } from "../../src/lib/datasets.ts";
import { editNote, textHash, type NotePlan } from "../../src/lib/import/edit.ts";
import { IndexFileError, indexDate, indexFiles, indexLicence, parseIndexFile, questionMark, type IndexNotice, type IndexSystem } from "../../src/lib/import/osai.ts";
import { OSAI_ORGANISATIONS } from "../../src/lib/import/osai-organisations.ts";
import { runImport, type ImportResult, type VaultNote } from "../../src/lib/import/plan.ts";
import { formatImportReport } from "../../src/lib/import/report.ts";
import { readVaultNotes, vaultNote } from "../../src/lib/import/vault-notes.ts";
import { yamlFlow, yamlScalar } from "../../src/lib/import/yaml-text.ts";
import { ROOT } from "../helpers/cli.ts";

const INDEX = join(ROOT, "tests/fixtures/osai-index");
const VAULT = join(ROOT, "tests/fixtures/osai-vault");
// Bound to the fixture vault's source note, as its atlas.yml would name it (`datasets: { osai: … }`).
const osai = { ...DATASETS[0], source: "liesenfeld-dingemanse-2024-open-source-ai-index" };
const SNAPSHOT = { commit: "0123456789abcdef0123456789abcdef01234567", date: "2026-06-12" };

function readSystems(dir = INDEX): { systems: IndexSystem[]; notices: IndexNotice[] } {
  const notices: IndexNotice[] = [];
  const systems = indexFiles(readdirSync(dir), osai).map((f) => parseIndexFile(f, readFileSync(join(dir, f), "utf8"), notices));
  return { systems, notices };
}

/** The vault after applying an import's writes. */
function applied(notes: readonly VaultNote[], result: ImportResult): VaultNote[] {
  const byPath = new Map(notes.map((n) => [n.path, n]));
  for (const [path, text] of result.writes) byPath.set(path, vaultNote(path, text, "osai"));
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

const run = (notes: readonly VaultNote[], systems: IndexSystem[], snapshot = SNAPSHOT, notices: IndexNotice[] = []) =>
  runImport({ dataset: osai, systems, notes, snapshot, readings: OSAI_ORGANISATIONS, notices });

const frontmatter = (text: string) => parse(text.split("\n---\n")[0].slice(4)) as Record<string, unknown>;

describe("reading the index's records", () => {
  it("lists the records, not the parameter lists, the template or the README", () => {
    expect(indexFiles(readdirSync(INDEX), osai)).toEqual(["Gizmo.yaml", "Sprocket.yaml", "Widget.yaml"]);
  });

  it("reads facts, classes and links, at the precision given, and leaves the index's notes behind", () => {
    const { systems, notices } = readSystems();
    const gizmo = systems.find((s) => s.file === "Gizmo.yaml")!;
    expect(gizmo).toMatchObject({ name: "Gizmo", base: "Widget-7B", end: "Gizmo-7B-Chat", licence: "MIT License", released: "2025-02", organisation: "Gizmo Labs", modality: ["text", "code"], performance: "limited" });
    const widget = systems.find((s) => s.file === "Widget.yaml")!;
    expect(widget.released).toBe("2024-03");
    expect(widget.cells.training_code).toEqual({ status: "open", links: ["https://example.org/widget/code", "https://example.org/widget/code2"] });
    expect(widget.cells.paper).toEqual({ status: "closed", links: [] });
    // A missing parameter and one without a class are left unrated, and said so.
    expect(gizmo.cells.datasheet).toBeUndefined();
    expect(gizmo.cells.hardware).toBeUndefined();
    expect(notices.map((n) => `${n.file}: ${n.message}`)).toEqual([
      'Gizmo.yaml: `hardware_architecture` has no class (the index\'s "not applicable"): left unrated',
      "Gizmo.yaml: has no `datasheet` parameter: left unrated",
    ]);
    expect(JSON.stringify(systems)).not.toContain("NOT-OUR-WORDS");
    // The index's question mark after the rated release's name is a flag, not part of the name.
    const sprocket = systems.find((s) => s.file === "Sprocket.yaml")!;
    expect(sprocket).toMatchObject({ end: "Sprocket-2-Large", uncertain: ["rates"], base: "Sprocket-2-Large-Base" });
    expect(gizmo.uncertain).toBeUndefined();
  });

  it("keeps the index's question marks as flags, on names and licences", () => {
    expect(questionMark("MiniMax-Text-01?")).toEqual({ text: "MiniMax-Text-01", uncertain: true });
    expect(questionMark("Command A ?")).toEqual({ text: "Command A", uncertain: true });
    expect(questionMark("Unknown (Apache-2.0?)")).toEqual({ text: "Apache-2.0", uncertain: true });
    expect(questionMark("Command A")).toEqual({ text: "Command A", uncertain: false });
    expect(indexLicence("Unknown (Apache-2.0?)")).toEqual({ value: "Apache-2.0", uncertain: true });
    expect(indexLicence("Apache 2.0")).toEqual({ value: "Apache-2.0", uncertain: false });
    expect(indexLicence("DeepSeek License Agreement")).toEqual({ value: "DeepSeek License Agreement", uncertain: false });
    const record = "system:\n    name: Command A\n    basemodelname: Command A?\n    endmodelname: Command A Reasoning\n    endmodellicense: Unknown (Apache-2.0?)\norg:\n    name: Cohere\n";
    const s = parseIndexFile("command-a.yaml", record, []);
    expect(s).toMatchObject({ base: "Command A", end: "Command A Reasoning", uncertain: ["base"], licence: "Unknown (Apache-2.0?)" });
    // A name that is only a question mark, or "Unknown?", is no name.
    expect(parseIndexFile("x.yaml", "system:\n    name: X\n    basemodelname: \"?\"\n    endmodelname: Unknown?\norg:\n    name: Y\n", [])).toMatchObject({ base: undefined, end: undefined });
    expect(parseIndexFile("x.yaml", "system:\n    name: X\n    basemodelname: \"?\"\n    endmodelname: Unknown?\norg:\n    name: Y\n", []).uncertain).toBeUndefined();
  });

  it("keeps a month a month: never a day the index does not give", () => {
    expect(indexDate("2024-10")).toBe("2024-10");
    expect(indexDate("2024 NOV")).toBe("2024-11");
    expect(indexDate("2024 September")).toBe("2024-09");
    expect(indexDate("2024")).toBe("2024");
    expect(indexDate("2024-10-03")).toBe("2024-10-03");
    expect(indexDate("sometime")).toBeUndefined();
  });

  it("refuses a file that is not valid YAML, naming the file and the line", () => {
    const bad = "system:\n    name: Broken\n  type: [text\n";
    expect(() => parseIndexFile("Broken.yaml", bad, [])).toThrow(IndexFileError);
    try {
      parseIndexFile("Broken.yaml", bad, []);
    } catch (err) {
      expect((err as IndexFileError).file).toBe("Broken.yaml");
      expect((err as IndexFileError).line).toBeGreaterThan(0);
      expect((err as Error).message).toMatch(/^Broken\.yaml:\d+: not valid YAML/);
    }
    expect(() => parseIndexFile("Empty.yaml", "system:\n    name:\norg:\n    name: X\n", [])).toThrow(/Empty\.yaml:1: the record has no `system.name`/);
  });
});

describe("writing YAML in the wiki's style", () => {
  it("gives back every string it writes, plain or quoted", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(parse(`x: ${yamlScalar(s)}`).x).toBe(s);
        expect(parse(`x: ${yamlScalar(s, true)}`).x).toBe(s);
        expect(parse(`x: ${yamlFlow({ value: s, list: [s, "b"] })}`).x).toEqual({ value: s, list: [s, "b"] });
      }),
      { numRuns: 500, seed: 15 },
    );
    expect(yamlFlow({ value: "2024-10", source: "a", imported: "osai" })).toBe("{ value: 2024-10, source: a, imported: osai }");
    expect(yamlFlow(["https://example.org/a#b", "x, y"])).toBe('["https://example.org/a#b", "x, y"]');
  });
});

describe("merging into a note", () => {
  const hand = "---\ntitle: Hand\ntype: model\nsummary: Written by hand.\nsources: [a]\nreleased: { value: 2024-01, source: a }\nopenness:\n  end_weights:\n    status: open\n    source: a\n---\nBody by hand.\n";
  const plan = (released: string, weights: string): NotePlan => ({
    dataset: "osai",
    sources: ["idx"],
    fields: [{ field: "released", items: [{ value: released, source: "idx", imported: "osai" }], agrees: (h, i) => (h as { value: string }).value === i.value, show: (v) => String((v as { value: string }).value) }],
    cells: [{ key: "end_weights", item: { status: weights, source: "idx", imported: "osai", evidence: "https://example.org/w" } }, { key: "paper", item: { status: "closed", source: "idx", imported: "osai", evidence: "https://example.org/p" } }],
    cellOrder: ["end_weights", "paper"],
    record: { from: "osai", file: "Hand.yaml" },
  });

  it("keeps hand-written values as written, adds the dataset's beside them, and reports where they differ", () => {
    const r = editNote(hand, plan("2024-03", "partial"), "models/hand.md");
    expect(r.disagreements).toEqual([
      { field: "released", hand: "2024-01", imported: "2024-03" },
      { field: "openness.end_weights", hand: "open", imported: "partial", cellKept: true },
    ]);
    expect(r.text).toContain("released:\n  - { value: 2024-01, source: a }\n  - { value: 2024-03, source: idx, imported: osai }\n");
    expect(r.text).toContain("  end_weights:\n    status: open\n    source: a\n  paper: { status: closed");
    // The dataset's differing class is kept too, in the record, with its evidence (the page shows it beside ours).
    expect(r.text).toContain("differs: { end_weights: { status: partial, evidence: [https://example.org/w] } }");
    expect(r.text).toContain("sources: [a, idx]");
    expect(r.text.endsWith("---\nBody by hand.\n")).toBe(true);
    // Run again on its own output: nothing changes.
    expect(editNote(r.text, plan("2024-03", "partial"), "models/hand.md").text).toBe(r.text);
  });

  it("adds nothing where the hand-written value already says what the dataset says", () => {
    const r = editNote(hand, plan("2024-01", "open"), "models/hand.md");
    expect(r.disagreements).toEqual([]);
    expect(r.text).not.toContain("differs");
    expect(r.text).toContain("released: { value: 2024-01, source: a }\n");
    expect(r.text).not.toContain("2024-03");
  });

  it("rewrites the text it wrote, but not once a person has edited it", () => {
    const made = { ...plan("2024-03", "partial"), create: { type: "model", title: "Made" }, text: { summary: "First summary.", body: "First body.\n" } };
    const first = editNote(undefined, made, "models/made.md").text;
    expect((frontmatter(first).record as { body: string }).body).toBe(textHash("First summary.\nFirst body.\n"));
    const again = { ...made, create: undefined, text: { summary: "Second summary.", body: "Second body.\n" } };
    expect(editNote(first, again, "models/made.md").text).toContain("Second body.");
    const edited = first.replace("First body.", "A person's own words.");
    const kept = editNote(edited, again, "models/made.md");
    expect(kept.text).toContain("A person's own words.");
    expect(kept.text).toContain("summary: First summary.");
    expect(kept.editedByHand).toBe("body");
  });
});

describe("an import run", () => {
  it("imports the fixture: alias-matched lab, base model, months, missing parameter, sibling, disagreement", async () => {
    const notes = await readVaultNotes(VAULT, "osai");
    const { systems, notices } = readSystems();
    const result = run(notes, systems, SNAPSHOT, notices);
    const r = result.report;
    const after = applied(notes, result);
    const fm = (slug: string) => frontmatter(after.find((n) => n.slug === slug)!.text);

    // Widget is our widget-7b (its end model's name is our note's title); Gizmo and Sprocket get notes.
    expect(r.models.matched).toEqual([{ slug: "widget-7b", file: "Widget.yaml" }]);
    expect(r.models.created.sort()).toEqual(["gizmo", "sprocket-2-large"]);
    // The index's "Acme Research" is our Acme AI, by its alias: no second Acme.
    expect(r.organisations.matched).toEqual([{ slug: "acme-ai", names: ["Acme Research"], handWritten: true }]);
    expect(r.organisations.created).toEqual([{ slug: "gizmo-labs", type: "lab", names: ["Gizmo Labs"] }]);
    expect(after.filter((n) => n.type === "lab").map((n) => n.slug).sort()).toEqual(["acme-ai", "gizmo-labs"]);
    // Gizmo's base model, Widget-7B, is another system's release: a relation.
    expect(fm("gizmo").base_model).toEqual({ ref: "widget-7b", source: osai.source, imported: "osai" });
    // Month-only dates stay months.
    expect(fm("gizmo").released).toEqual({ value: "2025-02", source: osai.source, imported: "osai" });
    // The missing parameter and the one without a class are not rated.
    expect(Object.keys(fm("gizmo").openness as object)).not.toContain("datasheet");
    expect(Object.keys(fm("gizmo").openness as object)).not.toContain("hardware");
    expect(r.notices).toHaveLength(2);
    // Sprocket is rated by Sprocket-2-Large, not by our Sprocket: a note of its own, filed under ours, ours untouched.
    expect(r.models.siblings).toEqual([{ slug: "sprocket-2-large", family: "sprocket" }]);
    expect(fm("sprocket-2-large").family).toMatchObject({ ref: "sprocket", imported: "osai" });
    expect(result.writes.has("models/sprocket.md")).toBe(false);
    // The hand-written release month differs from the index's: both kept, and reported.
    expect(r.disagreements).toContainEqual({ slug: "widget-7b", field: "released", hand: "2024-01", imported: "2024-03" });
    expect(fm("widget-7b").released).toEqual([
      { value: "2024-01", source: "doe-2026-acme-report" },
      { value: "2024-03", source: osai.source, imported: "osai" },
    ]);
    // Where they agree (developer, licence written "Apache-2.0" and "Apache 2.0"), nothing is added.
    expect(fm("widget-7b").developer).toEqual({ ref: "acme-ai", source: "doe-2026-acme-report" });
    expect(fm("widget-7b").license).toBe("Apache-2.0");
    // A licence is its SPDX identifier, the index's wording kept in the note; one without an identifier stays as written.
    expect(fm("gizmo").license).toEqual({ value: "MIT", source: osai.source, imported: "osai", note: 'the index writes "MIT License"' });
    expect(fm("sprocket-2-large").license).toEqual({ value: "Sprocket Community License", source: osai.source, imported: "osai" });
    // The question mark after the rated release's name: a flag in the record, never in a title or an alias.
    expect(fm("sprocket-2-large")).toMatchObject({ title: "Sprocket-2-Large", record: { rates: "Sprocket-2-Large", uncertain: ["rates"] } });
    for (const n of after) expect([n.title, ...n.aliases].filter((x) => x.includes("?")), n.slug).toEqual([]);
    // No body: the page shows the data (the question mark is the record's `uncertain`, shown as "with a question mark").
    expect(after.find((n) => n.slug === "sprocket-2-large")!.text).toMatch(/\n---\n$/);
    // An organisation's note lists none of its systems: its page does, from the graph.
    const lab = after.find((n) => n.slug === "gizmo-labs")!.text;
    expect(lab).not.toMatch(/\[\[gizmo|open,|closed/);
    expect(frontmatter(lab).summary).toBe("An organisation that the European Open Source AI Index credits with systems it rates.");
    expect(result.writes.get("labs/acme-ai.md")).not.toContain("## In the European Open Source AI Index");
    // What was written by hand is all still there: every field's value, the body's text.
    for (const slug of ["widget-7b", "acme-ai"]) {
      const before = notes.find((n) => n.slug === slug)!;
      const now = after.find((n) => n.slug === slug)!;
      const body = (t: string) => t.slice(t.indexOf("\n---\n") + 5);
      expect(body(now.text).startsWith(body(before.text)), slug).toBe(true);
      for (const [k, v] of Object.entries(before.data)) {
        const got = now.data[k];
        if (k === "sources") expect(got).toEqual([...(v as string[]), osai.source]);
        else if (k === "openness") for (const [cell, c] of Object.entries(v as object)) expect((got as Record<string, unknown>)[cell]).toEqual(c);
        else if (Array.isArray(got) && !Array.isArray(v)) expect(got, `${slug}.${k}`).toContainEqual(v);
        else expect(got, `${slug}.${k}`).toEqual(v);
      }
    }
    // The index's own words never reach a note.
    for (const text of result.writes.values()) expect(text).not.toContain("NOT-OUR-WORDS");
  });

  it("gives every imported cell its class and evidence, and every imported value its source and record", async () => {
    const notes = await readVaultNotes(VAULT, "osai");
    const result = run(notes, readSystems().systems);
    let cells = 0;
    for (const [path, text] of result.writes) {
      const data = frontmatter(text);
      for (const [key, cell] of Object.entries((data.openness ?? {}) as Record<string, Record<string, unknown>>)) {
        if (cell.imported !== "osai") continue;
        cells++;
        expect(cell.status, `${path} ${key}`).toMatch(/^(open|partial|closed)$/);
        expect(cell.evidence, `${path} ${key}`).toBeTruthy();
        expect(cell.source).toBe(osai.source);
      }
      if (path.startsWith("models/")) expect((data.record as { file: string }).file).toMatch(/\.yaml$/);
    }
    expect(cells).toBe(33); // 11 + 10 + 12: Widget's end_weights is ours, Gizmo has no datasheet or hardware class
  });

  it("changes nothing when run again on the same snapshot", async () => {
    const notes = await readVaultNotes(VAULT, "osai");
    const { systems } = readSystems();
    const once = applied(notes, run(notes, systems));
    const twice = run(once, systems);
    expect([...twice.writes.keys()]).toEqual([]);
    expect(twice.report.models.unchanged).toHaveLength(3);
  });

  it("on a newer snapshot changes only what changed, and marks a system that left as no longer listed", async () => {
    const notes = await readVaultNotes(VAULT, "osai");
    const { systems } = readSystems();
    const once = applied(notes, run(notes, systems));
    const newer = { commit: "fedcba9876543210fedcba9876543210fedcba98", date: "2026-07-01" };
    const changed = systems
      .filter((s) => s.file !== "Sprocket.yaml")
      .map((s) => (s.file === "Gizmo.yaml" ? { ...s, cells: { ...s.cells, paper: { status: "partial" as const, links: ["https://example.org/gizmo/paper"] } } } : s));
    const result = run(once, changed, newer);
    // Not Gizmo Labs': its note does not list its systems.
    expect([...result.writes.keys()].sort()).toEqual(["models/gizmo.md", "models/sprocket-2-large.md"]);
    const gizmo = frontmatter(result.writes.get("models/gizmo.md")!);
    expect((gizmo.record as { snapshot: string }).snapshot).toBe(newer.commit);
    // A cell that did not change keeps the link to the record as it was read.
    expect((gizmo.openness as Record<string, { evidence: string }>).training_code.evidence).toContain(SNAPSHOT.commit);
    expect((gizmo.openness as Record<string, { status: string }>).paper.status).toBe("partial");
    // Widget did not change: its record still names the first snapshot.
    expect(result.report.models.unchanged).toEqual(["widget-7b"]);
    // Sprocket left the index: its note stays, marked, with what the index said.
    expect(result.report.models.dropped).toEqual(["sprocket-2-large"]);
    const sprocket = result.writes.get("models/sprocket-2-large.md")!;
    expect(frontmatter(sprocket).record).toMatchObject({ file: "Sprocket.yaml", dropped: { snapshot: newer.commit, date: "2026-07-01" } });
    expect((frontmatter(sprocket).openness as Record<string, unknown>).license).toBeTruthy();
    expect(sprocket).toContain("no longer listed by the European Open Source AI Index");
    expect(frontmatter(sprocket).record).toMatchObject({ rates: "Sprocket-2-Large", uncertain: ["rates"] });
    // And a run after that is quiet again.
    expect([...run(applied(once, result), changed, newer).writes.keys()]).toEqual([]);
  });

  it("changes exactly one note when one class of one record flips", async () => {
    const notes = await readVaultNotes(VAULT, "osai");
    const { systems } = readSystems();
    const once = applied(notes, run(notes, systems));
    const flipped = systems.map((s) => (s.file === "Gizmo.yaml" ? { ...s, cells: { ...s.cells, end_weights: { ...s.cells.end_weights!, status: "closed" as const } } } : s));
    const result = run(once, flipped, { commit: "fedcba9876543210fedcba9876543210fedcba98", date: "2026-07-01" });
    expect([...result.writes.keys()]).toEqual(["models/gizmo.md"]);
    expect((frontmatter(result.writes.get("models/gizmo.md")!).openness as Record<string, { status: string }>).end_weights.status).toBe("closed");
    expect(result.report.organisations.updated).toEqual([]);
  });

  it("takes out the lists of systems earlier runs wrote into organisation notes, unless a person edited them", async () => {
    const notes = await readVaultNotes(VAULT, "osai");
    const { systems } = readSystems();
    const once = applied(notes, run(notes, systems));
    // As an earlier run left them: a section appended to our Acme AI, a list as Gizmo Labs' body, "?" in an alias.
    const section = "## In the European Open Source AI Index\n\nThe index credits Acme AI with one of the systems it rates:\n\n- [[widget-7b|Widget 7B]]: text; 11 open, 1 closed\n";
    const earlier = (slug: string, edit: (n: VaultNote) => string) => once.map((n) => (n.slug === slug ? vaultNote(n.path, edit(n), "osai") : n));
    const acme = once.find((n) => n.slug === "acme-ai")!;
    const withSection = acme.text.replace(/record: \{ from: osai, names: \[(.*?)\] \}/, `record: { from: osai, names: [$1], section: ${yamlScalar(textHash(section))} }`).replace(/\n*$/, `\n\n${section}`);
    expect(withSection).toContain(`section: ${yamlScalar(textHash(section))}`);
    const oldBody = "The index credits Gizmo Labs with two of the systems it rates:\n\n- [[gizmo|Gizmo]]: 6 open, 2 partial, 4 closed\n";
    const oldSummary = "An organisation that the European Open Source AI Index credits with two rated systems: Gizmo and Sprocket-2-Large.";
    const labBefore = (n: VaultNote) =>
      n.text.replace(/^summary: .*$/m, `summary: "${oldSummary}"`).replace(/body: "?[0-9a-f]+"?/, `body: ${yamlScalar(textHash(`${oldSummary}\n${oldBody}`))}`).replace(/\n---\n[\s\S]*$/, `\n---\n${oldBody}`);
    const sprocketBefore = (n: VaultNote) => n.text.replace(/^aliases: \[(.*)\]$/m, "aliases: [$1, Sprocket-2-Large?]");
    let vault = earlier("acme-ai", () => withSection);
    vault = vault.map((n) => (n.slug === "gizmo-labs" ? vaultNote(n.path, labBefore(n), "osai") : n.slug === "sprocket-2-large" ? vaultNote(n.path, sprocketBefore(n), "osai") : n));
    expect(vault.find((n) => n.slug === "sprocket-2-large")!.aliases).toContain("Sprocket-2-Large?");

    const result = run(vault, systems);
    expect([...result.writes.keys()].sort()).toEqual(["labs/acme-ai.md", "labs/gizmo-labs.md", "models/sprocket-2-large.md"]);
    // Our note as it was before any section was appended, byte for byte, and its record without the hash.
    expect(result.writes.get("labs/acme-ai.md")).toBe(acme.text);
    expect(result.report.organisations.sectionsRemoved).toEqual(["acme-ai"]);
    expect(formatImportReport(result.report, { written: 3 })).toContain("the section listing an organisation's systems, which the import no longer writes (its page lists them), removed from 1 note we wrote: acme-ai");
    // The body the importer wrote, rewritten (its hash matched): no list, no counts.
    expect(result.writes.get("labs/gizmo-labs.md")).toBe(once.find((n) => n.slug === "gizmo-labs")!.text);
    expect(result.writes.get("models/sprocket-2-large.md")).toBe(once.find((n) => n.slug === "sprocket-2-large")!.text);
    expect([...run(applied(vault, result), systems).writes.keys()]).toEqual([]);

    // A section a person has edited stays, as their text, reported once; the record drops its hash.
    const edited = earlier("acme-ai", () => withSection.replace("11 open", "eleven open"));
    const kept = run(edited, systems);
    const text = kept.writes.get("labs/acme-ai.md")!;
    expect(text).toContain("eleven open");
    expect(frontmatter(text).record).toEqual({ from: "osai", names: ["Acme Research"] });
    expect(kept.report.editedByHand).toEqual([{ slug: "acme-ai", what: "retired-section" }]);
    expect(formatImportReport(kept.report, { written: 1 })).toContain("acme-ai: its index section, which the import no longer writes, was edited by hand since the import wrote it: left as it is");
    expect(kept.report.organisations.sectionsRemoved).toEqual([]);
    const again = run(applied(edited, kept), systems);
    expect([...again.writes.keys()]).toEqual([]);
    expect(again.report.editedByHand).toEqual([]);
  });

  it("refuses to run without the dataset's source note, writing nothing", async () => {
    const notes = (await readVaultNotes(VAULT, "osai")).filter((n) => n.slug !== osai.source);
    expect(() => run(notes, readSystems().systems)).toThrow(/no source note `liesenfeld-dingemanse-2024-open-source-ai-index`/);
  });
});
