import { describe, expect, it } from "vitest";
import { Site } from "../../src/lib/site.ts";
import { checkVault, note } from "../helpers/vault.ts";

async function page(body: string, extra: Record<string, string> = {}) {
  const { vault } = await checkVault({
    "sources/s.md": note({ title: "Source S", type: "source", kind: "article", summary: "A source." }, "## Method\n\nBack to [[n]].\n"),
    "concepts/n.md": note({ title: "Note N", type: "concept", summary: "N.", sources: "[s]", ...extra }, body),
  });
  return { site: new Site(vault, "/base/"), vault };
}

describe("renderNote", () => {
  it("turns wikilinks into links to resolved notes, with labels, headings and titles", async () => {
    const { site } = await page("See [[s]], [[Source S|the source]] and [[s#Method]].\n");
    const html = site.html("n");
    expect(html).toContain('<a href="/base/s/" title="A source." class="wikilink" data-slug="s">Source S</a>');
    expect(html).toContain(">the source</a>");
    expect(html).toContain('href="/base/s/#method"');
    expect(html).toContain(">Source S › Method</a>");
  });

  it("gives headings the ids the checker resolved links against", async () => {
    const { site } = await page("## Strategy\n\n## Strategy\n\n[[#Strategy]]\n");
    const html = site.html("n");
    expect(html).toContain('<h2 id="strategy">Strategy</h2>');
    expect(html).toContain('<h2 id="strategy-1">Strategy</h2>');
  });

  it("leaves code alone", async () => {
    const { site } = await page("`[[s]]`\n\n```\n[[s]]\n```\n");
    expect(site.html("n")).not.toContain("wikilink");
  });

  it("sanitizes raw HTML: no scripts, no handlers, no javascript: URLs", async () => {
    const { site } = await page('<b onclick="evil()">bold</b> <img src=x onerror=alert(1)> [x](javascript:alert(1))\n\n<script>alert(1)</script>\n');
    const html = site.html("n");
    expect(html).toContain("<b>bold</b>");
    expect(html).not.toMatch(/onclick|onerror|<script|javascript:/i);
  });

  it("renders GFM tables with wikilinks inside cells", async () => {
    const { site } = await page("| a | b |\n| - | - |\n| [[s\\|S]] | x |\n");
    expect(site.html("n")).toMatch(/<td><a href="\/base\/s\/"[^>]*>S<\/a><\/td>/);
  });
});

describe("Site", () => {
  it("lists backlinks grouped by type with the mention sentence", async () => {
    const { site } = await page("Body.\n");
    const n = site.note("n")!;
    expect(site.backlinks(n)).toEqual([
      { type: "source", label: "Sources", items: [{ note: { slug: "s", text: "Source S", href: "/base/s/" }, contexts: ["Back to Note N."] }] },
    ]);
    expect(site.citedBy(site.note("s")!).map((x) => x.slug)).toEqual(["n"]);
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
});
