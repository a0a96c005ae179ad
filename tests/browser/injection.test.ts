/**
 * Injection, as a reader's browser meets it: the injection vault (tests/fixtures/injection/: a payload in every
 * frontmatter field, title, alias, summary, value note, link label and raw HTML) built through `npm run build`, every
 * page visited and scrolled, its links hovered, payloads typed into every search box (the header's, Pagefind's, the
 * graph's finder and path finder), the graph's nodes hovered and clicked, the focus panel and local graph drawn. Any
 * dialog (every payload calls `alert`) or page error fails the test; and every payload must come back as the text it
 * was written as. The downloads are read too: no CSV cell is a formula, GEXF and JSON give the titles back as written.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import type { Vault } from "../../src/lib/types.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { buildSite, ROOT, serve } from "../helpers/cli.ts";
import { deadLinks, malformedPages, sitePages } from "../helpers/crawl.ts";

const INJECTION = join(ROOT, "tests/fixtures/injection");
/** What a reader might paste into a search box: the payloads of the vault, and a few more. */
const TYPED = [
  "</script><script>alert('typed')</script>",
  '"><svg onload=alert(\'typed\')>',
  "<img src=x onerror=alert('typed')>",
  "javascript:alert('typed')",
  "{{7*7}} ${alert('typed')}",
  '=HYPERLINK("https://evil.example")',
  "+cmd",
  "-cmd",
  "@SUM(1)",
  "'; alert('typed'); '",
];

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let dist: string;
let vault: Vault;
/** Every dialog and page error of every page the tests open. */
const incidents: string[] = [];

