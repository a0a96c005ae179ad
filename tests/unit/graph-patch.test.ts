/**
 * The dev server patches the landscape graph after a save instead of building it again: the patched graph must be
 * the graph a fresh build gives (same nodes and attributes, same edges and kinds), whatever changed.
 */
import { describe, expect, it } from "vitest";
import { buildLandscapeGraph, graphSignature, patchLandscapeGraph, type LandscapeGraph } from "../../src/lib/graph/build.ts";
import { fakeVault, type NoteSpec } from "../helpers/fake-vault.ts";

const before: NoteSpec[] = [
  { slug: "acme", type: "lab", links: ["widget", "nowhere"] },
  { slug: "widget", type: "model", date: "2025-03", relations: [["developer", "acme"]], cites: ["report"] },
  { slug: "ada", type: "person", relations: [["affiliated_with", "acme"]], links: [null] },
  { slug: "report", type: "source" },
  { slug: "gone", type: "concept", links: ["acme"] },
];

function snapshot(g: LandscapeGraph) {
  const nodes = g.nodes().sort().map((k) => [k, g.getNodeAttributes(k)]);
  const edges = g.mapEdges((_e, a, s, t) => `${s}>${t} ${a.kinds.join(",")} ${a.weight}`).sort();
  return { nodes, edges };
}

describe("patchLandscapeGraph", () => {
  it("gives the graph a fresh build gives after links, titles, new and deleted notes change", () => {
    const old = fakeVault(before);
    const graph = buildLandscapeGraph(old);
    const signatures = new Map(old.notes.map((n) => [n.slug, graphSignature(n)]));
    const after: NoteSpec[] = [
      { slug: "acme", type: "lab", title: "Acme AI", links: ["widget", "newbie"] }, // renamed, links the new note
      { slug: "widget", type: "model", date: "2025-03", relations: [["developer", "acme"]], cites: ["report"] }, // unchanged
      { slug: "ada", type: "person", relations: [["affiliated_with", "acme"]], links: ["newbie"] }, // a broken link now resolves
      { slug: "report", type: "source", date: "2024" },
      { slug: "newbie", type: "concept", links: ["report", "report"] },
    ];
    const next = fakeVault(after);
    const updated = patchLandscapeGraph(graph, next, signatures);
    expect(snapshot(graph)).toEqual(snapshot(buildLandscapeGraph(next)));
    expect([...updated.keys()].sort()).toEqual(["acme", "ada", "newbie", "report", "widget"]);
  });

  it("changes nothing when nothing changed", () => {
    const v = fakeVault(before);
    const graph = buildLandscapeGraph(v);
    const fresh = snapshot(graph);
    patchLandscapeGraph(graph, v, new Map(v.notes.map((n) => [n.slug, graphSignature(n)])));
    expect(snapshot(graph)).toEqual(fresh);
  });
});

describe("graph artifacts made from earlier ones (the dev server, after each save)", () => {
  it("do not keep the earlier vault alive: a server open all day would grow with every save", async () => {
    const { setFlagsFromString } = await import("node:v8");
    const { runInNewContext } = await import("node:vm");
    const { createGraphArtifacts } = await import("../../src/lib/graph/artifacts.ts");
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    let first: ReturnType<typeof createGraphArtifacts> | undefined = createGraphArtifacts(fakeVault(before), { cacheDir: null, about: { title: "A vault" } });
    let earlierVault: object | undefined = fakeVault(before);
    const ref = new WeakRef(earlierVault);
    first = createGraphArtifacts(earlierVault as ReturnType<typeof fakeVault>, { cacheDir: null, about: { title: "A vault" }, update: first });
    earlierVault = undefined;
    // Every option the artifacts take (the exports' metadata among them), after two more saves.
    const later = createGraphArtifacts(fakeVault(before), { cacheDir: null, about: { title: "A vault" }, update: createGraphArtifacts(fakeVault(before), { cacheDir: null, about: { title: "A vault" }, update: first }) });
    first = undefined;
    for (let i = 0; i < 5 && ref.deref(); i++) {
      await new Promise((r) => setTimeout(r, 10));
      gc();
    }
    expect(ref.deref()).toBeUndefined();
    expect(later.exports.length).toBeGreaterThan(0);
  });
});
