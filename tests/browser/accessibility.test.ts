/**
 * axe-core in Chromium on the pages a reader meets first: home, a note, the models comparison, the timeline, the
 * graph and search results. No serious or critical violation may remain (each is printed with its nodes if one does).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { buildSite, ROOT, serve } from "../helpers/cli.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  site = await serve(buildSite(join(ROOT, "tests/fixtures/vault")));
  browser = await launchBrowser({ webgl: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function audit(path: string, ready: string, scheme: "light" | "dark" = "light", typed?: string): Promise<string[]> {
  const context = await browser.newContext({ colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  if (typed) await page.locator("#site-search").fill(typed);
  await page.locator(ready).first().waitFor();
  await page.addScriptTag({ content: AXE });
  const violations = (await page.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } }).axe.run({ resultTypes: ["violations"] }).then((r) => r.violations))) as Violation[];
  await context.close();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("accessibility (axe-core)", () => {
  for (const [name, path, ready, query] of [
    ["home", "/", "main h1"],
    ["a note", "/widget-7b/", "article h1"],
    ["the models comparison", "/models/", "form.table-filters"],
    ["the timeline", "/timeline/", ".timeline-count:not(:empty)"],
    ["the graph", "/graph/", ".graph-stage.is-drawn"],
    ["search results", "/search/?q=widget", ".pagefind-ui__result"],
    ["the header search's results, open", "/widget-7b/", "#site-search-results [role=option]", "widget"],
  ] as [string, string, string, string?][]) {
    it(`finds no serious or critical violation on ${name}, light and dark`, async () => {
      expect(await audit(path, ready, "light", query)).toEqual([]);
      expect(await audit(path, ready, "dark", query)).toEqual([]);
    });
  }
});
