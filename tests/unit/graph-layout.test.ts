/** The precomputed layout: same graph, same positions, whether computed or read from the cache. */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildLandscapeGraph } from "../../src/lib/graph/build.ts";
import { layoutKey, layoutWithCacheAsync } from "../../src/lib/graph/cache.ts";
import { computeLayout, detectCommunities } from "../../src/lib/graph/layout.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { chainVault, fakeVault } from "../helpers/fake-vault.ts";
import { tempDir } from "../helpers/temp.ts";

/** Two dense clusters joined by one edge. */
function twoClusters() {
  const extra: [number, number][] = [];
  for (let a = 0; a < 10; a++) for (let b = a + 2; b < 10; b++) extra.push([a, b]);
  for (let a = 11; a < 20; a++) for (let b = a + 2; b < 20; b++) extra.push([a, b]);
  return chainVault(20, extra);
}

describe("layout", () => {
  it("gives the wiki's own graph the same positions every time (nodes landing on one spot are pushed apart by a seeded generator)", async () => {
    const graph = buildLandscapeGraph(await loadVault("content"));
    const random = Math.random;
    const a = computeLayout(graph);
    const b = computeLayout(graph);
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    // The generator is the page's own again afterwards.
    expect(Math.random).toBe(random);
  }, 60_000);

  it("gives identical positions for identical input", () => {
    const a = computeLayout(buildLandscapeGraph(twoClusters()));
    const b = computeLayout(buildLandscapeGraph(twoClusters()));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(Array.from(a.x).every(Number.isFinite)).toBe(true);
  });

  it("does not depend on the order notes were loaded in", () => {
    const v = twoClusters();
    const reversed = { notes: [...v.notes].reverse() };
    expect(Array.from(computeLayout(buildLandscapeGraph(reversed)).x)).toEqual(Array.from(computeLayout(buildLandscapeGraph(v)).x));
  });

  it("finds the two clusters as communities and places them apart", () => {
    const graph = buildLandscapeGraph(twoClusters());
    const layout = computeLayout(graph);
    const at = (slug: string) => layout.keys.indexOf(slug);
    const left = Array.from({ length: 10 }, (_, i) => at(`n${i}`));
    const right = Array.from({ length: 9 }, (_, i) => at(`n${i + 11}`));
    const c = detectCommunities(graph);
    expect(new Set(left.map((i) => c[i])).size).toBe(1);
    expect(new Set(right.map((i) => c[i])).size).toBe(1);
    expect(c[left[0]]).not.toBe(c[right[0]]);
    const centre = (nodes: number[]) => [layout.x, layout.y].map((v) => nodes.reduce((s, i) => s + v[i], 0) / nodes.length);
    const [ax, ay] = centre(left), [bx, by] = centre(right);
    const spread = Math.max(...layout.x) - Math.min(...layout.x);
    expect(Math.hypot(ax - bx, ay - by)).toBeGreaterThan(spread / 4);
  });

  it("handles a vault without links and a single note", () => {
    const g = buildLandscapeGraph(fakeVault([{ slug: "a", type: "lab" }, { slug: "b", type: "lab" }]));
    const l = computeLayout(g);
    expect(l.keys).toEqual(["a", "b"]);
    expect(Array.from(l.x).every(Number.isFinite)).toBe(true);
    expect(computeLayout(buildLandscapeGraph(fakeVault([{ slug: "a", type: "lab" }]))).keys).toEqual(["a"]);
  });
});

describe("layout cache", () => {
  it("computes on a worker thread what the main thread computes, stores it under the graph's hash and reads it back", async () => {
    const dir = tempDir("atlas-layout-");
    const graph = buildLandscapeGraph(twoClusters());
    const first = await layoutWithCacheAsync(graph, { cacheDir: dir });
    expect(Array.from(first.layout.x)).toEqual(Array.from(computeLayout(buildLandscapeGraph(twoClusters())).x));
    const second = await layoutWithCacheAsync(buildLandscapeGraph(twoClusters()), { cacheDir: dir });
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(Array.from(second.layout.x)).toEqual(Array.from(first.layout.x));
    expect(Array.from(second.layout.community)).toEqual(Array.from(first.layout.community));
    expect(readdirSync(dir)).toEqual([`${first.key}.json`]);
  });

  it("changes the key when a link changes, not when nothing does", () => {
    const key = layoutKey(buildLandscapeGraph(chainVault(5)));
    expect(layoutKey(buildLandscapeGraph(chainVault(5)))).toBe(key);
    expect(layoutKey(buildLandscapeGraph(chainVault(5, [[0, 4]])))).not.toBe(key);
    expect(layoutKey(buildLandscapeGraph(chainVault(5)), { iterations: 3 })).not.toBe(key);
  });
});
