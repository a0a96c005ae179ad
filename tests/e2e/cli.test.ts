/**
 * The contributor's and reader's paths end to end: `npm run check` and `npm run build` on real fixture vaults, and
 * the HTML they produce.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, ROOT, runScript, startDevServer } from "../helpers/cli.ts";
import { deadLinks } from "../helpers/crawl.ts";

const GOOD = join(ROOT, "tests/fixtures/vault");
const BROKEN = join(ROOT, "tests/fixtures/broken");

describe("npm run check", () => {
  it("passes the good fixture in strict mode", () => {
    const r = runScript("check", ["--strict"], { CONTENT_DIR: GOOD });
    expect(r.stdout).toContain("✔ 0 errors, 0 warnings in 10 notes");
    expect(r.code).toBe(0);
  });

  it("reports every problem of the broken fixture at once, with positions and hints, and exits 1", () => {
    const r = runScript("check", [], { CONTENT_DIR: BROKEN });
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    const at = (prefix: string) => lines.find((l) => l.startsWith(prefix));
    expect(at("tests/fixtures/broken/people/ada.md:10:71  error  broken-link")).toContain("`widget-modle`");
    expect(lines[lines.indexOf(at("tests/fixtures/broken/people/ada.md:10:71")!) + 1]).toContain("hint: did you mean `widget-model`?");
    expect(at("tests/fixtures/broken/models/gadget.md:2:8  error  yaml-syntax")).toBeDefined();
    expect(at("tests/fixtures/broken/models/widget-model.md:3:7  error  unknown-type")).toBeDefined();
    expect(at("tests/fixtures/broken/labs/acme-lab.md:8:9  error  schema  unknown field `contry`")).toBeDefined();
    expect(at("tests/fixtures/broken/people/ada.md:8:12  error  broken-relation")).toBeDefined();
    expect(at("tests/fixtures/broken/people/ada.md:10:41  error  missing-heading")).toBeDefined();
    expect(at("tests/fixtures/broken/labs/acme-lab.md:10:31  error  unsafe-html")).toBeDefined();
    expect(at("tests/fixtures/broken/sources/paper-2026-example.md:1:1  error  duplicate-slug")).toBeDefined();
    expect(at("tests/fixtures/broken/people/ada.md:2:8  error  name-collision")).toBeDefined();
    expect(r.stdout).toMatch(/✖ 14 errors, 1 warning in 7 notes/);
  });

  it("treats warnings as errors with --strict", () => {
    const dir = mkdtempSync(join(tmpdir(), "atlas-strict-"));
    cpSync(GOOD, dir, { recursive: true });
    writeFileSync(join(dir, "concepts/lonely.md"), "---\ntitle: Lonely\ntype: concept\nsummary: Nobody links here.\n---\n");
    expect(runScript("check", [], { CONTENT_DIR: dir }).code).toBe(0);
    const strict = runScript("check", ["--strict"], { CONTENT_DIR: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("concepts/lonely.md:1:1  error  orphan");
  });
});

describe("npm run build", () => {
  let dist: string;
  const page = (slug: string) => readFileSync(join(dist, slug, "index.html"), "utf8");
  beforeAll(() => {
    dist = buildSite(GOOD);
  });

  it("writes a page per note, type indexes, tags, home, 404 and a search index", () => {
    for (const slug of ["acme-ai", "beta-labs", "ada-lovelace", "widget-7b", "open-weights", "widget-launch", "models", "people", "tags/fixture", "search"]) {
      expect(existsSync(join(dist, slug, "index.html")), slug).toBe(true);
    }
    expect(existsSync(join(dist, "index.html"))).toBe(true);
    expect(existsSync(join(dist, "404.html"))).toBe(true);
    expect(existsSync(join(dist, "pagefind", "pagefind.js"))).toBe(true);
  });

  it("renders resolved wikilinks (slug, alias, title, heading, label)", () => {
    const html = page("beta-labs");
    expect(html).toMatch(/<a href="\/acme-ai\/"[^>]*class="wikilink"[^>]*>Acme AI<\/a>/); // [[acme]] is an alias
    expect(html).toMatch(/<a href="\/widget-7b\/"[^>]*>Widget 7B<\/a>/); // by title
    expect(page("widget-7b-instruct")).toMatch(/<a href="\/widget-7b\/#training"[^>]*>the base model<\/a>/);
  });

  it("fills the infobox with linked relations, disagreeing sourced values and openness", () => {
    const html = page("widget-7b");
    const infobox = html.slice(html.indexOf('<aside class="infobox"'), html.indexOf("</aside>"));
    expect(infobox).toMatch(/Developer<\/th><td><ul class="values"><li><a href="\/acme-ai\/">Acme AI<\/a>/);
    expect(infobox).toContain("7B");
    expect(infobox).toContain("7.2B");
    expect(infobox).toMatch(/status-open">open/);
    expect(infobox).toMatch(/status-closed">closed/);
    expect(infobox).toMatch(/href="#source-roe-2026-widget-paper"/);
    expect(html).toMatch(/<li id="source-doe-2026-acme-report"><a href="\/doe-2026-acme-report\/">Acme annual report<\/a>/);
  });

  it("lists backlinks grouped by type, with the sentence around each mention", () => {
    const html = page("widget-7b");
    const back = html.slice(html.indexOf('id="backlinks-heading"'));
    expect(back).toMatch(/<h3>Labs<\/h3><ul><li><a href="\/acme-ai\/">Acme AI<\/a><blockquote>Acme AI builds the Widget family and is led by Ada Lovelace.<\/blockquote>/);
    expect(back).toContain("<h3>Models</h3>");
    expect(back).toContain("Derived from (finetune)");
  });

  it("shows every note citing a source on the source's page", () => {
    const html = page("doe-2026-acme-report");
    const cited = html.slice(html.indexOf('id="cited-by-heading"'));
    expect(cited).toContain("Cited by 6 notes");
    for (const t of ["Acme AI", "Ada Lovelace", "Beta Labs", "Widget 7B", "Widget launch", "The Widget paper"]) expect(cited).toContain(`>${t}</a>`);
  });

  it("lists each type's notes with key fields in its index", () => {
    const html = page("models");
    expect(html).toMatch(/<th scope="col">Developer<\/th><th scope="col">Released<\/th><th scope="col">Parameters<\/th>/);
    expect(html).toMatch(/Widget 7B<\/a>.*?<td><ul class="values"><li><a href="\/acme-ai\/">Acme AI<\/a>/s);
    expect(html).toContain("weights: open");
  });

  it("strips unsafe HTML but keeps harmless markup; the only scripts are the local graph's", () => {
    const html = page("gadget-model");
    expect(html).toContain("<mark>highlighted</mark>");
    expect(html).not.toMatch(/onclick|<script(?![^>]*(pagefind|data-local-graph-data|\/_astro\/LocalGraph))/);
  });

  it("has no internal link or anchor that points nowhere", () => {
    expect(deadLinks(dist)).toEqual([]);
  });

  it("refuses a vault with errors and leaves the previous output untouched", () => {
    const before = readFileSync(join(dist, "index.html"), "utf8");
    const r = runScript("build", [], { CONTENT_DIR: BROKEN, OUT_DIR: dist });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("error  broken-link");
    expect(r.stderr).toContain("build: refused");
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe(before);
    expect(readdirSync(dirname(dist))).toEqual(["dist"]); // no staged or old copies left beside it
  });
});

describe("dev server", () => {
  it("marks broken links on the page and lists the problems while a contributor edits", async () => {
    const dir = mkdtempSync(join(tmpdir(), "atlas-dev-"));
    cpSync(GOOD, dir, { recursive: true });
    mkdirSync(join(dir, "concepts"), { recursive: true });
    writeFileSync(join(dir, "concepts/open-weights.md"), readFileSync(join(GOOD, "concepts/open-weights.md"), "utf8") + "\nSee [[missing-thing]].\n");
    const dev = await startDevServer(dir);
    try {
      const html = await (await fetch(`${dev.url}/open-weights/`)).text();
      expect(html).toMatch(/<span class="wikilink broken" title="Missing note: missing-thing">missing-thing<\/span>/);
      expect(html).toMatch(/class="problems"[\s\S]*open-weights\.md:\d+:5/);
      // Fixing the note is picked up without restarting the server.
      writeFileSync(join(dir, "concepts/open-weights.md"), readFileSync(join(GOOD, "concepts/open-weights.md"), "utf8") + "\nSee [[widget-7b]].\n");
      let fixed = "";
      // Up to 30 s: on a loaded machine (the whole suite on two cores) the update has taken more than 10.
      for (let i = 0; i < 120 && !fixed.includes('href="/widget-7b/"'); i++) {
        await new Promise((r) => setTimeout(r, 250));
        fixed = await (await fetch(`${dev.url}/open-weights/`)).text();
      }
      expect(fixed).not.toContain("wikilink broken");
      expect(fixed).not.toContain('class="problems"');
    } finally {
      dev.stop();
    }
  });
});
