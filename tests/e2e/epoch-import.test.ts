/**
 * `npm run import -- epoch <csv>` through the real command, on a copy of a fixture vault and a fixture table with
 * Epoch AI's columns: a dry run writes nothing; a run merges a row into the note of the same name and organisation,
 * makes new notes, asks about a look-alike in the crosswalk and imports nothing for it; the strict check passes; a
 * person's answer in the crosswalk is honoured; a second run changes no byte; a table that is not Epoch AI's stops it
 * with nothing written; the built pages show the values, their provenance and Epoch AI's credit.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, ROOT, runScript } from "../helpers/cli.ts";
import { fileHashes, tempCopy, tempDir } from "../helpers/temp.ts";

const CSV = join(ROOT, "tests/fixtures/epoch/notable-ai-models.csv");
const VAULT = join(ROOT, "tests/fixtures/epoch-vault");
const SNAPSHOT = ["--commit", "6e8fd472308cd958cbbf50ca4339b7b3da6f6815", "--date", "2026-01-26"];

const copy = (from: string) => tempCopy(from, "atlas-epoch-");

const importInto = (vault: string, args: string[] = []) => runScript("import", ["epoch", CSV, ...SNAPSHOT, ...args], { CONTENT_DIR: vault });

describe("npm run import -- epoch", () => {
  let vault: string;
  let first: ReturnType<typeof importInto>;
  beforeAll(() => {
    vault = copy(VAULT);
    const before = fileHashes(vault);
    const dry = importInto(vault, ["--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Would import 3 rows of `epoch` \(snapshot 6e8fd47, 2026-01-26\): \d+ files would change/);
    expect(fileHashes(vault)).toEqual(before);
    first = importInto(vault);
  });

  it("merges by name and organisation, makes new notes, and asks about a look-alike instead of merging it", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('merged: "Kimi K2" → kimi-k2 (the same name and organisation)');
    expect(first.stdout).toContain('models: "Kimi K2.5": kimi-k2? a look-alike name (kimi-k2) of the same organisation');
    expect(first.stdout).toContain("models: 1 new notes; 1 merged");
    expect(first.stderr).toContain("next: settle the 1 question in");
    expect(existsSync(join(vault, "models/kimi-k2-5.md"))).toBe(false);
    const crosswalk = readFileSync(join(vault, "crosswalk.yml"), "utf8");
    expect(crosswalk).toMatch(/^epoch:\n {2}models:\n/m);
    expect(crosswalk).toContain("Kimi K2.5: { ask: [ kimi-k2 ] }");
    expect(crosswalk).toContain("Kimi K2: kimi-k2");
    expect(crosswalk).toContain("Moonshot: moonshot-ai");
    const kimi = readFileSync(join(vault, "models/kimi-k2.md"), "utf8");
    expect(kimi).toContain("summary: A fixture model, written by hand.");
    expect(kimi).toMatch(/^released:\n {2}- 2025-07\n {2}- \{ value: 2025-07-11, source: epoch-ai-notable-ai-models, imported: epoch \}$/m);
    expect(kimi).toMatch(/^parameters: \{ value: 1000000000000, source: epoch-ai-notable-ai-models, imported: epoch, note: "the total of a mixture of experts/m);
    expect(kimi).not.toContain("Someone else's sentences");
    // The new note: two organisations, one of them new; their countries as readers know them.
    const widget = readFileSync(join(vault, "models/widget-7b.md"), "utf8");
    expect(widget).toMatch(/^developer:\n {2}- \{ ref: acme-research, source: epoch-ai-notable-ai-models, imported: epoch \}\n {2}- \{ ref: moonshot-ai, /m);
    expect(readFileSync(join(vault, "labs/acme-research.md"), "utf8")).toMatch(/^country: \{ value: United States, source: epoch-ai-notable-ai-models, imported: epoch \}$/m);
    const check = runScript("check", ["--strict"], { CONTENT_DIR: vault });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it("honours a person's answer, and a second run changes no byte", () => {
    const file = join(vault, "crosswalk.yml");
    writeFileSync(file, readFileSync(file, "utf8").replace("Kimi K2.5: { ask: [ kimi-k2 ] }", "Kimi K2.5: new # a later release, not K2"));
    const settled = importInto(vault);
    expect(settled.code, settled.stderr).toBe(0);
    expect(settled.stdout).toContain("left to a person in the crosswalk: none");
    const k25 = readFileSync(join(vault, "models/kimi-k2-5.md"), "utf8");
    expect(k25).toMatch(/^fine_tuned_from: \{ ref: kimi-k2, source: epoch-ai-notable-ai-models, imported: epoch \}$/m);
    expect(readFileSync(file, "utf8")).toContain("Kimi K2.5: kimi-k2-5 # a later release, not K2");
    const before = fileHashes(vault);
    const again = importInto(vault);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(": 0 files written.");
    expect(fileHashes(vault)).toEqual(before);
  });

  it("refuses a table that is not Epoch AI's, or a crosswalk it cannot read, naming the file, and writes nothing", () => {
    const other = copy(VAULT);
    const before = fileHashes(other);
    const bad = join(tempDir("atlas-epoch-bad-"), "table.csv");
    writeFileSync(bad, "Model,Organisation\nA,B\n");
    const r = runScript("import", ["epoch", bad, ...SNAPSHOT], { CONTENT_DIR: other });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/table\.csv: not Epoch AI's Notable AI Models: no `Organization`, .* columns; nothing was written/);
    writeFileSync(join(other, "crosswalk.yml"), "epoch:\n  models:\n    Kimi K2: Kimi K2 the note\n");
    const c = runScript("import", ["epoch", CSV, ...SNAPSHOT], { CONTENT_DIR: other });
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/crosswalk\.yml:3:14: `Kimi K2 the note` is not a note's slug/);
    expect(c.stderr).toContain("error: the crosswalk cannot be read; nothing was written");
    delete before["crosswalk.yml"];
    const after = fileHashes(other);
    delete after["crosswalk.yml"];
    expect(after).toEqual(before);
  });

  it("builds pages that show the values, where they came from, and Epoch AI's credit", () => {
    const dist = buildSite(vault);
    const page = readFileSync(join(dist, "kimi-k2/index.html"), "utf8");
    expect(page).toMatch(/Parameters<\/th><td>.*1T/s);
    expect(page).toMatch(/Training compute<\/th><td>.*2\.98 × 10²⁴ FLOP/s);
    expect(page).toMatch(/Access<\/th><td>.*Open weights \(restricted use\)/s);
    expect(page).toContain("https://github.com/mxschons/sobe-2025-data-repository/blob/6e8fd472308cd958cbbf50ca4339b7b3da6f6815/");
    expect(page).toMatch(/come from\s+<a href="https:\/\/epoch\.ai\/data\/notable-ai-models">Epoch AI(&#39;|')s Notable AI Models<\/a>/);
  });
});
