/**
 * Pages as data: a note page's whole content computed by src/lib/pages/note.ts without Astro, as plain serialisable
 * data, with a digest that changes when, and only when, what the page shows changes.
 */
import { appendFileSync, cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { homeData, tagData, tagsData } from "../../src/lib/pages/lists.ts";
import { notePageData, pageDigest, tableOfContents } from "../../src/lib/pages/note.ts";
import { typeIndexData } from "../../src/lib/pages/type-index.ts";
import { Site } from "../../src/lib/site.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { tempDir } from "../helpers/temp.ts";

const ROOT = join(import.meta.dirname, "../..");
const siteOf = async (dir: string) => new Site(await loadVault(dir, { cache: null }));

describe("a note page's data", async () => {
  const site = await siteOf(join(ROOT, "tests/fixtures/vault"));

  it("holds everything the page shows, as plain data", () => {
    const page = notePageData(site, "widget-7b")!;
    expect(page).toMatchObject({ slug: "widget-7b", title: "Widget 7B", typeBadge: { type: "model", label: "Model", href: "/models/" } });
    expect(page.trail).toBeUndefined();
    expect(page.infobox.find((r) => r.label === "Developer")!.values[0]).toMatchObject({ text: "Acme AI", href: "/acme-ai/" });
    expect(page.openness?.cells).toHaveLength(14);
    expect(page.citations.map((c) => [c.slug, page.numbers[c.slug]])).toEqual(page.citations.map((c, i) => [c.slug, i + 1]));
    expect(page.backlinks.flatMap((g) => g.items.map((i) => i.note.slug))).toContain("widget-7b-instruct");
    expect(page.source.file).toBe("models/widget-7b.md");
    expect(JSON.parse(page.jsonLd)).toMatchObject({ "@type": "SoftwareSourceCode", name: "Widget 7B" });
    expect(page.localGraph?.listed.length).toBeGreaterThan(0);
    // Serialisable: what goes through JSON comes back the same (no functions, maps or class instances).
    expect(JSON.parse(JSON.stringify(page))).toEqual(page);
    expect(notePageData(site, "no-such-note")).toBeUndefined();
  });

  it("has a digest that follows what the page shows", async () => {
    const same = notePageData(await siteOf(join(ROOT, "tests/fixtures/vault")), "widget-7b")!;
    expect(pageDigest(same)).toBe(pageDigest(notePageData(site, "widget-7b")!));
    // A sentence added beside a link to widget-7b in another note changes its backlinks, so its page; not a page the
    // note does not touch.
    const copy = tempDir("atlas-page-data-");
    cpSync(join(ROOT, "tests/fixtures/vault"), copy, { recursive: true });
    appendFileSync(join(copy, "models/widget-7b-instruct.md"), "\nIt is tuned from [[widget-7b]] with new data.\n");
    const changed = await siteOf(copy);
    expect(pageDigest(notePageData(changed, "widget-7b")!)).not.toBe(pageDigest(same));
    expect(pageDigest(notePageData(changed, "open-weights")!)).toBe(pageDigest(notePageData(site, "open-weights")!));
  });

  it("gives a table of contents only to a note with three or more sections", () => {
    expect(tableOfContents([{ depth: 2, id: "a", text: "A" }, { depth: 2, id: "b", text: "B" }])).toEqual([]);
    expect(tableOfContents([{ depth: 3, id: "x", text: "X" }, { depth: 2, id: "a", text: "A" }, { depth: 3, id: "a1", text: "A1" }, { depth: 1, id: "t", text: "T" }])).toEqual([
      { id: "x", text: "X", children: [] },
      { id: "a", text: "A", children: [{ id: "a1", text: "A1" }] },
    ]);
  });
});

describe("the list pages' data", async () => {
  const site = await siteOf(join(ROOT, "tests/fixtures/vault"));

  it("gives a type's index its columns and one row per note, each cell with its sort and filter", () => {
    const models = typeIndexData(site, "model");
    expect(models.label).toBe("Models");
    expect(models.rows.map((r) => r.title)).toEqual(["Gadget Model", "Widget 7B", "Widget 7B Instruct"]);
    expect(models.hasOpenness).toBe(true);
    const developer = models.columns.findIndex((c) => c.label === "Developer");
    expect(models.rows[1].cells[developer]).toMatchObject({ values: [{ text: "Acme AI", href: "/acme-ai/" }], sort: "acme ai", filter: ["Acme AI"] });
    const openness = models.columns.findIndex((c) => c.kind === "openness");
    expect(models.columns[openness].dimensions!.map((d) => d.short)).toEqual(["BD", "EW", "MC"]); // only the dimensions some model rates
    expect(models.rows[1].cells[openness].strip).toEqual({ levels: ["closed", "open", "unknown"], label: "1 of 2 rated open" });
    expect(JSON.parse(JSON.stringify(models))).toEqual(models);
  });

  it("lists tags, a tag's notes and the home page's start, counts and hubs", () => {
    const tags = tagsData(site);
    expect(tags.length).toBe(site.tags.size);
    expect(tagData(site, tags[0].tag).notes).toHaveLength(tags[0].count);
    const home = homeData(site, 3);
    expect(home.counts.find((c) => c.type === "model")).toEqual({ type: "model", label: "Models", href: "/models/", count: 3 });
    expect(home.hubs).toHaveLength(3);
    expect(home.start).toBeUndefined(); // the fixture's atlas.yml names no home note
  });
});

describe("an Obsidian note's page data", async () => {
  const site = await siteOf(join(ROOT, "tests/fixtures/obsidian"));

  it("has the folders it is in above its title, and no type badge", () => {
    const slug = [...site.vault.bySlug.values()].find((n) => n.title === "日本語ノート")!.slug;
    const page = notePageData(site, slug)!;
    expect(page.typeBadge).toBeUndefined();
    expect(page.trail).toEqual([
      { name: "Projects", href: "/projects/" },
      { name: "Ideas & Drafts", href: "/projects/ideas-drafts/" },
    ]);
  });

  it("lists the folder a folder note shares its address with", () => {
    const page = notePageData(site, "projects")!;
    expect(page.folder?.folders).toEqual([{ name: "Ideas & Drafts", href: "/projects/ideas-drafts/", notes: 3 }]);
    expect(page.folder?.notes.map((n) => n.title)).toContain("Three laws of motion");
  });
});
