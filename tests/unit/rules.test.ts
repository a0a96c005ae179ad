/**
 * Every checker rule, from its module: each one fires on the smallest vault that breaks it, at the position named,
 * and a rule added to src/lib/rules/ without a case here fails the first test.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/lib/rules/index.ts";
import { loadVault, type LoadOptions } from "../../src/lib/vault.ts";
import { checkVault, note, writeVault } from "../helpers/vault.ts";

const src = note({ title: "A source", type: "source", kind: "article", summary: "A source." }, "Linked from [[lab-a]].\n");
const lab = note({ title: "Lab A", type: "lab", summary: "A lab.", sources: "[a-source]" }, "Links to [[a-source]].\n");
const base = { "sources/a-source.md": src, "labs/lab-a.md": lab };
const withLab = (body: string, extra: Record<string, string> = {}) => ({
  ...base,
  "labs/lab-a.md": note({ title: "Lab A", type: "lab", summary: "A lab.", sources: "[a-source]", ...extra }, `Links to [[a-source]]. ${body}\n`),
});

/**
 * The vault's `unreadable-file` findings, `[file, message]`, as a user file permissions apply to loads it: this
 * process, or, when it runs as root (who reads anything; CI runs as root), a child process running as `nobody`.
 */
async function unreadableAsUnprivileged(dir: string): Promise<string[][]> {
  if (process.getuid?.() !== 0) {
    const vault = await loadVault(dir, { cwd: dir });
    return vault.diagnostics.filter((d) => d.rule === "unreadable-file").map((d) => [d.file, d.message]);
  }
  chmodSync(dir, 0o755); // mkdtemp's 0700 would keep `nobody` out of the whole vault
  const id = (flag: string) => Number(execFileSync("id", [flag, "nobody"], { encoding: "utf8" }));
  const vaultModule = pathToFileURL(fileURLToPath(new URL("../../src/lib/vault.ts", import.meta.url))).href;
  const script = `
    const { loadVault } = await import(${JSON.stringify(vaultModule)});
    const vault = await loadVault(${JSON.stringify(dir)}, { cwd: ${JSON.stringify(dir)} });
    console.log(JSON.stringify(vault.diagnostics.filter((d) => d.rule === "unreadable-file").map((d) => [d.file, d.message])));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { uid: id("-u"), gid: id("-g"), cwd: dir, encoding: "utf8" });
  return JSON.parse(out);
}

/** For each rule: files that break it, and the `file:line:col` where it must be reported. */
const CASES: Record<string, { files: Record<string, string>; at: string; options?: LoadOptions }> = {
  "empty-vault": { files: {}, at: "<vault>:0:0" },
  "frontmatter-missing": { files: { ...base, "labs/x.md": "# no frontmatter\n" }, at: "labs/x.md:1:1" },
  "yaml-syntax": { files: { ...base, "labs/x.md": "---\ntitle: X\ntype: lab\nsummary: a: b\n---\n" }, at: "labs/x.md:4:10" },
  "unknown-type": { files: { ...base, "labs/x.md": note({ title: "X", type: "lbo", summary: "s" }) }, at: "labs/x.md:3:7" },
  schema: { files: withLab("", { website: '"javascript:alert(1)"' }), at: "labs/lab-a.md:6:10" },
  "slug-format": { files: { ...base, "labs/Bad Name.md": note({ title: "Bad", type: "lab", summary: "s" }) }, at: "labs/Bad Name.md:1:1" },
  "reserved-slug": { files: { ...base, "labs/graph.md": note({ title: "Graph", type: "lab", summary: "s" }) }, at: "labs/graph.md:1:1" },
  "duplicate-slug": { files: { ...base, "models/lab-a.md": note({ title: "Other", type: "model", summary: "s" }) }, at: "models/lab-a.md:1:1" },
  "name-collision": { files: { ...base, "labs/b.md": note({ title: "B", type: "lab", summary: "s", aliases: "[Lab A]" }) }, at: "labs/b.md:5:11" },
  "type-folder": { files: { ...base, "models/y.md": note({ title: "Y", type: "lab", summary: "s" }, "[[lab-a]]") }, at: "models/y.md:3:7" },
  "unsafe-html": { files: withLab("<script>x</script>"), at: "labs/lab-a.md:7:24" },
  "sanitized-html": { files: withLab('<b onclick="x()">b</b>'), at: "labs/lab-a.md:7:24", options: { rawHtml: "sanitize" } },
  "too-deep": { files: withLab(`\n\n${"> ".repeat(101)}deep`), at: "labs/lab-a.md:9:203" },
  "unsafe-url": { files: withLab("[x](javascript:alert(1))"), at: "labs/lab-a.md:7:24" },
  base: { files: withLab("\n```base\nfilters: 'kind ==== 1'\n```"), at: "labs/lab-a.md:9:18" },
  "empty-link": { files: withLab("[[]]"), at: "labs/lab-a.md:7:24" },
  "unclosed-link": { files: withLab("[[a-source never closed"), at: "labs/lab-a.md:7:24" },
  "broken-link": { files: withLab("[[nowhere]]"), at: "labs/lab-a.md:7:24" },
  "missing-heading": { files: withLab("[[a-source#Nope]] [[a-source#^nope]]"), at: "labs/lab-a.md:7:24" },
  "broken-relation": { files: withLab("", { parent: "nowhere" }), at: "labs/lab-a.md:6:9" },
  "relation-type": { files: withLab("", { parent: "a-source" }), at: "labs/lab-a.md:6:9" },
  "unknown-source": { files: withLab("", { founded: "{ value: 2020, source: nowhere }" }), at: "labs/lab-a.md:6:33" },
  "not-a-source": { files: { ...base, "labs/lab-a.md": note({ title: "Lab A", type: "lab", summary: "A lab.", sources: "[a-source, lab-a]" }, "[[a-source]]") }, at: "labs/lab-a.md:5:21" },
  orphan: { files: { ...base, "labs/lonely.md": note({ title: "Lonely", type: "lab", summary: "s", sources: "[a-source]" }) }, at: "labs/lonely.md:1:1" },
  uncited: { files: { ...base, "labs/lab-a.md": note({ title: "Lab A", type: "lab", summary: "A lab." }, "[[a-source]]") }, at: "labs/lab-a.md:1:1" },
  placeholder: { files: withLab("", { summary: "One sentence saying what Lab A is." }), at: "labs/lab-a.md:4:10" },
  // Marked as imported, but the note has no record of the dataset it came from.
  "imported-value": { files: withLab("", { founded: "{ value: 2020, source: a-source, imported: osai }" }), at: "labs/lab-a.md:6:19" },
  // An Obsidian vault whose raw HTML policy is `refuse`, with an SVG that runs a script when opened.
  "unsafe-attachment": { files: { "atlas.yml": "notes: obsidian\nrawHtml: refuse\n", "A.md": "![[x.svg]]\n", "x.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>\n' }, at: "x.svg:2:1" },
  config: { files: { ...base, "atlas.yml": "notes: typed\nrawHTML: refuse\n" }, at: "atlas.yml:2:1" },
  // An Obsidian vault: two files named Note, linked by that name from a third folder.
  // An Obsidian vault's canvas whose edge names a node it does not have.
  canvas: { files: { "atlas.yml": "notes: obsidian\n", "Board.canvas": '{\n  "nodes": [{ "id": "a", "type": "text", "text": "A", "x": 0, "y": 0, "width": 100, "height": 60 }],\n  "edges": [{ "id": "e", "fromNode": "a", "toNode": "z" }]\n}\n' }, at: "Board.canvas:3:53" },
  // An Obsidian vault whose own settings file is cut short.
  "obsidian-settings": { files: { "atlas.yml": "notes: obsidian\n", ".obsidian/app.json": '{\n  "newLinkFormat": "relative",\n  "userIgnoreFilters": [\n}\n', "Note.md": "Text.\n" }, at: ".obsidian/app.json:4:1" },
  "ambiguous-link": { files: { "atlas.yml": "notes: obsidian\n", "b/Note.md": "B\n", "a/Note.md": "A\n", "c/Linker.md": "See [[Note]].\n" }, at: "c/Linker.md:1:5" },
};

describe("checker rules", () => {
  it("has a case for every rule, and every rule has docs", () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).filter((id) => id !== "unreadable-file").sort());
    for (const r of RULES) expect(r.summary.length && r.fix.length, r.id).toBeTruthy();
  });

  it("the base vault is clean", async () => {
    expect((await checkVault(base)).diagnostics).toEqual([]);
  });

  for (const rule of RULES) {
    if (rule.id === "unreadable-file") continue;
    it(`${rule.id} (${rule.severity})`, async () => {
      const { diagnostics, dir } = await checkVault(CASES[rule.id].files, CASES[rule.id].options);
      const found = diagnostics.filter((d) => d.rule === rule.id);
      expect(found.length, JSON.stringify(diagnostics, null, 1)).toBeGreaterThan(0);
      expect(`${found[0].file.replace(dir, "<vault>")}:${found[0].line}:${found[0].column}`).toBe(CASES[rule.id].at);
      expect(found[0].severity).toBe(rule.severity);
      expect(found[0].message.length).toBeGreaterThan(5);
    });
  }

  it("unreadable-file: a file that is not UTF-8 is reported at its first bad byte, not a crash", async () => {
    const dir = writeVault(base);
    writeFileSync(join(dir, "labs/binary.md"), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0xfd]));
    const vault = await loadVault(dir, { cwd: dir });
    const found = vault.diagnostics.filter((d) => d.rule === "unreadable-file").map((d) => [d.file, d.message]);
    expect(found).toEqual([["labs/binary.md", "the file could not be read: it is not UTF-8 text (byte 0xff at offset 4)"]]);
    expect(vault.diagnostics.find((d) => d.file === "labs/binary.md")).toMatchObject({ line: 2, column: 1 });
  });

  it("unreadable-file: a file its reader may not read (permissions) is reported, not a crash, as root too", async () => {
    const dir = writeVault(base);
    writeFileSync(join(dir, "labs/locked.md"), note({ title: "L", type: "lab", summary: "s" }));
    chmodSync(join(dir, "labs/locked.md"), 0o000);
    expect(await unreadableAsUnprivileged(dir)).toEqual([["labs/locked.md", "the file could not be read: EACCES"]]);
  });

  it("unclosed-link: each `[[` that opens nothing, where it is, but not an escaped one, a closed one or one in code", async () => {
    const { diagnostics } = await checkVault(withLab("[[a-source]] then [[open and ![[also\n\n\\[[escaped `[[code` [[a [[a-source]]\n\n```\n[[fenced\n```\n"));
    expect(diagnostics.filter((d) => d.rule === "unclosed-link").map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      "7:42 `[[open and ![[also` opens a wikilink that is never closed",
      "7:54 `[[also` opens a wikilink that is never closed",
      "9:21 `[[a` opens a wikilink that is never closed",
    ]);
  });

  it("unsafe-attachment: the SVG is left out of the site, and under `sanitize` it is a warning", async () => {
    const files = { "atlas.yml": "notes: obsidian\n", "A.md": "![[x.svg]] ![[ok.svg]]\n", "x.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>\n', "ok.svg": '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>\n' };
    const { vault, diagnostics } = await checkVault(files);
    expect(diagnostics.filter((d) => d.rule === "unsafe-attachment").map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`)).toEqual(["x.svg:1:1 warning"]);
    expect(vault.attachments.get("x.svg")?.kind).toBe("other");
    expect(vault.attachments.get("ok.svg")?.kind).toBe("image");
  });

  it("reports positions with an end for body findings", async () => {
    const { diagnostics } = await checkVault(withLab("[[nowhere|label]]"));
    expect(diagnostics[0]).toMatchObject({ rule: "broken-link", line: 7, column: 24, endLine: 7, endColumn: 41 });
  });

  it("reports both a missing heading and a missing block", async () => {
    const { diagnostics } = await checkVault(CASES["missing-heading"].files);
    expect(diagnostics.map((d) => d.message)).toEqual(["`a-source` has no heading `Nope`", "`a-source` has no block `^nope`"]);
  });
});

describe("frontmatter positions", () => {
  it("give a value's start and end", async () => {
    const { diagnostics } = await checkVault(withLab("", { parent: "nowhere" }));
    expect(diagnostics[0]).toMatchObject({ rule: "broken-relation", line: 6, column: 9, endLine: 6, endColumn: 16 });
  });
});
