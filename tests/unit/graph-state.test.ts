/** The global view's state and reducers: what each filter, focus and path does to what is drawn. */
import { describe, expect, it } from "vitest";
import { edgeVisible, findPath, initialState, labelPriority, makeReducers, neighbourInDirection, nodeVisible, pickLabels, relationTest, stepText, type EdgeAttributes, type NodeAttributes, type Palette } from "../../src/client/graph-state.ts";
import { buildLandscapeGraph } from "../../src/lib/graph/build.ts";
import { computeLayout } from "../../src/lib/graph/layout.ts";
import { decodeGlobal, edgeBetween } from "../../src/lib/graph/query.ts";
import { encodeGlobalPayload } from "../../src/lib/graph/serialize.ts";
import { fakeVault } from "../helpers/fake-vault.ts";

const g = buildLandscapeGraph(fakeVault([
  { slug: "lab", type: "lab", date: "2019" },
  { slug: "m1", type: "model", date: "2023-05", relations: [["developer", "lab"]] },
  { slug: "m2", type: "model", date: "2024-06", relations: [["developer", "lab"], ["derived_from", "m1"]] },
  { slug: "idea", type: "concept", links: ["m1"] },
  { slug: "far", type: "concept", links: ["idea"] },
]));
const data = decodeGlobal(encodeGlobalPayload(g, computeLayout(g, { iterations: 5 })));
const at = (slug: string) => data.bySlug.get(slug)!;
const palette: Palette = { types: ["P", "L", "M", "S", "C", "E"], communities: ["c0", "c1"], faded: "faded", edge: "edge", edgeFaded: "edgeFaded", highlight: "hi" };
const node = (slug: string): NodeAttributes => ({ i: at(slug), x: 0, y: 0, size: 1, label: slug, color: "?" });
const edge = (a: string, b: string): EdgeAttributes => ({ e: edgeBetween(data, at(a), at(b)), size: 1, color: "edge" });

describe("relation filter", () => {
  const kinds = data.payload.kinds;
  const mask = (...ks: string[]) => ks.reduce((m, k) => m | (1 << kinds.indexOf(k)), 0);
  it("lets everything, typed relations only, or one kind through", () => {
    expect(relationTest(kinds, "all")(mask("links_to"))).toBe(true);
    expect(relationTest(kinds, "typed")(mask("links_to"))).toBe(false);
    expect(relationTest(kinds, "typed")(mask("links_to", "developer"))).toBe(true);
    expect(relationTest(kinds, "developer")(mask("derived_from"))).toBe(false);
    expect(relationTest(kinds, "developer")(mask("developer"))).toBe(true);
    expect(relationTest(kinds, "no-such-kind")(mask("developer"))).toBe(false);
  });
});

