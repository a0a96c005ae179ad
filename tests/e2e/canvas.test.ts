/**
 * Canvases of an Obsidian vault (tests/fixtures/canvas: notes, an image, a canvas with text, file, link and group
 * nodes and edges, and a broken canvas), through the real commands: the checker's positioned warnings, and the
 * built pages (the canvas at its coordinates, its links resolved and counted, a backlink on the note it links to,
 * the canvas in the graph).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeEdges } from "../../src/lib/graph/payload.ts";
import { buildSite, ROOT, runScript } from "../helpers/cli.ts";

const VAULT = join(ROOT, "tests/fixtures/canvas");

describe("a vault with canvases, checked", () => {
  it("reports what is wrong in a canvas at file.canvas:line:col, as warnings", () => {
    const r = runScript("check", ["--format", "json"], { CONTENT_DIR: VAULT });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { errors: number; diagnostics: { file: string; line: number; column: number; severity: string; rule: string; message: string }[] };
    expect(report.errors).toBe(0);
    expect(report.diagnostics.map((d) => `${d.file.replace(/^.*tests\/fixtures\/canvas\//, "")}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`)).toEqual([
      "Broken.canvas:4:5 warning canvas node `nox` has no `x`: the node is left out",
      "Broken.canvas:5:44 warning broken-link embed of missing note `Nowhere.md`",
      "Broken.canvas:5:113 warning canvas node `gone`'s `color` `9` is not a canvas colour: it is shown without one",
      "Broken.canvas:8:46 warning canvas edge `e1` ends at node `ghost`, which the canvas does not have: the edge is left out",
      "Broken.canvas:10:3 warning canvas the canvas is not valid JSON (comma expected)",
      // Raw HTML in a text node is sanitized as a note's is, and said where it was in the .canvas file.
      "Project map.canvas:10:95 warning sanitized-html raw HTML `onclick` on `<b>` was removed from the page",
    ]);
  });
});

describe("a vault with canvases, built", () => {
  let out: string;
  const page = (slug: string) => readFileSync(join(out, slug, "index.html"), "utf8");
  beforeAll(() => {
    out = buildSite(VAULT);
  }, 180_000);

  it("gives a canvas a page at its path's address, its nodes at the canvas's coordinates", () => {
    const html = page("project-map");
    expect(html).toContain("<h1>Project map</h1>");
    // The stage is the canvas's bounding box with its padding; nodes are placed from its corner, or their group's.
    expect(html).toMatch(/<div class="canvas-stage" style="width:\d+px;height:\d+px"/);
    expect(html).toContain('id="canvas-node-group1" data-node="group1" style="left:40px;top:40px;width:720px;height:360px;z-index:auto;--canvas-color:var(--canvas-4)" role="group" aria-label="Thinking"');
    expect(html).toContain('id="canvas-node-intro" data-node="intro" style="left:40px;top:60px;width:300px;height:200px;z-index:3;--canvas-color:var(--canvas-1)"');
    expect(html).toContain('id="canvas-node-plan" data-node="plan" style="left:840px;top:100px;width:300px;height:220px;z-index:5;--canvas-color:#3366ff"');
    // The group's nodes are listed inside it, in reading order.
    expect(html.indexOf('data-node="intro"')).toBeLessThan(html.indexOf('data-node="idea"'));
    expect(html.indexOf('data-node="idea"')).toBeLessThan(html.indexOf('data-node="plan"'));
    // Edges: curves, arrowheads, labels; and each node's connections as text.
    expect(html).toMatch(/<path class="canvas-edge-line" d="M[\d.]+ [\d.-]+ C/);
    expect(html.match(/class="canvas-edge-arrow"/g)).toHaveLength(4);
    expect(html).toContain(">leads to</text>");
    expect(html).toContain('<span class="visually-hidden">Connected to </span>Idea: leads to</li>');
  });

  it("renders text nodes as Markdown with the vault's links, and file and link nodes as cards", () => {
    const html = page("project-map");
    expect(html).toMatch(/<h1 id="start-here">Start here/);
    expect(html).toMatch(/<h2 id="start-here-1">Start here/);
    expect(html).toContain("<mark>highlights</mark>");
    expect(html).toMatch(/<a href="\/topics\/idea\/" class="wikilink" data-slug="topics\/idea"[^>]*>Idea<\/a>/);
    expect(html).toMatch(/<a href="\/topics\/plan\/#details" class="wikilink" data-slug="topics\/plan"[^>]*>the details<\/a>/);
    // A file node shows the note, or the heading its subpath names, with its title linking to it.
    expect(html).toContain("An idea begins with a question");
    expect(html).toMatch(/<a href="\/topics\/plan\/#details" class="wikilink embed" data-slug="topics\/plan">Plan › Details<\/a>/);
    expect(html).toContain("First the notes, then the canvas, then the site.");
    expect(html).not.toContain("Everything else.");
    // An image file node is the published image.
    expect(html).toContain('<img src="/files/attachments/sketch.png" alt="Sketch.png" loading="lazy" class="embed-image">');
    expect(readdirSync(join(out, "files/attachments"))).toContain("sketch.png");
    // Link nodes: a card with the address, a link only when its scheme is safe.
    expect(html).toContain('<a class="canvas-link" href="https://jsoncanvas.org/spec/1.0/" rel="noopener nofollow">');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<span class="canvas-link-url">javascript:alert(1)</span>');
    expect(html).not.toContain("onclick=");
  });

  it("counts a canvas's links: backlinks on the notes, a link to the canvas, an edge in the graph", () => {
    expect(page("topics/idea")).toMatch(/<section class="backlinks"[\s\S]*<a href="\/project-map\/">Project map<\/a>/);
    expect(page("home")).toMatch(/<a href="\/project-map\/" class="wikilink"[^>]*>Project map<\/a>/);
    const file = readdirSync(join(out, "graph")).find((f) => f.startsWith("landscape."))!;
    const graph = JSON.parse(readFileSync(join(out, "graph", file), "utf8")) as { slug: string[]; title: string[]; edges: number[] };
    const at = (slug: string) => graph.slug.indexOf(slug);
    expect(graph.title[at("project-map")]).toBe("Project map");
    const edges = decodeEdges(graph.edges);
    const pairs = new Set<string>();
    for (let i = 0; i < edges.length; i += 2) pairs.add([edges[i], edges[i + 1]].sort().join("-"));
    for (const target of ["topics/idea", "topics/plan", "home"]) expect(pairs.has([at("project-map"), at(target)].sort().join("-")), target).toBe(true);
  });

  it("builds a broken canvas's page from what is valid in it", () => {
    const html = page("broken");
    expect(html).toContain("Still shown despite the rest");
    expect(html).toContain('data-node="gone"');
    expect(html).toContain('<span class="wikilink broken" title="Missing note: Nowhere.md">Nowhere.md</span>');
    expect(html).not.toContain('data-node="nox"');
    expect(html).not.toContain("canvas-edge-line");
  });
});
