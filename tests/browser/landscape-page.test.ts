/**
 * `/landscape/` and the home page that leads with it, built from a small vault through the real build and read in
 * Chromium: every chart is an SVG named by its <title> and <desc>, its table holds the numbers the chart was drawn
 * from (computed here from the same notes), marks and rows link to notes that exist, the page reads with JavaScript
 * off and fits a phone, and axe-core finds nothing serious or critical in either theme. The Obsidian flavour gets no
 * landscape.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { Site } from "../../src/lib/site.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { landscapeCharts, HOME_CHARTS, type RenderedChart } from "../../src/lib/views/landscape.ts";
import { buildSite, serve } from "../helpers/cli.ts";
import { writeVault } from "../helpers/vault.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const lab = (title: string, country: string) => `---\ntitle: ${title}\ntype: lab\nsummary: A lab in ${country}.\nsources: [report]\ncountry: { value: ${country}, source: report }\n---\n`;
const ACCESS = ["Open weights (unrestricted)", "Open weights (non-commercial)", "Open weights (restricted use)", "API access", "Hosted access (no API)", "Unreleased"];
const LABS = [
  ["acme-ai", "Acme AI", "France"],
  ["beta-labs", "Beta Labs", "United States"],
  ["gamma-research", "Gamma Research", "China"],
  ["delta", "Delta Institute", "Germany"],
];

/** A vault of 4 labs and 24 models over six years, with every Access value, sizes, compute and a few openness ratings. */
function files(): Record<string, string> {
  const out: Record<string, string> = {
    "sources/report.md": `---\ntitle: A report\ntype: source\nsummary: Where the numbers come from.\nkind: article\nurl: https://example.org/report\n---\n`,
  };
  for (const [slug, title, country] of LABS) out[`labs/${slug}.md`] = lab(title, country);
  for (let i = 0; i < 24; i++) {
    const year = 2019 + (i % 6);
    const developers = i % 7 === 0 ? `[${LABS[i % 4][0]}, ${LABS[(i + 1) % 4][0]}]` : LABS[i % 4][0];
    const fields = [
      `developer: ${developers}`,
      `released: ${year}-${String((i % 12) + 1).padStart(2, "0")}`,
      i % 5 === 4 ? "" : `accessibility: ${ACCESS[i % ACCESS.length]}`,
      `parameters: ${(i + 1) * 1e9}`,
      `training_compute: ${(i + 1)}e${20 + (i % 6)}`,
      i % 3 === 0 ? `openness:\n  end_weights: { status: ${["open", "partial", "closed"][i % 3 === 0 ? (i / 3) % 3 : 0]}, source: report }\n  license: { status: open, source: report }` : "",
    ].filter(Boolean);
    out[`models/model-${i}.md`] = `---\ntitle: Model ${i}\ntype: model\nsummary: Model number ${i}.\nsources: [report]\n${fields.join("\n")}\n---\n`;
  }
  return out;
}

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let expected: RenderedChart[];

