/**
 * `/models/` on the wiki's own content (about 1,200 models), built once through the real build and read in Chromium:
 * on a laptop (1280x800) every column is in view and the page does not scroll sideways; on a phone (390x844) each model
 * is a card with its name, developer and openness in view; a filter and a sort go in the address, and loading that
 * address (or going back) restores them; axe-core finds nothing serious or critical in either theme; the page is
 * under 300 KB gzipped; the openness dimensions nobody rates (Package, API) are nowhere. `/labs/` fits too.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { buildSite, ROOT, serve } from "../helpers/cli.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser: Browser;
let out: string;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  out = buildSite(join(ROOT, "content"));
  site = await serve(out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const visibleModels = (page: Page) => page.locator("table[data-table-tools] tbody tr:visible th a").allInnerTexts();

/** Each header's right edge and the page's widths, as the reader's window has them. */
const fit = (page: Page) =>
  page.evaluate(() => ({
    headers: [...document.querySelectorAll("table[data-table-tools] thead th")].map((th) => {
      const r = th.getBoundingClientRect();
      return { text: th.textContent!.trim(), left: Math.floor(r.left), right: Math.ceil(r.right) };
    }),
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));

describe("the models comparison on a laptop", () => {
  for (const path of ["/models/", "/labs/"]) {
    it(`shows every column of ${path} inside a 1280 px window, without scrolling sideways`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${site.url}${path}`);
      await page.locator("form.table-filters").waitFor();
      const { headers, scrollWidth, innerWidth } = await fit(page);
      expect(headers.length).toBeGreaterThan(3);
      for (const h of headers) {
        expect(h.left, h.text).toBeGreaterThanOrEqual(0);
        expect(h.right, h.text).toBeLessThanOrEqual(innerWidth);
      }
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      await page.close();
    });
  }

  it("does not scroll sideways at the widths between a phone and a laptop either (a table or cards)", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}/models/`);
    for (const width of [1100, 1030, 1024, 800, 600]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `at ${width} px`).toBeLessThanOrEqual(width);
    }
    await page.close();
  });

  it("lists the facts that have data: country, release, parameters, compute, access and openness; not Package or API", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}/models/`);
    const labels = (await page.locator("thead th").allInnerTexts()).map((t) => t.replace(/[▲▼]/g, "").trim());
    for (const l of ["Name", "Developer", "Country", "Released", "Parameters", "Training compute (FLOP)", "Access", "Openness"]) expect(labels).toContain(l);
    expect(labels).not.toContain("Architecture"); // one model in a thousand gives one
    const dimensions = await page.getByLabel("Openness dimension").locator("option").allInnerTexts();
    expect(dimensions).toContain("End-model weights");
    expect(dimensions).not.toContain("Package");
    expect(dimensions).not.toContain("API");
    expect(await page.locator('.sq[title^="Package:"], .sq[title^="API:"]').count()).toBe(0);
    // The strip says how many of the rated dimensions are open; its squares name their dimension.
    expect(await page.locator(".strip").first().getAttribute("aria-label")).toMatch(/^\d+ of \d+ rated open(, \d+ partial)?$/);
    expect(await page.locator(".strip").first().locator(".sq").first().getAttribute("title")).toMatch(/^Base-model data: (open|partial|closed|unknown)$/);
    // No summaries in the rows; a cell never runs two values together.
    expect(await page.locator("tbody th p").count()).toBe(0);
    const r1 = page.locator("tbody tr", { has: page.locator('th a:text-is("DeepSeek R1")') }); // 2025-01 and 2025-01-20
    expect(await r1.locator("td").nth(2).innerText()).toBe("2025-01-20");
    await page.close();
  });

  it("sorts numbers as numbers", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}/models/?sort=parameters-desc`);
    const keys = await page.evaluate(() => {
      const col = [...document.querySelectorAll("thead th")].findIndex((th) => th.textContent!.startsWith("Parameters"));
      return [...document.querySelectorAll<HTMLTableRowElement>("tbody tr")].slice(0, 40).map((r) => Number((r.cells[col] as HTMLElement).dataset.sort));
    });
    expect(keys[0]).toBeGreaterThan(1e12);
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    await page.close();
  });
});

