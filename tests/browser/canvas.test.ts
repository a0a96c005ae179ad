/**
 * A reader on a canvas's page (tests/fixtures/canvas) in Chromium: without JavaScript the canvas reads as real HTML
 * (a scrolling box of cards on a wide screen, a list on a phone), its links work; with it, the toolbar's buttons, the
 * wheel, the keyboard and a drag zoom and pan the stage by its transform, Fit shows all of it, List lays it out in
 * reading order.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { buildSite, ROOT, serve } from "../helpers/cli.ts";

let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  site = await serve(buildSite(join(ROOT, "tests/fixtures/canvas")));
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const transform = (page: Page) => page.locator(".canvas-stage").evaluate((el) => (el as HTMLElement).style.transform);
const scaleOf = (t: string) => Number(/scale\(([\d.]+)\)/.exec(t)?.[1]);
const offsetOf = (t: string) => /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(t)!.slice(1).map(Number);

describe("a canvas page without JavaScript", () => {
  it("places the cards at their coordinates in a box that scrolls, with real text and links", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/project-map/`);
    expect(await page.locator("[data-canvas-toolbar]").isHidden()).toBe(true);
    const viewport = page.locator(".canvas-viewport");
    expect(await viewport.evaluate((el) => getComputedStyle(el).overflow)).toBe("auto");
    const stage = await page.locator(".canvas-stage").boundingBox();
    const intro = await page.locator("#canvas-node-intro").boundingBox();
    const idea = await page.locator("#canvas-node-idea").boundingBox();
    // The group's corner is at 40,40 in the stage, and its cards at their own offsets from it.
    expect(intro!.x - stage!.x).toBe(80);
    expect(intro!.y - stage!.y).toBe(100);
    expect(idea!.x - intro!.x).toBe(360);
    expect(await page.locator(".canvas-edges path.canvas-edge-line").count()).toBe(4);
    await page.locator("#canvas-node-intro").getByRole("link", { name: "Idea" }).click();
    await page.waitForURL(/\/topics\/idea\/$/);
    await context.close();
  });

  it("lists the cards in reading order on a phone, with each one's connections", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/project-map/`);
    expect(await page.locator(".canvas-edges").first().isHidden()).toBe(true);
    expect(await page.locator("#canvas-node-intro").evaluate((el) => getComputedStyle(el).position)).toBe("static");
    const order = await page.locator(".canvas-node").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.node));
    expect(order).toEqual(["group1", "intro", "idea", "plan", "picture", "site", "script", "note2"]);
    expect(await page.locator("#canvas-node-intro .canvas-connections").innerText()).toContain("Idea: leads to");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await context.close();
  });
});

describe("a canvas page with JavaScript", () => {
  it("fits the canvas, then zooms and pans it by its transform", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${site.url}/project-map/`);
    await page.locator("[data-canvas-toolbar]").waitFor({ state: "visible" });
    const fitted = await transform(page);
    expect(scaleOf(fitted)).toBeLessThanOrEqual(1);
    // The whole stage is inside the viewport after Fit.
    const box = await page.locator(".canvas-viewport").boundingBox();
    const stage = await page.locator(".canvas-stage").boundingBox();
    expect(stage!.x).toBeGreaterThanOrEqual(box!.x - 1);
    expect(stage!.x + stage!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);

    await page.getByRole("button", { name: "Zoom in" }).click();
    expect(scaleOf(await transform(page))).toBeCloseTo(scaleOf(fitted) * 1.25, 2);
    expect(Math.abs(parseInt(await page.locator("[data-canvas-scale]").innerText()) - scaleOf(fitted) * 125)).toBeLessThanOrEqual(1);

    // Ctrl + wheel (a trackpad's pinch) zooms about the pointer; the wheel alone pans. (Over the background, at the
    // viewport's corner: a card whose text scrolls would take the wheel.)
    await page.mouse.move(box!.x + 20, box!.y + 20);
    const before = scaleOf(await transform(page));
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -100);
    await page.keyboard.up("Control");
    await expect.poll(async () => scaleOf(await transform(page))).toBeGreaterThan(before);
    const [, y0] = offsetOf(await transform(page));
    await page.mouse.wheel(0, 120);
    await expect.poll(async () => offsetOf(await transform(page))[1]).toBeCloseTo(y0 - 120, 0);

    // The keyboard on the focused canvas: 0 fits again.
    await page.locator(".canvas-viewport").focus();
    await page.keyboard.press("0");
    expect(await transform(page)).toBe(fitted);

    // A drag on the background (left of the fitted stage) pans.
    const [x1, y1] = offsetOf(await transform(page));
    const now = (await page.locator(".canvas-viewport").boundingBox())!;
    await page.mouse.move(now.x + 20, now.y + now.height - 20);
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.className, [now.x + 20, now.y + now.height - 20])).toBe("canvas-viewport");
    await page.mouse.down();
    await page.mouse.move(now.x + 120, now.y + now.height - 70, { steps: 5 });
    await page.mouse.up();
    const [x2, y2] = offsetOf(await transform(page));
    expect(x2 - x1).toBeCloseTo(100, 0);
    expect(y2 - y1).toBeCloseTo(-50, 0);

    await page.getByRole("button", { name: "Fit" }).click();
    expect(await transform(page)).toBe(fitted);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the cards as a list, and the canvas again", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}/project-map/`);
    const list = page.getByRole("button", { name: "List" });
    await list.click();
    expect(await list.getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator("#canvas-node-plan").evaluate((el) => getComputedStyle(el).position)).toBe("static");
    await list.click();
    expect(await page.locator("#canvas-node-plan").evaluate((el) => getComputedStyle(el).position)).toBe("absolute");
    await page.close();
  });
});
