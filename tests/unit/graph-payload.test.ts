/** What the browser downloads: the global payload and each note's neighbourhood, encoded compactly and decoded back. */
import { describe, expect, it } from "vitest";
import { createGraphArtifacts } from "../../src/lib/graph/artifacts.ts";
import { buildLandscapeGraph, edgeKinds } from "../../src/lib/graph/build.ts";
import { computeLayout } from "../../src/lib/graph/layout.ts";
import { localPayload, selectNeighbourhood } from "../../src/lib/graph/local.ts";
import { dateNumber, dateText, decodeEdges, encodeEdges, type GlobalPayload, type LocalPayload } from "../../src/lib/graph/payload.ts";
import { decodeGlobal } from "../../src/lib/graph/query.ts";
import { encodeGlobalPayload, normalizePositions } from "../../src/lib/graph/serialize.ts";
import { buildUndirectedIndex } from "../../src/lib/graph/undirected.ts";
import { fakeVault } from "../helpers/fake-vault.ts";

const vault = fakeVault([
  { slug: "acme", type: "lab", links: ["widget"] },
  { slug: "widget", type: "model", date: "2025-03", links: ["acme"], relations: [["developer", "acme"]], cites: ["report"] },
  { slug: "ada", type: "person", aliases: ["Ada L.", "Countess"], relations: [["affiliated_with", "acme"]] },
  { slug: "report", type: "source", date: "2025-01-02", relations: [["author", "ada"]] },
]);

describe("edge encoding", () => {
  it("round-trips sorted pairs through the delta encoding with small numbers", () => {
    const pairs: [number, number][] = [[0, 1], [0, 5], [0, 900], [2, 3], [2, 4], [7, 8], [700, 701]];
    const encoded = encodeEdges(pairs);
    expect(Array.from(decodeEdges(encoded))).toEqual(pairs.flat());
    expect(Math.max(...encoded)).toBeLessThan(900);
    expect(encoded.every((n) => n >= 0)).toBe(true);
  });

  it("dates become sortable numbers and back", () => {
    expect(["2024", "2024-05", "2024-05-17", undefined, "soon"].map(dateNumber)).toEqual([20240000, 20240500, 20240517, 0, 0]);
    expect([20240000, 20240500, 20240517, 0].map(dateText)).toEqual(["2024", "2024-05", "2024-05-17", ""]);
  });

  it("normalizes positions into the box, centred, keeping the aspect ratio", () => {
    const { x, y } = normalizePositions([0, 10, 5], [0, 0, 2], 100);
    expect(x).toEqual([-100, 100, 0]);
    expect(y).toEqual([-20, -20, 20]);
  });
});

describe("global payload", () => {
  const graph = buildLandscapeGraph(vault);
  const payload: GlobalPayload = JSON.parse(JSON.stringify(encodeGlobalPayload(graph, computeLayout(graph))));

  it("round-trips nodes, titles, types, dates and aliases", () => {
    const data = decodeGlobal(payload);
    expect(payload.slug).toEqual(["acme", "ada", "report", "widget"]);
    expect(payload.type.map((t) => payload.types[t])).toEqual(["lab", "person", "source", "model"]);
    expect(payload.date).toEqual([0, 0, 20250102, 20250300]);
    expect(data.aliases.get(data.bySlug.get("ada")!)).toEqual(["Ada L.", "Countess"]);
    expect(payload.x.every(Number.isInteger)).toBe(true);
  });

  it("keeps one undirected edge per pair with every kind of both directions", () => {
    const data = decodeGlobal(payload);
    const edges = new Map<string, string[]>();
    for (let e = 0; e < data.pairs.length / 2; e++) {
      const key = [payload.slug[data.pairs[2 * e]], payload.slug[data.pairs[2 * e + 1]]].join("-");
      edges.set(key, payload.kinds.filter((_k, b) => payload.kind[e] & (1 << b)));
    }
    expect(Object.fromEntries(edges)).toEqual({
      "acme-ada": ["affiliated_with"],
      "acme-widget": ["links_to", "developer"],
      "ada-report": ["author"],
      "report-widget": ["cites"],
    });
    expect(Array.from(data.degree)).toEqual([2, 2, 2, 2]);
    expect(data.edgeDate[data.pairs.length / 2 - 1]).toBe(20250300); // report-widget: the later of the two
  });

  it("gets a content-hashed file name that changes with the content", () => {
    const a = createGraphArtifacts(vault, { cacheDir: null });
    const b = createGraphArtifacts(vault, { cacheDir: null });
    const c = createGraphArtifacts(fakeVault([{ slug: "x", type: "lab" }]), { cacheDir: null });
    expect(a.global.fileName).toMatch(/^landscape\.[0-9a-f]{10}\.json$/);
    expect(b.global.fileName).toBe(a.global.fileName);
    expect(c.global.fileName).not.toBe(a.global.fileName);
  });
});