describe("the models comparison on a phone", () => {
  it("is a card per model with its name, developer and openness in view, and nothing wider than the screen", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/models/`);
    await page.locator("form.table-filters").waitFor();
    const cards = await page.evaluate(() => {
      const inView = (e: Element | null | undefined) => {
        if (!e) return false;
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 0.5;
      };
      const col = (name: string) => [...document.querySelectorAll("thead th")].findIndex((th) => th.textContent!.trim().startsWith(name));
      const developer = col("Developer");
      const openness = col("Openness");
      return [...document.querySelectorAll<HTMLTableRowElement>("tbody tr")].map((r) => ({
        name: inView(r.cells[0].querySelector("a")),
        developer: !r.cells[developer].textContent!.trim() || inView(r.cells[developer]),
        openness: inView(r.cells[openness].querySelector(".strip, .unrated")),
        card: getComputedStyle(r).display !== "table-row",
      }));
    });
    expect(cards.length).toBeGreaterThan(1000);
    expect(cards.filter((c) => !(c.name && c.developer && c.openness && c.card))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The filters fold away on a phone, under a button that opens them.
    await page.getByText("Filters", { exact: true }).click();
    await page.getByLabel("Access", { exact: true }).selectOption("Open weights (unrestricted)");
    expect(await page.locator(".table-count").innerText()).toMatch(/^\d+ of \d+ shown$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });
});

describe("the models comparison's address", () => {
  it("holds a filter and a sort; loading it restores them, and back and forward step through them", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}/models/`);
    const all = await visibleModels(page);
    await page.getByLabel("Developer", { exact: true }).selectOption("Meta");
    const meta = await visibleModels(page);
    expect(meta.length).toBeGreaterThan(5);
    expect(meta.length).toBeLessThan(all.length);
    const released = page.locator("thead th", { hasText: "Released" });
    await released.getByRole("button").click();
    await released.getByRole("button").click(); // newest first
    expect(await released.getAttribute("aria-sort")).toBe("descending");
    const url = new URL(page.url());
    expect(url.searchParams.get("developer")).toBe("Meta");
    expect(url.searchParams.get("sort")).toBe("released-desc");
    const newestFirst = await visibleModels(page);

    // Another reader opens the address: the same filter, the same order.
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await other.goto(`${site.url}/models/?developer=Meta&sort=released-desc`);
    expect(await other.getByLabel("Developer", { exact: true }).inputValue()).toBe("Meta");
    expect(await other.locator("thead th", { hasText: "Released" }).getAttribute("aria-sort")).toBe("descending");
    expect(await visibleModels(other)).toEqual(newestFirst);
    await other.close();

    // Back: released oldest first, then not sorted, then every model; forward again.
    await page.goBack();
    await expect.poll(() => released.getAttribute("aria-sort")).toBe("ascending");
    expect(new URL(page.url()).searchParams.get("sort")).toBe("released-asc");
    await page.goBack();
    await expect.poll(() => released.getAttribute("aria-sort")).toBeNull();
    expect(await visibleModels(page)).toEqual(meta);
    await page.goBack();
    await expect.poll(() => page.getByLabel("Developer", { exact: true }).inputValue()).toBe("");
    expect(await visibleModels(page)).toEqual(all);
    await page.goForward();
    await expect.poll(() => visibleModels(page)).toEqual(meta);
    await page.close();
  });
});

describe("the models comparison's weight and accessibility", () => {
  it("is under 300 KB gzipped", () => {
    const html = readFileSync(join(out, "models/index.html"));
    expect(gzipSync(html).length).toBeLessThan(300 * 1024);
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no serious or critical axe-core violation in the ${scheme} theme`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${site.url}/models/`);
      await page.locator("form.table-filters").waitFor();
      await page.addScriptTag({ content: AXE });
      const violations = (await page.evaluate(() =>
        (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } }).axe.run({ resultTypes: ["violations"] }).then((r) => r.violations),
      )) as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
      await context.close();
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
});
