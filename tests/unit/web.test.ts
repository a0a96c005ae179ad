/**
 * The web-citizen outputs from the fixture vault: JSON-LD per note type (and a title that tries to close the script),
 * the sitemap, the Atom feed's order and timestamps, robots.txt and llms.txt.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { siteIdentity } from "../../src/lib/config.ts";
import { REGISTRY } from "../../src/lib/registry.ts";
import { Site } from "../../src/lib/site.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { atomFeed, llmsTxt, noteJsonLd, robotsTxt, scriptJson, sitemapXml } from "../../src/lib/web.ts";
import type { Note } from "../../src/lib/types.ts";

const ROOT = join(import.meta.dirname, "../..");
const ORIGIN = "https://wiki.example";
const identity = siteIdentity({ title: "Fixture Wiki", description: "A wiki of fictional labs and models." }, "vault");
const site = new Site(await loadVault(join(ROOT, "tests/fixtures/vault"), { cache: null }), { base: "/atlas/", identity });
const note = (slug: string) => site.note(slug)!;
// Two notes changed in git, one dated only by its frontmatter, the rest never.
const dates: Record<string, { date: string; from: "git" | "frontmatter"; at?: string }> = {
  "widget-7b": { date: "2026-02-03", from: "git", at: "2026-02-03T10:20:30+01:00" },
  "acme-ai": { date: "2026-02-03", from: "git", at: "2026-02-03T08:00:00Z" },
  "open-weights": { date: "2025-11", from: "frontmatter" },
};
const updated = (n: Note) => dates[n.slug];

describe("JSON-LD", () => {
  it("describes a model, a person, a source and an event with schema.org types and absolute addresses", () => {
    expect(noteJsonLd(site, note("widget-7b"), ORIGIN)).toMatchObject({
      "@context": "https://schema.org",
      "@type": "SoftwareSourceCode",
      name: "Widget 7B",
      url: "https://wiki.example/atlas/widget-7b/",
      creator: [{ "@type": "Organization", name: "Acme AI", url: "https://wiki.example/atlas/acme-ai/" }],
      dateCreated: "2026-01",
      license: "Apache-2.0",
    });
    expect(noteJsonLd(site, note("ada-lovelace"), ORIGIN)).toMatchObject({ "@type": "Person", affiliation: [{ "@type": "Organization", name: "Acme AI" }] });
    expect(noteJsonLd(site, note("doe-2026-acme-report"), ORIGIN)).toMatchObject({
      datePublished: "2026-02-01",
      author: [{ "@type": "Person", name: "Ada Lovelace" }, { "@type": "Person", name: "Jane Doe" }],
    });
    expect(noteJsonLd(site, note("widget-launch"), ORIGIN)).toMatchObject({ "@type": "Event", startDate: "2026-01-10", organizer: [{ name: "Acme AI" }, { name: "Ada Lovelace" }] });
  });

  it("cannot close its script element, whatever a value holds", () => {
    const json = scriptJson({ name: "</script><script>alert(1)</script>", line: "\u2028" });
    expect(json).not.toMatch(/<\/?script/i);
    expect(JSON.parse(json)).toEqual({ name: "</script><script>alert(1)</script>", line: "\u2028" });
  });
});

describe("sitemap, feed, robots, llms.txt", () => {
  it("lists every page in the sitemap, notes with the day they last changed", () => {
    const xml = sitemapXml(site, ORIGIN, updated);
    expect(xml).toContain("<url><loc>https://wiki.example/atlas/</loc></url>");
    expect(xml).toContain("<url><loc>https://wiki.example/atlas/timeline/</loc></url>");
    expect(xml).toContain("<url><loc>https://wiki.example/atlas/widget-7b/</loc><lastmod>2026-02-03</lastmod></url>");
    expect((xml.match(/<url>/g) ?? []).length).toBe(1 + 6 + 5 + site.tags.size + site.vault.notes.length);
  });

  it("feeds the notes changed last, newest first, with full timestamps", () => {
    const feed = atomFeed(site, ORIGIN, updated);
    const entries = [...feed.matchAll(/<entry>\s*<title>([^<]+)<\/title>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => [m[1], m[2]]);
    expect(entries).toEqual([
      ["Widget 7B", "2026-02-03T09:20:30Z"],
      ["Acme AI", "2026-02-03T08:00:00Z"],
      ["Open weights", "2025-11-01T00:00:00Z"],
    ]);
    expect(feed).toContain('<link rel="self" href="https://wiki.example/atlas/feed.xml"/>');
    expect(feed).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en">\n  <title>Fixture Wiki: recently changed notes<\/title>\n  <subtitle>A wiki of fictional labs and models.<\/subtitle>/);
    expect(feed).toContain("<author><name>Fixture Wiki contributors</name></author>");
  });

  it("links relatively and claims no address when the site has no origin", () => {
    const feed = atomFeed(site, undefined, updated);
    expect(feed).toContain('<link rel="self" href="/atlas/feed.xml"/>');
    expect(feed).toContain('<link href="/atlas/widget-7b/"/>');
    expect(feed).toContain("<id>urn:note:widget-7b</id>");
    expect(feed).not.toContain("http://localhost");
    expect(robotsTxt(site, undefined)).toBe("User-agent: *\nAllow: /\n");
    expect(llmsTxt(site, undefined)).toContain("- [Widget 7B](/atlas/widget-7b/): ");
    expect(noteJsonLd(site, note("widget-7b"), undefined)).toMatchObject({ url: "/atlas/widget-7b/" });
  });

  it("points robots at the sitemap and lists every note with its summary for language-model tools", () => {
    expect(robotsTxt(site, ORIGIN)).toBe("User-agent: *\nAllow: /\n\nSitemap: https://wiki.example/atlas/sitemap.xml\n");
    const llms = llmsTxt(site, ORIGIN);
    expect(llms).toMatch(/^# Fixture Wiki\n\n> A wiki of fictional labs and models.\n/);
    // Each type's list follows the sentence its registry entry gives.
    expect(llms).toContain(`## Models\n\n${REGISTRY.entry("model").about}\n\n- [Gadget Model](https://wiki.example/atlas/gadget-model/): A fictional closed model used for contrast.\n`);
    expect((llms.match(/^- \[/gm) ?? []).length).toBe(site.vault.notes.length);
  });
});
