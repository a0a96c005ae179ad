/**
 * The page cache's bookkeeping at the end of a build (src/lib/page-cache.ts `finish`); whole builds through it are
 * tests/e2e/incremental.test.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PageCache, pageFile } from "../../src/lib/page-cache.ts";
import { tempDir } from "../helpers/temp.ts";

describe("the page cache's finish", () => {
  it("takes in every page the build rendered, and replaces a file its listing at load did not show", async () => {
    const root = tempDir("atlas-page-cache-");
    const cacheDir = join(root, "cache");
    const site = join(root, "site");
    const pages = Array.from({ length: 150 }, (_, i) => pageFile(`note-${i}`)); // more than one batch
    for (const [i, file] of pages.entries()) {
      mkdirSync(join(site, file, ".."), { recursive: true });
      writeFileSync(join(site, file), `page ${i}`);
    }
    const cache = new PageCache(cacheDir);
    await cache.load();
    // A file that appears in the cache after it was listed.
    mkdirSync(join(cacheDir, "files", "note-7"), { recursive: true });
    writeFileSync(join(cacheDir, "files", pages[7]), "stale");
    // A page a route declined after all: Astro never wrote it.
    const declined = pageFile("declined");
    const render = cache.changed([...pages.map((file, i) => ({ file, key: `k${i}` })), { file: declined, key: "kd" }]);
    expect(render).toHaveLength(151);
    expect(await cache.finish(site)).toEqual({ reused: 0, reusedPages: 0, stored: 150 });
    expect(readFileSync(join(cacheDir, "files", pages[7]), "utf8")).toBe("page 7");
    expect(readFileSync(join(cacheDir, "files", pages[149]), "utf8")).toBe("page 149");
    const manifest = JSON.parse(readFileSync(join(cacheDir, "pages.json"), "utf8")) as { pages: Record<string, string> };
    expect(Object.keys(manifest.pages)).toEqual(pages); // in the routes' order, whatever order the links finished in
    expect(manifest.pages[pages[3]]).toBe("k3");
  });
});
