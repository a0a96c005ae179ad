/**
 * `npm run import -- osai <checkout>` through the real command, on a copy of the fixture vault and the fixture
 * records: what it writes and reports, that the result passes the strict check, that a second run changes no byte,
 * that a class flipped in one record changes one note, that a record which is not valid YAML stops it with the file
 * named and nothing written, that every built page showing the index's data carries its credit (and a page showing
 * none does not), and that a lab's page lists its models, which its note does not.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DATASETS } from "../../src/lib/datasets.ts";
import { textHash } from "../../src/lib/import/edit.ts";
import { buildSite, ROOT, runScript } from "../helpers/cli.ts";
import { fileHashes, tempCopy } from "../helpers/temp.ts";

const INDEX = join(ROOT, "tests/fixtures/osai-index");
const VAULT = join(ROOT, "tests/fixtures/osai-vault");
const SNAPSHOT = ["--commit", "0123456789abcdef0123456789abcdef01234567", "--date", "2026-06-12"];
const osai = { ...DATASETS[0], source: "liesenfeld-dingemanse-2024-open-source-ai-index" };

const copy = (from: string) => tempCopy(from, "atlas-import-");

const importInto = (vault: string, index = INDEX, extra: string[] = SNAPSHOT) => runScript("import", ["osai", index, ...extra], { CONTENT_DIR: vault });

describe("npm run import -- osai", () => {
  let vault: string;
  let first: ReturnType<typeof importInto>;
  beforeAll(() => {
    vault = copy(VAULT);
    first = importInto(vault);
  });

  it("imports the records, reports what it did and the disagreement it kept, and the strict check passes", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("Imported 3 systems of `osai` (snapshot 0123456, 2026-06-12): 5 files written.");
    expect(first.stdout).toContain("models: 2 created, 1 updated, 0 unchanged");
    expect(first.stdout).toContain("acme-ai ← \"Acme Research\"");
    expect(first.stdout).toContain("sprocket-2-large → sprocket");
    expect(first.stdout).toContain("widget-7b: released: the note 2024-01, the index 2024-03 — both kept");
    expect(first.stdout).toContain("widget-7b: openness.end_weights: the note open, the index partial — the note's kept");
    expect(first.stdout).toContain("Gizmo.yaml: has no `datasheet` parameter: left unrated");
    const check = runScript("check", ["--strict"], { CONTENT_DIR: vault });
    expect(check.stdout).toContain("✔ 0 errors, 0 warnings in 9 notes");
    expect(check.code).toBe(0);
  });

  it("changes no byte when run again on the same snapshot", () => {
    const before = fileHashes(vault);
    const again = importInto(vault);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("0 files written");
    expect(again.stdout).toContain("models: 0 created, 0 updated, 3 unchanged");
    expect(fileHashes(vault)).toEqual(before);
  });

  it("changes exactly one note when one class of one record flips", () => {
    const index = copy(INDEX);
    const file = join(index, "Gizmo.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("weights_endmodel:\n    class: open", "weights_endmodel:\n    class: closed"));
    const target = copy(vault);
    const before = fileHashes(target);
    const r = importInto(target, index, ["--commit", "fedcba9876543210fedcba9876543210fedcba98", "--date", "2026-07-01"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("1 file written");
    const after = fileHashes(target);
    expect(Object.keys(after).filter((f) => after[f] !== before[f])).toEqual([join("models", "gizmo.md")]);
  });

  it("takes out a body an earlier run templated while its hash matches, and keeps one a person has edited", () => {
    const target = copy(vault);
    // As an earlier version of the importer left them: a templated body, its hash (with the summary's) in the record.
    const earlier = (path: string, body: string, hashed = body) => {
      const file = join(target, path);
      const text = readFileSync(file, "utf8");
      const summary = /^summary: "?(.*?)"?$/m.exec(text)![1];
      writeFileSync(file, text.replace(/body: [0-9a-f]{12}/, `body: ${textHash(`${summary}\n${hashed}`)}`).replace(/\n---\n[\s\S]*$/, `\n---\n${body}`));
    };
    const template = "The European Open Source AI Index lists Gizmo as a text and code model from [[gizmo-labs|Gizmo Labs]].\n";
    earlier(join("models", "gizmo.md"), template);
    const labTemplate = "The [[liesenfeld-dingemanse-2024-open-source-ai-index|European Open Source AI Index]] credits Gizmo Labs with one or more of the systems it rates.\n";
    earlier(join("labs", "gizmo-labs.md"), `${labTemplate}Gizmo Labs also runs a public benchmark, we are told.\n`, labTemplate);
    const r = importInto(target);
    expect(r.code, r.stderr).toBe(0);
    const gizmo = readFileSync(join(target, "models", "gizmo.md"), "utf8");
    expect(gizmo).toMatch(/\n---\n$/);
    expect(gizmo).toBe(readFileSync(join(vault, "models", "gizmo.md"), "utf8"));
    expect(readFileSync(join(target, "labs", "gizmo-labs.md"), "utf8")).toContain("Gizmo Labs also runs a public benchmark, we are told.");
    expect(r.stdout).toContain("gizmo-labs: its summary and body were edited by hand since the import wrote them: left as they are");
    const again = importInto(target);
    expect(again.stdout).toContain("0 files written");
  });

  it("stops at a record that is not valid YAML, names the file and line, and writes nothing", () => {
    const index = copy(INDEX);
    writeFileSync(join(index, "Broken.yaml"), "system:\n    name: Broken\n    type: [text\norg:\n    name: Nobody\n");
    const target = copy(VAULT);
    const before = fileHashes(target);
    const r = importInto(target, index);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Broken\.yaml:\d+: not valid YAML/);
    expect(r.stderr).toContain("nothing was written");
    expect(fileHashes(target)).toEqual(before);
  });

  it("asks which snapshot a folder that is not a git checkout is", () => {
    const r = importInto(copy(VAULT), INDEX, []);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("it is not a git checkout; give --commit <id>");
  });

  describe("built", () => {
    let dist: string;
    beforeAll(() => {
      dist = buildSite(vault);
    });
    const page = (path: string) => readFileSync(join(dist, path, "index.html"), "utf8");
    const hasCredit = (html: string) =>
      html.includes('class="dataset-credit"') && html.includes(`href="${osai.site}"`) && html.includes("Rethinking open source generative AI: open-washing and the EU AI Act") && html.includes("pp. 1774-1787");

    it("credits the index, with its link and citation, on every page that shows its data", () => {
      for (const path of ["gizmo", "sprocket-2-large", "widget-7b", "gizmo-labs", "acme-ai", "models", "openness", "timeline", osai.source]) {
        expect(hasCredit(page(path)), path).toBe(true);
      }
      // A page that shows none of it has no credit.
      expect(hasCredit(page("open-weights")), "open-weights").toBe(false);
      expect(hasCredit(page("sprocket")), "sprocket").toBe(false);
    });

    it("lists a lab's models with their dates, openness and total, from the models' notes", () => {
      const html = page("gizmo-labs");
      const section = html.slice(html.indexOf('<section class="developed"'), html.indexOf("</section>", html.indexOf('<section class="developed"')));
      expect(section).toMatch(/<h2 id="developed-heading">Models<\/h2>/);
      expect(section).toMatch(/href="\/gizmo\/">Gizmo<\/a><\/th><td>2025-02<\/td><td><span class="strip" role="img" aria-label="4 of 10 rated open, 2 partial">/);
      expect(section).toMatch(/href="\/sprocket-2-large\/">Sprocket-2-Large<\/a><\/th><td>2023-11<\/td><td><span class="strip" role="img" aria-label="0 of 12 rated open">(<i class="sq c" title="[^"]*: closed"><\/i>){12}<\/span>/);
      expect(section.indexOf("/gizmo/")).toBeLessThan(section.indexOf("/sprocket-2-large/")); // newest first
      expect(section).toContain("4 open, 2 partial, 16 closed of 22 rated, across 2 models");
      // The note itself lists nothing: no link to either model, no counts.
      const note = readFileSync(join(vault, "labs/gizmo-labs.md"), "utf8");
      expect(note).not.toMatch(/gizmo\]\]|sprocket|open,|closed/i);
    });

    it("says once per group where values come from, linking the record; says which release the index rates", () => {
      const html = page("gizmo");
      expect(html).not.toContain('class="imported"');
      expect(html).toContain("https://github.com/Language-Technology-Assessment/main-database/blob/0123456789abcdef0123456789abcdef01234567/Gizmo.yaml");
      expect(html).toMatch(/Rated release<\/th><td>.*Gizmo-7B-Chat/s);
      // The hand-written release month and the index's, each under where it comes from.
      const widget = page("widget-7b");
      const infobox = widget.slice(widget.indexOf('<aside class="infobox"'), widget.indexOf("</aside>"));
      const own = infobox.slice(0, infobox.indexOf('class="from from-osai"'));
      const index = infobox.slice(infobox.indexOf('class="from from-osai"'));
      expect(own).toMatch(/Released<\/th><td><ul class="values"><li><span>2024-01<\/span>/);
      expect(index).toMatch(/From the European Open Source AI Index/);
      expect(index).toMatch(/Released<\/th><td><ul class="values"><li><span>2024-03<\/span>/);
      // Our end-weights cell stays open; the index's partial, with its evidence, is shown beside it.
      const row = /<th scope="row"><a[^>]*>End-model weights<\/a><\/th>(.*?)<\/tr>/s.exec(widget)?.[1] ?? "";
      expect(row).toMatch(/status-open[^>]*>[^<]*open<\/span>/);
      expect(row).toMatch(/class="extra differs">\s*The <a href="https:\/\/github\.com\/Language-Technology-Assessment\/main-database\/blob\/[0-9a-f]+\/Widget\.yaml"[^>]*>European Open Source AI Index<\/a> rates it\s*<span class="status status-partial">/);
    });
  });
});
