/**
 * The incremental production build (src/lib/page-cache.ts, src/lib/pages/keys.ts, the search shards of
 * src/integration/pagefind.ts), through `npm run build` as a person runs it: build a vault, edit it, build again with
 * the same caches; the site must be byte for byte the one a cold build of the edited vault makes (with empty caches),
 * while only the pages that changed were rendered and only the search shards whose notes changed were indexed.
 * The graph layout of a production build is computed afresh when the links change (never started from the last
 * positions), so there is no allowed difference: every file is compared.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runScript } from "../helpers/cli.ts";
import { tempCopy, tempDir } from "../helpers/temp.ts";

interface Timings {
  pages: number;
  rendered: number;
  copied: number;
  search: { notes: number; shards: number; indexedShards: number; indexedNotes: number };
}

const work = tempDir("atlas-incremental-");
let runs = 0;

/** `npm run build` of `vault` with the caches in `cache`; the site's folder and what the build says it did. */
function build(vault: string, cache: string): { out: string; timings: Timings; log: string } {
  const n = ++runs;
  const out = join(work, `site-${n}`);
  const timingsFile = join(work, `timings-${n}.json`);
  // Four notes a shard: the fixture's eleven notes make three search shards.
  const r = runScript("build", [], { CONTENT_DIR: vault, OUT_DIR: out, ATLAS_CACHE_DIR: cache, ATLAS_TIMINGS_FILE: timingsFile, ATLAS_SEARCH_SHARD_NOTES: "4" });
  if (r.code !== 0) throw new Error(`build failed (${r.code}):\n${r.stderr}`);
  return { out, timings: JSON.parse(readFileSync(timingsFile, "utf8")) as Timings, log: r.stderr };
}

/** Every file under `dir`, by its path there. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  }
  return out;
}

/** The paths whose content differs between two sites, and the paths only one has. */
function differences(a: string, b: string): string[] {
  const fa = files(a), fb = files(b);
  const diff: string[] = [];
  for (const [p, x] of fa) if (!fb.has(p)) diff.push(`only in the incremental build: ${p}`);
  else if (!x.equals(fb.get(p)!)) diff.push(`differs: ${p}`);
  for (const p of fb.keys()) if (!fa.has(p)) diff.push(`only in the cold build: ${p}`);
  return diff;
}

/**
 * Whether `path` of the later site is the earlier site's very file: a kept page is a hard link to the file the page
 * cache took from the build that rendered it, a rendered one a new file.
 */
const sameFile = (earlier: string, later: string, path: string) => statSync(join(earlier, path)).ino === statSync(join(later, path)).ino;
const GRAPH_EXPORTS = ["exports/atlas-graph.json", "exports/atlas-graph.gexf"];

/** A cold build of the vault as it is now: empty caches. */
const cold = (vault: string) => build(vault, tempDir("atlas-cold-cache-"));

