/**
 * The parse cache and the loader's memory: an unchanged file is never parsed twice, a changed one always is (even
 * with its old timestamp), and a vault updated file by file equals the vault loaded afresh.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ParseCache } from "../../src/lib/parse-cache.ts";
import { VaultLoader, loadVault } from "../../src/lib/vault.ts";
import type { Vault } from "../../src/lib/types.ts";
import { note, writeVault } from "../helpers/vault.ts";
import { tempDir } from "../helpers/temp.ts";

const files = {
  "sources/s.md": note({ title: "S", type: "source", kind: "article", summary: "s." }, "## Method\n\nSee [[a]] and [[b]].\n"),
  "labs/a.md": note({ title: "Lab A", type: "lab", summary: "a.", sources: "[s]" }, "Back to [[s#Method]].\n"),
  "labs/b.md": note({ title: "Lab B", type: "lab", summary: "b.", sources: "[s]" }, "Beside [[a]].\n"),
};

/** Counts parses: a progress stage reports how many of the files came from the cache. */
function loaderWithLog(dir: string, cache: ParseCache, html?: false) {
  const log: string[] = [];
  const loader = new VaultLoader(dir, { cwd: dir, cache, workers: 0, html, onProgress: (stage, done, total) => log.push(`${stage} ${done}/${total}`) });
  return { loader, log };
}

