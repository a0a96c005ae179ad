/**
 * The graph's two layers: by default the landscape (relations and links between entities), with sources and
 * citations a layer the reader turns on. A source cited by hundreds of notes must not be the default graph's hub,
 * the layout must be the landscape's with sources placed beside their citers, and the most connected notes must be
 * entities.
 */
import { describe, expect, it } from "vitest";
import { createGraphArtifacts } from "../../src/lib/graph/artifacts.ts";
import { buildLandscapeGraph, edgeKinds } from "../../src/lib/graph/build.ts";
import { layoutWithCacheAsync } from "../../src/lib/graph/cache.ts";
import { CITATION_KIND } from "../../src/lib/graph/layers.ts";
import { computeLayout } from "../../src/lib/graph/layout.ts";
import { selectNeighbourhood } from "../../src/lib/graph/local.ts";
import type { GlobalPayload } from "../../src/lib/graph/payload.ts";
import { decodeGlobal, stepRelations, type LandscapeData } from "../../src/lib/graph/query.ts";
import { encodeGlobalPayload } from "../../src/lib/graph/serialize.ts";
import { buildUndirectedIndex } from "../../src/lib/graph/undirected.ts";
import { CITES_KIND, REGISTRY } from "../../src/lib/registry.ts";
import { Site } from "../../src/lib/site.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { fakeVault, type NoteSpec } from "../helpers/fake-vault.ts";
import { writeVault } from "../helpers/vault.ts";

const small = fakeVault([
  { slug: "acme", type: "lab", links: ["widget"] },
  { slug: "widget", type: "model", links: ["acme"], relations: [["developer", "acme"]], cites: ["report"] },
  { slug: "ada", type: "person", relations: [["affiliated_with", "acme"]], cites: ["report"] },
  { slug: "report", type: "source", relations: [["author", "ada"]] },
  { slug: "idea", type: "concept", links: ["report"], relations: [["related", "widget"]] },
]);

/** Each edge of a decoded payload as `a-b` with its kinds and whether it is in the default layer. */
function edges(data: LandscapeData) {
  const { slug, kinds, kind } = data.payload;
  return Array.from({ length: data.pairs.length / 2 }, (_x, e) => ({
    pair: `${slug[data.pairs[2 * e]]}-${slug[data.pairs[2 * e + 1]]}`,
    kinds: kinds.filter((_k, b) => kind[e] & (1 << b)),
    default: !data.referenceEdge[e],
  }));
}

describe("the registry's reference layer", () => {
  it("is the source type's, and no other type of the wiki's", () => {
    expect(REGISTRY.types.filter((t) => t.layer === "reference").map((t) => t.type)).toEqual(["source"]);
    expect(CITATION_KIND).toBe(CITES_KIND);
  });
});

describe("the payload's default layer", () => {
  const graph = buildLandscapeGraph(small);
  const payload: GlobalPayload = JSON.parse(JSON.stringify(encodeGlobalPayload(graph, computeLayout(graph))));
  const data = decodeGlobal(payload);

  it("marks reference types in typeInfo, and nothing else", () => {
    expect(payload.typeInfo.filter((t) => t.layer).map((t) => t.layer)).toEqual(["reference"]);
    expect(payload.types[payload.typeInfo.findIndex((t) => t.layer === "reference")]).toBe("source");
    expect(payload.slug.filter((_s, i) => data.reference[i])).toEqual(["report"]);
  });

  it("holds the typed relations and links between entities; no citation and no edge touching a source is default", () => {
    const all = edges(data);
    expect(all.filter((e) => e.default).map((e) => e.pair).sort()).toEqual(["acme-ada", "acme-widget", "idea-widget"]);
    for (const e of all.filter((x) => x.default)) {
      expect(e.kinds).not.toContain("cites");
      expect(e.pair.split("-")).not.toContain("report");
    }
    expect(all.filter((e) => !e.default).map((e) => e.pair).sort()).toEqual(["ada-report", "idea-report", "report-widget"]);
  });

  it("counts default connections apart from all of them", () => {
    const at = (s: string) => data.bySlug.get(s)!;
    expect(data.defaultDegree[at("report")]).toBe(0);
    expect(data.degree[at("report")]).toBe(3);
    expect(data.defaultDegree[at("widget")]).toBe(2); // acme, idea; not the report it cites
    expect(graph.getNodeAttribute("widget", "defaultDegree")).toBe(2);
    expect(graph.getNodeAttribute("report", "reference")).toBe(true);
  });

  it("says which way each relation of a step goes", () => {
    const at = (s: string) => data.bySlug.get(s)!;
    const named = (from: string, to: string) => stepRelations(data, at(from), at(to)).map((r) => `${r.way}:${payload.kinds[r.kind]}`);
    expect(named("ada", "acme")).toEqual(["forward:affiliated_with"]);
    expect(named("acme", "ada")).toEqual(["back:affiliated_with"]);
    // acme links widget and widget links acme (both ways); widget's developer is acme (one way).
    expect(named("acme", "widget")).toEqual(["both:links_to", "back:developer"]);
    expect(named("widget", "acme")).toEqual(["both:links_to", "forward:developer"]);
    expect(named("acme", "idea")).toEqual([]);
  });

  it("leaves an Obsidian-like vault of one plain type entirely in the default layer", () => {
    const g = buildLandscapeGraph(fakeVault([{ slug: "a", type: "note", links: ["b", "c"] }, { slug: "b", type: "note", links: ["c"] }, { slug: "c", type: "note" }]));
    const d = decodeGlobal(encodeGlobalPayload(g, computeLayout(g)));
    expect(Array.from(d.referenceEdge)).toEqual([0, 0, 0]);
    expect(Array.from(d.defaultDegree)).toEqual(Array.from(d.degree));
  });
});

