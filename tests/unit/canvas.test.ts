/**
 * JSON Canvas (src/lib/canvas/): a `.canvas` file read with every problem at its place, the edges' geometry, the
 * reading order, and the file read as a note (links placed in the file, one template with a slot per link).
 */
import { describe, expect, it } from "vitest";
import { ARROW_LENGTH, canvasBounds, edgeGeometry, edgeSides, PADDING, readingOrder, sidePoint } from "../../src/lib/canvas/layout.ts";
import { parseCanvasNote } from "../../src/lib/canvas/note.ts";
import { parseCanvas, stringOffsets, type CanvasNode } from "../../src/lib/canvas/parse.ts";
import { renderCanvas } from "../../src/lib/canvas/render.ts";

const at = (p: { line: number; column: number }) => `${p.line}:${p.column}`;

describe("parseCanvas", () => {
  it("reads text, file, link and group nodes and edges, with their defaults", () => {
    const { canvas, problems } = parseCanvas(
      JSON.stringify({
        nodes: [
          { id: "a", type: "text", text: "Hi", x: 0, y: 0, width: 100, height: 50, color: "1" },
          { id: "b", type: "file", file: "Notes/B.md", subpath: "#Top", x: 200, y: 0, width: 100, height: 50, color: "#FF8800" },
          { id: "c", type: "link", url: "https://example.org", x: 0, y: 100, width: 100, height: 50 },
          { id: "g", type: "group", label: "G", x: -10, y: -10, width: 400, height: 200 },
        ],
        edges: [{ id: "e", fromNode: "a", toNode: "b", label: "to" }],
      }),
    );
    expect(problems).toEqual([]);
    expect(canvas.nodes.map((n) => [n.id, n.type, n.color])).toEqual([
      ["a", "text", { preset: 1 }],
      ["b", "file", { hex: "#FF8800" }],
      ["c", "link", undefined],
      ["g", "group", undefined],
    ]);
    expect(canvas.edges).toEqual([{ id: "e", fromNode: "a", toNode: "b", fromEnd: "none", toEnd: "arrow", label: "to" }]);
  });

  it("puts each problem where it is written, and keeps what is valid", () => {
    const text = [
      "{",
      '  "nodes": [',
      '    {"id": "ok", "type": "text", "text": "fine", "x": 0, "y": 0, "width": 10, "height": 10},',
      '    {"id": "nox", "type": "text", "text": "no x", "y": 0, "width": 10, "height": 10},',
      '    {"id": "w", "type": "wobble", "x": 0, "y": 0, "width": 10, "height": 10},',
      '    {"id": "f", "type": "file", "x": 0, "y": 0, "width": 10, "height": 10, "color": "9"},',
      '    {"id": "ok", "type": "link", "url": "https://x.org", "x": 0, "y": 0, "width": 10, "height": 10}',
      "  ],",
      '  "edges": [{"id": "e1", "fromNode": "ok", "toNode": "ghost", "toSide": "middle"}]',
      '  "more": 1',
      "}",
    ].join("\n");
    const { canvas, problems } = parseCanvas(text);
    expect(canvas.nodes.map((n) => n.id)).toEqual(["ok"]);
    expect(canvas.edges).toEqual([]);
    expect(problems.map((p) => `${at(p)} ${p.message}`)).toEqual([
      "10:3 the canvas is not valid JSON (comma expected)",
      "4:5 node `nox` has no `x`: the node is left out",
      "5:25 node `w` is of type `wobble`, which JSON Canvas 1.0 does not have: the node is left out",
      "6:85 node `f`'s `color` `9` is not a canvas colour: it is shown without one",
      "6:5 node `f` has no `file`: the node is left out",
      "7:12 two nodes have the id `ok`: this one is left out",
      "9:73 edge `e1`'s `toSide` is `middle`, which JSON Canvas 1.0 does not have",
      "9:54 edge `e1` ends at node `ghost`, which the canvas does not have: the edge is left out",
    ]);
  });

  it("says so when the file is not a canvas at all", () => {
    expect(parseCanvas("[1, 2]").problems.map((p) => p.message)).toEqual(["the canvas is a list, not an object with `nodes` and `edges`"]);
    expect(parseCanvas('{"nodes": {}}').problems.map((p) => `${at(p)} ${p.message}`)).toEqual(["1:11 `nodes` is an object, not a list"]);
    expect(parseCanvas("").problems).toEqual([]);
  });

  it("finds each character of a string value in the file, escapes included", () => {
    const text = '{"text": "a\\nb\\u00e9c"}';
    const offsets = stringOffsets(text, text.indexOf('"a'));
    // a, \n, b, \u00e9, c, then the closing quote.
    expect(offsets.map((o) => text[o])).toEqual(["a", "\\", "b", "\\", "c", '"']);
  });
});

