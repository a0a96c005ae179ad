/**
 * Pages of imported notes as a reader uses them, in Chromium, on the fixture vault after `npm run import`: the models
 * comparison filters by modality and by year (and is a plain table without JavaScript); an imported model page shows
 * sections made from its data (no templated paragraph), evidence links named by kind, where its values come from once
 * per section (linking the record) and its values' notes as footnotes; a lab page lists what the wiki has of it; the
 * model and lab pages pass axe-core in light and dark.
 */
import { cpSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { buildSite, ROOT, runScript, serve } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  const vault = join(tempDir("atlas-imported-"), "vault");
  cpSync(join(ROOT, "tests/fixtures/osai-vault"), vault, { recursive: true });
  const r = runScript("import", ["osai", join(ROOT, "tests/fixtures/osai-index"), "--commit", "0123456789abcdef0123456789abcdef01234567", "--date", "2026-06-12"], { CONTENT_DIR: vault });
  if (r.code !== 0) throw new Error(r.stderr);
  site = await serve(buildSite(vault));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const visibleModels = (page: Page) => page.locator("table[data-table-tools] tbody tr:visible th a").allInnerTexts();

describe("imported models", () => {
  it("are rows of the plain comparison table without JavaScript, with the credit below it", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/models/`);
    expect(await visibleModels(page)).toEqual(["Gizmo", "Sprocket", "Sprocket-2-Large", "Widget 7B"]);
    expect(await page.locator(".dataset-credit a[href='https://osai-index.eu/']").count()).toBe(1);
    await context.close();
  });

  it("filter by modality and by year", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/models/`);
    await page.getByLabel("Modality", { exact: true }).selectOption("code");
    expect(await visibleModels(page)).toEqual(["Gizmo"]);
    await page.getByLabel("Modality", { exact: true }).selectOption("");
    await page.getByLabel("Released", { exact: true }).selectOption("2023");
    expect(await visibleModels(page)).toEqual(["Sprocket-2-Large"]);
    await page.close();
  });

  it("show sections made from the data, not a templated paragraph", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/gizmo/`);
    expect(await page.locator(".note-body").count()).toBe(0);
    const text = await page.locator("article").innerText();
    expect(text).not.toMatch(/lists Gizmo as|Of the twelve openness parameters|credits Gizmo Labs with/);
    const rates = page.locator("section.facts-index-rates");
    expect(await rates.locator("h2").innerText()).toBe("What the index rates");
    const facts = await rates.locator(".fact-list").innerText();
    expect(facts).toMatch(/Release rated\s+Gizmo-7B-Chat/);
    expect(facts).toMatch(/Licence\s+MIT License/);
    expect(facts).toMatch(/Availability\s+3 open, 1 partial, 1 closed of 5 rated/);
    expect(await rates.locator("a[href='#openness']").count()).toBe(1);
    const relations = page.locator("section.facts-relations .fact-list");
    expect(await relations.innerText()).toMatch(/Developer\s+Gizmo Labs/);
    // A family note lists the releases filed under it, from their notes.
    await page.goto(`${site.url}/sprocket/`);
    expect(await page.locator("section.facts-relations .fact-list").innerText()).toMatch(/In this family\s+Sprocket-2-Large/);
    await page.close();
  });

  it("name evidence links by what they point to", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/gizmo/`);
    const names = await page.locator(".openness-matrix a.evidence-link").allInnerTexts();
    expect(names).toContain("index record (Gizmo.yaml)");
    expect(names).not.toContain("github.com");
    expect(names.every((n) => n !== "example.org")).toBe(true);
    await page.close();
  });

  it("say where values come from once per section, with the record, and give hedges as footnotes", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/gizmo/`);
    // No chip after every value: one provenance line in the infobox, one above the matrix, one per data section.
    expect(await page.locator(".imported").count()).toBe(0);
    expect(await page.locator(".infobox .provenance-line").count()).toBe(1);
    expect(await page.locator(".openness-matrix .provenance-line").count()).toBe(1);
    expect(await page.locator("section.facts-index-rates .provenance-line").count()).toBe(1);
    expect(await page.locator(".provenance-line").count()).toBe(3);
    const line = page.locator(".infobox .provenance-line");
    expect(await line.innerText()).toMatch(/^From the European Open Source AI Index\s*\[1\] · record Gizmo\.yaml$/);
    expect(await line.locator("a[rel~='nofollow']").getAttribute("href")).toBe("https://github.com/Language-Technology-Assessment/main-database/blob/0123456789abcdef0123456789abcdef01234567/Gizmo.yaml");
    expect(await page.locator(".infobox tbody.from-osai").getAttribute("title")).toBe("Imported from the European Open Source AI Index, record Gizmo.yaml, as of 2026-06-12");
    // The index's values under that line cite nothing more; the matrix's imported rows keep the record in a tooltip.
    expect(await page.locator(".infobox tbody.from-osai td sup.cite").count()).toBe(0);
    expect(await page.locator(".openness-matrix tr[title^='Imported from the European Open Source AI Index']").count()).toBe(10);
    // The index's wording of the licence is a footnote, not a parenthesis after the value.
    const infobox = page.locator(".infobox");
    expect(await infobox.locator("td").allInnerTexts()).not.toContain(expect.stringContaining("(the index writes"));
    expect(await infobox.locator("sup.fn-mark a").first().getAttribute("href")).toBe("#fn-a");
    expect(await infobox.locator(".infobox-notes #fn-a").innerText()).toBe('a the index writes "MIT License"');
    await page.close();
  });

  it("list a lab's models, and what the wiki has of it, from the models' notes", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/gizmo-labs/`);
    expect(await page.locator(".note-body").count()).toBe(0);
    expect(await page.locator("section.facts-in-the-wiki .fact-list").innerText()).toMatch(/Models\s+2\s+Rated by the index\s+2\s+Released\s+2023–2025/);
    expect(await page.locator("section.developed tbody tr").count()).toBe(2);
    await page.close();
  });

  for (const path of ["/gizmo/", "/widget-7b/", "/acme-ai/", "/gizmo-labs/"]) {
    it(`${path} has no serious or critical accessibility violation, light and dark`, async () => {
      for (const colorScheme of ["light", "dark"] as const) {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        await page.goto(`${site.url}${path}`);
        await page.addScriptTag({ content: AXE });
        const violations = (await page.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ["violations"] }).then((r) => r.violations))) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
        await context.close();
        expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), colorScheme).toEqual([]);
      }
    });
  }
});
