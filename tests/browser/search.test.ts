/** A reader searching the built site in Chromium: the header search box, Pagefind results, and pages without JavaScript. */
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
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

describe("search", () => {
  it("finds a note by a word of its body from the header search box", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${site.url}/acme-ai/`);
    await page.fill("#site-search", "finetune");
    await page.press("#site-search", "Enter");
    await page.waitForURL(/\/search\/\?q=finetune/);
    const first = page.locator(".pagefind-ui__result-link").first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.textContent()).toBe("Widget 7B Instruct");
    await first.click();
    await page.waitForURL(/\/widget-7b-instruct\/$/);
    expect(errors).toEqual([]);
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
});