/** 300 models citing one index; three labs developing them; a few people. */
function citedVault(): Record<string, string> {
  const files: Record<string, string> = {
    "sources/big-index.md": "---\ntitle: The Big Index\ntype: source\nkind: dataset\nsummary: Rates every model.\npublished: 2024-01-01\n---\nAn index.\n",
    "sources/lab-report.md": "---\ntitle: Lab report\ntype: source\nkind: article\nsummary: About lab 0.\npublished: 2024-02-01\n---\nA report.\n",
  };
  for (let l = 0; l < 3; l++) files[`labs/lab-${l}.md`] = `---\ntitle: Lab ${l}\ntype: lab\nsummary: A lab.\nsources: [lab-report]\n---\nLab ${l}.\n`;
  for (let p = 0; p < 4; p++) files[`people/person-${p}.md`] = `---\ntitle: Person ${p}\ntype: person\nsummary: A person.\naffiliations:\n  - { lab: lab-${p % 3}, role: researcher }\n---\nA person.\n`;
  for (let m = 0; m < 300; m++) {
    const dev = m < 30 ? `developer: { ref: lab-${m % 3}, source: big-index }\n` : "";
    files[`models/model-${String(m).padStart(3, "0")}.md`] = `---\ntitle: Model ${m}\ntype: model\nsummary: A model.\nsources: [big-index]\n${dev}---\nA model.\n`;
  }
  return files;
}

