/**
 * `npm run check` for machines and for branches: the JSON and GitHub formats pinned on the broken fixture, the GitHub
 * format chosen by itself under GitHub Actions, and `--changed` reporting on exactly the notes a branch touched and
 * the notes on either side of their links, in a temporary git repository with real commits.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runScript } from "../helpers/cli.ts";
import { commit, git, gitRepo, note, write } from "../helpers/git.ts";

const BROKEN = join(ROOT, "tests/fixtures/broken");

describe("npm run check -- --format", () => {
  it("json: one document with every diagnostic's file, position, end, severity, rule, message and hint", () => {
    const r = runScript("check", ["--format", "json"], { CONTENT_DIR: BROKEN });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(["version", "ok", "strict", "errors", "warnings", "notes", "diagnostics"]);
    expect(report).toMatchObject({ version: 1, ok: false, strict: false, errors: 14, warnings: 1, notes: 7 });
    expect(report.diagnostics).toHaveLength(15);
    expect(report.diagnostics.find((d: { rule: string }) => d.rule === "broken-link")).toEqual({
      file: "tests/fixtures/broken/people/ada.md",
      line: 10,
      column: 71,
      end: { line: 10, column: 87 },
      severity: "error",
      rule: "broken-link",
      message: "link to missing note `widget-modle`",
      hint: "did you mean `widget-model`? Or create the note `widget-modle`",
    });
    expect(report.diagnostics.find((d: { rule: string }) => d.rule === "yaml-syntax")).toMatchObject({ file: "tests/fixtures/broken/models/gadget.md", line: 2, column: 8, severity: "error" });
    // Nothing but the document on stdout: progress goes to stderr.
    expect(r.stdout.trim().startsWith("{")).toBe(true);
  });

  it("json with --strict reports warnings as errors", () => {
    const report = JSON.parse(runScript("check", ["--format", "json", "--strict"], { CONTENT_DIR: BROKEN }).stdout);
    expect(report).toMatchObject({ strict: true, errors: 15, warnings: 0 });
    expect(report.diagnostics.every((d: { severity: string }) => d.severity === "error")).toBe(true);
  });

  it("github: workflow commands with the path from the repository root, chosen by itself under GitHub Actions", () => {
    const explicit = runScript("check", ["--format", "github"], { CONTENT_DIR: BROKEN });
    const auto = runScript("check", [], { CONTENT_DIR: BROKEN, GITHUB_ACTIONS: "true" });
    expect(auto.stdout).toBe(explicit.stdout);
    expect(explicit.code).toBe(1);
    const lines = explicit.stdout.trim().split("\n");
    expect(lines).toContain(
      "::error file=tests/fixtures/broken/people/ada.md,line=10,col=71,endLine=10,endColumn=87,title=atlas broken-link::link to missing note `widget-modle`%0Ahint: did you mean `widget-model`? Or create the note `widget-modle`",
    );
    expect(lines.filter((l) => l.startsWith("::error "))).toHaveLength(14);
    expect(lines.filter((l) => l.startsWith("::warning "))).toHaveLength(1);
    expect(lines.at(-1)).toBe("✖ 14 error(s), 1 warning(s) in 7 notes");
  });

  it("refuses an unknown format with the usage", () => {
    const r = runScript("check", ["--format", "xml"], { CONTENT_DIR: BROKEN });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format is one of text, json, github, not `xml`");
  });
});

describe("npm run check -- --changed", () => {
  const cite = "sources: [src-a]\n";
  it("reports on the touched notes and their neighbours, before and after, committed or not", () => {
    const repo = gitRepo({
      "content/sources/src-a.md": note("source", "Source A", "Cited by all.", "kind: paper\n"),
      "content/concepts/alpha.md": note("concept", "Alpha", "Links [[beta]] and [[gamma]].", cite),
      "content/concepts/beta.md": note("concept", "Beta", "Back to [[alpha]].", cite),
      "content/concepts/gamma.md": note("concept", "Gamma", "Only alpha links here; this links [[alpha]].", cite),
      "content/concepts/delta.md": note("concept", "Delta", "Links [[alpha]], [[epsilon]] and [[zeta]].", cite),
      "content/concepts/epsilon.md": note("concept", "Epsilon Note", "Links [[delta]].", cite),
      // Unrelated to the branch, with a warning of its own (no source) that --changed must leave out.
      "content/concepts/zeta.md": note("concept", "Zeta", "Links [[delta]]."),
    });
    const content = join(repo, "content");
    expect(runScript("check", [], { CONTENT_DIR: content }).stdout).toContain("✔ 0 errors, 1 warning in 7 notes");
    git(repo, "checkout", "-q", "-b", "my-edit");
    // Alpha no longer links to gamma (now an orphan); epsilon is renamed without fixing delta's link.
    write(repo, { "content/concepts/alpha.md": note("concept", "Alpha", "Links [[beta]].", cite) });
    commit(repo, "alpha: drop gamma");
    git(repo, "mv", "content/concepts/epsilon.md", "content/concepts/eps.md");
    commit(repo, "rename epsilon");
    // Not committed yet: a broken link in beta.
    write(repo, { "content/concepts/beta.md": note("concept", "Beta", "Back to [[alpha]] and [[nowhere]].", cite) });

    const r = runScript("check", ["--changed", "--format", "json"], { CONTENT_DIR: content });
    const found = JSON.parse(r.stdout).diagnostics.map((d: { file: string; rule: string }) => `${d.file.replace(/^.*content\//, "")} ${d.rule}`);
    expect(found.sort()).toEqual(["concepts/beta.md broken-link", "concepts/delta.md broken-link", "concepts/eps.md orphan", "concepts/gamma.md orphan"]);
    expect(r.code).toBe(1);

    const text = runScript("check", ["--changed", "main"], { CONTENT_DIR: content });
    expect(text.stdout).toMatch(/in 6 notes .*\n\(changed since main \([0-9a-f]+\): 3 notes, and 3 linked to or from them\)/);
    expect(text.stdout).not.toContain("zeta.md");
    // The full check still sees everything, zeta's warning included.
    const full = runScript("check", [], { CONTENT_DIR: content });
    expect(full.stdout).toContain("concepts/zeta.md:1:1  warning  uncited");
    expect(full.stdout).toContain("✖ 2 errors, 3 warnings in 7 notes");
  });

  it("names what to do when the base does not exist or the vault is not in git", () => {
    const repo = gitRepo({ "content/sources/src-a.md": note("source", "Source A", "Alone.", "kind: paper\n") });
    const r = runScript("check", ["--changed", "no-such-branch"], { CONTENT_DIR: join(repo, "content") });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: `no-such-branch` is not a commit, branch or tag");
    expect(r.stderr).toContain("what to do: give a branch, tag or commit that exists");
  });
});