/** A hub with `n` spokes; spoke i also links spoke i+1. */
function star(n: number, titleLength = 8) {
  return fakeVault([
    { slug: "hub", type: "lab", links: Array.from({ length: n }, (_, i) => `s${i}`) },
    ...Array.from({ length: n }, (_, i) => ({ slug: `s${i}`, type: "model" as const, title: `S${i}`.padEnd(titleLength, "x"), links: i + 1 < n ? [`s${i + 1}`] : [] })),
  ]);
}

describe("local neighbourhood", () => {
  it("caps a hub's neighbourhood and says how many were left out", () => {
    const graph = buildLandscapeGraph(star(100));
    const u = buildUndirectedIndex(graph, edgeKinds(graph));
    const hood = selectNeighbourhood(u, u.index.get("hub")!, { maxNodes: 30 });
    expect(hood.nodes).toHaveLength(30);
    expect(hood.nodes[0]).toBe(u.index.get("hub"));
    expect(hood.more).toBe(71);
  });

  it("adds depth 2 only when depth 1 is small", () => {
    const graph = buildLandscapeGraph(star(20));
    const u = buildUndirectedIndex(graph, edgeKinds(graph));
    const leaf = selectNeighbourhood(u, u.index.get("s19")!); // neighbours: hub, s18
    expect(leaf.depth1).toBe(2);
    expect(leaf.nodes.length).toBe(21);
    const hub = selectNeighbourhood(u, u.index.get("hub")!);
    expect(hub.nodes.length).toBe(21);
    expect(hub.depth1).toBe(20);
  });

  it("ranks stronger ties first", () => {
    const graph = buildLandscapeGraph(fakeVault([
      { slug: "a", type: "lab", links: ["b", "c", "c", "c"] },
      { slug: "b", type: "lab" },
      { slug: "c", type: "lab" },
    ]));
    const u = buildUndirectedIndex(graph, edgeKinds(graph));
    expect(selectNeighbourhood(u, 0).nodes.map((i) => u.keys[i])).toEqual(["a", "c", "b"]);
  });

  it("stays under the byte budget with long titles, and the note stays first", () => {
    const graph = buildLandscapeGraph(star(40, 120));
    const kinds = edgeKinds(graph);
    const u = buildUndirectedIndex(graph, kinds);
    const { json } = localPayload(graph, u, "hub", kinds, { maxBytes: 4800 });
    const p: LocalPayload = JSON.parse(json);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(4800);
    expect(p.slug[0]).toBe("hub");
    expect(p.slug.length + p.more).toBe(41);
    expect(p.slug.length).toBeGreaterThan(10);
    // every edge joins two shown nodes
    expect(Math.max(...p.edges)).toBeLessThan(p.slug.length);
  });

  it("lays out deterministically with finite coordinates", () => {
    const graph = buildLandscapeGraph(star(12));
    const kinds = edgeKinds(graph);
    const u = buildUndirectedIndex(graph, kinds);
    const a = localPayload(graph, u, "s3", kinds).json;
    expect(localPayload(graph, u, "s3", kinds).json).toBe(a);
    const p: LocalPayload = JSON.parse(a);
    expect([...p.x, ...p.y].every(Number.isInteger)).toBe(true);
    expect(new Set(p.x.map((x, i) => `${x},${p.y[i]}`)).size).toBe(p.x.length);
  });
});
