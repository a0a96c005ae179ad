/**
 * A link's preview (`Site.preview()`): the target's first paragraph as escaped text, made from the text kept with the
 * parse (markdown/excerpt.ts), never from the page's HTML. It must read exactly as that paragraph of the page does
 * without its tags, which the reference below computes the old way, from the HTML.
 */
import { describe, expect, it } from "vitest";
import { templateOf } from "../../src/lib/parse-note.ts";
import { Site } from "../../src/lib/site.ts";
import { checkVault, note } from "../helpers/vault.ts";

/** The first `<p>` of a page's body HTML without its tags, cut as a preview cuts it: what a preview showed before. */
function fromHtml(html: string): string {
  const start = html.search(/<p[ >]/);
  const inner = start < 0 ? "" : html.slice(html.indexOf(">", start) + 1, html.indexOf("</p>", start));
  let excerpt = inner.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
  if (excerpt.length > 400) excerpt = `${excerpt.slice(0, excerpt.lastIndexOf(" ", 400)).replace(/&[a-z#0-9]*$/i, "")} …`;
  return excerpt;
}

const long = Array.from({ length: 90 }, (_, i) => (i % 7 === 3 ? "R&D" : `w${i}`)).join(" ");

const TYPED = [
  "Intro with [[s]], [[s|**bold** label]], [[s#Method]], [[missing]] and a < b & c > \"d\" 'e'.\n\nSecond.",
  "# Heading first\n\n> Quoted *first* paragraph.\n\nThen this.",
  "- tight item\n- another\n\nThe paragraph [^1] after a tight list.\n\n[^1]: The note.",
  "```\n<p>not this</p>\n```\n\nAfter `code <b>` and **strong**.",
  "Raw <span class=\"x\">inline</span> HTML.\n\n<p>raw paragraph</p>",
  "<div>\n\n<p>raw first</p>\n\n</div>\n\nMarkdown.",
  "See ![[s]] in a line, then ![[missing]].",
  `${long} [[s]] ${long}`,
  `[[s|${long}]] tail`,
  "| a | b |\n| - | - |\n| x | y |\n\nNo paragraph before the table.",
  "Only a heading:\n\n## H",
  "",
];

const OBSIDIAN: Record<string, string> = {
  "Home.md": "Tagged #topic/sub, ==marked==, %%hidden%% and $x^2 < y$ math, a [[Pic.png]], ![[Pic.png]] inline, ![[Doc.pdf]] and [[Other|an alias]].",
  "Callout.md": "> [!note] Title here\n> Body of the callout.\n\nAfter it.",
  "Embeds.md": "![[Other]]\n\nOwn first paragraph.",
  "Other.md": "Other's first paragraph. ^b1",
  "Pic.png": "png",
  "Doc.pdf": "pdf",
};

describe("link previews", () => {
  it("read as the first paragraph of the page without its tags, links as the page shows them: a typed note", async () => {
    for (const body of TYPED) {
      const { vault } = await checkVault({
        "sources/s.md": note({ title: "Source S", type: "source", kind: "article", summary: "A <source> & co." }, "## Method\n\nText.\n"),
        "concepts/n.md": note({ title: "Note N", type: "concept", summary: "N.", sources: "[s]" }, body),
      });
      const site = new Site(vault);
      const n = vault.bySlug.get("n")!;
      expect(site.preview(n).excerptHtml, body).toBe(fromHtml(site.html(n)));
    }
  });

  it("read as the first paragraph of the page without its tags: an Obsidian note", async () => {
    const { vault } = await checkVault({ "atlas.yml": "notes: obsidian\n", ...OBSIDIAN });
    const site = new Site(vault);
    for (const slug of ["home", "callout", "other"]) {
      const n = vault.bySlug.get(slug)!;
      expect(site.preview(n).excerptHtml, slug).toBe(fromHtml(site.html(n)));
    }
    expect(site.preview(vault.bySlug.get("home")!).excerptHtml).toContain("#topic/sub, marked, and");
    // A note opening with an embed previews its own first paragraph, not the embedded note's title.
    expect(site.preview(vault.bySlug.get("embeds")!).excerptHtml).toBe("Own first paragraph.");
  });

  it("cut at a word before 400 characters, never in the middle of an entity, and keep no more than a preview can show", async () => {
    const { vault } = await checkVault({ "concepts/n.md": note({ title: "N", type: "concept", summary: "N." }, `${long} ${long}`) });
    const n = vault.bySlug.get("n")!;
    const excerpt = new Site(vault).preview(n).excerptHtml;
    expect(excerpt.endsWith(" …")).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(402);
    expect(excerpt).not.toMatch(/&[a-z]*( …)$/);
    const kept = templateOf(n).excerpt!.join("");
    expect(kept.length).toBeLessThanOrEqual(420);
  });
});
