/**
 * The contributor's and reader's paths end to end: `npm run check` and `npm run build` on real fixture vaults, and
 * the HTML they produce.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, ROOT, runScript, startDevServer } from "../helpers/cli.ts";
import { deadLinks } from "../helpers/crawl.ts";
import { tempDir } from "../helpers/temp.ts";

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

  it("offers unlinked mentions as hints at file:line:col with --mentions, never as problems, and only when asked", () => {
    const listed = runScript("check", ["--strict", "--mentions"], { CONTENT_DIR: GOOD });
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split("\n");
    const hint = lines.findIndex((l) => l.startsWith("tests/fixtures/vault/people/ada-lovelace.md:9:74  hint  unlinked-mention  `open weights` names Open weights (open-weights)"));
    expect(hint).toBeGreaterThanOrEqual(0);
    expect(lines[hint + 1]).toBe("    hint: write [[open-weights|open weights]] if it means that note");
    expect(listed.stdout).toContain("✔ 0 errors, 0 warnings in 10 notes");
    expect(listed.stdout).toContain("ℹ 1 unlinked mention (hints, not problems)");
    const counted = runScript("check", [], { CONTENT_DIR: GOOD });
    expect(counted.stdout).not.toContain("  hint  unlinked-mention");
    expect(counted.stdout).not.toContain("unlinked mention");
    const json = JSON.parse(runScript("check", ["--format", "json", "--mentions"], { CONTENT_DIR: GOOD }).stdout);
    expect(Object.keys(json)).toEqual(["version", "ok", "strict", "errors", "warnings", "notes", "mentions", "diagnostics", "hints"]);
    expect(json.hints).toEqual([expect.objectContaining({ file: "tests/fixtures/vault/people/ada-lovelace.md", line: 9, column: 74, from: "ada-lovelace", to: "open-weights", rule: "unlinked-mention" })]);
  });

  it("treats warnings as errors with --strict", () => {
    const dir = tempDir("atlas-strict-");
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
    // One small preview per note, for the link previews.
    expect(JSON.parse(readFileSync(join(dist, "previews", "widget-7b.json"), "utf8"))).toMatchObject({ title: "Widget 7B", type: "model", typeLabel: "Model", href: "/widget-7b/" });
  });

  it("is a good web citizen: canonical address, social and schema.org metadata, sitemap, feed, robots.txt, llms.txt", () => {
    const html = page("widget-7b");
    expect(html).toContain('<link rel="canonical" href="https://atlas-wiki.github.io/widget-7b/">');
    expect(html).toContain('<meta property="og:title" content="Widget 7B">');
    expect(html).toContain('<meta property="og:description" content="A fictional 7-billion-parameter open model.">');
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]);
    expect(ld).toMatchObject({ "@type": "SoftwareSourceCode", name: "Widget 7B", creator: [{ name: "Acme AI" }] });
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Atlas: recently changed notes" href="/feed.xml">');
    const file = (name: string) => readFileSync(join(dist, name), "utf8");
    expect(file("sitemap.xml")).toContain("<loc>https://atlas-wiki.github.io/widget-7b/</loc>");
    expect(file("feed.xml")).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en">\n  <title>Atlas: recently changed notes<\/title>/);
    expect(file("robots.txt")).toContain("Sitemap: https://atlas-wiki.github.io/sitemap.xml");
    expect(file("llms.txt")).toContain("- [Widget 7B](https://atlas-wiki.github.io/widget-7b/): A fictional 7-billion-parameter open model.");
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
    expect(infobox).toMatch(/Openness<\/th><td><ul class="values"><li><a href="#openness">1 open, 1 closed of 2 rated<\/a>/);
    expect(infobox).toMatch(/href="#source-roe-2026-widget-paper"/);
    expect(html).toMatch(/<li id="source-doe-2026-acme-report"><a href="\/doe-2026-acme-report\/">Acme annual report<\/a>/);
  });

  it("shows a model's openness matrix grouped as the index groups it, each cell in colour and words with its evidence", () => {
    const html = page("widget-7b");
    const matrix = html.slice(html.indexOf('<section class="openness-matrix" id="openness"'), html.indexOf("</section>", html.indexOf('id="openness"')));
    expect([...matrix.matchAll(/<tr class="group"><th scope="rowgroup" colspan="3">([^<]+)</g)].map((m) => m[1])).toEqual(["Availability", "Documentation", "Access"]);
    // The first schema's `weights` and `training_data` are read as end-model weights and base-model data.
    const row = (label: string) => matrix.slice(matrix.indexOf(`>${label}</a>`), matrix.indexOf("</tr>", matrix.indexOf(`>${label}</a>`)));
    expect(row("End-model weights")).toMatch(/status-open">✓ open<\/span>[\s\S]*href="#source-doe-2026-acme-report"/);
    expect(row("Base-model data")).toMatch(/status-closed">✗ closed<\/span>[\s\S]*not released[\s\S]*href="#source-roe-2026-widget-paper"/);
    expect(row("Paper")).toMatch(/status-unknown">\? unknown/);
    expect(matrix).toContain('href="/openness/#end_weights"');
    const gadget = page("gadget-model");
    expect(gadget).toMatch(/>Model card<\/a>[\s\S]{0,200}status-partial">◐ partial[\s\S]{0,300}a card with no word on the data[\s\S]{0,200}<a class="evidence-link" href="https:\/\/example.org\/gadget\/model-card" rel="nofollow noopener">model card \(example\.org\)<\/a>/);
  });

  it("compares the models in one table, an openness strip of the dimensions rated, and explains the dimensions", () => {
    const read = (path: string) => readFileSync(join(dist, path), "utf8");
    const models = read("models/index.html");
    // Only the dimensions some model rates: Package and API, which nobody rates, are not there.
    expect(models).toMatch(/<th scope="col" class="c-openness" data-key="openness" data-sort-type="number" data-filter-name="Openness" data-openness="Base-model data\|End-model weights\|Model card">Openness<\/th>/);
    const widget = models.slice(models.indexOf('href="/widget-7b/"'), models.indexOf("</tr>", models.indexOf('href="/widget-7b/"')));
    expect(widget).toMatch(/<td data-sort="1.005"><span class="strip" role="img" aria-label="1 of 2 rated open"><i class="sq c" title="Base-model data: closed"><\/i><i class="sq o" title="End-model weights: open"><\/i>/);
    expect(widget).toContain('<td><a href="/acme-ai/">Acme AI</a></td>');
    expect((widget.match(/class="sq /g) ?? []).length).toBe(3);
    const openness = read("openness/index.html");
    expect(openness).toMatch(/<tr id="end_weights">[\s\S]*?1 open<\/span><span class="status status-partial">0 partial<\/span><span class="status status-closed">1 closed<\/span><span class="status status-unknown">1 unknown</);
    const lab = page("acme-ai");
    expect(lab).toMatch(/<h2 id="developed-heading">Models<\/h2>[\s\S]*href="\/widget-7b\/">Widget 7B<\/a><\/th><td>2026-01<\/td><td><span class="strip" role="img" aria-label="1 of 2 rated open">/);
  });

  it("lists a lab's people and a person's affiliations with role, dates and sources", () => {
    const people = page("acme-ai");
    expect(people).toMatch(/<h2 id="affiliations-heading">People<\/h2><ol class="timeline-entries"><li><span class="span meta">2020 –<\/span><a href="\/ada-lovelace\/">Ada Lovelace<\/a><span class="extra">, CEO<\/span><sup class="cite"><a href="#source-doe-2026-acme-report"/);
    const person = page("ada-lovelace");
    expect(person).toMatch(/<h2 id="affiliations-heading">Affiliations<\/h2><ol class="timeline-entries"><li><span class="span meta">2020 –<\/span><a href="\/acme-ai\/">Acme AI<\/a><span class="extra">, CEO<\/span>/);
  });

  it("lists the notes that name a note without linking to it (unlinked mentions)", () => {
    const html = page("open-weights");
    expect(html).toMatch(/<h2 id="mentions-heading">Unlinked mentions<\/h2>[\s\S]*?<li><a href="\/ada-lovelace\/">Ada Lovelace<\/a><blockquote>[^<]*she favours open weights\.[^<]*<\/blockquote><\/li><\/ul>/);
    // A note that links to it is not listed, however often it names it.
    expect(html.slice(html.indexOf('id="mentions-heading"'))).not.toContain('href="/widget-7b/"');
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
    expect(html).toMatch(/<th scope="col" class="c-list" data-key="developer" data-filter-name="Developer">Developer<\/th><th scope="col" class="c-list" data-key="country" data-filter-name="Country">Country<\/th><th scope="col" class="c-date" data-key="released" data-filter-name="Released" data-filter="year">Released<\/th><th scope="col" class="c-number" data-key="parameters" data-sort-type="number">Parameters<\/th>/);
    // The summary is the link's title, not a paragraph in the row; a model's country is its developer's.
    expect(html).toMatch(/<a href="\/widget-7b\/" title="A fictional 7-billion-parameter open model.">Widget 7B<\/a><\/th><td><a href="\/acme-ai\/">Acme AI<\/a><\/td><td>Nowhere<\/td><td>2026-01<\/td>/);
    // Sources that differ on a number: one shown, the difference marked, sorted as a number.
    expect(html).toContain('<td data-sort="7000000000">7B<span class="differs" title="Sources differ: 7B, 7.2B">');
  });

  it("strips unsafe HTML but keeps harmless markup; the only scripts are the local graph's and the JSON-LD", () => {
    const html = page("gadget-model");
    expect(html).toContain("<mark>highlighted</mark>");
    expect(html).not.toMatch(/onclick/);
    // Every script on the page is one of the layout's own: the theme's, the local graph's, its data, the JSON-LD.
    const body = html.slice(html.indexOf('<div class="note-body">'), html.indexOf("</article>"));
    expect(body).not.toMatch(/<script(?![^>]*(data-local-graph-data|\/_astro\/LocalGraph))/);
    for (const tag of html.match(/<script[^>]*>/g) ?? []) {
      expect(tag).toMatch(/^<script (data-theme-init|type="application\/json" data-local-graph-data|type="application\/ld\+json"|type="module"( src="\/_astro\/[^"]+")?)>$/);
    }
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
    const dir = tempDir("atlas-dev-");
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
      // Until the page shows the saved sentence (the note links to widget-7b elsewhere already); up to 30 s: on a loaded
      // machine (the whole suite on two cores) the update has taken more than 10.
      for (let i = 0; i < 120 && !/See <a href="\/widget-7b\/"/.test(fixed); i++) {
        await new Promise((r) => setTimeout(r, 250));
        fixed = await (await fetch(`${dev.url}/open-weights/`)).text();
      }
      expect(fixed).toMatch(/See <a href="\/widget-7b\/"/);
      expect(fixed).not.toContain("wikilink broken");
      expect(fixed).not.toContain('class="problems"');
    } finally {
      dev.stop();
    }
  });
});
