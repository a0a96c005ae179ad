/**
 * An Obsidian vault read as its owner set it up (`.obsidian/app.json`, src/lib/obsidian-app.ts), through the real
 * commands: excluded files are not published and links to them are text, not broken links; links in the `relative`
 * format are read from the linking note's folder; among same-named attachments, the one in the attachment folder is
 * chosen; a broken settings file is a warning at its line, and the vault builds with the defaults.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseObsidianApp } from "../../src/lib/obsidian-app.ts";
import { VaultPathIndex } from "../../src/lib/resolve.ts";
import { buildSite, runScript } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp.ts";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

function vault(files: Record<string, string | Buffer>): string {
  const dir = tempDir("atlas-obsidian-settings-");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const APP = JSON.stringify({ userIgnoreFilters: ["Private/", "/^Draft.*\\.md$/"], attachmentFolderPath: "./assets", newLinkFormat: "relative" }, null, 2);

const FILES = {
  ".obsidian/app.json": APP,
  "Home.md": "# Home\n\nSee [[Projects/Plan]], [[Private/Diary]] and [[Draft idea]].\n",
  "Projects/Plan.md": "The [[sub/Detail]] is here; the chart: ![[chart.png]]\n",
  "Projects/sub/Detail.md": "Detail of the plan.\n",
  "sub/Detail.md": "A different note at the root with the same path ending.\n",
  "Projects/assets/chart.png": PNG,
  "Other/chart.png": PNG,
  "Private/Diary.md": "Not for publishing.\n",
  "Draft idea.md": "Not yet.\n",
};

describe("Obsidian's own settings, read and honoured", () => {
  let dir: string;
  let out: string;
  beforeAll(() => {
    dir = vault(FILES);
    out = buildSite(dir);
  });

  it("checks the vault without a broken link for the excluded files, and builds no page for them", () => {
    const r = runScript("check", ["--format", "json"], { CONTENT_DIR: dir });
    const report = JSON.parse(r.stdout) as { diagnostics: { rule: string; message: string }[] };
    expect(report.diagnostics.filter((d) => d.rule === "broken-link")).toEqual([]);
    expect(existsSync(join(out, "home/index.html"))).toBe(true);
    expect(existsSync(join(out, "private/diary/index.html"))).toBe(false);
    expect(existsSync(join(out, "draft-idea/index.html"))).toBe(false);
    const home = readFileSync(join(out, "home/index.html"), "utf8");
    expect(home).toMatch(/<span class="wikilink unpublished"[^>]*>Private\/Diary<\/span>/);
    expect(home).not.toMatch(/href="[^"]*(diary|draft-idea)/);
    // Nothing of an excluded note reaches the search index's source, the graph or the feed either.
    expect(readFileSync(join(out, "feed.xml"), "utf8")).not.toContain("Not for publishing");
  });

  it("reads `relative` links from the note's folder, and picks the attachment in the attachment folder", () => {
    const plan = readFileSync(join(out, "projects/plan/index.html"), "utf8");
    expect(plan).toContain('href="/projects/sub/detail/"');
    expect(plan).not.toContain('href="/sub/detail/"');
    expect(plan).toMatch(/<img[^>]+src="\/files\/projects\/assets\/chart\.png"/);
  });

  it("warns at its line when the settings file is broken, and builds with Obsidian's defaults", () => {
    const broken = vault({ ...FILES, ".obsidian/app.json": '{\n  "newLinkFormat": "relative",\n  "userIgnoreFilters": [\n}\n' });
    const r = runScript("check", ["--format", "json"], { CONTENT_DIR: broken });
    const report = JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; rule: string; severity: string; message: string }[] };
    const found = report.diagnostics.find((d) => d.rule === "obsidian-settings")!;
    expect(found).toMatchObject({ line: 4, severity: "warning" });
    expect(found.file).toMatch(/\.obsidian\/app\.json$/);
    expect(found.message).toContain("not valid JSON");
    // With the defaults, the private note is a note like any other: no broken links.
    expect(report.diagnostics.filter((d) => d.rule === "broken-link")).toEqual([]);
  });
});

describe("the settings file, parsed", () => {
  it("turns the filters into a test: path prefixes and /regular expressions/", () => {
    const { app, problems } = parseObsidianApp(APP);
    expect(problems).toEqual([]);
    expect(["Private/Diary.md", "Draft idea.md", "Notes/Draft idea.md"].map(app.excluded)).toEqual([true, true, false]);
    expect(app).toMatchObject({ linkFormat: "relative", attachmentFolder: "./assets" });
  });

  it("names each unusable setting where it is, and keeps the default for it", () => {
    const { app, problems } = parseObsidianApp('{\n  "newLinkFormat": "nearest",\n  "userIgnoreFilters": ["/(/"]\n}');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message.split(" (")[0]}`)).toEqual(["3:3 the excluded-files filter `/(/` is not a valid regular expression", '2:3 `newLinkFormat` is "nearest", not one of "shortest", "relative", "absolute"']);
    expect(app.linkFormat).toBe("shortest");
    expect(app.excluded("anything.md")).toBe(false);
  });
});

describe("the resolver with the vault's link settings", () => {
  const entries = [
    { path: "a/sub/N.md", slug: "a/sub/n", file: "a/sub/N.md" },
    { path: "sub/N.md", slug: "sub/n", file: "sub/N.md" },
    { path: "zz/img.png", file: "zz/img.png" },
    { path: "a/att/img.png", file: "a/att/img.png" },
    { path: "b/img.png", file: "b/img.png" },
  ];
  it("reads `sub/N` from the root by default, from the linking note's folder with the relative format", () => {
    expect(new VaultPathIndex(entries).lookup("sub/N", "a/Note.md")?.entry.path).toBe("sub/N.md");
    expect(new VaultPathIndex(entries, { linkFormat: "relative" }).lookup("sub/N", "a/Note.md")?.entry.path).toBe("a/sub/N.md");
  });
  it("prefers the same folder, then the attachment folder, then the shortest path", () => {
    const index = new VaultPathIndex(entries, { linkFormat: "shortest", attachmentFolder: "./att" });
    expect(index.lookup("img.png", "b/Note.md")).toMatchObject({ entry: { path: "b/img.png" }, by: "folder" });
    expect(index.lookup("img.png", "a/Note.md")).toMatchObject({ entry: { path: "a/att/img.png" }, by: "attachments" });
    expect(index.lookup("img.png", "c/Note.md")).toMatchObject({ entry: { path: "b/img.png" }, by: "shortest" });
  });
});