function summary(v: Vault) {
  return {
    notes: v.notes.map((n) => [n.slug, n.title, n.links.map((l) => [l.to, l.fragment ?? null])]),
    backlinks: [...v.backlinks].map(([k, bs]) => [k, bs.map((b) => b.from).sort()]).sort(),
    diagnostics: v.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`),
  };
}

describe("parse cache", () => {
  it("parses a file once: a second load takes everything from the cache", async () => {
    const dir = writeVault(files);
    const cache = new ParseCache(tempDir("atlas-cache-"), "test-engine");
    const first = loaderWithLog(dir, cache);
    await first.loader.load();
    expect(first.log).toContain("parsed (0 from cache) 3/3");
    const second = loaderWithLog(dir, cache);
    await second.loader.load();
    expect(second.log).toContain("parsed (3 from cache) 3/3");
  });

  it("parses a changed file again even when its timestamp did not change, and only that file", async () => {
    const dir = writeVault(files);
    const cache = new ParseCache(tempDir("atlas-cache-"), "test-engine");
    await loaderWithLog(dir, cache).loader.load();
    const path = join(dir, "labs/b.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("Beside", "Next to"));
    utimesSync(path, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const again = loaderWithLog(dir, cache);
    const vault = await again.loader.load();
    expect(again.log).toContain("parsed (2 from cache) 3/3");
    expect(vault.bySlug.get("b")!.parsed.html!.chunks.join("")).toContain("Next to");
  });

  it("a check-only load renders no HTML but for raw HTML; a load for pages takes its entries as misses, then a check reuses the pages'", async () => {
    const dir = writeVault({ ...files, "labs/c.md": note({ title: "Lab C", type: "lab", summary: "c.", sources: "[s]" }, "Has <kbd>Ctrl</kbd> beside [[a]].\n") });
    const cache = new ParseCache(tempDir("atlas-cache-"), "test-engine");
    const check = loaderWithLog(dir, cache, false);
    const checked = await check.loader.load();
    expect(check.log).toContain("parsed (0 from cache) 4/4");
    expect(checked.bySlug.get("a")!.parsed.html).toBeUndefined();
    expect(checked.bySlug.get("c")!.parsed.html!.chunks.join("")).toContain("<kbd>Ctrl</kbd>");
    const pages = loaderWithLog(dir, cache);
    const built = await pages.loader.load();
    expect(pages.log).toContain("parsed (1 from cache) 4/4");
    expect(built.bySlug.get("a")!.parsed.html!.chunks.join("")).toContain("Back to");
    // The backlink sentences come with the HTML: none in a check-only entry, there in the one a page takes from it.
    expect(checked.bySlug.get("b")!.parsed.contexts).toEqual([]);
    expect(built.bySlug.get("c")!.parsed.contexts).toEqual(checked.bySlug.get("c")!.parsed.contexts);
    expect(built.bySlug.get("c")!.parsed.contexts.flat()).toContain("Has Ctrl beside ");
    expect(summary(built)).toEqual(summary(checked));
    const again = loaderWithLog(dir, cache, false);
    await again.loader.load();
    expect(again.log).toContain("parsed (4 from cache) 4/4");
  });

  it("keys entries by engine version: a new engine parses everything again", async () => {
    const dir = writeVault(files);
    const cacheDir = tempDir("atlas-cache-");
    await loaderWithLog(dir, new ParseCache(cacheDir, "engine-1")).loader.load();
    const next = loaderWithLog(dir, new ParseCache(cacheDir, "engine-2"));
    await next.loader.load();
    expect(next.log).toContain("parsed (0 from cache) 3/3");
  });

  it("survives a corrupt entry by parsing again", async () => {
    const dir = writeVault(files);
    const cacheDir = tempDir("atlas-cache-");
    const cache = new ParseCache(cacheDir, "e");
    await loaderWithLog(dir, cache).loader.load();
    const key = cache.key(readFileSync(join(dir, "labs/a.md"), "utf8"));
    const [pack] = packFiles(cacheDir);
    writeFileSync(pack, readFileSync(pack, "utf8").replace(new RegExp(`^${key}\t.*$`, "m"), `${key}\t{ not json`));
    const again = loaderWithLog(dir, cache);
    const vault = await again.loader.load();
    expect(again.log).toContain("parsed (2 from cache) 3/3");
    expect(vault.diagnostics).toEqual([]);
  });

  it("keeps a whole load in one pack file, rewritten only when something changed", async () => {
    const dir = writeVault(files);
    const cacheDir = tempDir("atlas-cache-");
    const cache = new ParseCache(cacheDir, "e");
    await loaderWithLog(dir, cache).loader.load();
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/\.pack$/)]);
    const [pack] = packFiles(cacheDir);
    expect(readFileSync(pack, "utf8").trim().split("\n")).toHaveLength(3);
    const written = statSync(pack).mtimeMs;
    utimesSync(pack, new Date(2020, 0, 1), new Date(2020, 0, 1));
    await loaderWithLog(dir, cache).loader.load();
    expect(statSync(pack).mtime.getFullYear()).toBe(2020); // unchanged vault: not rewritten
    writeFileSync(join(dir, "labs/b.md"), readFileSync(join(dir, "labs/b.md"), "utf8").replace("Beside", "Near"));
    await loaderWithLog(dir, cache).loader.load();
    expect(statSync(pack).mtimeMs).toBeGreaterThanOrEqual(written);
    expect(readFileSync(pack, "utf8")).toContain("Near");
    expect(readFileSync(pack, "utf8")).not.toContain("Beside"); // the old entry is gone, not kept beside
  });

  it("writes a dev save as a loose entry, which the next whole load folds into the pack", async () => {
    const dir = writeVault(files);
    const cacheDir = tempDir("atlas-cache-");
    const cache = new ParseCache(cacheDir, "e");
    const dev = loaderWithLog(dir, cache).loader;
    await dev.load();
    const path = join(dir, "labs/b.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("Beside", "Alongside"));
    await dev.update([path]);
    const key = cache.key(readFileSync(path, "utf8"));
    const loose = join(cacheDir, key.slice(0, 2), `${key}.json`);
    expect(existsSync(loose)).toBe(true);
    const next = loaderWithLog(dir, cache);
    await next.loader.load();
    expect(next.log).toContain("parsed (3 from cache) 3/3");
    expect(existsSync(loose)).toBe(false);
    expect(readFileSync(packFiles(cacheDir)[0], "utf8")).toContain("Alongside");
  });
});

/** The pack files in a cache folder. */
function packFiles(cacheDir: string): string[] {
  return readdirSync(cacheDir).filter((f) => f.endsWith(".pack")).map((f) => join(cacheDir, f));
}

describe("VaultLoader.update", () => {
  it("equals a fresh load after edits, renames of titles, new and deleted files", async () => {
    const dir = writeVault(files);
    const loader = new VaultLoader(dir, { cwd: dir });
    await loader.load();
    const edit = async (path: string, text: string | null) => {
      const full = join(dir, path);
      if (text === null) rmSync(full);
      else writeFileSync(full, text);
      const updated = await loader.update([full]);
      expect(summary(updated)).toEqual(summary(await loadVault(dir, { cwd: dir })));
      return updated;
    };
    // a body edit (names unchanged: only this note is resolved again)
    const v1 = await edit("labs/b.md", note({ title: "Lab B", type: "lab", summary: "b.", sources: "[s]" }, "Beside [[a]] and [[s]].\n"));
    expect(v1.notes.find((n) => n.slug === "b")!.links.map((l) => l.to)).toEqual(["a", "s"]);
    // a heading removed that another note links to: that note's link breaks
    const v2 = await edit("sources/s.md", note({ title: "S", type: "source", kind: "article", summary: "s." }, "See [[a]] and [[b]].\n"));
    expect(v2.diagnostics.map((d) => d.rule)).toContain("missing-heading");
    // a new note that a broken link now reaches, then its deletion
    await edit("labs/a.md", note({ title: "Lab A", type: "lab", summary: "a.", sources: "[s]" }, "Back to [[s]], near [[Lab C]].\n"));
    const v4 = await edit("labs/c.md", note({ title: "Lab C", type: "lab", summary: "c.", sources: "[s]" }, "[[a]]\n"));
    expect(v4.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const v5 = await edit("labs/c.md", null);
    expect(v5.diagnostics.map((d) => d.rule)).toContain("broken-link");
  });
});