describe("reducers", () => {
  it("draw every node in its type colour by default", () => {
    const { nodeReducer, edgeReducer } = makeReducers(data, initialState(), palette);
    expect(nodeReducer("m1", node("m1"))).toMatchObject({ color: "M", label: "m1" });
    expect(edgeReducer("e", edge("m1", "lab"))).toMatchObject({ color: "edge" });
  });

  it("hide a type's nodes and their edges", () => {
    const state = initialState();
    state.hiddenTypes.add(2); // models
    const { nodeReducer, edgeReducer } = makeReducers(data, state, palette);
    expect(nodeReducer("m1", node("m1")).hidden).toBe(true);
    expect(nodeReducer("lab", node("lab")).hidden).toBeFalsy();
    expect(edgeReducer("e", edge("m1", "lab")).hidden).toBe(true);
    expect(edgeVisible(data, state, edge("idea", "far").e)).toBe(true);
  });

  it("highlight the hovered node's neighbours and dim the rest", () => {
    const state = initialState();
    state.hovered = at("m1");
    const { nodeReducer, edgeReducer } = makeReducers(data, state, palette);
    expect(nodeReducer("m1", node("m1"))).toMatchObject({ highlighted: true, forceLabel: true });
    expect(nodeReducer("lab", node("lab"))).toMatchObject({ color: "L", forceLabel: true });
    expect(nodeReducer("far", node("far"))).toMatchObject({ color: "faded", label: null });
    expect(edgeReducer("e", edge("m1", "lab"))).toMatchObject({ color: "hi" });
    expect(edgeReducer("e", edge("idea", "far")).hidden).toBe(true);
  });

  it("fade notes and edges dated after the time limit, keep undated ones", () => {
    const state = initialState();
    state.dateLimit = 20231231;
    const { nodeReducer, edgeReducer } = makeReducers(data, state, palette);
    expect(nodeReducer("m2", node("m2")).color).toBe("faded");
    expect(nodeReducer("m1", node("m1")).color).toBe("M");
    expect(nodeReducer("idea", node("idea")).color).toBe("C");
    expect(edgeReducer("e", edge("m2", "lab")).color).toBe("edgeFaded");
    expect(edgeReducer("e", edge("m1", "lab")).color).toBe("edge");
  });

  it("show a path: its nodes highlighted, its edges in the highlight colour, the rest faded", () => {
    const state = initialState();
    state.path = [at("far"), at("idea"), at("m1")];
    state.pathEdges = new Set([edge("far", "idea").e, edge("idea", "m1").e]);
    const { nodeReducer, edgeReducer } = makeReducers(data, state, palette);
    expect(nodeReducer("idea", node("idea"))).toMatchObject({ highlighted: true, color: "C" });
    expect(nodeReducer("lab", node("lab")).color).toBe("faded");
    expect(edgeReducer("e", edge("idea", "m1"))).toMatchObject({ color: "hi", size: 3 });
    expect(edgeReducer("e", edge("m1", "lab")).color).toBe("edgeFaded");
  });

  it("colour by community when asked", () => {
    const state = initialState();
    state.byCommunity = true;
    expect(makeReducers(data, state, palette).nodeReducer("m1", node("m1")).color).toMatch(/^c[01]$/);
  });

  it("follow state changes after update()", () => {
    const state = initialState();
    const r = makeReducers(data, state, palette);
    state.relation = "developer";
    r.update();
    expect(r.edgeReducer("e", edge("idea", "far")).hidden).toBe(true);
    expect(r.edgeReducer("e", edge("m1", "lab")).hidden).toBeFalsy();
  });
});

describe("neighbourInDirection", () => {
  const pos: Record<number, { x: number; y: number }> = { 0: { x: 0, y: 0 }, 1: { x: 10, y: 1 }, 2: { x: -10, y: 0 }, 3: { x: 1, y: 10 }, 4: { x: 30, y: -12 } };
  const p = (n: number) => pos[n];
  it("picks the neighbour most nearly in the arrow's direction, nearer first on ties", () => {
    expect(neighbourInDirection([1, 2, 3, 4], p(0), 1, 0, p)).toBe(1);
    expect(neighbourInDirection([1, 2, 3, 4], p(0), -1, 0, p)).toBe(2);
    expect(neighbourInDirection([1, 2, 3, 4], p(0), 0, 1, p)).toBe(3);
    expect(neighbourInDirection([1, 2, 4], p(0), 0, -1, p)).toBe(4);
  });
  it("answers null when nothing lies that way", () => {
    expect(neighbourInDirection([1], p(0), -1, 0, p)).toBeNull();
  });
});