describe("npm run build, incremental", () => {
  const vault = tempCopy(join(ROOT, "tests/fixtures/vault"), "atlas-incremental-vault-");
  const cache = tempDir("atlas-incremental-cache-");
  const note = join(vault, "models/widget-7b.md");
  let first: ReturnType<typeof build>;
  /** Pages rendered by a build with nothing changed: those without a key (home, type indexes, views, search, 404). */
  let always = 0;
  /** The build after the prose edit. */
  let prose: ReturnType<typeof build>;

  it("renders every page the first time; with nothing changed, only the pages without a key, and indexes nothing", { timeout: 120_000 }, () => {
    first = build(vault, cache);
    expect(first.timings.copied).toBe(0);
    expect(first.timings.rendered).toBe(first.timings.pages);
    expect(first.timings.search.shards).toBe(3);
    expect(first.timings.search.indexedShards).toBe(3);
    const again = build(vault, cache);
    always = again.timings.rendered;
    expect(again.timings.copied).toBe(first.timings.pages - always);
    expect(always).toBeLessThan(first.timings.pages);
    expect(again.timings.search.indexedNotes).toBe(0);
    expect(again.log).toMatch(/search index unchanged/);
    expect(differences(again.out, first.out)).toEqual([]);
  });

  it("after a prose edit renders only what shows that text, and the site is the cold build's, byte for byte", { timeout: 180_000 }, () => {
    // The sentence names another note without linking it: an unlinked mention, from a mention index the last build
    // kept (only this note is read again).
    appendFileSync(note, "\nA sentence added by the incremental test, beside Gadget Model.\n");
    const next = build(vault, cache);
    // The note's page is rendered again, and the page of the note it now mentions (with the pages that are always
    // rendered); the others are kept.
    expect(next.timings.rendered).toBe(always + 2);
    expect(readFileSync(join(next.out, "gadget-model/index.html"), "utf8")).toContain("A sentence added by the incremental test");
    expect(next.timings.rendered + next.timings.copied).toBe(first.timings.pages);
    expect(next.log).toMatch(/unchanged pages .* kept from the last build/);
    expect(readFileSync(join(next.out, "widget-7b/index.html"), "utf8")).toContain("A sentence added by the incremental test, beside Gadget Model.");
    // Only the edited note's search shard is indexed again.
    expect(next.timings.search.indexedShards).toBe(1);
    expect(next.timings.search.indexedNotes).toBeLessThan(next.timings.search.notes);
    expect(next.log).toMatch(/1 of 3 shards changed/);
    expect(differences(next.out, cold(vault).out)).toEqual([]);
    // The graph did not change: its downloads are the first build's files, not written again.
    for (const path of GRAPH_EXPORTS) expect(sameFile(first.out, next.out, path), path).toBe(true);
    prose = next;
  });

  it("after a link is added, and after a note is added and removed, the site is still the cold build's", { timeout: 300_000 }, () => {
    writeFileSync(note, readFileSync(note, "utf8").replace("A sentence added by the incremental test, beside Gadget Model.", "It is compared with [[gadget-model]] in the tests."));
    const linked = build(vault, cache);
    expect(linked.timings.copied).toBeGreaterThan(0);
    // The graph changed: its downloads are made again (and, below, are the cold build's).
    for (const path of GRAPH_EXPORTS) expect(sameFile(prose.out, linked.out, path), path).toBe(false);
    expect(readFileSync(join(linked.out, "gadget-model/index.html"), "utf8")).toContain('href="/widget-7b/"'); // its new backlink
    expect(differences(linked.out, cold(vault).out)).toEqual([]);

    const added = join(vault, "concepts/incremental-builds.md");
    writeFileSync(added, "---\ntitle: Incremental builds\ntype: concept\nsummary: A note the test adds, then removes.\n---\nIt names [[widget-7b]].\n");
    const withNote = build(vault, cache);
    expect(files(withNote.out).has("incremental-builds/index.html")).toBe(true);
    expect(differences(withNote.out, cold(vault).out)).toEqual([]);

    rmSync(added);
    const removed = build(vault, cache);
    expect(files(removed.out).has("incremental-builds/index.html")).toBe(false);
    expect(files(removed.out).has("previews/incremental-builds.json")).toBe(false);
    expect(differences(removed.out, cold(vault).out)).toEqual([]);
  });

  it("after the site's title changes in atlas.yml renders every page again", { timeout: 120_000 }, () => {
    const settings = join(vault, "atlas.yml");
    writeFileSync(settings, readFileSync(settings, "utf8").replace(/^title: .*$/m, "title: Atlas, renamed"));
    const renamed = build(vault, cache);
    expect(renamed.timings.copied).toBe(0);
    expect(readFileSync(join(renamed.out, "widget-7b/index.html"), "utf8")).toContain("Widget 7B · Atlas, renamed");
    expect(differences(renamed.out, cold(vault).out)).toEqual([]);
  });

  it("reads a damaged note index or mention index as none, and still builds the cold build's site", { timeout: 120_000 }, () => {
    appendFileSync(note, "\nOne more sentence, after the caches were damaged.\n");
    const damaged = readdirSync(cache, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && (e.name === "notes.json" || e.name === "mentions.json"));
    expect(damaged.map((e) => e.name).sort()).toEqual(["mentions.json", "notes.json"]);
    for (const e of damaged) writeFileSync(join(e.parentPath, e.name), e.name === "notes.json" ? '{"version":1,"frame":"x","notes":{"a":{"out":7}}' : "[1,");
    const next = build(vault, cache);
    expect(readFileSync(join(next.out, "widget-7b/index.html"), "utf8")).toContain("One more sentence, after the caches were damaged.");
    expect(differences(next.out, cold(vault).out)).toEqual([]);
  });
});
