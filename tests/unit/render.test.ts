/**
 * Note bodies as a reader gets them: the one parse's HTML template, filled with the resolver's links. Includes the
 * cases where the old line scanner and the renderer disagreed.
 */
import { describe, expect, it } from "vitest";
import { Site } from "../../src/lib/site.ts";
import { checkVault, note } from "../helpers/vault.ts";

async function page(body: string, extra: Record<string, string> = {}) {
  const { vault } = await checkVault({
    "sources/s.md": note({ title: "Source S", type: "source", kind: "article", summary: "A source." }, "## Method\n\nBack to [[n]]. A claim. ^claim-1\n"),
    "concepts/n.md": note({ title: "Note N", type: "concept", summary: "N.", sources: "[s]", ...extra }, body),
  });
  const site = new Site(vault, { base: "/base/" });
  return { site, vault, html: site.page("n")!.html };
}

describe("note bodies", () => {
  it("turns wikilinks into links to resolved notes, with labels, headings and titles", async () => {
    const { html } = await page("See [[s]], [[Source S|the source]] and [[s#Method]].\n");
    expect(html).toContain('<a href="/base/s/" class="wikilink" data-slug="s" title="A source.">Source S</a>');
    expect(html).toContain(">the source</a>");
    expect(html).toContain('href="/base/s/#method"');
    expect(html).toContain(">Source S › Method</a>");
  });

  it("renders inline Markdown in a label, and escapes the rest", async () => {
    const { html, vault } = await page("[[s|the *best* source]] and [[s|a <b>bold</b> & `code`]]\n");
    expect(vault.diagnostics).toEqual([]);
    expect(html).toContain(">the <em>best</em> source</a>");
    expect(html).toContain("<code>code</code></a>");
    expect(html).not.toContain("[[");
  });

  it("gives headings the ids links resolve against, also after setext headings and headings in quotes", async () => {
    const { html, vault } = await page("> ## Quoted\n\nSetext\n------\n\n## Real heading\n\n## Real heading\n\n[[#Real heading]] [[#Setext]]\n");
    expect(vault.diagnostics).toEqual([]);
    // Each heading ends with a link to itself (the stylesheet shows it as `#`).
    const heading = (id: string, text: string) => `<h2 id="${id}">${text}<a class="heading-anchor" href="#${id}" aria-label="Link to this section"></a></h2>`;
    expect(html).toContain(heading("quoted", "Quoted"));
    expect(html).toContain(heading("setext", "Setext"));
    expect(html).toContain(heading("real-heading", "Real heading"));
    expect(html).toContain(heading("real-heading-1", "Real heading"));
    expect(html).toContain('href="/base/n/#real-heading"');
    expect(html).toContain('href="/base/n/#setext"');
  });

  it("leaves code and comments alone, and the checker agrees", async () => {
    const { html, vault } = await page("`[[x]]`\n\n```\n[[x]]\n```\n\n    [[x]]\n\n<!-- [[x]] -->\n\nText <!-- [[y]] --> here.\n");
    expect(vault.diagnostics).toEqual([]);
    expect(html).not.toContain("wikilink");
    expect(html).toContain("<code>[[x]]</code>");
  });

  it("links to blocks by their ^id", async () => {
    const { html, vault } = await page("See [[s#^claim-1]].\n");
    expect(vault.diagnostics).toEqual([]);
    expect(html).toContain('href="/base/s/#%5Eclaim-1"');
    const { html: source } = { html: new Site(vault).page("s")!.html };
    expect(source).toContain('<p id="^claim-1">Back to');
    expect(source).not.toContain("^claim-1</p>");
  });

  it("sanitizes raw HTML: no scripts, no handlers, no javascript: URLs", async () => {
    const { html } = await page('<b onclick="evil()">bold</b> <img src=x onerror=alert(1)> [x](javascript:alert(1))\n\n<script>alert(1)</script>\n');
    expect(html).toContain("<b>bold</b>");
    expect(html).not.toMatch(/onclick|onerror|<script|javascript:/i);
  });

  it("keeps every other link in its place when raw HTML drops one (inside a stripped <style>) or moves one (out of a <table>)", async () => {
    const { html } = await page("[[s|first]] <style>[[s|dropped]]</style> [[n|third]]\n\nText <table><tr>[[s|moved]]<td>cell</td></tr></table> [[s|last]]\n");
    expect(html).not.toContain("dropped");
    expect(html).toMatch(/>first<\/a>.*>third<\/a>/s);
    expect(html).toMatch(/>moved<\/a>.*<table>.*cell.*>last<\/a>/s); // the HTML parser puts stray text before the table
  });

  it("never emits a javascript: URL from a Markdown link, even without raw HTML", async () => {
    const { html, vault } = await page("[click](javascript:alert(1)) and ![img](data:text/html,x) and [ok](https://example.org)\n");
    expect(html).not.toMatch(/javascript:|data:/);
    expect(html).toContain("click");
    expect(html).toContain('<a href="https://example.org">ok</a>');
    expect(vault.diagnostics.filter((d) => d.rule === "unsafe-url").map((d) => [d.line, d.column])).toEqual([
      [7, 1],
      [7, 34],
    ]);
  });

  it("renders GFM tables with wikilinks inside cells", async () => {
    const { html } = await page("| a | b |\n| - | - |\n| [[s\\|S]] | x |\n");
    expect(html).toMatch(/<td><a href="\/base\/s\/"[^>]*>S<\/a><\/td>/);
  });

  it("marks broken links in the page when a vault with errors is shown (dev server)", async () => {
    const { html } = await page("See [[nowhere|elsewhere]] and [[s#No such heading]].\n");
    expect(html).toContain('<span class="wikilink broken" title="Missing note: nowhere">elsewhere</span>');
    expect(html).toContain('class="wikilink broken-heading"');
  });

  it("shows an embed as a card with the target's summary", async () => {
    const { html } = await page("![[s]]\n");
    expect(html).toContain('<span class="embed-card"><a href="/base/s/" class="wikilink embed" data-slug="s">Source S</a> — A source.</span>');
  });
});

