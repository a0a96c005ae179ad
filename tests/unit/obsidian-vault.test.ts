/**
 * How an Obsidian vault is read: its settings file, the addresses made from file names, the resolver's rules (as
 * Obsidian's own `getFirstLinkpathDest` chooses), and Obsidian's syntax in the one parse.
 */
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/lib/config.ts";
import { hideComments } from "../../src/lib/markdown/obsidian/comments.ts";
import { parseNote } from "../../src/lib/parse-note.ts";
import { plainFields } from "../../src/lib/plain-note.ts";
import { VaultPathIndex, type VaultEntry } from "../../src/lib/resolve.ts";
import { Site } from "../../src/lib/site.ts";
import { pathSlugs, slugPart } from "../../src/lib/slugs.ts";
import { checkVault } from "../helpers/vault.ts";

describe("atlas.yml", () => {
  it("says how the vault is read, with defaults per kind", () => {
    expect(parseConfig("notes: typed\n")).toEqual({ config: { notes: "typed", rawHtml: "refuse" }, site: {}, positions: { notes: { line: 1, column: 8 } }, problems: [] });
    expect(parseConfig("notes: typed\nrawHtml: sanitize\n").config).toEqual({ notes: "typed", rawHtml: "sanitize" });
    expect(parseConfig("").config).toEqual({ notes: "obsidian", rawHtml: "sanitize" });
  });

  it("reports a bad value, an unknown key and bad YAML at their line, keeping what is valid", () => {
    const r = parseConfig("# settings\nrawHtml: refuse\nnotes: typd\nfoo: 1\n");
    expect(r.config).toEqual({ notes: "obsidian", rawHtml: "refuse" });
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['3:8 `notes` is "typd", which is not one of `typed`, `obsidian`', "4:1 unknown setting `foo`"]);
    expect(parseConfig("notes: [typed\n").problems[0].message).toMatch(/^invalid YAML/);
    expect(parseConfig("- typed\n").problems[0].message).toContain("is not a set of `key: value` settings");
  });

  it("is checked with the vault: an error at atlas.yml:line:col", async () => {
    const { diagnostics } = await checkVault({ "atlas.yml": "notes: typed\nrawHtml: strip\n" });
    const d = diagnostics.find((x) => x.rule === "config")!;
    expect(`${d.file}:${d.line}:${d.column} ${d.severity}`).toBe("atlas.yml:2:10 error");
  });
});