describe("a source cited by hundreds of notes", async () => {
  const vault = await loadVault(writeVault(citedVault()), { cache: null });
  const art = createGraphArtifacts(vault, { cacheDir: null, iterations: 60 });
  const data = decodeGlobal(JSON.parse(await art.global.json()) as GlobalPayload);
  const at = (s: string) => data.bySlug.get(s)!;

  it("loads without errors", () => {
    expect(vault.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("is the hub of the whole graph but not of the default one: its default degree is 0, and the top default node is an entity", () => {
    const index = at("big-index");
    expect(data.degree[index]).toBe(300);
    expect(Math.max(...data.degree)).toBe(300);
    expect(data.defaultDegree[index]).toBe(0);
    const top = data.defaultDegree.indexOf(Math.max(...data.defaultDegree));
    expect(data.payload.types[data.payload.type[top]]).toBe("lab");
    expect(data.reference[top]).toBe(0);
    // Every default edge is between entities and more than a citation.
    for (const e of edges(data).filter((x) => x.default)) expect(e.kinds.some((k) => k !== "cites") && !e.pair.includes("index") && !e.pair.includes("report")).toBe(true);
  });

  it("is not among the home page's most connected notes, which the labs lead", () => {
    const site = new Site(vault, { graph: { cacheDir: null } });
    const hubs = site.hubs(5).map((n) => n.slug);
    expect(hubs.slice(0, 3).sort()).toEqual(["lab-0", "lab-1", "lab-2"]);
    expect(hubs).not.toContain("big-index");
    expect(site.hubs(1000).some((n) => n.type === "source")).toBe(false);
  });

  it("sits among its citers once its layer is on: at about their centre, not off at the edge", () => {
    const { x, y } = data.payload;
    const models = data.payload.slug.map((_s, i) => i).filter((i) => data.payload.slug[i].startsWith("model-"));
    const cx = models.reduce((s, i) => s + x[i], 0) / models.length, cy = models.reduce((s, i) => s + y[i], 0) / models.length;
    const spread = Math.max(...x) - Math.min(...x);
    expect(Math.hypot(x[at("big-index")] - cx, y[at("big-index")] - cy)).toBeLessThan(spread / 10);
  });

  it("has its community from its citers', and the communities are the default layer's", () => {
    const { community } = data.payload;
    // lab-0 and its models form one community; the index takes the one most of its citers have.
    const votes = new Map<number, number>();
    for (let i = 0; i < data.count; i++) if (data.payload.slug[i].startsWith("model-")) votes.set(community[i], (votes.get(community[i]) ?? 0) + 1);
    const top = Math.max(...votes.values());
    expect(votes.get(community[at("big-index")])).toBe(top);
  });
});

/** Two clusters of entities, each with a source its members cite. */
function twoClustersWithSources(withSources = true): NoteSpec[] {
  const specs: NoteSpec[] = [];
  for (const side of ["a", "b"]) {
    specs.push({ slug: `${side}-lab`, type: "lab" });
    for (let i = 0; i < 12; i++) {
      specs.push({ slug: `${side}-m${i}`, type: "model", relations: [["developer", `${side}-lab`]], links: [`${side}-m${(i + 1) % 12}`], cites: withSources ? [`${side}-source`] : [] });
    }
    if (withSources) specs.push({ slug: `${side}-source`, type: "source" });
  }
  specs.push({ slug: "a-m0x", type: "concept", links: ["a-m0", "b-m0"] });
  return specs;
}

describe("the layout", () => {
  it("is deterministic with reference notes, on the main thread and the worker alike", async () => {
    const a = computeLayout(buildLandscapeGraph(fakeVault(twoClustersWithSources())));
    const b = computeLayout(buildLandscapeGraph(fakeVault(twoClustersWithSources())));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(Array.from(a.community)).toEqual(Array.from(b.community));
    expect([...a.x, ...a.y].every(Number.isFinite)).toBe(true);
    const worker = await layoutWithCacheAsync(buildLandscapeGraph(fakeVault(twoClustersWithSources())), { cacheDir: null });
    expect(Array.from(worker.layout.x)).toEqual(Array.from(a.x));
    expect(Array.from(worker.layout.community)).toEqual(Array.from(a.community));
  });

  it("is the landscape's: sources and citations do not move the entities", () => {
    const withSources = computeLayout(buildLandscapeGraph(fakeVault(twoClustersWithSources(true))));
    const without = computeLayout(buildLandscapeGraph(fakeVault(twoClustersWithSources(false))));
    const pos = (l: typeof without, slug: string) => [l.x[l.keys.indexOf(slug)], l.y[l.keys.indexOf(slug)]];
    for (const slug of without.keys) expect(pos(withSources, slug)).toEqual(pos(without, slug));
  });

  it("places each source near the notes citing it, in their community", () => {
    const graph = buildLandscapeGraph(fakeVault(twoClustersWithSources()));
    const l = computeLayout(graph);
    const at = (s: string) => l.keys.indexOf(s);
    const centre = (side: string) => {
      const members = l.keys.map((k, i) => [k, i] as const).filter(([k]) => new RegExp(`^${side}-m\\d+$`).test(k)).map(([, i]) => i);
      return [members.reduce((s, i) => s + l.x[i], 0) / members.length, members.reduce((s, i) => s + l.y[i], 0) / members.length];
    };
    const dist = (i: number, [cx, cy]: number[]) => Math.hypot(l.x[i] - cx, l.y[i] - cy);
    for (const [own, other] of [["a", "b"], ["b", "a"]]) {
      const source = at(`${own}-source`);
      expect(dist(source, centre(own))).toBeLessThan(dist(source, centre(other)) / 2);
      expect(l.community[source]).toBe(l.community[at(`${own}-m3`)]);
    }
    // Two sources never land on one spot.
    expect([l.x[at("a-source")], l.y[at("a-source")]]).not.toEqual([l.x[at("b-source")], l.y[at("b-source")]]);
  });

  it("puts a source connected to nothing placed on a ring around the picture", () => {
    const l = computeLayout(buildLandscapeGraph(fakeVault([...twoClustersWithSources(), { slug: "lonely-source", type: "source" }])));
    expect([l.x[l.keys.indexOf("lonely-source")], l.y[l.keys.indexOf("lonely-source")]].every(Number.isFinite)).toBe(true);
  });
});

describe("a note page's neighbourhood", () => {
  it("ranks relations between entities before citations and sources when it must leave some out", () => {
    const specs: NoteSpec[] = [
      { slug: "hub", type: "lab", cites: Array.from({ length: 10 }, (_x, i) => `s${i}`) },
      ...Array.from({ length: 10 }, (_x, i) => ({ slug: `s${i}`, type: "source" as const, relations: [["author", "hub"]] as [string, string][] })),
      ...Array.from({ length: 5 }, (_x, i) => ({ slug: `m${i}`, type: "model" as const, relations: [["developer", "hub"]] as [string, string][] })),
    ];
    const graph = buildLandscapeGraph(fakeVault(specs));
    const u = buildUndirectedIndex(graph, edgeKinds(graph));
    const hood = selectNeighbourhood(u, u.index.get("hub")!, { maxNodes: 6 });
    expect(hood.nodes.slice(1).map((i) => u.keys[i]).sort()).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    expect(hood.more).toBe(10);
  });
});