describe("edge geometry", () => {
  const a = { x: 0, y: 0, width: 100, height: 50 };
  const b = { x: 300, y: 0, width: 100, height: 50 };
  const below = { x: 0, y: 200, width: 100, height: 50 };

  it("takes the sides facing each other when none are written", () => {
    expect(edgeSides(a, b)).toEqual(["right", "left"]);
    expect(edgeSides(b, a)).toEqual(["left", "right"]);
    expect(edgeSides(a, below)).toEqual(["bottom", "top"]);
    expect(edgeSides(a, below, "right")).toEqual(["right", "top"]);
    expect(edgeSides(a, b, "top", "bottom")).toEqual(["top", "bottom"]);
  });

  it("leaves and meets each side square to it, the arrow pointing into the node", () => {
    const g = edgeGeometry(a, b, { fromEnd: "none", toEnd: "arrow" });
    const [start, c1, c2, end] = g.points;
    expect(start).toEqual(sidePoint(a, "right"));
    expect(start).toEqual({ x: 100, y: 25 });
    // The curve stops at the arrow's base, one arrow's length outside the left side of b.
    expect(end).toEqual({ x: 300 - ARROW_LENGTH, y: 25 });
    expect(c1.y).toBe(25);
    expect(c1.x).toBeGreaterThan(start.x);
    expect(c2.y).toBe(25);
    expect(c2.x).toBeLessThan(end.x);
    expect(g.arrows).toEqual([`M300 25 L${300 - ARROW_LENGTH} 19 L${300 - ARROW_LENGTH} 31 Z`]);
    expect(g.path).toBe(`M100 25 C193 25 193 25 ${300 - ARROW_LENGTH} 25`);
    // Halfway along the curve: here, halfway between the ends.
    expect(g.label).toEqual({ x: 193, y: 25 });
  });

  it("draws arrows at both ends, or none", () => {
    expect(edgeGeometry(a, below, { fromEnd: "arrow", toEnd: "arrow" }).arrows).toEqual(["M50 50 L44 64 L56 64 Z", "M50 200 L56 186 L44 186 Z"]);
    expect(edgeGeometry(a, below, { fromEnd: "none", toEnd: "none" }).arrows).toEqual([]);
  });

  it("bounds the nodes and the curves, with padding", () => {
    expect(canvasBounds([a, b])).toEqual({ x: -PADDING, y: -PADDING, width: 400 + 2 * PADDING, height: 50 + 2 * PADDING });
    // A curve from left side to left side bulges out to the left of both nodes.
    const loop = edgeGeometry(a, below, { fromSide: "left", toSide: "left", fromEnd: "none", toEnd: "none" });
    expect(canvasBounds([a, below], [loop]).x).toBeLessThan(-PADDING);
    expect(canvasBounds([])).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});

describe("reading order", () => {
  const node = (id: string, x: number, y: number, width = 100, height = 50, type: CanvasNode["type"] = "text", index = 0): CanvasNode =>
    (type === "group" ? { id, type, x, y, width, height, index, at: 0 } : { id, type: "text", text: id, textAt: 0, x, y, width, height, index, at: 0 }) as CanvasNode;

  it("goes row by row, left to right, a group's nodes inside it", () => {
    // The group starts highest, and the two cards beside it start above its middle: one row, read left to right.
    const nodes = [node("right", 200, 10), node("left", 0, 0), node("next row", 0, 100), node("g", 400, -50, 300, 300, "group"), node("in g", 450, 0), node("in g below", 450, 100)];
    const order = readingOrder(nodes);
    expect(order.map((p) => [p.node.id, p.children.map((c) => c.node.id)])).toEqual([
      ["left", []],
      ["right", []],
      ["g", ["in g", "in g below"]],
      ["next row", []],
    ]);
  });
});

describe("a canvas read as a note", () => {
  const text = JSON.stringify(
    {
      nodes: [
        { id: "t", type: "text", text: "# Title\n\nSee [[Other]] and [[Third|the third]].", x: 0, y: 0, width: 200, height: 100 },
        { id: "f", type: "file", file: "Notes/Other.md", subpath: "#Part", x: 300, y: 0, width: 200, height: 100 },
        { id: "t2", type: "text", text: "# Title\n\nAgain.", x: 0, y: 200, width: 200, height: 100 },
      ],
      edges: [{ id: "e", fromNode: "t", toNode: "f", label: "shows" }],
    },
    null,
    "\t",
  );

  it("has the text nodes' links and the file node's embed, each at its place in the file", () => {
    const parsed = parseCanvasNote(text);
    const lines = text.split("\n");
    expect(parsed.links.map((l) => [l.target, l.heading, l.embed, l.standalone])).toEqual([
      ["Other", undefined, false, undefined],
      ["Third", undefined, false, undefined],
      ["Notes/Other.md", "Part", true, true],
    ]);
    for (const l of parsed.links) {
      const written = lines[l.line - 1].slice(l.column - 1);
      expect(written.startsWith(l.embed ? '"Notes/Other.md"' : "[[")).toBe(true);
    }
    expect(parsed.canvas).toEqual({ problems: [], nodes: 3, edges: 1 });
  });

  it("is one template with a slot per link, and unique heading ids", () => {
    const parsed = parseCanvasNote(text);
    expect(parsed.html.chunks).toHaveLength(4);
    expect(parsed.html.labels).toEqual([null, "the third", null]);
    const html = parsed.html.chunks.join("");
    expect(html).toContain('id="title"');
    expect(html).toContain('id="title-1"');
    expect(html).toContain('href="#title-1"');
    expect(parsed.headings.map((h) => h.id)).toEqual(["title", "title-1"]);
    expect(parsed.contexts.length).toBeGreaterThan(0);
  });
});

describe("renderCanvas", () => {
  it("places each node at the canvas's coordinates and escapes what the file supplies", () => {
    const { canvas } = parseCanvas(
      JSON.stringify({
        nodes: [
          { id: "g", type: "group", label: "<b>Group</b>", x: 0, y: 0, width: 500, height: 300, color: "3" },
          { id: "x\"'", type: "link", url: "javascript:alert(1)", x: 20, y: 30, width: 100, height: 50 },
          { id: "y", type: "link", url: "https://example.org/a?b=<c>", x: 600, y: 0, width: 100, height: 50, color: "#123456" },
        ],
        edges: [{ id: "e", fromNode: "x\"'", toNode: "y", label: "<i>to</i>" }],
      }),
    );
    const html = renderCanvas(canvas, () => undefined);
    expect(html).toContain('style="width:780px;height:380px"');
    expect(html).toContain('id="canvas-node-g" data-node="g" style="left:40px;top:40px;width:500px;height:300px;z-index:auto;--canvas-color:var(--canvas-3)"');
    // Inside its group, a node is placed from the group's corner.
    expect(html).toMatch(/data-node="x&#x22;&#x27;" style="left:20px;top:30px;width:100px;height:50px;z-index:3"/);
    expect(html).toContain('<a class="canvas-link" href="https://example.org/a?b=<c>" rel="noopener nofollow">');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain("&#x3C;b>Group&#x3C;/b>");
    expect(html).toContain(">&#x3C;i>to&#x3C;/i></text>");
    expect(html).not.toContain("<i>");
    expect(html).toContain('--canvas-color:#123456');
  });
});
