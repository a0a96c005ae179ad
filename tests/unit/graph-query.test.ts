/** Questions the global view asks in the browser: search by title or alias, shortest paths. */
import { describe, expect, it } from "vitest";
import { buildLandscapeGraph } from "../../src/lib/graph/build.ts";
import { computeLayout } from "../../src/lib/graph/layout.ts";
import { decodeGlobal, decodeTitles, edgeBetween, nameIndexOf, normalizeName, searchNotes, shortestPath, type LandscapeData } from "../../src/lib/graph/query.ts";
import { encodeGlobalPayload, encodeTitlesPayload } from "../../src/lib/graph/serialize.ts";
import { chainVault, fakeVault, type NoteSpec } from "../helpers/fake-vault.ts";

function decode(vault: ReturnType<typeof fakeVault>): LandscapeData {
  const g = buildLandscapeGraph(vault);
  return decodeGlobal(JSON.parse(JSON.stringify(encodeGlobalPayload(g, computeLayout(g, { iterations: 5 })))));
}
const slugs = (d: LandscapeData, path: number[] | null) => path?.map((i) => d.payload.slug[i]) ?? null;

describe("shortestPath", () => {
  it("finds the shortest of several routes, ignoring direction", () => {
    // n0 - n1 - ... - n9 plus a shortcut n2 - n7
    const d = decode(chainVault(10, [[2, 7]]));
    expect(slugs(d, shortestPath(d, d.bySlug.get("n0")!, d.bySlug.get("n9")!))).toEqual(["n0", "n1", "n2", "n7", "n8", "n9"]);
    expect(slugs(d, shortestPath(d, d.bySlug.get("n9")!, d.bySlug.get("n0")!))).toEqual(["n9", "n8", "n7", "n2", "n1", "n0"]);
  });

  it("returns the note alone for the same note, and null when unconnected", () => {
    const d = decode(fakeVault([{ slug: "a", type: "lab", links: ["b"] }, { slug: "b", type: "lab" }, { slug: "c", type: "lab" }]));
    expect(shortestPath(d, 0, 0)).toEqual([0]);
    expect(shortestPath(d, 0, 2)).toBeNull();
  });

  it("walks only allowed edges (the relation filter)", () => {
    const d = decode(chainVault(10, [[2, 7]]));
    const shortcut = edgeBetween(d, d.bySlug.get("n2")!, d.bySlug.get("n7")!);
    expect(shortcut).toBeGreaterThanOrEqual(0);
    const path = shortestPath(d, d.bySlug.get("n0")!, d.bySlug.get("n9")!, (e) => e !== shortcut);
    expect(path).toHaveLength(10);
  });

  it("agrees with a plain breadth-first search on a random graph", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const specs: NoteSpec[] = Array.from({ length: 200 }, (_, i) => ({ slug: `n${String(i).padStart(3, "0")}`, type: "concept", links: [] as string[] }));
    for (let k = 0; k < 260; k++) specs[Math.floor(rand() * 200)].links!.push(specs[Math.floor(rand() * 200)].slug);
    const d = decode(fakeVault(specs));
    const bfs = (from: number) => {
      const dist = new Map([[from, 0]]);
      const queue = [from];
      for (const u of queue) for (let j = d.adjacency.offsets[u]; j < d.adjacency.offsets[u + 1]; j++) {
        const v = d.adjacency.neighbors[j];
        if (!dist.has(v)) { dist.set(v, dist.get(u)! + 1); queue.push(v); }
      }
      return dist;
    };
    for (const from of [0, 5, 50]) {
      const dist = bfs(from);
      for (let to = 0; to < 200; to += 7) {
        const path = shortestPath(d, from, to);
        expect(path === null ? undefined : path.length - 1).toBe(dist.get(to));
        if (path) for (let i = 1; i < path.length; i++) expect(edgeBetween(d, path[i - 1], path[i])).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe("searchNotes", () => {
  const vault = fakeVault([
    { slug: "llama-3", type: "model", title: "Llama 3", aliases: ["Meta Llama 3"], links: ["meta", "llama-2"] },
    { slug: "llama-2", type: "model", title: "Llama 2" },
    { slug: "meta", type: "lab", title: "Meta AI", aliases: ["Facebook AI Research", "FAIR"], links: ["llama-2"] },
    { slug: "camel", type: "model", title: "Camelid Llama-ish" },
  ]);
  const full = decode(vault);
  const d = Object.assign(nameIndexOf(full), { bySlug: full.bySlug });
  const titles = (q: string) => searchNotes(d, q).map((h) => d.title[h.node]);

  it("answers the same from the small titles payload as from the graph payload", () => {
    const small = decodeTitles(JSON.parse(JSON.stringify(encodeTitlesPayload(buildLandscapeGraph(vault)))));
    for (const q of ["llama", "fair", "ama", "meta", "3", "camel"]) {
      expect(searchNotes(small, q).map((h) => small.slug[h.node])).toEqual(searchNotes(d, q).map((h) => d.slug[h.node]));
    }
    expect(JSON.stringify(encodeTitlesPayload(buildLandscapeGraph(vault))).length).toBeLessThan(JSON.stringify(full.payload).length);
  });

  it("ranks exact, then prefix, then word, then substring matches", () => {
    expect(titles("llama")).toEqual(["Llama 2", "Llama 3", "Camelid Llama-ish"]);
    expect(titles("llama 3")).toEqual(["Llama 3"]);
    expect(titles("ama")).toEqual(["Llama 2", "Llama 3", "Camelid Llama-ish"]);
  });

  it("finds notes by alias and says which name matched", () => {
    expect(searchNotes(d, "fair")[0]).toEqual({ node: d.bySlug.get("meta"), matched: "FAIR" });
    expect(titles("facebook")).toEqual(["Meta AI"]);
  });

  it("ignores case, accents and punctuation", () => {
    expect(normalizeName("  Llama-3.1 Éclair ")).toBe("llama 3 1 eclair");
    expect(titles("LLAMA-3")).toEqual(["Llama 3"]);
    expect(titles("   ")).toEqual([]);
  });
});