describe("Site", () => {
  it("lists backlinks grouped by type with the mention sentence, links read as titles", async () => {
    const { site } = await page("Body.\n");
    expect(site.page("s")!.citedBy.map((x) => x.slug)).toEqual(["n"]);
    expect(site.page("n")!.backlinks).toEqual([
      { type: "source", label: "Sources", items: [{ note: { slug: "s", text: "Source S", href: "/base/s/" }, contexts: ["Back to Note N."] }] },
    ]);
  });
});

describe("Site.infobox", () => {
  it("keeps each affiliation's dates with its own lab when an earlier one is unresolved (dev server)", async () => {
    const { vault } = await checkVault({
      "sources/s.md": note({ title: "S", type: "source", kind: "article", summary: "s." }, "[[p]] [[lab-b]]"),
      "labs/lab-b.md": note({ title: "Lab B", type: "lab", summary: "b.", sources: "[s]" }),
      "people/p.md": `---\ntitle: P\ntype: person\nsummary: p.\nsources: [s]\naffiliations:\n  - { lab: missing-lab, role: CTO, from: "2010", to: "2012" }\n  - { lab: lab-b, role: CEO, from: "2020" }\n---\n`,
    });
    const site = new Site(vault);
    const row = site.infobox(site.note("p")!).find((r) => r.label === "Affiliations")!;
    expect(row.values.map((v) => [v.text, v.extra])).toEqual([["Lab B", "CEO, 2020–"]]);
  });

  it("shows sourced values with their sources, and disagreeing values side by side", async () => {
    const { vault } = await checkVault({
      "sources/a.md": note({ title: "A", type: "source", kind: "article", summary: "a." }, "[[m]]"),
      "sources/b.md": note({ title: "B", type: "source", kind: "article", summary: "b." }, "[[a]]"),
      "models/m.md": `---\ntitle: M\ntype: model\nsummary: m.\nsources: [a]\nparameters:\n  - { value: 120B, source: a }\n  - { value: 128B, source: b, note: total }\n---\n[[b]]\n`,
    });
    const site = new Site(vault);
    const row = site.infobox(site.note("m")!).find((r) => r.label === "Parameters")!;
    expect(row.values.map((v) => [v.text, v.note, v.sources.map((s) => s.slug)])).toEqual([
      ["120B", undefined, ["a"]],
      ["128B", "total", ["b"]],
    ]);
  });
});

describe("the grouped infobox", () => {
  it("lists a note's aliases once, among its own rows, not after a dataset's group", async () => {
    const { vault, diagnostics } = await checkVault({
      "atlas.yml": "notes: typed\ndatasets:\n  epoch: epoch-src\n",
      "sources/epoch-src.md": note({ title: "Epoch", type: "source", kind: "dataset", summary: "e." }, "[[acme]]"),
      "labs/acme.md": `---\ntitle: Acme\ntype: lab\nsummary: a.\naliases: [Acme AI]\nsources: [epoch-src]\nkind: company\nsector: { value: Industry, source: epoch-src, imported: epoch }\nrecord: { from: epoch, names: [Acme AI] }\n---\n[[epoch-src]]\n`,
    });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { infoboxGroups } = await import("../../src/lib/views/values.ts");
    const groups = infoboxGroups(new Site(vault), vault.bySlug.get("acme")!).groups;
    expect(groups.map((g) => [g.from?.id ?? "own", g.rows.map((r) => r.label)])).toEqual([
      ["own", ["Kind", "Also known as"]],
      ["epoch", ["Sector"]],
    ]);
  });
});
