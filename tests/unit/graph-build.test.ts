/**
 * The landscape graph: a node per note, one edge per connected pair and direction with every kind kept,
 * unresolved targets skipped; and what it exports (graphology JSON, GEXF, CSV).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildLandscapeGraph, edgeKinds } from "../../src/lib/graph/build.ts";
import { csvCell, toCsvByType, toGexf, toGraphologyJson } from "../../src/lib/graph/exports.ts";
import { computeLayout } from "../../src/lib/graph/layout.ts";
import { siteUrls } from "../../src/lib/urls.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { fakeVault } from "../helpers/fake-vault.ts";

const vault = fakeVault([
  { slug: "acme", type: "lab", links: ["widget", "widget", "nowhere"] },
  { slug: "widget", type: "model", date: "2025-03", links: ["acme"], relations: [["developer", "acme"], ["derived_from", null]], cites: ["report"] },
  { slug: "ada", type: "person", aliases: ["Ada L."], relations: [["affiliated_with", "acme"]], links: ["acme", "ada"], cites: ["report"] },
  { slug: "report", type: "source", date: "2025-01-02", relations: [["author", "ada"]] },
  { slug: "lonely", type: "concept" },
]);

describe("buildLandscapeGraph", () => {
  const graph = buildLandscapeGraph(vault);

  it("has a node per note with its type, title, date and aliases", () => {
    expect(graph.order).toBe(5);
    expect(graph.getNodeAttributes("widget")).toMatchObject({ slug: "widget", type: "model", title: "Widget", date: "2025-03" });
    expect(graph.getNodeAttribute("ada", "aliases")).toEqual(["Ada L."]);
    expect(graph.getNodeAttribute("lonely", "degree")).toBe(0);
  });

  it("collapses parallel mentions into one weighted edge that keeps every kind", () => {
    const e = graph.edge("widget", "acme")!;
    expect(graph.getEdgeAttributes(e)).toEqual({ kinds: ["developer", "links_to"], weight: 2 });
    expect(graph.getEdgeAttributes(graph.edge("acme", "widget")!)).toEqual({ kinds: ["links_to"], weight: 2 });
    expect(graph.getEdgeAttributes(graph.edge("ada", "acme")!)).toEqual({ kinds: ["affiliated_with", "links_to"], weight: 2 });
  });

  it("records citations and relation kinds", () => {
    expect(graph.getEdgeAttribute(graph.edge("widget", "report")!, "kinds")).toEqual(["cites"]);
    expect(graph.getEdgeAttribute(graph.edge("report", "ada")!, "kinds")).toEqual(["author"]);
  });

  it("skips unresolved targets and self-links", () => {
    expect(graph.hasNode("nowhere")).toBe(false);
    expect(graph.hasEdge("ada", "ada")).toBe(false);
    expect(graph.size).toBe(6);
  });

  it("counts degree as distinct neighbours in either direction", () => {
    expect(graph.getNodeAttribute("acme", "degree")).toBe(2); // widget (both ways) and ada
    expect(graph.getNodeAttribute("report", "degree")).toBe(2);
  });

  it("lists kinds in their fixed order", () => {
    expect(edgeKinds(graph)).toEqual(["links_to", "cites", "developer", "affiliated_with", "author"]);
  });

  it("builds the fixture vault's relations with their kinds", async () => {
    const real = buildLandscapeGraph(await loadVault(join(import.meta.dirname, "../fixtures/vault")));
    const widget = real.edge("widget-7b", "acme-ai");
    expect(widget && real.getEdgeAttribute(widget, "kinds")).toContain("developer");
    expect(edgeKinds(real)).toEqual(expect.arrayContaining(["links_to", "cites", "developer", "affiliated_with", "actor"]));
  });
});

describe("exports", () => {
  const graph = buildLandscapeGraph(vault);
  const layout = computeLayout(graph);

  it("graphology JSON imports back with positions and kinds", async () => {
    const { default: Graph } = await import("graphology");
    const back = Graph.from(JSON.parse(toGraphologyJson(graph, layout)));
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    expect(typeof back.getNodeAttribute("acme", "x")).toBe("number");
    expect(back.getEdgeAttribute(back.edge("widget", "acme")!, "kinds")).toEqual(["developer", "links_to"]);
  });

  it("GEXF lists every node and edge with attributes Gephi reads", () => {
    const gexf = toGexf(graph, layout);
    expect(gexf).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf xmlns="http:\/\/www.gexf.net\/1.2draft"/);
    expect(gexf.match(/<node /g)).toHaveLength(5);
    expect(gexf.match(/<edge /g)).toHaveLength(6);
    expect(gexf).toContain(`<node id="widget" label="Widget">`);
    expect(gexf).toContain(`source="widget" target="acme" weight="2"><attvalues><attvalue for="kinds" value="developer links_to"/>`);
  });

  it("escapes XML in titles", () => {
    const g = buildLandscapeGraph(fakeVault([{ slug: "a", type: "lab", title: `A & "B" <C>` }]));
    expect(toGexf(g, computeLayout(g))).toContain(`label="A &amp; &quot;B&quot; &lt;C&gt;"`);
  });

  it("CSV has one file per type, quoted where needed, with base-aware addresses", () => {
    const csv = toCsvByType(graph, vault.notes, siteUrls("/atlas").note);
    expect(Object.keys(csv)).toEqual(["person", "lab", "model", "source", "concept", "event"]);
    const rows = csv.person.trim().split("\r\n");
    expect(rows[0]).toBe("slug,title,date,aliases,tags,summary,links_out,links_in,degree,url");
    expect(rows[1]).toBe(`ada,Ada,,Ada L.,,"Ada, a note.",2,1,2,/atlas/ada/`);
    expect(csv.event.trim().split("\r\n")).toHaveLength(1);
  });

  it("CSV cells that a spreadsheet would run as a formula start with a quote mark (OWASP CSV injection)", () => {
    expect(csvCell('=HYPERLINK("https://evil.example","x")')).toBe(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    for (const lead of ["+", "-", "@", "\t", "\r"]) expect(csvCell(`${lead}1+1`)).toBe(`"'${lead}1+1"`);
    expect(csvCell("a = b")).toBe("a = b");
    expect(csvCell(-3)).toBe("-3"); // a number is a number
    const g = buildLandscapeGraph(fakeVault([{ slug: "a", type: "lab", title: "=1+1", aliases: ["@SUM(A1)"] }]));
    expect(toCsvByType(g, fakeVault([{ slug: "a", type: "lab", title: "=1+1", aliases: ["@SUM(A1)"] }]).notes, (s) => `/${s}/`).lab.split("\r\n")[1]).toMatch(/^a,"'=1\+1",,"'@SUM\(A1\)",/);
  });
});