describe("the reference layer", () => {
  const d = decodeGlobal(encodeGlobalPayload(...((gr) => [gr, computeLayout(gr, { iterations: 5 })] as const)(buildLandscapeGraph(fakeVault([
    { slug: "lab", type: "lab" },
    { slug: "m1", type: "model", relations: [["developer", "lab"]], cites: ["index"] },
    { slug: "m2", type: "model", cites: ["index"] },
    { slug: "index", type: "source" },
    { slug: "ada", type: "person", relations: [["affiliated_with", "lab"]], links: ["lab"] },
    { slug: "lab2", type: "lab", links: ["ada"] },
  ])))));
  const i = (slug: string) => d.bySlug.get(slug)!;
  const e = (a: string, b: string) => edgeBetween(d, i(a), i(b));
  const n = (slug: string): NodeAttributes => ({ i: i(slug), x: 0, y: 0, size: 2, label: slug, color: "?" });

  it("is hidden by default: sources, the edges touching them and citations", () => {
    const state = initialState();
    expect(state.showReferences).toBe(false);
    expect(nodeVisible(d, state, i("index"))).toBe(false);
    expect(edgeVisible(d, state, e("m1", "index"))).toBe(false);
    expect(edgeVisible(d, state, e("m1", "lab"))).toBe(true);
    const { nodeReducer, edgeReducer } = makeReducers(d, state, palette);
    expect(nodeReducer("index", n("index")).hidden).toBe(true);
    expect(edgeReducer("e", { e: e("m2", "index"), size: 1, color: "edge" }).hidden).toBe(true);
  });

  it("shows everything when turned on", () => {
    const state = { ...initialState(), showReferences: true };
    expect(nodeVisible(d, state, i("index"))).toBe(true);
    expect(edgeVisible(d, state, e("m1", "index"))).toBe(true);
    const { nodeReducer } = makeReducers(d, state, palette);
    expect(nodeReducer("index", n("index")).hidden).toBeFalsy();
  });

  it("path finding walks the layers shown, and says when citations alone would join two notes", () => {
    const state = initialState();
    expect(findPath(d, state, i("ada"), i("m1")).path?.map((k) => d.payload.slug[k])).toEqual(["ada", "lab", "m1"]);
    const viaIndex = findPath(d, state, i("m1"), i("m2"));
    expect(viaIndex.path).toBeNull();
    expect(viaIndex.withReferences?.map((k) => d.payload.slug[k])).toEqual(["m1", "index", "m2"]);
    expect(findPath(d, { ...state, showReferences: true }, i("m1"), i("m2")).path).toHaveLength(3);
    expect(findPath(d, state, i("ada"), i("m2"))).toEqual({ path: null, withReferences: [i("ada"), i("lab"), i("m1"), i("index"), i("m2")] });
  });

  it("names each step's relations with their direction, citations only when shown", () => {
    const state = initialState();
    expect(stepText(d, state, i("ada"), i("lab"))).toBe("—affiliated with→, —links to→"); // typed relations before body links
    expect(stepText(d, state, i("lab2"), i("ada"))).toBe("—links to→");
    expect(stepText(d, state, i("lab"), i("m1"))).toBe("←developer—");
    expect(stepText(d, state, i("m1"), i("index"))).toBe("—");
    expect(stepText(d, { ...state, showReferences: true }, i("m1"), i("index"))).toBe("—cites→");
    expect(stepText(d, { ...state, showReferences: true }, i("index"), i("m2"))).toBe("←cites—");
  });
});

describe("forced labels", () => {
  const box = (x: number, y: number, w = 50, h = 10) => ({ x, y, w, h });

  it("are taken greedily in priority order, each only where it overlaps none taken before", () => {
    const picked = pickLabels([
      { node: 1, box: box(0, 0) },
      { node: 2, box: box(40, 5) }, // overlaps 1
      { node: 3, box: box(60, 0) },
      { node: 4, box: box(0, 10) }, // touches 1's bottom edge: no overlap
      { node: 5, box: box(100, 5) }, // overlaps 3
    ]);
    expect([...picked]).toEqual([1, 3, 4]);
  });

  it("leave out labels outside the view", () => {
    expect([...pickLabels([{ node: 1, box: box(-10, 0) }, { node: 2, box: box(10, 10) }], box(0, 0, 100, 100))]).toEqual([2]);
  });

  it("put the focused note first, then its neighbours by connections in the layers shown; a path's ends first", () => {
    const state = initialState();
    state.focused = at("lab");
    const near = new Set([at("m1"), at("m2")]);
    expect(labelPriority(data, state, at("lab"), near)).toEqual([at("lab"), at("m1"), at("m2")]); // m1: 3 connections, m2: 2
    state.path = [at("far"), at("idea"), at("m1"), at("lab")];
    expect(labelPriority(data, state, null, new Set())).toEqual([at("far"), at("lab"), at("idea"), at("m1")]);
  });

  it("are what the reducers label: the rest of the neighbourhood goes unlabelled", () => {
    const state = initialState();
    state.focused = at("lab");
    const r = makeReducers(data, state, palette);
    expect(r.wanted()).toEqual([at("lab"), at("m1"), at("m2")]);
    r.setLabels(new Set([at("lab"), at("m2")]));
    expect(r.nodeReducer("m2", node("m2"))).toMatchObject({ forceLabel: true, label: "m2" });
    expect(r.nodeReducer("m1", node("m1"))).toMatchObject({ forceLabel: false, label: null });
    expect(r.nodeReducer("lab", node("lab"))).toMatchObject({ forceLabel: true, highlighted: true });
  });
});
