/**
 * The landscape views as a reader uses them, on the fixture vault. The models comparison (`/models/`): a plain table
 * without JavaScript, openness a strip of squares; with it, filters by developer and by any openness dimension, a live
 * count, headers that sort (openness: most open first), the state in the address (tests/browser/models-comparison.test.ts
 * has the rest, on the wiki's own content). The timeline (`/timeline/`): filters by type and lab that hide emptied
 * months. Reading a note: link previews (mouse, keyboard, touch), its table of contents and heading anchors, the theme
 * toggle (system by default, remembered), print, and the graph page on a phone.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { countScripts } from "../../scripts/lib/page-weight.ts";
import { buildSite, ROOT, serve } from "../helpers/cli.ts";

let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  site = await serve(buildSite(join(ROOT, "tests/fixtures/vault")));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const visibleModels = (page: Page) => page.locator("table[data-table-tools] tbody tr:visible th a").allInnerTexts();

describe("the models comparison", () => {
  it("is a plain table of every model without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/models/`);
    expect(await visibleModels(page)).toEqual(["Gadget Model", "Widget 7B", "Widget 7B Instruct"]);
    expect(await page.locator("form.table-filters").count()).toBe(0);
    // Openness is one strip per model, a square per dimension some model rates, named by its title.
    expect(await page.locator('.strip .sq[title="End-model weights: open"]').count()).toBe(1);
    expect(await page.locator(".strip").first().getAttribute("aria-label")).toBe("0 of 2 rated open, 1 partial");
    await context.close();
  });

  it("filters by developer and by an openness cell, and says how many rows are shown", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${site.url}/models/`);
    await page.getByLabel("Developer", { exact: true }).selectOption("Acme AI");
    expect(await visibleModels(page)).toEqual(["Widget 7B", "Widget 7B Instruct"]);
    expect(await page.locator(".table-count").innerText()).toBe("2 of 3 shown");
    await page.getByLabel("Openness dimension").selectOption({ label: "End-model weights" });
    await page.getByLabel("Openness level").selectOption("open");
    expect(await visibleModels(page)).toEqual(["Widget 7B"]);
    expect(new URL(page.url()).search).toBe("?developer=Acme+AI&openness=end-model-weights&level=open");
    await page.getByLabel("Developer", { exact: true }).selectOption("");
    await page.getByLabel("Openness level").selectOption("closed");
    expect(await visibleModels(page)).toEqual(["Gadget Model"]);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => page.locator(".table-count").innerText()).toBe("3 shown");
    expect(new URL(page.url()).search).toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sorts by a header: openness most open first, then reversed, unrated last either way; names A to Z", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/models/`);
    const openness = page.locator("thead th", { hasText: "Openness" });
    await openness.getByRole("button").click();
    expect(await openness.getAttribute("aria-sort")).toBe("descending");
    expect(await visibleModels(page)).toEqual(["Widget 7B", "Gadget Model", "Widget 7B Instruct"]); // 1 of 2 open, half of 2, not rated
    await openness.getByRole("button").click();
    expect(await openness.getAttribute("aria-sort")).toBe("ascending");
    expect(await visibleModels(page)).toEqual(["Gadget Model", "Widget 7B", "Widget 7B Instruct"]);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("openness-asc");
    const name = page.locator("thead th").first();
    await name.getByRole("button", { name: "Name" }).press("Enter");
    expect(await name.getAttribute("aria-sort")).toBe("ascending");
    expect(await openness.getAttribute("aria-sort")).toBeNull();
    expect(await visibleModels(page)).toEqual(["Gadget Model", "Widget 7B", "Widget 7B Instruct"]);
    await page.close();
  });
});

describe("the timeline", () => {
  const shown = (page: Page) => page.locator(".timeline-entries > li:visible > a").allInnerTexts();

  it("lists every dated note newest first, undated events and models apart, and filters by type and lab", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${site.url}/timeline/`);
    expect(await page.locator(".timeline-year > h2").allInnerTexts()).toEqual(["2026", "2020"]);
    expect(await page.locator(".timeline-month > h3").allInnerTexts()).toEqual(["February 2026", "January 2026", "2020, month not given"]);
    expect(await page.locator(".timeline-undated li > a").allInnerTexts()).toEqual(["Gadget Model", "Widget 7B Instruct"]);
    expect(await page.locator('time[datetime="2026-01-10"]').innerText()).toBe("10 January");
    expect(await page.locator(".timeline-count").innerText()).toBe("7 entries");

    await page.getByLabel("Sources").uncheck();
    expect(await shown(page)).toEqual(["Widget launch", "Widget 7B", "Ada Lovelace", "Gadget Model", "Widget 7B Instruct"]);
    expect(await page.locator(".timeline-month:visible > h3").allInnerTexts()).toEqual(["January 2026", "2020, month not given"]); // February held only a source

    await page.getByLabel("Lab").selectOption("beta-labs");
    expect(await shown(page)).toEqual(["Gadget Model"]);
    expect(await page.locator(".timeline-year:visible").count()).toBe(0);
    expect(await page.locator(".timeline-count").innerText()).toBe("1 of 7 entries");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("reading a note", () => {
  it("has a table of contents on a long note and a link to each heading", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/open-weights/`);
    const toc = page.locator("details.toc");
    expect(await toc.locator("summary").innerText()).toBe("Contents");
    expect(await toc.locator("nav > ol > li > a").allInnerTexts()).toEqual(["Definition", "History", "Criticism"]);
    expect(await toc.locator("nav > ol > li > ol a").allInnerTexts()).toEqual(["Early releases"]);
    await toc.getByRole("link", { name: "Criticism" }).click();
    expect(new URL(page.url()).hash).toBe("#criticism");
    const anchor = page.locator("#early-releases > a.heading-anchor");
    expect(await anchor.getAttribute("href")).toBe("#early-releases");
    expect(await anchor.getAttribute("aria-label")).toBe("Link to this section");
    // A short note has none.
    await page.goto(`${site.url}/widget-7b/`);
    expect(await page.locator("details.toc").count()).toBe(0);
    await page.close();
  });

  it("follows the system's theme until the reader picks one, and remembers the pick", async () => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.goto(`${site.url}/widget-7b/`);
    const toggle = page.locator("[data-theme-toggle]");
    expect(await toggle.innerText()).toContain("System");
    expect(await background()).toBe("rgb(17, 20, 24)"); // the system is dark
    // Openness cells turn dark too, not light patches on a dark page; back to light with the light theme.
    const openCell = () => page.locator("#openness .status-open").first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await openCell()).toBe("rgb(18, 61, 36)");
    await toggle.click();
    expect(await openCell()).toBe("rgb(220, 252, 231)");
    await toggle.click();
    await toggle.click(); // dark, then system again
    expect(await openCell()).toBe("rgb(18, 61, 36)");
    await toggle.click();
    expect(await toggle.innerText()).toContain("Light");
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    expect(await background()).toBe("rgb(253, 253, 252)");
    await page.goto(`${site.url}/models/`); // another page, the same choice, from its first paint
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    expect(await background()).toBe("rgb(253, 253, 252)");
    await page.locator("[data-theme-toggle]").click(); // dark
    await page.locator("[data-theme-toggle]").click(); // system again
    expect(await page.evaluate(() => [document.documentElement.dataset.theme ?? null, localStorage.getItem("atlas-theme")])).toEqual([null, null]);
    expect(await background()).toBe("rgb(17, 20, 24)");
    await context.close();
  });

  it("prints the article alone", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/widget-7b/`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator(".backlinks").isVisible()).toBe(false);
    expect(await page.locator("article h1").isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe("rgb(255, 255, 255)");
    await page.close();
  });

  it("puts the graph before its controls on a phone", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${site.url}/graph/`);
    await page.locator("#graph-controls:not([hidden])").waitFor();
    const top = (sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().top);
    expect(await top(".graph-stage-wrap")).toBeLessThan(await top("#graph-controls"));
    await page.setViewportSize({ width: 1200, height: 800 });
    expect(await top(".graph-stage-wrap")).toBe(await top("#graph-controls")); // side by side on a wide screen
    await page.close();
  });
});

describe("link previews", () => {
  it("shows the target's title, type, summary and first paragraph on hover, fetching only that note's preview", async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on("request", (r) => { if (/\.json$/.test(new URL(r.url()).pathname)) fetched.push(new URL(r.url()).pathname); });
    await page.goto(`${site.url}/beta-labs/`);
    await page.locator('.note-body a.wikilink[data-slug="widget-7b"]').first().hover();
    const card = page.locator("#link-preview");
    await card.waitFor({ state: "visible" });
    expect((await card.locator(".badge").innerText()).toLowerCase()).toBe("model");
    expect(await card.locator(".preview-head strong").innerText()).toBe("Widget 7B");
    expect(await card.locator(".preview-summary").innerText()).toBe("A fictional 7-billion-parameter open model.");
    expect(await card.locator(".preview-excerpt").innerText()).toMatch(/^Widget 7B was released by Acme AI\. Sources disagree on its size/);
    expect(fetched).toEqual(["/previews/widget-7b.json"]);
    await page.mouse.move(0, 0);
    await card.waitFor({ state: "hidden" });
    await page.close();
  });

  it("shows it on keyboard focus, described by the link, and Escape closes it", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/beta-labs/`);
    const link = page.locator('.note-body a.wikilink[data-slug="acme-ai"]').first();
    await link.focus();
    const card = page.locator("#link-preview");
    await card.waitFor({ state: "visible" });
    expect(await card.locator(".preview-head strong").innerText()).toBe("Acme AI");
    expect(await link.getAttribute("aria-describedby")).toBe("link-preview");
    await page.keyboard.press("Escape");
    await card.waitFor({ state: "hidden" });
    expect(await link.getAttribute("aria-describedby")).toBeNull();
    await page.close();
  });

  it("on a touch screen, previews from the button beside a link; a tap on the link follows it", async () => {
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/beta-labs/`);
    const button = page.locator('.note-body a.wikilink[data-slug="widget-7b"] + button.preview-toggle').first();
    expect(await button.getAttribute("aria-label")).toMatch(/^Preview /);
    await button.tap();
    const card = page.locator("#link-preview");
    await card.waitFor({ state: "visible" });
    expect(await card.locator(".preview-head strong").innerText()).toBe("Widget 7B");
    await button.tap();
    await card.waitFor({ state: "hidden" });
    await page.locator('.note-body a.wikilink[data-slug="widget-7b"]').first().tap();
    await page.waitForURL(/\/widget-7b\/$/);
    await context.close();
  });
});

describe("JavaScript budget", () => {
  it("a note page loads at most 50 KB of gzipped JavaScript before its local graph scrolls into view", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    const scripts = countScripts(page);
    await page.goto(`${site.url}/widget-7b/`);
    await page.waitForLoadState("networkidle");
    const before = await scripts.total();
    expect(before.gzipBytes).toBeGreaterThan(0);
    expect(before.gzipBytes).toBeLessThanOrEqual(50 * 1024);
    // The graph's code (sigma) comes only with the graph.
    await page.locator(".local-graph").scrollIntoViewIfNeeded();
    await page.locator(".local-graph-stage.is-drawn").waitFor();
    const after = await scripts.total();
    expect(after.files).toBeGreaterThan(before.files);
    expect(after.gzipBytes - before.gzipBytes).toBeGreaterThan(20 * 1024);
    await page.close();
  });
});
