/**
 * The landscape views as a reader uses them, on the fixture vault. The models comparison (`/models/`): a plain table
 * without JavaScript; with it, filters by developer and by any openness cell, a live count, and headers that sort
 * (openness: most open first). The timeline (`/timeline/`): filters by type and lab that hide emptied months.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
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

const visibleModels = (page: Page) => page.locator("table[data-table-tools] tbody tr:visible th a").allInnerTexts();

describe("the models comparison", () => {
  it("is a plain table of every model without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/models/`);
    expect(await visibleModels(page)).toEqual(["Gadget Model", "Widget 7B", "Widget 7B Instruct"]);
    expect(await page.locator("form.table-filters").count()).toBe(0);
    expect(await page.locator('td.oc[title="End-model weights: open"]').count()).toBe(1);
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
    await page.getByLabel("Developer", { exact: true }).selectOption("");
    await page.getByLabel("Openness level").selectOption("closed");
    expect(await visibleModels(page)).toEqual(["Gadget Model"]);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => page.locator(".table-count").innerText()).toBe("3 shown");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sorts by a header: an openness dimension most open first, then reversed; names A to Z", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/models/`);
    const ew = page.locator("th", { has: page.locator('abbr[title="End-model weights"]') });
    await ew.getByRole("button").click();
    expect(await ew.getAttribute("aria-sort")).toBe("descending");
    expect(await visibleModels(page)).toEqual(["Widget 7B", "Gadget Model", "Widget 7B Instruct"]); // open, closed, unknown
    await ew.getByRole("button").click();
    expect(await ew.getAttribute("aria-sort")).toBe("ascending");
    expect(await visibleModels(page)).toEqual(["Widget 7B Instruct", "Gadget Model", "Widget 7B"]);
    const name = page.locator("thead th").first();
    await name.getByRole("button", { name: "Name" }).press("Enter");
    expect(await name.getAttribute("aria-sort")).toBe("ascending");
    expect(await ew.getAttribute("aria-sort")).toBeNull();
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