describe("addresses from file names", () => {
  it("makes URL-safe parts of any name", () => {
    expect(slugPart("Three laws of motion")).toBe("three-laws-of-motion");
    expect(slugPart("Café “quotes” & Co.")).toBe("cafe-quotes-co");
    expect(slugPart("Évaluation")).toBe("evaluation");
    expect(slugPart("日本語ノート")).toBe("日本語ノート");
    expect(slugPart("한국어 메모")).toBe("한국어-메모");
    expect(slugPart("🎉 Party")).toBe("party");
    expect(slugPart("🎉")).toBe("note");
  });

  it("nests notes under their folders, keeps same-named files apart and every address unique", () => {
    const s = pathSlugs(
      ["A & B/Note.md", "A B/Note.md", "dir/Note.md", "dir/note.md", "Projects.md", "Projects/Plan.md", "graph.md", "Tags/x.md"],
      ["Attachments/Diagram 1.PNG", "Attachments/diagram-1.png"],
      new Set(["graph", "tags"]),
    );
    expect(Object.fromEntries(s.notes)).toEqual({
      "A & B/Note.md": "a-b/note",
      "A B/Note.md": "a-b-2/note",
      "dir/Note.md": "dir/note",
      "dir/note.md": "dir/note-2",
      "Projects.md": "projects", // the folder's note shares its address
      "Projects/Plan.md": "projects/plan",
      "graph.md": "graph-2",
      "Tags/x.md": "tags-2/x",
    });
    expect(Object.fromEntries(s.files)).toEqual({ "Attachments/Diagram 1.PNG": "attachments/diagram-1.png", "Attachments/diagram-1.png": "attachments/diagram-1-2.png" });
    const all = [...s.notes.values()];
    expect(new Set(all).size).toBe(all.length);
    for (const slug of all) expect(slug).toMatch(/^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*(?:\/[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*)*$/u);
  });

  it("gives the same addresses whatever order the files come in", () => {
    const paths = ["b/X.md", "a/X.md", "a/x.md", "X.md", "a/X!.md"];
    const one = pathSlugs(paths, [], new Set());
    const two = pathSlugs([...paths].reverse(), [], new Set());
    expect(Object.fromEntries(two.notes)).toEqual(Object.fromEntries(one.notes));
  });
});

describe("the resolver of an Obsidian vault", () => {
  const entries: VaultEntry[] = [
    { path: "Note.md", slug: "note", file: "Note.md" },
    { path: "dir1/Note.md", slug: "dir1/note", file: "dir1/Note.md" },
    { path: "deep/er/dir2/Note.md", slug: "deep/er/dir2/note", file: "deep/er/dir2/Note.md" },
    { path: "a/Other.md", slug: "a/other", file: "a/Other.md" },
    { path: "zz/Other.md", slug: "zz/other", file: "zz/Other.md" },
    { path: "bb/b/Other.md", slug: "bb/b/other", file: "bb/b/Other.md" },
    { path: "Three Laws.md", slug: "three-laws", aliases: ["The 3 laws"], file: "Three Laws.md" },
    { path: "Attachments/diagram.png", file: "Attachments/diagram.png" },
    { path: "diagram.png.md", slug: "diagram-png", file: "diagram.png.md" },
  ];
  const index = new VaultPathIndex(entries);
  const to = (target: string, from = "x/Linker.md") => index.lookup(target, from);

  it("matches the file name in any case, with or without .md, spaces around trimmed", () => {
    for (const t of ["Three Laws", "three laws", "THREE LAWS.md", "  Three Laws  ", "three laws.MD"]) expect(to(t)?.entry.slug, t).toBe("three-laws");
  });

  it("takes a whole path first, even over a note in the linking note's folder", () => {
    expect(to("Note", "dir1/Linker.md")).toEqual({ entry: entries[0], by: "path" });
    expect(to("dir1/Note")?.entry.slug).toBe("dir1/note");
    expect(to("/dir1/Note.md")?.entry.slug).toBe("dir1/note");
  });

  it("matches a folder path by its end", () => {
    expect(to("dir2/Note")).toMatchObject({ entry: { slug: "deep/er/dir2/note" }, by: "name" });
    expect(to("er/dir2/Note")?.entry.slug).toBe("deep/er/dir2/note");
    expect(to("r/dir2/Note")).toBeNull(); // a folder name is matched whole
  });

  it("among several files of the name: the linking note's folder, else the shortest path, and says which", () => {
    expect(to("Other", "zz/Linker.md")).toEqual({ entry: entries[4], by: "folder", candidates: ["zz/Other.md", "a/Other.md", "bb/b/Other.md"] });
    // Not an ancestor folder: bb/b/c/ has no Other.md of its own.
    expect(to("Other", "bb/b/c/Linker.md")).toEqual({ entry: entries[3], by: "shortest", candidates: ["a/Other.md", "zz/Other.md", "bb/b/Other.md"] });
    expect(to("Other", "")?.entry.path).toBe("a/Other.md");
  });

  it("names other files with their extension, and prefers a note of the name", () => {
    expect(to("diagram.png")).toMatchObject({ entry: { path: "diagram.png.md" }, by: "path" });
    expect(to("Attachments/diagram.png")).toMatchObject({ entry: { path: "Attachments/diagram.png" }, by: "path" });
    expect(to("diagram")).toBeNull();
  });

  it("falls back to aliases only when no file has the name, and follows relative paths", () => {
    expect(to("the 3 LAWS")).toMatchObject({ entry: { slug: "three-laws" }, by: "alias" });
    expect(to("../Note", "dir1/Linker.md")?.entry.slug).toBe("note");
    expect(to("./Note", "dir1/Linker.md")?.entry.slug).toBe("dir1/note");
    expect(to("../../Note", "dir1/Linker.md")).toBeNull();
    expect(to("Nowhere")).toBeNull();
  });

  it("resolves the same way whatever order the files were indexed in", () => {
    const reversed = new VaultPathIndex([...entries].reverse());
    for (const [t, from] of [["Other", "bb/b/c/L.md"], ["Other", "zz/L.md"], ["Note", "q/L.md"], ["dir2/Note", ""], ["diagram.png", ""]]) {
      expect(reversed.lookup(t, from)?.entry.path, t).toBe(index.lookup(t, from)?.entry.path);
    }
  });
});

describe("Obsidian's syntax in the one parse", () => {
  const parse = (text: string) => parseNote(text, { obsidian: true });

  it("hides %%comments%% outside code, keeping positions", () => {
    const text = "a %%b%% c `%%d%%`\n```\n%%e%%\n```\n%%\nf\n%% g";
    const hidden = hideComments(text);
    expect(hidden.length).toBe(text.length);
    expect(hidden.split("\n").length).toBe(text.split("\n").length);
    expect(hidden).toBe("a       c `%%d%%`\n```\n%%e%%\n```\n  \n \n   g");
    const p = parse("See %%[[hidden]]%% [[Shown]].\n");
    expect(p.links.map((l) => [l.target, l.column])).toEqual([["Shown", 20]]);
  });

  it("needs no frontmatter, and keeps the body of a note whose frontmatter is not YAML", () => {
    expect(parse("Just text.\n").problems).toEqual([]);
    const broken = parse("---\naliases:\n- @x\n---\nBody [[Link]].\n");
    expect(broken.problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(["3:3 yaml-syntax"]);
    expect(broken.html.chunks.join("")).toContain("Body");
    expect(broken.links[0]).toMatchObject({ target: "Link", line: 5 });
    expect(parse("---\nnot closed\n").html.chunks.join("")).toContain("not closed");
  });

  it("reads inline tags (nested, not numbers, not in code or links) and frontmatter tags", () => {
    const p = parse("#Top and #a/b/ and #1984 and `#code` and [#x](https://e.org) and C#sharp\n");
    expect(p.tags).toEqual(["top", "a/b"]);
    expect(plainFields({ tags: ["#One", "two/three", 12] }, "n", p.tags).tags).toEqual(["one", "two/three", "top", "a/b"]);
    expect(plainFields({ tags: "one, two three" }, "n").tags).toEqual(["one", "two", "three"]);
  });

  it("moves a block id written on its own line onto the block before it", () => {
    const p = parse("- a\n- b\n\n^list-id\n\n| x |\n| - |\n| 1 |\n\n^table-id\n\nPara ^para-id\n");
    expect(p.blocks.sort()).toEqual(["list-id", "para-id", "table-id"]);
    const html = p.html.chunks.join("");
    expect(html).toContain('<ul id="^list-id">');
    expect(html).toContain('<table id="^table-id">');
    expect(html).not.toContain("^list-id</p>");
  });

  it("reads $ as math only as Obsidian does", () => {
    const html = (t: string) => parse(t).html.chunks.join("");
    expect(html("Costs $5 and $10.\n")).toContain("Costs $5 and $10.");
    expect(html("Costs $5 and $ 10 and $x$.\n")).toContain("<math");
    expect(html("$x $\n")).not.toContain("<math");
    expect(html("a $x$ b\n")).toContain("<math");
  });

  it("reads Markdown links to files of the vault as links to them, and leaves web links alone", () => {
    const p = parse("[a](Some%20Note.md#Some%20Heading) [b](#^blk) ![c](img/x.png) [d](https://e.org/x.md)\n");
    expect(p.links.map((l) => [l.target, l.heading, l.block, l.embed, l.label])).toEqual([
      ["Some Note.md", "Some Heading", undefined, false, "a"],
      ["", undefined, "blk", false, "b"],
      ["img/x.png", undefined, undefined, true, "c"],
    ]);
  });

  it("marks sections and blocks in the template, so an embed can take one without a parse", () => {
    const p = parse("# A\n\nx ^b1\n\n## B\n\ny\n\n# C\n\nz[^1]\n\n[^1]: n\n");
    expect(p.html.sections?.map((s) => s[0])).toEqual(["a", "b", "c", ""]);
    const joined = p.html.chunks.join("");
    const at = (s: [string, number, number]) => s[2];
    const [, b, c, end] = p.html.sections!;
    expect(joined.slice(at(b), at(c))).toMatch(/^<h2 id="b">B(<a class="heading-anchor"[^>]*><\/a>)?<\/h2>\n<p>y<\/p>\n$/);
    expect(joined.slice(at(end))).toMatch(/^<section data-footnotes/);
    expect(p.html.blocks?.map((x) => [x[0], joined.slice(x[2], x[4])])).toEqual([["b1", '<p id="^b1">x</p>']]);
  });
});

describe("raw HTML in an Obsidian note", () => {
  it("is sanitized with a warning, and a link the sanitizer drops does not shift the others, in the page or in an embed of it", async () => {
    const { vault, diagnostics } = await checkVault({
      "atlas.yml": "notes: obsidian\n",
      "A.md": "## Part\n\nText <b>x</b><style>[[Gone]]</style> then [[C]] here.\n\n## Next\n\n[[D]]\n",
      "B.md": "![[A#Part]]\n\nAfter.\n",
      "C.md": "c",
      "D.md": "d",
      "Gone.md": "g",
    });
    expect(diagnostics.map((d) => `${d.file.replace(/^.*\//, "")}:${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual(["A.md:3:14 warning sanitized-html"]);
    expect(vault.bySlug.get("a")!.parsed.html!.slots).toEqual([1, 2]);
    const site = new Site(vault);
    const a = site.page("a")!.html;
    expect(a).toContain('then <a href="/c/" class="wikilink" data-slug="c">C</a> here.');
    expect(a).toContain('<p><a href="/d/" class="wikilink" data-slug="d">D</a></p>');
    expect(a).not.toMatch(/Gone|<style/);
    const b = site.page("b")!.html;
    expect(b).toContain('then <a href="/c/" class="wikilink" data-slug="c">C</a> here.');
    expect(b).not.toMatch(/Gone|data-slug="d"/);
  });
});
