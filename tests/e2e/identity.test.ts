/**
 * A publisher, not one wiki: a vault's site speaks with the vault's own identity (atlas.yml: title, description,
 * origin, language, repository, home, footer), a vault without the file with its folder's name, and nothing of this
 * wiki's leaks into either. One build context: `npm run build` loads the vault once, and `npx astro build` alone
 * makes the same site. A bad setting stops the build at its line.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, NODE, ROOT, runScript } from "../helpers/cli.ts";
import { malformedPages, siteHashes, sitePages } from "../helpers/crawl.ts";

const GARDEN = join(ROOT, "tests/fixtures/garden");
const made: string[] = [];
const scratch = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A page's visible text: no scripts, styles or markup. */
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ").replace(/<[^>]+>/g, " ");
/** What this wiki would say of itself, which no other vault's site may. */
const THIS_WIKI = /\bAtlas\b|open-source AI|atlas-wiki|landscape graph/;

describe("a vault with its own identity", () => {
  let dist = "";
  let timings: { loads: number; notes: number; pages: number };
  beforeAll(() => {
    const file = join(scratch("atlas-timings-"), "t.json");
    dist = buildSite(GARDEN, { ATLAS_TIMINGS_FILE: file });
    made.push(join(dist, ".."));
    timings = JSON.parse(readFileSync(file, "utf8"));
  });

  it("is loaded and parsed once for the check and the render", () => {
    expect(timings).toMatchObject({ loads: 1, notes: 3 });
    expect(timings.pages).toBeGreaterThan(3);
  });

  it("speaks of that vault only, on every page and in every web file", () => {
    const pages = sitePages(dist);
    expect(malformedPages(dist)).toEqual([]);
    for (const page of pages) {
      const html = readFileSync(join(dist, page), "utf8");
      expect(html, page).toMatch(/<html lang="fr"/);
      expect(html.match(/<title>([^<]*)<\/title>/)?.[1], page).toMatch(/The Forking Garden$/);
      expect(visible(html), page).not.toMatch(THIS_WIKI);
      if (page !== "404.html") expect(html, page).toContain("Tended by one gardener.");
    }
    for (const file of ["feed.xml", "llms.txt", "robots.txt", "sitemap.xml", "exports/atlas-graph.gexf"]) expect(readFileSync(join(dist, file), "utf8"), file).not.toMatch(THIS_WIKI);
  });

  it("leads its home page with the home note, and links canonically at its origin", () => {
    const home = readFileSync(join(dist, "index.html"), "utf8");
    // The home note opens with its own `# Welcome`: that is the page's one heading, not repeated above it.
    expect(home.match(/<h1[^>]*>/g)).toEqual(['<h1 id="welcome">']);
    expect(home).toContain("This garden keeps notes on");
    expect(home).toContain('<link rel="canonical" href="https://garden.example/"');
    const fern = readFileSync(join(dist, "plants/fern/index.html"), "utf8");
    expect(fern).toContain('<link rel="canonical" href="https://garden.example/plants/fern/"');
    expect(fern).toContain('href="https://git.example/me/garden/edit/trunk/tests/fixtures/garden/Plants/Fern.md"');
    expect(fern).toMatch(/<nav class="folder-trail" aria-label="Folders"><a href="\/">The Forking Garden<\/a>/);
    expect(readFileSync(join(dist, "sitemap.xml"), "utf8")).toContain("<loc>https://garden.example/plants/moss/</loc>");
  });

  it("feeds its notes by their dates, under its own name", () => {
    const feed = readFileSync(join(dist, "feed.xml"), "utf8");
    expect(feed).toContain("<title>The Forking Garden: recently changed notes</title>");
    expect(feed).toContain("<subtitle>Notes on ferns, mosses and the paths between them.</subtitle>");
    expect(feed).toContain("<author><name>The Forking Garden contributors</name></author>");
    const entries = [...feed.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]);
    expect(entries).toHaveLength(3);
    for (const at of entries) expect(at).not.toMatch(/^1970/);
    expect(readFileSync(join(dist, "llms.txt"), "utf8")).toMatch(/^# The Forking Garden\n\n> Notes on ferns, mosses and the paths between them.\n/);
  });

  it("is the same site when Astro builds it alone", () => {
    const out = join(scratch("atlas-astro-alone-"), "dist");
    const r = spawnSync(NODE, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build", "--outDir", out], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: GARDEN, ASTRO_TELEMETRY_DISABLED: "1", VITEST: undefined, NODE_ENV: undefined },
      encoding: "utf8",
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(siteHashes(out)).toEqual(siteHashes(dist));
  });
});

describe("a vault without atlas.yml", () => {
  it("is named after its folder, claims no address and dates its notes by their files", () => {
    const vault = join(scratch("atlas-plain-"), "Field Notes");
    cpSync(GARDEN, vault, { recursive: true });
    rmSync(join(vault, "atlas.yml"));
    writeFileSync(join(vault, "index.md"), "The start page of these notes, [[Fern]] first.\n");
    const dist = buildSite(vault);
    made.push(join(dist, ".."));
    const home = readFileSync(join(dist, "index.html"), "utf8");
    expect(home).toContain("<title>Field Notes</title>");
    expect(home).toContain("<h1>Field Notes</h1>");
    expect(home).toContain("The start page of these notes");
    expect(home).toMatch(/<html lang="en"/);
    expect(home).not.toContain('rel="canonical"');
    expect(existsSync(join(dist, "sitemap.xml"))).toBe(false);
    expect(readFileSync(join(dist, "robots.txt"), "utf8")).not.toContain("Sitemap");
    const feed = readFileSync(join(dist, "feed.xml"), "utf8");
    expect(feed).toContain("<title>Field Notes: recently changed notes</title>");
    expect(feed).toContain('<link href="/plants/fern/"/>');
    expect([...feed.matchAll(/<entry>/g)]).toHaveLength(4);
    expect(visible(readFileSync(join(dist, "plants/fern/index.html"), "utf8"))).not.toMatch(THIS_WIKI);
  });
});

describe("the build's log", () => {
  it("is one line per stage and a summary, Astro's line per route only with --verbose", () => {
    const out = join(scratch("atlas-log-"), "dist");
    // A cold build (empty caches): every page rendered, every note indexed.
    const quiet = runScript("build", [], { CONTENT_DIR: GARDEN, OUT_DIR: out, ATLAS_CACHE_DIR: scratch("atlas-log-cache-") });
    expect(quiet.code, quiet.stderr).toBe(0);
    const lines = (quiet.stdout + quiet.stderr).split("\n").filter(Boolean);
    for (const stage of [/^build: parsed \(\d from cache\) 3\/3$/, /^build: checking 3\/3$/, /^✔ 0 errors, 0 warnings in 3 notes/, /^build: rendered \d+ pages \(/, /^build: indexed 3 notes for search/, /^build: wrote /, /^✔ built 3 notes into \d+ pages in /]) {
      expect(lines.filter((l) => stage.test(l)), String(stage)).toHaveLength(1);
    }
    expect(lines.length).toBeLessThan(15);
    expect(quiet.stderr).not.toMatch(/├─/);
    // Cold again (an incremental build lists only the pages it renders).
    const verbose = runScript("build", ["--verbose"], { CONTENT_DIR: GARDEN, OUT_DIR: out, ATLAS_CACHE_DIR: scratch("atlas-log-cache-") });
    expect(verbose.code).toBe(0);
    expect(stripVTControlCharacters(verbose.stdout + verbose.stderr)).toMatch(/├─ \/tags\/plant\/index\.html/);
  });
});

describe("a bad setting", () => {
  it("stops the build at its line, in prose, and builds nothing", () => {
    const vault = scratch("atlas-bad-settings-");
    cpSync(GARDEN, vault, { recursive: true });
    writeFileSync(join(vault, "atlas.yml"), "title: Garden\norigin: garden.example\nhome: Nowhere\n");
    const out = join(scratch("atlas-bad-out-"), "dist");
    const r = runScript("build", [], { CONTENT_DIR: vault, OUT_DIR: out });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/atlas\.yml:2:9 +error +config +`origin` is "garden\.example", which is not a web address/);
    expect(r.stdout).toMatch(/atlas\.yml:3:7 +error +config +`home` is "Nowhere", which names no note of the vault/);
    expect(existsSync(out)).toBe(false);
  });
});
