/**
 * A reader exploring the graph in Chromium: the global view draws, search and keyboard move the focus, a click opens
 * a note, the path finder (naming each relation) and the type legend work, sources and citations are a layer the
 * reader turns on, a focused note's labels never overlap, and without WebGL or JavaScript the page still lists notes.
 * The note page's local graph and the home page search box are checked when the pages include them.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { buildSite, ROOT, serve } from "../helpers/cli.ts";
import { deadLinks } from "../helpers/crawl.ts";

let browser: Browser;
let site: { url: string; close: () => Promise<void> };

let dist: string;

beforeAll(async () => {
  dist = buildSite(join(ROOT, "tests/fixtures/graph-vault"));
  site = await serve(dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface AtlasGraph {
  state: { focused: number | null; path: number[] | null; hiddenTypes: Set<number>; showReferences: boolean };
  slugOf(i: number): string;
  position(slug: string): { x: number; y: number } | null;
  display(slug: string): { hidden?: boolean; color: string; highlighted?: boolean; label?: string | null; forceLabel?: boolean } | null;
  forcedLabels(): { slug: string; box: Box }[];
  drawnLabels(): string[];
  settled(): boolean;
}
declare const atlasGraph: AtlasGraph;

/** Opens /graph/ (with a query) and waits until nodes and edges are drawn; fails on any page error. */
async function openGraph(query = "", page?: Page): Promise<{ page: Page; errors: string[] }> {
  page ??= await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${site.url}/graph/${query}`);
  await page.locator("[data-graph-page][data-edges]").waitFor({ timeout: 20_000 });
  return { page, errors };
}

/** How many pixels of a screenshot differ from its top-left pixel (the background). */
async function inkedPixels(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 30) n++;
    return n;
  }, png.toString("base64"));
}

const focusedSlug = (page: Page) => page.evaluate(() => (atlasGraph.state.focused === null ? null : atlasGraph.slugOf(atlasGraph.state.focused)));

describe("the built graph fixture", () => {
  it("has no internal link or anchor that points nowhere", () => {
    expect(deadLinks(dist)).toEqual([]);
  });
});

describe("global graph", () => {
  it("draws a non-blank canvas without page errors", async () => {
    const { page, errors } = await openGraph();
    expect(await page.locator("#graph-stage canvas").count()).toBeGreaterThan(0);
    const ink = await inkedPixels(page, await page.locator("#graph-stage").screenshot());
    expect(ink).toBeGreaterThan(500);
    expect(await page.locator("#graph-status").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("search by alias focuses the note, lists its neighbours and updates the address", async () => {
    const { page, errors } = await openGraph();
    await page.fill("#graph-find", "NWL");
    await page.locator("#graph-find-list [role=option]").first().waitFor();
    expect(await page.locator("#graph-find-list [role=option]").first().textContent()).toContain("Northwind Lab");
    await page.press("#graph-find", "Enter");
    await page.waitForURL(/\/graph\/\?focus=northwind-lab$/);
    expect(await focusedSlug(page)).toBe("northwind-lab");
    expect(await page.locator("#graph-focus-panel h2").textContent()).toBe("Northwind Lab");
    expect(await page.locator("#graph-focus-panel li a").allTextContents()).toEqual(expect.arrayContaining(["Pat North", "Aurora 1", "Aurora 2"]));
    // Pat North, Aurora 1 and Aurora 2; the report it cites is in the layer of sources and citations, hidden.
    expect(await page.locator("#graph-announce").textContent()).toMatch(/^Northwind Lab \(lab, 2019\), 3 connections/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("clicking a node opens its note", async () => {
    const { page } = await openGraph();
    const box = (await page.locator("#graph-stage").boundingBox())!;
    const at = (await page.evaluate(() => atlasGraph.position("boreal-7b")))!;
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForURL(/\/boreal-7b\/$/);
    expect(await page.locator("h1").textContent()).toBe("Boreal 7B");
    await page.close();
  });

  it("a shared path address highlights the known shortest path and lists it as links, naming each relation", async () => {
    const { page, errors } = await openGraph("?from=pat-north&to=sam-south");
    const expected = ["Pat North", "Northwind Lab", "Aurora 2", "Boreal 7B", "Southwind Lab", "Sam South"];
    expect(await page.locator("#graph-path-result li a").allTextContents()).toEqual(expected);
    // Each step says how: the relation's label from the registry, its arrow pointing from the note that names it.
    expect(await page.locator("#graph-path-result .graph-step").allTextContents()).toEqual(["—affiliated with→", "←developer—", "←derived from—", "—developer→", "←affiliated with—"]);
    expect((await page.locator("#graph-path-result ol").innerText()).replace(/\s+/g, " ").trim()).toBe(
      "Pat North —affiliated with→ Northwind Lab ←developer— Aurora 2 ←derived from— Boreal 7B —developer→ Southwind Lab ←affiliated with— Sam South",
    );
    expect(await page.locator("#graph-announce").textContent()).toContain("Pat North —affiliated with→ Northwind Lab");
    expect(await page.locator("#graph-path-result li a").first().getAttribute("href")).toBe("/pat-north/");
    const shown = await page.evaluate(() => ["aurora-2", "aurora-1"].map((s) => atlasGraph.display(s)));
    expect(shown[0]!.highlighted).toBe(true);
    expect(shown[1]!.highlighted).toBeFalsy();
    expect(shown[1]!.color).not.toBe(shown[0]!.color); // off-path notes fade
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the path finder form finds the same path from picked suggestions", async () => {
    const { page } = await openGraph();
    for (const [field, text] of [["#graph-path-from", "pat"], ["#graph-path-to", "sam s"]]) {
      await page.fill(field, text);
      await page.locator(`${field}-list [role=option]`).first().waitFor();
      await page.press(field, "Enter");
    }
    await page.click("#graph-path-form button[type=submit]");
    await page.waitForURL(/\?from=pat-north&to=sam-south$/);
    expect(await page.locator("#graph-path-result li").count()).toBe(6);
    await page.close();
  });

  it("the type legend hides and shows a type's nodes", async () => {
    const { page } = await openGraph();
    const models = page.locator("button[data-type-index]", { hasText: "Models" });
    const hidden = () => page.evaluate(() => ["aurora-1", "boreal-7b", "northwind-lab"].map((s) => !!atlasGraph.display(s)!.hidden));
    expect(await hidden()).toEqual([false, false, false]);
    await models.click();
    expect(await models.getAttribute("aria-pressed")).toBe("false");
    expect(await hidden()).toEqual([true, true, false]);
    await models.click();
    expect(await hidden()).toEqual([false, false, false]);
    await page.close();
  });

  it("keyboard: slash searches, arrows walk to neighbours with announcements, Enter opens", async () => {
    const { page } = await openGraph("?focus=pat-north");
    await page.locator("#graph-stage").focus();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("graph-find");
    await page.locator("#graph-stage").focus();
    // Pat North's only neighbour is Northwind Lab: one of the four arrows reaches it.
    for (const key of ["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp"]) {
      await page.keyboard.press(key);
      if ((await focusedSlug(page)) !== "pat-north") break;
    }
    expect(await focusedSlug(page)).toBe("northwind-lab");
    expect(await page.locator("#graph-announce").textContent()).toContain("Northwind Lab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/northwind-lab\/$/);
    await page.close();
  });

  it("the time slider fades notes dated after the chosen date", async () => {
    const { page } = await openGraph();
    const colors = () => page.evaluate(() => ["aurora-1", "aurora-2", "quiet-idea"].map((s) => atlasGraph.display(s)!.color));
    const [a1, a2, idea] = await colors();
    expect(a1).toBe(a2); // two models, one colour
    // Dates in the vault, sorted: 2019, 2021, 2023-01-15, 2023-05, 2024-06, ...; position 3 is 2023-05.
    await page.locator("#graph-time").fill("3");
    expect(await page.locator("#graph-time-value").textContent()).toBe("2023-05");
    const after = await colors();
    expect(after[0]).toBe(a1);
    expect(after[1]).not.toBe(a2);
    expect(after[2]).toBe(idea); // undated notes stay
    await page.close();
  });

  it("sources and citations are a layer the toggle shows and hides, which the address keeps", async () => {
    const { page, errors } = await openGraph();
    const sources = () => page.evaluate(() => ["northwind-report", "southwind-report", "aurora-1"].map((s) => !!atlasGraph.display(s)!.hidden));
    const toggle = page.getByLabel("Show sources and citations");
    expect(await toggle.isChecked()).toBe(false);
    expect(await sources()).toEqual([true, true, false]);
    expect(await page.locator("button[data-type-index]", { hasText: "Sources" }).getAttribute("aria-pressed")).toBe("false");
    await toggle.check();
    expect(await sources()).toEqual([false, false, false]);
    await page.waitForURL(/\?layers=reference$/);
    expect(await page.locator("button[data-type-index]", { hasText: "Sources" }).getAttribute("aria-pressed")).toBe("true");
    // With the layer on, Northwind Lab's neighbours include the report it cites.
    await page.fill("#graph-find", "Northwind Lab");
    await page.locator("#graph-find-list [role=option]").first().waitFor();
    await page.press("#graph-find", "Enter");
    expect(await page.locator("#graph-focus-panel li a").allTextContents()).toContain("Northwind annual report");
    await toggle.uncheck();
    expect(await sources()).toEqual([true, true, false]);
    expect(await page.locator("#graph-focus-panel li a").allTextContents()).not.toContain("Northwind annual report");
    // The legend's Sources button turns the layer on too.
    await page.locator("button[data-type-index]", { hasText: "Sources" }).click();
    expect(await toggle.isChecked()).toBe(true);
    expect(await sources()).toEqual([false, false, false]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a source found by name, or a shared address naming it, turns its layer on", async () => {
    const { page } = await openGraph("?focus=southwind-report");
    expect(await page.evaluate(() => atlasGraph.state.showReferences)).toBe(true);
    expect(await page.evaluate(() => atlasGraph.display("southwind-report")!.hidden)).toBeFalsy();
    expect(await page.locator("#graph-focus-panel h2").textContent()).toBe("Southwind annual report");
    await page.close();
  });

  it("a focused note's forced labels never overlap, however far the camera zooms out", async () => {
    const { page, errors } = await openGraph("?focus=northwind-lab&layers=reference");
    await page.locator("[data-graph-page][data-camera=still]").waitFor();
    const overlapping = (labels: { slug: string; box: Box }[]) => {
      const pairs: string[] = [];
      for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
        const [p, q] = [labels[i].box, labels[j].box];
        if (p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h) pairs.push(`${labels[i].slug} / ${labels[j].slug}`);
      }
      return pairs;
    };
    const near = ["northwind-lab", "pat-north", "aurora-1", "aurora-2", "northwind-report"];
    const check = async () => {
      const labels = await page.evaluate(() => atlasGraph.forcedLabels());
      expect(labels[0].slug).toBe("northwind-lab"); // the focused note first, always labelled
      expect(labels.every((l) => near.includes(l.slug))).toBe(true);
      expect(overlapping(labels)).toEqual([]);
      // What sigma draws is that set: the neighbours left out have no label, and the focused note's box is real.
      const shown = await page.evaluate((slugs) => slugs.map((s) => atlasGraph.display(s)!), near);
      near.forEach((slug, k) => expect(!!shown[k].label && (shown[k].forceLabel ?? false)).toBe(labels.some((l) => l.slug === slug)));
      expect(labels[0].box.w).toBeGreaterThan(50);
      return labels.length;
    };
    expect(await check()).toBeGreaterThanOrEqual(2);
    // Zoomed far out, the neighbourhood is a few pixels wide: most labels must go, and none may overlap.
    const before = await page.evaluate(() => atlasGraph.forcedLabels().map((l) => l.box));
    const box = (await page.locator("#graph-stage").boundingBox())!;
    const at = (await page.evaluate(() => atlasGraph.position("northwind-lab")))!;
    await page.mouse.move(box.x + at.x, box.y + at.y);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 400);
    await page.mouse.move(box.x + 2, box.y + 2); // off every node: the focus, not a hover, asks for the labels
    await page.waitForFunction((old) => atlasGraph.settled() && JSON.stringify(atlasGraph.forcedLabels().map((l) => l.box)) !== old, JSON.stringify(before));
    expect(await check()).toBeLessThan(near.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the path finder says which layers it searched when it finds no path", async () => {
    // Quiet Idea is connected to nothing at all.
    const { page } = await openGraph("?from=quiet-idea&to=aurora-1");
    expect(await page.locator("#graph-path-result").textContent()).toMatch(/^No path between Quiet Idea and Aurora 1 through the notes and connections shown \(sources and citations are hidden\)\.$/);
    await page.close();
  });

  it("the relation filter narrows the path finder to typed relations", async () => {
    const { page } = await openGraph("?from=open-weights&to=aurora-2");
    expect(await page.locator("#graph-path-result li").count()).toBe(3); // related, then base model
    await page.selectOption("#graph-relation", "developer");
    await page.click("#graph-path-form button[type=submit]");
    expect(await page.locator("#graph-path-result").textContent()).toMatch(/No path between Open weights and Aurora 2/);
    await page.close();
  });
});

describe("fallbacks", () => {
  it("without WebGL the page explains and lists notes; search still answers in a list", async () => {
    const noGl = await launchBrowser({ webgl: false });
    try {
      const page = await noGl.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${site.url}/graph/`);
      await page.locator("[data-graph-page][data-ready=fallback]").waitFor({ timeout: 20_000 });
      expect(await page.locator("#graph-status").textContent()).toMatch(/WebGL is unavailable/);
      expect(await page.locator(".graph-hubs li").count()).toBe(10); // every note but the two sources
      expect(await page.locator(".graph-hubs li a").first().isVisible()).toBe(true);
      await page.fill("#graph-find", "boreal 7");
      await page.locator("#graph-find-list [role=option]").first().waitFor();
      await page.press("#graph-find", "Enter");
      expect(await page.locator("#graph-focus-panel li a").allTextContents()).toEqual(expect.arrayContaining(["Southwind Lab", "Aurora 2"]));
      expect(errors).toEqual([]);
    } finally {
      await noGl.close();
    }
  });

  it("without JavaScript the page reads as a list of the most connected notes", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/graph/`);
    expect(await page.locator("#graph-status").textContent()).toMatch(/needs JavaScript and WebGL/);
    expect(await page.locator("#graph-controls").isVisible()).toBe(false);
    expect(await page.locator(".graph-hubs li a").allTextContents()).toEqual(expect.arrayContaining(["Northwind Lab", "Boreal 7B", "Quiet Idea"]));
    await ctx.close();
  });

  it("serves the exports", async () => {
    const gexf = await (await fetch(`${site.url}/exports/atlas-graph.gexf`)).text();
    expect(gexf).toContain(`<node id="boreal-7b" label="Boreal 7B">`);
    const json = await (await fetch(`${site.url}/exports/atlas-graph.json`)).json();
    expect(json.nodes).toHaveLength(12);
    const csv = await (await fetch(`${site.url}/exports/notes-model.csv`)).text();
    expect(csv.trim().split("\r\n")).toHaveLength(4);
  });
});

describe("local graph on a note page", () => {
  it("loads no graph code until scrolled into view, then draws the note's neighbours", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    // Fixture notes are short: push the section well below the fold, as a long note would.
    await page.addInitScript(() => {
      addEventListener("DOMContentLoaded", () => document.head.append(Object.assign(document.createElement("style"), { textContent: "[data-local-graph] { margin-top: 3000px }" })));
    });
    await page.goto(`${site.url}/aurora-2/`);
    expect(await page.locator("[data-local-graph]").count()).toBe(1);
    await page.waitForTimeout(300);
    const graphCode = (u: string) => /\/_astro\/(local-graph|sigma)/.test(u);
    expect(requests.filter(graphCode)).toEqual([]);
    const before = requests.length;
    await page.locator("[data-local-graph]").scrollIntoViewIfNeeded();
    await page.locator("[data-local-graph][data-ready]").waitFor({ timeout: 15_000 });
    expect(requests.slice(before).filter(graphCode).length).toBeGreaterThan(0); // its code (bundling decides into how many files)
    expect(await page.locator("[data-local-graph] canvas").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-local-graph] a[href='/graph/?focus=aurora-2']").count()).toBe(1);
    // A click on a neighbour opens it.
    const box = (await page.locator("[data-local-graph] .local-graph-stage").boundingBox())!;
    const at = (await page.evaluate(() => (window as unknown as { atlasLocalGraph: AtlasGraph }).atlasLocalGraph.position("boreal-7b")))!;
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForURL(/\/boreal-7b\/$/);
    await page.close();
  });
});

describe("home page search", () => {
  it("finds a note and opens it in the graph, loading only the titles payload, not the layout payload", async () => {
    const page = await browser.newPage();
    const json: string[] = [];
    page.on("request", (r) => { if (/\.json$/.test(new URL(r.url()).pathname)) json.push(new URL(r.url()).pathname.replace(/\.[0-9a-f]{10}\./, ".<hash>.")); });
    await page.goto(`${site.url}/`);
    const box = page.locator("form[data-graph-search][data-standalone] input");
    expect(await box.count()).toBe(1);
    await box.fill("aurora 1");
    await page.locator("form[data-graph-search] [role=option]").first().waitFor();
    expect(json).toEqual(["/graph/titles.<hash>.json"]);
    await box.press("Enter");
    await page.waitForURL(/\/graph\/\?focus=aurora-1$/);
    await page.locator("[data-graph-page][data-ready]").waitFor();
    expect(await focusedSlug(page)).toBe("aurora-1");
    await page.close();
  });
});