async function open(path: string, options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1200, height: 900 } });
  page.on("dialog", (d) => {
    incidents.push(`${page.url()}: dialog "${d.message()}"`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => incidents.push(`${page.url()}: page error ${e.message}`));
  await page.goto(`${site.url}${path}`);
  return page;
}

beforeAll(async () => {
  dist = buildSite(INJECTION, { ATLAS_RAW_HTML: "sanitize" });
  vault = await loadVault(INJECTION, { rawHtml: "sanitize" });
  site = await serve(dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("the injection vault", () => {
  it("has a payload in the title and summary of every note", () => {
    expect(vault.notes.length).toBe(8);
    for (const n of vault.notes) expect(`${n.title} ${n.fields.summary}`, n.slug).toMatch(/alert|HYPERLINK|cmd|\{\{/);
  });

  it("has no internal link or anchor that points nowhere, payload headings and blocks included, and no payload ends a page's document", () => {
    expect(deadLinks(dist)).toEqual([]);
    expect(malformedPages(dist)).toEqual([]);
  });

  it("every page shows its payloads as text: no dialog, no page error, while scrolled and hovered", async () => {
    const pages = sitePages(dist).filter((p) => !p.startsWith("pagefind/"));
    // And home, 404, search, graph, landscape, openness, timeline, tags, a tag, six type indexes.
    expect(pages.length).toBe(vault.notes.length + 15);
    for (const p of pages) {
      const page = await open(`/${p.replace(/index\.html$/, "")}`);
      // Scrolling brings each note's local graph into view, which loads and draws it.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(300);
      const links = page.locator("main a");
      const count = Math.min(await links.count(), 40);
      // Some links are hidden (a collapsed list): those are skipped quickly. Stop at the first incident, to report it.
      for (let i = 0; i < count && !incidents.length; i++) await links.nth(i).hover({ timeout: 500 }).catch(() => {});
      await page.close();
      if (incidents.length) break;
    }
    expect(incidents).toEqual([]);
  }, 600_000); // a crawl of every page, hovering up to 40 links on each (each may open a link preview): minutes on a busy 2-core machine

  it("a note's title, summary and infobox read exactly as written, in the page and its attributes", async () => {
    for (const n of vault.notes) {
      const page = await open(`/${n.slug}/`);
      expect(await page.locator("h1").textContent(), n.slug).toBe(n.title);
      expect(await page.title()).toBe(`${n.title} · injection`);
      expect(await page.locator('meta[name="description"]').getAttribute("content")).toBe(n.fields.summary);
      expect(await page.locator(".summary").textContent()).toBe(n.fields.summary);
      for (const alias of n.fields.aliases) expect(await page.locator(".infobox").innerText()).toContain(alias);
      await page.close();
    }
    const lab = await open("/payload-lab/");
    // The website's payload stays inside the address (escaped), never becoming an element.
    expect(await lab.locator(".infobox a[href^='https://example.com/']").getAttribute("href")).toBe(`https://example.com/?q="><script>alert('website')</script>`);
    // A link's tooltip is its target's summary, as text.
    expect(await lab.locator('.note-body a[data-slug="payload-model"]').getAttribute("title")).toBe(vault.bySlug.get("payload-model")!.fields.summary);
    await lab.close();
    expect(incidents).toEqual([]);
  });

  it("raw HTML and images are sanitized: an SVG only ever through <img>, no handlers, no script URLs", async () => {
    const page = await open("/payload-source/");
    const body = page.locator(".note-body");
    expect(await body.locator("img[src='evil.svg']").count()).toBe(1);
    expect(await body.locator("svg, object, embed, iframe, script").count()).toBe(0);
    const attrs = await body.evaluate((el) => [...el.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`)));
    expect(attrs.filter((a) => /^on|javascript:/i.test(a) || /^(href|src)=\s*javascript:/i.test(a))).toEqual([]);
    await page.close();
    expect(incidents).toEqual([]);
  });

  it("payloads typed into the header search box and Pagefind's box come back as inert results", async () => {
    const page = await open("/");
    for (const q of TYPED) {
      await page.fill("#site-search", q);
      await page.press("#site-search", "Enter");
      await page.waitForURL((url) => url.pathname === "/search/" && url.searchParams.get("q") === q);
      await page.locator(".pagefind-ui__search-input").waitFor();
      await page.waitForTimeout(300);
    }
    // A word of a payload finds its note, whose title is shown as written.
    await page.goto(`${site.url}/search/?q=HYPERLINK`);
    const hit = page.locator('.pagefind-ui__result-link[href$="/payload-person/"]');
    await hit.first().waitFor({ timeout: 15_000 });
    expect(await hit.first().textContent()).toBe(vault.bySlug.get("payload-person")!.title);
    for (const q of ["alert", "script", "onerror", "svg"]) {
      await page.fill(".pagefind-ui__search-input", q);
      await page.locator(".pagefind-ui__result-link").first().waitFor({ timeout: 15_000 });
      const results = page.locator(".pagefind-ui__result");
      for (let i = 0; i < (await results.count()); i++) await results.nth(i).hover();
    }
    await page.close();
    expect(incidents).toEqual([]);
  });

  it("on the graph page: finder, focus panel, path finder, hovering and clicking nodes", async () => {
    const page = await open("/graph/");
    await page.locator("[data-graph-page][data-edges]").waitFor({ timeout: 20_000 });
    for (const field of ["#graph-find", "#graph-path-from", "#graph-path-to"]) {
      for (const q of TYPED) {
        await page.fill(field, q);
        await page.waitForTimeout(50);
      }
      await page.fill(field, "");
    }
    // Each note found by its payload title: the suggestion and the focus panel show it as text.
    for (const n of vault.notes) {
      await page.fill("#graph-find", n.title);
      const option = page.locator("#graph-find-list [role=option]").first();
      await option.waitFor();
      expect(await option.textContent()).toContain(n.title);
      await page.press("#graph-find", "Enter");
      await page.waitForURL(new RegExp(`focus=${n.slug}$`));
      expect(await page.locator("#graph-focus-panel h2").textContent()).toBe(n.title);
    }
    const [from, to] = [vault.bySlug.get("payload-person")!, vault.bySlug.get("payload-concept-base")!];
    for (const [field, n] of [["#graph-path-from", from], ["#graph-path-to", to]] as const) {
      await page.fill(field, n.title);
      await page.locator(`${field}-list [role=option]`).first().waitFor();
      await page.press(field, "Enter");
    }
    await page.click("#graph-path-form button[type=submit]");
    // Focusing the source above turned the citation layer on, and the address keeps it (`?layers=reference&from=…`).
    await page.waitForURL(/[?&]from=payload-person&to=payload-concept-base$/);
    const steps = await page.locator("#graph-path-result li a").allTextContents();
    expect(steps[0]).toBe(from.title);
    expect(steps[steps.length - 1]).toBe(to.title);
    // Hover every node (sigma draws its label and the neighbours'), then click one: it opens the note.
    const box = (await page.locator("#graph-stage").boundingBox())!;
    for (const n of vault.notes) {
      const at = await page.evaluate((slug) => (globalThis as unknown as { atlasGraph: { position(s: string): { x: number; y: number } | null } }).atlasGraph.position(slug), n.slug);
      if (at) await page.mouse.move(box.x + at.x, box.y + at.y);
      await page.waitForTimeout(50);
    }
    const at = (await page.evaluate(() => (globalThis as unknown as { atlasGraph: { position(s: string): { x: number; y: number } | null } }).atlasGraph.position("payload-concept")))!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForURL(/\/payload-concept\/$/);
    expect(await page.locator("h1").textContent()).toBe(vault.bySlug.get("payload-concept")!.title);
    await page.close();
    expect(incidents).toEqual([]);
  });

  it("a note's local graph draws its payload titles without running them", async () => {
    const page = await open("/payload-lab/");
    await page.locator(".local-graph").scrollIntoViewIfNeeded();
    await page.locator(".local-graph-stage.is-drawn").waitFor({ timeout: 20_000 });
    const stage = (await page.locator(".local-graph-stage").boundingBox())!;
    for (let i = 1; i < 10; i++) await page.mouse.move(stage.x + (stage.width * i) / 10, stage.y + stage.height / 2);
    await page.close();
    expect(incidents).toEqual([]);
  });
});

describe("the files for other programs", () => {
  it("link previews, JSON-LD, the feed and the sitemap give every payload back as data", async () => {
    for (const n of vault.notes) {
      const preview = JSON.parse(readFileSync(join(dist, "previews", `${n.slug}.json`), "utf8")) as { title: string; summary: string; excerptHtml: string };
      expect(preview.title, n.slug).toBe(n.title);
      expect(preview.summary).toBe(n.fields.summary);
      // The excerpt is shown as HTML: text only, every `<` of the note escaped.
      expect(preview.excerptHtml).not.toMatch(/</);
      const html = readFileSync(join(dist, n.slug, "index.html"), "utf8");
      const start = html.indexOf('<script type="application/ld+json">');
      const ld = JSON.parse(html.slice(html.indexOf(">", start) + 1, html.indexOf("</script>", start))) as { name: string; description: string };
      expect(ld.name, n.slug).toBe(n.title);
      expect(ld.description).toBe(n.fields.summary);
    }
    const page = await open("/");
    for (const file of ["feed.xml", "sitemap.xml"]) {
      const xml = readFileSync(join(dist, file), "utf8");
      const titles = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "application/xml");
        return doc.querySelector("parsererror") ? null : [...doc.querySelectorAll("entry > title")].map((t) => t.textContent);
      }, xml);
      expect(titles, file).not.toBeNull();
      for (const t of titles!) expect(vault.notes.map((n) => n.title)).toContain(t);
    }
    await page.close();
    expect(incidents).toEqual([]);
  });
});

describe("the downloads", () => {
  /** RFC 4180 rows. */
  const parseCsv = (text: string): string[][] => {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") row.push(cell), (cell = "");
      else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
      else cell += c;
    }
    return rows;
  };

  it("no CSV cell starts as a spreadsheet formula, and the payloads are kept after the quote mark", () => {
    const cells: string[] = [];
    for (const type of ["person", "lab", "model", "source", "concept", "event"]) {
      const rows = parseCsv(readFileSync(join(dist, "exports", `notes-${type}.csv`), "utf8"));
      for (const row of rows.slice(1)) cells.push(...row.slice(0, 6)); // the text columns
    }
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain(`'${vault.bySlug.get("payload-person")!.title}`);
    expect(cells).toContain(`'${vault.bySlug.get("payload-model")!.title}`);
  });

  it("GEXF and graphology JSON give every title back as written", async () => {
    const page = await open("/");
    const gexf = readFileSync(join(dist, "exports/atlas-graph.gexf"), "utf8");
    const labels = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      if (doc.querySelector("parsererror")) return null;
      return Object.fromEntries([...doc.querySelectorAll("node")].map((n) => [n.getAttribute("id"), n.getAttribute("label")]));
    }, gexf);
    const json = JSON.parse(readFileSync(join(dist, "exports/atlas-graph.json"), "utf8")) as { nodes: { key: string; attributes: { title: string } }[] };
    for (const n of vault.notes) {
      expect(labels?.[n.slug], n.slug).toBe(n.title);
      expect(json.nodes.find((x) => x.key === n.slug)?.attributes.title).toBe(n.title);
    }
    await page.close();
    expect(incidents).toEqual([]);
  });
});
