/**
 * The engine end to end, on a vault written every way the old two-reader pipeline got wrong: the check is clean,
 * the build renders labels, headings and anchors as Markdown says, and `astro build` on its own (no build script)
 * gives a site that a reader can search in Chromium.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { buildSite, NODE, ROOT, runScript, serve } from "../helpers/cli.ts";
import { deadLinks } from "../helpers/crawl.ts";
import { tempDir } from "../helpers/temp.ts";

const ENGINE = join(ROOT, "tests/fixtures/engine");

describe("the engine fixture", () => {
  let dist: string;
  const page = (slug: string) => readFileSync(join(dist, slug, "index.html"), "utf8");
  beforeAll(() => {
    dist = buildSite(ENGINE);
  });

  it("checks clean in strict mode: commented-out and code links are not links", () => {
    const r = runScript("check", ["--strict"], { CONTENT_DIR: ENGINE });
    expect(r.stdout).toContain("✔ 0 errors, 0 warnings in 3 notes");
    expect(r.code).toBe(0);
  });

  it("renders a label's Markdown inside the link", () => {
    expect(page("reader")).toContain('<a href="/doc/" class="wikilink" data-slug="doc" title="A note whose headings are written every way Markdown allows.">the <em>best</em> note</a>');
  });

  it("gives every heading its own id, after quoted and setext headings too, and links land on them", () => {
    const doc = page("doc");
    expect(doc).toContain('<h2 id="quoted-heading">Quoted heading<a class="heading-anchor" href="#quoted-heading" aria-label="Link to this section"></a></h2>');
    expect(doc).toContain('<h2 id="setext-title">Setext title<a class="heading-anchor" href="#setext-title" aria-label="Link to this section"></a></h2>');
    expect(doc).toContain('<h2 id="real-heading">Real heading<a class="heading-anchor" href="#real-heading" aria-label="Link to this section"></a></h2>');
    const reader = page("reader");
    expect(reader).toMatch(/<a href="\/doc\/#real-heading"[^>]*>Doc › Real heading<\/a>/);
    expect(reader).toMatch(/<a href="\/doc\/#setext-title"[^>]*>Doc › Setext title<\/a>/);
    expect(reader).toMatch(/<a href="\/doc\/#%5Eclaim-1"[^>]*>Doc › \^claim-1<\/a>/);
    expect(doc).toMatch(/<p id="\^claim-1">A paragraph under the setext heading, with a footnote\.<sup>/);
  });

  it("leaves code and comments as they are written", () => {
    const reader = page("reader");
    expect(reader).toContain("<code>[[not-a-link]]</code>");
    expect(reader).toContain("<pre><code>[[also-not-a-link]]\n</code></pre>");
    expect(reader).not.toContain("a-note-that-does-not-exist");
    expect(reader).not.toContain("wikilink broken");
  });

  it("renders links in table cells, footnotes and embeds", () => {
    const doc = page("doc");
    expect(doc).toMatch(/<td><a href="\/reader\/"[^>]*>The reader<\/a><\/td>/);
    expect(doc).toContain("The footnote's text.");
    expect(page("reader")).toContain('<span class="embed-card"><a href="/doc/" class="wikilink embed" data-slug="doc">Doc</a>');
  });

  it("has no internal link or anchor that points nowhere, block and heading links included", () => {
    expect(deadLinks(dist)).toEqual([]);
  });

  it("uses the sentence around a link as backlink context, with links read as titles", () => {
    const doc = page("doc");
    const back = doc.slice(doc.indexOf('id="backlinks-heading"'));
    expect(back).toContain("<blockquote>A label with markup: the best note.</blockquote>");
  });
});

describe("astro build on its own", () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  let out: string;
  beforeAll(async () => {
    out = join(tempDir("atlas-astro-"), "dist");
    const r = spawnSync(NODE, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build", "--outDir", out], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: ENGINE, ASTRO_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`astro build failed:\n${r.stdout}\n${r.stderr}`);
    site = await serve(out);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("writes the pages and the search index", () => {
    expect(existsSync(join(out, "reader", "index.html"))).toBe(true);
    expect(existsSync(join(out, "pagefind", "pagefind.js"))).toBe(true);
  });

  it("refuses a vault with errors, listing them, with no stack trace and no output", () => {
    const refused = join(tempDir("atlas-astro-"), "dist");
    const r = spawnSync(NODE, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build", "--outDir", refused], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: join(ROOT, "tests/fixtures/broken"), ASTRO_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    });
    const log = r.stdout + r.stderr;
    expect(r.status).not.toBe(0);
    expect(log).toContain("tests/fixtures/broken/people/ada.md:10:71  error  broken-link");
    expect(log).toContain("has 14 error(s), listed above");
    expect(log).not.toContain("Stack trace");
    expect(existsSync(join(refused, "index.html"))).toBe(false);
  });

  it("is searchable in Chromium", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/search/?q=footnote`);
    const first = page.locator(".pagefind-ui__result-link").first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.textContent()).toBe("Doc");
  });
});
