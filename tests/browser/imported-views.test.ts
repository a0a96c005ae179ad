/**
 * Pages of imported notes as a reader uses them, in Chromium, on the fixture vault after `npm run import`: the models
 * comparison filters by modality and by year (and is a plain table without JavaScript), an imported model page and a
 * lab page with its index section pass axe-core, and the imported marks link each value's record.
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

  it("mark imported values with a link to the record they came from", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/gizmo/`);
    const marks = page.locator("a.imported");
    expect(await marks.count()).toBeGreaterThan(10);
    expect(await marks.first().getAttribute("href")).toBe("https://github.com/Language-Technology-Assessment/main-database/blob/0123456789abcdef0123456789abcdef01234567/Gizmo.yaml");
    expect(await marks.first().getAttribute("title")).toBe("Imported from the European Open Source AI Index, record Gizmo.yaml");
    await page.close();
  });

  for (const path of ["/gizmo/", "/widget-7b/", "/acme-ai/"]) {
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
