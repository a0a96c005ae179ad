/**
 * `npm run new`: a contributor scaffolds a note of every type into a copy of the fixture vault, cites a source, links
 * to it from a related note, and the strict check passes. The command refuses to overwrite or to reuse a name.
 */
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REGISTRY } from "../../src/lib/registry.ts";
import { typeFields } from "../../src/lib/scaffold.ts";
import { ROOT, runScript } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp.ts";

const GOOD = join(ROOT, "tests/fixtures/vault");

function copyVault(): string {
  const dir = join(tempDir("atlas-new-"), "vault");
  cpSync(GOOD, dir, { recursive: true });
  return dir;
}

describe("npm run new", () => {
  it("scaffolds every type into its folder with every schema field; with a source and a link, the strict check passes", () => {
    const dir = copyVault();
    const created: string[] = [];
    for (const type of REGISTRY.schemaTypes) {
      const title = `Brand New ${REGISTRY.entry(type).label.one}`;
      const r = runScript("new", [type, title, "--source", "roe-2026-widget-paper"], { CONTENT_DIR: dir });
      expect(r.stderr).toContain("created the");
      expect(r.code).toBe(0);
      const slug = `brand-new-${type}`;
      const file = join(dir, REGISTRY.entry(type).folder, `${slug}.md`);
      expect(r.stdout.trim()).toBe(file);
      const text = readFileSync(file, "utf8");
      expect(text).toContain(`title: ${title}\ntype: ${type}\n`);
      // Every field of the type's schema is in the template, required ones set, optional ones commented out.
      for (const { field, required } of typeFields(type)) {
        expect(text, `${type}.${field}`).toMatch(new RegExp(`^${required ? "" : "(# )?"}${field}:`, "m"));
      }
      if (type !== "source") expect(text).toContain("sources: [roe-2026-widget-paper]");
      created.push(slug);
    }
    // As scaffolded: no error; warnings only for what the writer still has to do (write the summary and the body,
    // link the note from another).
    const before = runScript("check", [], { CONTENT_DIR: dir });
    expect(before.code).toBe(0);
    const rules = [...before.stdout.matchAll(/^\S+:\d+:\d+ {2}(\w+) {2}([\w-]+)/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(new Set(rules)).toEqual(new Set(["warning orphan", "warning placeholder"]));
    expect(rules).toHaveLength(REGISTRY.schemaTypes.length * 3);
    // What the printed next steps say: write the summary and the body, link to them from a related note.
    for (const type of REGISTRY.schemaTypes) {
      const file = join(dir, REGISTRY.entry(type).folder, `brand-new-${type}.md`);
      const text = readFileSync(file, "utf8");
      writeFileSync(file, text.replace(/^summary: .*$/m, "summary: A note made for the test.").replace(/\n---\n[\s\S]*$/, "\n---\nWhat the source says, in our words.\n"));
    }
    appendFileSync(join(dir, "concepts/open-weights.md"), `\nSee also ${created.map((s) => `[[${s}]]`).join(", ")}.\n`);
    const strict = runScript("check", ["--strict"], { CONTENT_DIR: dir });
    expect(strict.stdout).toContain(`✔ 0 errors, 0 warnings in ${10 + REGISTRY.schemaTypes.length} notes`);
    expect(strict.code).toBe(0);
  });

  it("uncommented, the optional fields' examples are valid forms (only their placeholder names are unresolved)", () => {
    const dir = copyVault();
    runScript("new", ["model", "Full Model", "--source", "roe-2026-widget-paper"], { CONTENT_DIR: dir });
    const file = join(dir, "models/full-model.md");
    const text = readFileSync(file, "utf8").replace(/^# (?!Optional|Forms)/gm, "");
    writeFileSync(file, text);
    const r = runScript("check", [], { CONTENT_DIR: dir });
    const problems = [...r.stdout.matchAll(/^\S+full-model\.md:\d+:\d+ {2}\w+ {2}([\w-]+)/gm)].map((m) => m[1]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => !["broken-relation", "unknown-source", "orphan", "placeholder"].includes(p))).toEqual([]);
  });

  it("refuses to overwrite a note or to reuse another note's name, and names the file", () => {
    const dir = copyVault();
    const file = join(dir, "labs/acme-ai.md");
    const before = readFileSync(file, "utf8");
    const again = runScript("new", ["lab", "Acme AI"], { CONTENT_DIR: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${file}:1: error: this note already exists; nothing was written`);
    expect(readFileSync(file, "utf8")).toBe(before);
    // `Acme` is an alias of acme-ai: a new note titled so would make `[[Acme]]` ambiguous.
    const alias = runScript("new", ["concept", "Acme"], { CONTENT_DIR: dir });
    expect(alias.code).toBe(1);
    expect(alias.stderr).toMatch(/labs\/acme-ai\.md:1: error: `Acme` already names the note `acme-ai`/);
    expect(existsSync(join(dir, "concepts/acme.md"))).toBe(false);
    const type = runScript("new", ["widget", "Thing"], { CONTENT_DIR: dir });
    expect(type.code).toBe(2);
    expect(type.stderr).toContain("`widget` is not a note type");
    const source = runScript("new", ["model", "Thing", "--source", "acme-ai"], { CONTENT_DIR: dir });
    expect(source.code).toBe(1);
    expect(source.stderr).toContain("--source `acme-ai` is a lab note, not a source note");
    expect(existsSync(join(dir, "models/thing.md"))).toBe(false);
  });
});