beforeAll(async () => {
  const dir = writeVault(files());
  const vault = await loadVault(dir, { cache: null });
  expect(vault.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expected = await landscapeCharts(new Site(vault));
  site = await serve(buildSite(dir));
  browser = await launchBrowser({ webgl: false });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean; colorScheme?: "light" | "dark"; viewport?: { width: number; height: number } } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const response = await page.goto(`${site.url}${path}`);
  expect(response?.status()).toBe(200);
  return { page, close: () => context.close() };
}

describe("/landscape/", () => {
  it("shows every chart as an SVG named by its title and description, its table holding the chart's numbers", async () => {
    expect(expected.map((c) => c.id)).toEqual(["access-by-year", "parameters", "open-closed-gap", "countries", "openness-dimensions", "labs"]);
    const { page, close } = await open("/landscape/", { javaScriptEnabled: false });
    const sections = page.locator("section.chart");
    expect(await sections.count()).toBe(expected.length);
    for (const [i, chart] of expected.entries()) {
      const section = sections.nth(i);
      expect(await section.getAttribute("id")).toBe(chart.id);
      expect(await section.locator("h2").innerText()).toBe(chart.title);
      const svg = section.locator("svg.chart-svg");
      expect(await svg.getAttribute("role")).toBe("img");
      // The SVG's accessible name and description are its own <title> and <desc>.
      const [titleId, descId] = (await svg.getAttribute("aria-labelledby"))!.split(" ");
      expect(await svg.locator(`title#${titleId}`).textContent()).toBe(chart.title);
      expect(await svg.locator(`desc#${descId}`).textContent()).toBe(chart.description);
      expect(await section.locator(".chart-desc").innerText()).toBe(chart.description);
      // Drawn: it has a size on the page, and marks.
      const box = (await svg.boundingBox())!;
      expect(box.width).toBeGreaterThan(200);
      expect(await svg.locator(".role-mark path, .role-mark line").count()).toBeGreaterThan(0);
      // The table: the same columns and cells as the chart's data.
      const table = section.locator("details.chart-data table");
      expect(await table.locator("thead th").allTextContents()).toEqual(chart.table.columns);
      const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
      expect(rows).toEqual(chart.table.rows.map((r) => r.map((c) => c.text)));
      const numbers = await table.locator("td[data-value]").evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-value"))));
      expect(numbers).toEqual(chart.table.rows.flatMap((r) => r.slice(1).filter((c) => c.value !== undefined).map((c) => c.value)));
    }
    await close();
  });

  it("reads with JavaScript off: the tables open, and the marks' and rows' links lead to notes", async () => {
    const { page, close } = await open("/landscape/", { javaScriptEnabled: false });
    const details = page.locator("#parameters details.chart-data");
    expect(await details.locator("table").isVisible()).toBe(false);
    await details.locator("summary").click();
    expect(await details.locator("table").isVisible()).toBe(true);
    // Each point of the size chart links to its model, as the table's rows do.
    const marks = await page.locator("#parameters svg a").evaluateAll((as) => as.map((a) => a.getAttribute("xlink:href") ?? a.getAttribute("href")));
    const rows = await page.locator("#parameters tbody th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(marks.length).toBe(expected.find((c) => c.id === "parameters")!.table.rows.length);
    expect(new Set(marks)).toEqual(new Set(rows));
    // Every link the charts make leads somewhere that exists.
    const hrefs = new Set(await page.locator("section.chart a").evaluateAll((as) => as.map((a) => (a.getAttribute("xlink:href") ?? a.getAttribute("href"))!.split("#")[0])));
    for (const href of hrefs) expect((await fetch(`${site.url}${href}`)).status, href).toBe(200);
    await close();
  });

  it("fits a phone: the charts scale down to the column, nothing overflows", async () => {
    const { page, close } = await open("/landscape/", { viewport: { width: 390, height: 844 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const box of await page.locator("svg.chart-svg").evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(390);
    await close();
  });

  it("colours its text and gridlines from the theme", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const { page, close } = await open("/landscape/", { colorScheme });
      const [text, background] = await page.evaluate(() => [getComputedStyle(document.querySelector(".chart-svg .role-axis-label text")!).fill, getComputedStyle(document.body).backgroundColor]);
      const fg = await page.evaluate(() => getComputedStyle(document.body).color);
      expect(text).toBe(fg);
      expect(text).not.toBe(background);
      await close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`has no serious or critical axe-core violation, ${colorScheme}`, async () => {
      const { page, close } = await open("/landscape/", { colorScheme });
      await page.addScriptTag({ content: AXE });
      const violations = (await page.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } }).axe.run({ resultTypes: ["violations"] }).then((r) => r.violations))) as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
      await close();
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
});

describe("the home page", () => {
  it("leads with the landscape's key charts and a link to the page, keeping search, the graph and the counts", async () => {
    const { page, close } = await open("/", { javaScriptEnabled: false });
    const charts = page.locator(".home-landscape section.chart");
    expect(await charts.evaluateAll((s) => s.map((x) => x.id))).toEqual([...HOME_CHARTS]);
    expect(await page.locator(".home-landscape svg.chart-svg[role=img]").count()).toBe(HOME_CHARTS.length);
    expect(await page.locator('.home-landscape a[href="/landscape/"]').count()).toBe(1);
    expect(await page.locator('header a[href="/landscape/"]').innerText()).toBe("Landscape");
    // What the home page had: search, the graph, the counts and the most connected notes.
    expect(await page.locator('a[href="/graph/"]').count()).toBeGreaterThan(0);
    expect(await page.locator("#counts-heading").count()).toBe(1);
    expect(await page.locator("#hubs-heading").count()).toBe(1);
    // No two elements share an id (each chart's <title> and <desc> are named from its id).
    const ids = await page.locator("[id]").evaluateAll((els) => els.map((e) => e.id));
    expect(ids.length).toBe(new Set(ids).size);
    await close();
  });
});
