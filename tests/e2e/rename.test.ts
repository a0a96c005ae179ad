/**
 * `npm run rename`, on a temporary git repository holding the fixture vault: the file moves, every link, relation
 * and citation by the old slug follows (labels, headings and table escapes kept), links by title are left alone, the
 * old slug becomes an alias, the strict check passes, `changes` calls it a rename, and the built site keeps a page
 * at the old address that sends readers to the new one.
 */
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, ROOT, runScript } from "../helpers/cli.ts";
import { commit, git, gitRepo } from "../helpers/git.ts";

function fixtureRepo(): { repo: string; content: string } {
  const repo = gitRepo({ "README.md": "test repository\n" });
  cpSync(join(ROOT, "tests/fixtures/vault"), join(repo, "content"), { recursive: true });
  commit(repo, "the fixture vault");
  return { repo, content: join(repo, "content") };
}

describe("npm run rename", () => {
  it("moves the note, rewrites what names it, keeps the old address, and the check passes", () => {
    const { repo, content } = fixtureRepo();
    git(repo, "checkout", "-q", "-b", "rename");
    const r = runScript("rename", ["widget-7b", "widget-seven"], { CONTENT_DIR: content });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("rewrote 7 links, 1 relation (derived_from) in 6 other note(s)");
    expect(r.stdout).toContain("check: 0 error(s), as before");
    expect(existsSync(join(content, "models/widget-7b.md"))).toBe(false);
    const moved = readFileSync(join(content, "models/widget-seven.md"), "utf8");
    expect(moved).toMatch(/^---\ntitle: Widget 7B\naliases: \[widget-7b\]\ntype: model\n/);
    const read = (p: string) => readFileSync(join(content, p), "utf8");
    expect(read("models/widget-7b-instruct.md")).toContain("A finetune of [[widget-seven#Training|the base model]].");
    expect(read("models/widget-7b-instruct.md")).toContain("derived_from: [{ ref: widget-seven, how: finetune, source: roe-2026-widget-paper }]");
    expect(read("models/gadget-model.md")).toContain("| [[widget-seven\\|Widget]] | yes |");
    expect(read("models/gadget-model.md")).toContain("An embed: ![[widget-7b-instruct]]"); // another note, same prefix
    expect(read("labs/acme-ai.md")).toContain("[[widget-seven|Widget]]");
    expect(read("labs/beta-labs.md")).toContain("It once trained [[Widget 7B]] jointly."); // by title: still resolves
    const strict = runScript("check", ["--strict"], { CONTENT_DIR: content });
    expect(strict.stdout).toContain("✔ 0 errors, 0 warnings in 10 notes");

    commit(repo, "rename widget-7b");
    const changes = runScript("changes", ["main"], { CONTENT_DIR: content });
    expect(changes.stdout).toContain("### Notes renamed\n\n- `widget-7b` → **Widget 7B** (`widget-seven`)\n");
    expect(changes.stdout).not.toContain("### Notes added");
    expect(changes.stdout).not.toContain("### Links"); // the links point at the same note as before

    const dist = buildSite(content);
    const old = readFileSync(join(dist, "widget-7b/index.html"), "utf8");
    expect(old).toContain('<meta http-equiv="refresh" content="0; url=/widget-seven/">');
    expect(old).toContain('<link rel="canonical" href="/widget-seven/">');
    expect(readFileSync(join(dist, "widget-seven/index.html"), "utf8")).toContain("<h1>Widget 7B</h1>");
  });

  it("renames a source: citations follow, in lists and on values", () => {
    const { content } = fixtureRepo();
    const r = runScript("rename", ["doe-2026-acme-report", "doe-report-2026"], { CONTENT_DIR: content });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rewrote 10 citations, 1 link, 1 relation \(cites\) in 6 other note\(s\)/);
    expect(readFileSync(join(content, "people/ada-lovelace.md"), "utf8")).toContain('{ lab: acme-ai, role: CEO, from: "2020", source: doe-report-2026 }');
    expect(runScript("check", ["--strict"], { CONTENT_DIR: content }).code).toBe(0);
  });

  it("refuses a taken or malformed slug and changes nothing", () => {
    const { repo, content } = fixtureRepo();
    const taken = runScript("rename", ["widget-7b", "acme"], { CONTENT_DIR: content }); // acme: an alias of acme-ai
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/labs\/acme-ai\.md:1: error: `acme` already names the note `acme-ai`; nothing was changed/);
    const bad = runScript("rename", ["widget-7b", "Widget Seven"], { CONTENT_DIR: content });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("e.g. `widget-seven`");
    const missing = runScript("rename", ["widget-8b", "widget-eight"], { CONTENT_DIR: content });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("did you mean `widget-7b`");
    expect(git(repo, "status", "--porcelain")).toBe("");
  });
});
