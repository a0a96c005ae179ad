/** A reader searching the built site in Chromium: the header search box, Pagefind results, and pages without JavaScript. */
import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { buildSite, ROOT, serve } from "../helpers/cli.ts";
import { deadLinks } from "../helpers/crawl.ts";

let browser: Browser;
/** The fixture's notes in vault order (by path), as the shards take them. */
const SLUGS = readdirSync(join(ROOT, "tests/fixtures/vault"), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith(".md") && e.name !== "README.md")
  .map((e) => join(e.parentPath, e.name))
  .sort()
  .map((p) => basename(p, ".md"));
let site: { url: string; close: () => Promise<void> };

let dist: string;

beforeAll(async () => {
  // Four notes per search shard: the fixture's ten notes make three Pagefind bundles, which the search page merges.
  dist = buildSite(join(ROOT, "tests/fixtures/vault"), { ATLAS_SEARCH_SHARD_NOTES: "4" });
  site = await serve(dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("search", () => {
  it("indexes a big vault in shards, one bundle each", () => {
    expect(["pagefind", "pagefind/shard-2", "pagefind/shard-3"].map((d) => existsSync(join(dist, d, "pagefind.js")))).toEqual([true, true, true]);
    expect(existsSync(join(dist, "pagefind/shard-4"))).toBe(false);
  });

  it("has no internal link or anchor that points nowhere, the shards' files included", () => {
    expect(deadLinks(dist)).toEqual([]);
  });

  it("finds notes of every shard from the one search page", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // One note of each shard (the shards take the notes in path order, four at a time).
    for (const [query, slug] of [["beta", "beta-labs"], ["lovelace", "ada-lovelace"], ["paper", "roe-2026-widget-paper"]]) {
      expect(Math.floor(SLUGS.indexOf(slug) / 4)).toBe(["beta-labs", "ada-lovelace", "roe-2026-widget-paper"].indexOf(slug));
      await page.goto(`${site.url}/search/?q=${query}`);
      const hit = page.locator(`.pagefind-ui__result-link[href$="/${slug}/"]`);
      await hit.first().waitFor({ timeout: 15_000 });
    }
    expect(errors).toEqual([]);
  });

  it("finds a note by a word of its body from the header search box", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${site.url}/acme-ai/`);
    // `/` (or Ctrl-K) jumps to the box from anywhere on the page.
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search");
    await page.locator("h1").click();
    await page.keyboard.press("Control+k");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search");
    await page.keyboard.type("finetune");
    await page.press("#site-search", "Enter");
    await page.waitForURL(/\/search\/\?q=finetune/);
    const first = page.locator(".pagefind-ui__result-link").first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.textContent()).toBe("Widget 7B Instruct");
    expect(await page.locator(".pagefind-ui__result").first().innerText()).toContain("Type: Model");
    expect((await page.locator(".pagefind-ui__result-excerpt").first().innerText()).length).toBeGreaterThan(10);
    await first.click();
    await page.waitForURL(/\/widget-7b-instruct\/$/);
    expect(errors).toEqual([]);
  });
});

describe("search by type", () => {
  it("filters results by the notes' type", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/search/?q=widget`);
    await page.locator(".pagefind-ui__result-link").first().waitFor({ timeout: 15_000 });
    const types = async () => (await page.locator(".pagefind-ui__result").allInnerTexts()).map((t) => /Type: (\w+)/.exec(t)?.[1]);
    expect(await types()).toContain("Source");
    // Pagefind's filter panel offers the types found, with counts; pick Model.
    const model = page.locator('.pagefind-ui__filter-panel label[for="type-Model"]');
    expect(await model.innerText()).toMatch(/^Model \(\d+\)$/);
    await model.click();
    await expect.poll(async () => { const t = await types(); return t.length > 0 && t.every((x) => x === "Model"); }).toBe(true);
    await page.close();
  });
});

describe("without JavaScript", () => {
  it("note pages read fully: body, infobox, sources and backlinks", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/widget-7b/`);
    expect(await page.locator("h1").textContent()).toBe("Widget 7B");
    expect(await page.locator(".infobox").innerText()).toContain("Acme AI");
    expect(await page.locator("#sources-heading").isVisible()).toBe(true);
    expect(await page.locator(".backlinks a").count()).toBeGreaterThan(3);
    await ctx.close();
  });

  it("serves the 404 page for a missing address", async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${site.url}/no-such-note/`);
    expect(res?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("This page does not exist");
  });

  it("shows the best matches under the header box as the reader types: title, type, excerpt, type filters, keys", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${site.url}/acme-ai/`);
    await page.locator("#site-search").fill("widget");
    const options = page.locator("#site-search-results [role=option]");
    await options.first().waitFor({ timeout: 15_000 });
    expect(await page.locator("#site-search").getAttribute("aria-expanded")).toBe("true");
    const texts = await options.allInnerTexts();
    expect(texts.length).toBeGreaterThan(1);
    // Each result names its type; the excerpt marks the matched word.
    expect(await options.first().locator(".search-popup-type").textContent()).toMatch(/^(Model|Lab|Person|Source|Concept|Event)$/);
    expect(await page.locator("#site-search-results mark").count()).toBeGreaterThan(0);
    // The types among the matches filter the list, here as on the search page.
    const modelChip = page.locator(".search-popup-types button", { hasText: /^Model \(\d+\)$/ });
    await modelChip.click();
    await page.waitForFunction(() => [...document.querySelectorAll("#site-search-results .search-popup-type")].every((b) => b.textContent === "Model"));
    expect(await modelChip.getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator(".search-popup-status").innerText()).toMatch(/of type Model$/);
    // Arrow keys choose a result, Enter opens it.
    await page.locator("#site-search").focus();
    await page.keyboard.press("ArrowDown");
    const chosen = await page.locator("#site-search").getAttribute("aria-activedescendant");
    expect(chosen).toBe("site-search-result-0");
    const href = await page.locator(`#${chosen}`).getAttribute("href");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.href.endsWith(href!));
    // Escape closes the list; with nothing chosen, Enter still goes to the search page.
    await page.locator("#site-search").fill("lovelace");
    await options.first().waitFor();
    await page.keyboard.press("Escape");
    expect(await page.locator(".search-popup").isHidden()).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=lovelace/);
    expect(errors).toEqual([]);
  });
});
