/**
 * Every checker rule, each on the smallest vault that breaks it: rule id, severity, position and a usable hint.
 */
import { describe, expect, it } from "vitest";
import { checkVault, note } from "../helpers/vault.ts";

const src = note({ title: "A source", type: "source", kind: "article", summary: "A source." }, "Cites nothing; linked from [[lab-a]].\n");
const lab = (extra: Record<string, string> = {}, body = "Links to [[a-source]].\n") =>
  note({ title: "Lab A", type: "lab", summary: "A lab.", sources: "[a-source]", ...extra }, body);
const base = { "sources/a-source.md": src, "labs/lab-a.md": lab() };

function rules(diags: { rule: string; severity: string; line: number; column: number; file: string }[]) {
  return diags.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`);
}

describe("checker rules", () => {
  it("passes a clean vault", async () => {
    const { diagnostics, vault } = await checkVault(base);
    expect(diagnostics).toEqual([]);
    expect(vault.notes.map((n) => n.slug).sort()).toEqual(["a-source", "lab-a"]);
  });

  it("reports broken YAML at its line, with a hint", async () => {
    const { diagnostics } = await checkVault({ ...base, "labs/bad.md": "---\ntitle: Bad\ntype: lab\nsummary: a: b: c\n---\n" });
    expect(rules(diagnostics)).toContain("labs/bad.md:4:10 error yaml-syntax");
    expect(diagnostics.find((d) => d.rule === "yaml-syntax")!.hint).toMatch(/quote/);
  });

  it("reports duplicate YAML keys", async () => {
    const { diagnostics } = await checkVault({ ...base, "labs/dup.md": "---\ntitle: X\ntitle: Y\ntype: lab\nsummary: s\n---\n" });
    expect(diagnostics.find((d) => d.rule === "yaml-syntax")!.line).toBe(3);
  });

  it("reports missing and unclosed frontmatter", async () => {
    const { diagnostics } = await checkVault({ ...base, "labs/none.md": "# Just text\n", "labs/open.md": "---\ntitle: X\n" });
    expect(rules(diagnostics)).toEqual(expect.arrayContaining(["labs/none.md:1:1 error frontmatter-missing", "labs/open.md:1:1 error frontmatter-missing"]));
  });

  it("reports an unknown type with the nearest valid one", async () => {
    const { diagnostics } = await checkVault({ ...base, "labs/x.md": note({ title: "X", type: "labb", summary: "s" }) });
    const d = diagnostics.find((x) => x.rule === "unknown-type")!;
    expect([d.line, d.message, d.hint]).toEqual([3, "unknown type `labb`", expect.stringContaining("did you mean `lab`?")]);
  });

  it("names the field path of schema violations", async () => {
    const text = note({ title: "M", type: "model", summary: "s", sources: "[a-source]", released: "2026-13", developr: "lab-a", openness: "{ weights: opn }" });
    const { diagnostics } = await checkVault({ ...base, "models/m.md": text });
    const schema = diagnostics.filter((d) => d.rule === "schema").map((d) => [d.line, d.message, d.hint]);
    expect(schema).toEqual([
      [6, expect.stringContaining("`released` is `2026-13`"), undefined],
      [7, "unknown field `developr`", "did you mean `developer`?"],
      [8, expect.stringContaining("`openness.weights` is `opn`"), "did you mean `open`?"],
    ]);
  });

  it("reports a missing required field", async () => {
    const { diagnostics } = await checkVault({ ...base, "labs/x.md": note({ title: "X", type: "lab" }) });
    expect(diagnostics.find((d) => d.rule === "schema")!.message).toBe("`summary` is required");
  });

  it("reports duplicate slugs case-insensitively", async () => {
    const { diagnostics } = await checkVault({ ...base, "concepts/lab-a.md": note({ title: "Other", type: "concept", summary: "s" }) });
    const d = diagnostics.find((x) => x.rule === "duplicate-slug")!;
    expect(d.file).toBe("labs/lab-a.md");
    expect(d.message).toContain("concepts/lab-a.md");
  });

  it("reports titles and aliases that collide with another note's name", async () => {
    const { diagnostics } = await checkVault({
      ...base,
      "labs/lab-b.md": note({ title: "Lab B", type: "lab", summary: "s", sources: "[a-source]", aliases: "[Lab A]" }, "[[lab-a]]"),
    });
    const d = diagnostics.find((x) => x.rule === "name-collision")!;
    expect([d.file, d.line, d.message]).toEqual(["labs/lab-b.md", 6, "alias `Lab A` is also the slug of labs/lab-a.md"]);
  });

  it("reports broken links with the nearest slugs", async () => {
    const { diagnostics } = await checkVault({ ...base, "labs/lab-a.md": lab({}, "See [[a-sourc]] and [[zzz-nothing]].\n[[a-source]]") });
    const broken = diagnostics.filter((d) => d.rule === "broken-link");
    expect(broken.map((d) => [d.line, d.column])).toEqual([[7, 5], [7, 21]]);
    expect(broken[0].hint).toMatch(/did you mean `a-source`/);
    expect(broken[1].hint).toMatch(/create the note `zzz-nothing`/);
  });

  it("reports links to missing headings, listing the ones that exist", async () => {
    const { diagnostics } = await checkVault({
      ...base,
      "sources/a-source.md": note({ title: "A source", type: "source", kind: "article", summary: "s" }, "## Method\n\nText [[lab-a#History]].\n"),
      "labs/lab-a.md": lab({}, "[[a-source#Methods]] and [[a-source#method]].\n"),
    });
    const d = diagnostics.filter((x) => x.rule === "missing-heading");
    expect(d.map((x) => [x.file, x.message, x.hint])).toEqual([
      ["labs/lab-a.md", "`a-source` has no heading `Methods`", "did you mean `Method`?"],
      ["sources/a-source.md", "`lab-a` has no heading `History`", "it has no headings: link to the note itself"],
    ]);
  });

  it("checks relations like links, and their target type", async () => {
    const { diagnostics } = await checkVault({
      ...base,
      "models/m.md": note({ title: "M", type: "model", summary: "s", sources: "[a-source]", developer: "[lab-aa, a-source]" }, "[[lab-a]]"),
      "labs/lab-a.md": lab({}, "[[a-source]] [[m]]"),
    });
    expect(diagnostics.map((d) => [d.rule, d.line, d.message])).toEqual([
      ["broken-relation", 6, "`developer` names missing note `lab-aa`"],
      ["relation-type", 6, "`developer` should name a lab or person note, but `a-source` is a source"],
    ]);
  });

  it("checks cited sources exist and are source notes", async () => {
    const { diagnostics } = await checkVault({
      ...base,
      "labs/lab-a.md": lab({ sources: "[a-source, nope-2026, lab-a]", country: "{ value: X, source: nope-2 }" }, "[[a-source]]"),
    });
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ["unknown-source", 5],
      ["not-a-source", 5],
      ["unknown-source", 6],
    ]);
  });

  it("warns about orphans and uncited notes", async () => {
    const { diagnostics } = await checkVault({ ...base, "concepts/lonely.md": note({ title: "Lonely", type: "concept", summary: "s" }) });
    expect(diagnostics.map((d) => `${d.severity} ${d.rule}`)).toEqual(["warning orphan", "warning uncited"]);
  });

  it("rejects raw scripts, reserved slugs and malformed slugs", async () => {
    const { diagnostics } = await checkVault({
      ...base,
      "labs/lab-a.md": lab({}, "[[a-source]]\n<script>x()</script>\n"),
      "concepts/graph.md": note({ title: "Graph", type: "concept", summary: "s", sources: "[a-source]" }),
      "concepts/Bad Name.md": note({ title: "Bad", type: "concept", summary: "s", sources: "[a-source]" }),
    });
    expect(rules(diagnostics).filter((r) => !r.includes("orphan"))).toEqual([
      "concepts/Bad Name.md:1:1 error slug-format",
      "concepts/graph.md:1:1 error reserved-slug",
      "labs/lab-a.md:8:1 error unsafe-html",
    ]);
  });

  it("warns when a note sits in another type's folder", async () => {
    const { diagnostics } = await checkVault({ "sources/a-source.md": src, "people/lab-a.md": lab() });
    expect(diagnostics.map((d) => d.rule)).toContain("type-folder");
  });
});
