/**
 * The build's integrity, for what no single fixture shows: the link crawler that every built fixture is checked
 * with (tests/helpers/crawl.ts) finds what is broken, and a build that fails late, after Astro has rendered every
 * page, leaves the previous `dist/` exactly as it was (a build the check refuses is tests/e2e/cli.test.ts's case).
 * Each fixture's own test crawls its site; content/ and the hostile corpus are also built twice, byte-identical.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, ROOT, runScript } from "../helpers/cli.ts";
import { deadLinks, siteHashes } from "../helpers/crawl.ts";
import { tempDir } from "../helpers/temp.ts";

const VAULT = join(ROOT, "tests/fixtures/vault");

describe("the link crawler", () => {
  let dist: string;
  beforeAll(() => {
    dist = buildSite(VAULT);
  });

  it("finds nothing on a sound site", () => {
    expect(deadLinks(dist)).toEqual([]);
  });

  it("finds a page that is gone and an anchor that is gone, where they are linked from", () => {
    const broken = join(tempDir("atlas-crawl-"), "dist");
    cpSync(dist, broken, { recursive: true });
    rmSync(join(broken, "beta-labs"), { recursive: true });
    // A page that links to one of its own headings, and to a note's source list, with the targets taken away.
    writeFileSync(join(broken, "widget-7b", "index.html"), '<a href="/acme-ai/#no-such-heading">x</a> <a href="#nowhere">y</a> <a href="https://example.org/">z</a>');
    const dead = deadLinks(broken);
    expect(dead).toContainEqual({ page: "widget-7b/index.html", href: "/acme-ai/#no-such-heading", why: "no such anchor" });
    expect(dead).toContainEqual({ page: "widget-7b/index.html", href: "#nowhere", why: "no such anchor" });
    expect(dead.filter((d) => d.href === "/beta-labs/" && d.why === "no such file").length).toBeGreaterThan(0);
    expect(dead.some((d) => d.href.startsWith("https:"))).toBe(false);
  });
});

describe("a build that fails after rendering", () => {
  it("leaves the previous dist/ as it was, with nothing staged beside it", () => {
    const dist = buildSite(VAULT);
    const before = siteHashes(dist);
    // The search indexer's binary cannot be started: Astro has rendered every page when the build fails. (Empty
    // caches: an incremental build would keep the unchanged search index and never start it.)
    const r = runScript("build", [], { CONTENT_DIR: VAULT, OUT_DIR: dist, PAGEFIND_BINARY_PATH: "/nonexistent/pagefind", ATLAS_CACHE_DIR: tempDir("atlas-fail-cache-") });
    expect(r.code).toBe(1);
    // The output folder is named as the person typed it: relative to where the command ran (the project).
    const named = /build: failed, (\S+) was left as it was/.exec(r.stderr)?.[1];
    expect(named && resolve(ROOT, named)).toBe(dist);
    expect(siteHashes(dist)).toEqual(before);
    expect(readdirSync(dirname(dist))).toEqual(["dist"]);
  });
});

describe("a build over an earlier one", () => {
  it("replaces dist/ whole, and removes the old site, and one a stopped build left beside it", async () => {
    const dist = buildSite(VAULT);
    // What a build stopped while removing its old site leaves: a site beside dist/, under a process id.
    const stale = `${dist}.old-999999999`;
    mkdirSync(join(stale, "widget-7b"), { recursive: true });
    writeFileSync(join(stale, "widget-7b", "index.html"), "an old page");
    writeFileSync(join(dist, "from-the-last-build.txt"), "not in the new site");
    const r = runScript("build", [], { CONTENT_DIR: VAULT, OUT_DIR: dist });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dist, "from-the-last-build.txt"))).toBe(false);
    expect(existsSync(join(dist, "widget-7b", "index.html"))).toBe(true);
    expect(existsSync(stale)).toBe(false);
    // The replaced site is removed by a process of its own, after the build has exited.
    for (let i = 0; i < 100 && readdirSync(dirname(dist)).length > 1; i++) await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(dirname(dist))).toEqual(["dist"]);
  });
});
