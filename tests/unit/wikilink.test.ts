import { describe, expect, it } from "vitest";
import { inlinePlainText, parseWikilinkInner, scanBody } from "../../src/lib/wikilink.ts";

describe("parseWikilinkInner", () => {
  it.each([
    ["nvidia", { target: "nvidia" }],
    ["nvidia|NVIDIA Corp", { target: "nvidia", label: "NVIDIA Corp" }],
    ["nvidia#Strategy", { target: "nvidia", heading: "Strategy" }],
    ["nvidia#Strategy|its strategy", { target: "nvidia", heading: "Strategy", label: "its strategy" }],
    ["Jensen Huang", { target: "Jensen Huang" }],
    ["nvidia\\|NVIDIA", { target: "nvidia", label: "NVIDIA" }],
    ["#Local heading", { target: "", heading: "Local heading" }],
  ])("parses [[%s]]", (inner, expected) => {
    expect(parseWikilinkInner(inner)).toEqual({ heading: undefined, label: undefined, ...expected });
  });
});

describe("scanBody", () => {
  it("finds links with file positions, and skips code", () => {
    const body = ["Intro [[a]] and ![[b|B]].", "", "```", "[[in-fence]]", "```", "Inline `[[in-code]]` then [[c#H]]."].join("\n");
    const scan = scanBody(body, 5);
    expect(scan.links.map((l) => [l.target, l.line, l.column, l.embed])).toEqual([
      ["a", 5, 7, false],
      ["b", 5, 17, true],
      ["c", 10, 27, false],
    ]);
    expect(scan.links[2].heading).toBe("H");
  });

  it("collects ATX and setext headings with unique github-style ids", () => {
    const scan = scanBody("# Top\n\n## Strategy ##\n\nPara\n\n## Strategy\n\nSetext title\n---\n", 1);
    expect(scan.headings.map((h) => [h.depth, h.text, h.id, h.line])).toEqual([
      [1, "Top", "top", 1],
      [2, "Strategy", "strategy", 3],
      [2, "Strategy", "strategy-1", 7],
      [2, "Setext title", "setext-title", 9],
    ]);
  });

  it("keeps the sentence around a link as its context", () => {
    const scan = scanBody("First sentence here. Huang leads [[nvidia]] since 1993. Last one.", 1);
    expect(inlinePlainText(scan.links[0].context, (t) => (t === "nvidia" ? "NVIDIA" : undefined))).toBe("Huang leads NVIDIA since 1993.");
  });

  it("joins a paragraph's lines for context", () => {
    const scan = scanBody("A claim about\n[[x|X]] spans lines.\n\nOther.", 1);
    expect(inlinePlainText(scan.links[0].context)).toBe("A claim about X spans lines.");
  });

  it("flags scripts, event handlers and javascript: URLs, once per line", () => {
    const scan = scanBody('ok\n<script>alert(1)</script>\n<a href="javascript:x" onclick="y">z</a>\n`<script>` in code is fine', 1);
    expect(scan.unsafeHtml.map((u) => u.line)).toEqual([2, 3]);
  });
});

describe("scanBody contexts of tables and lists", () => {
  it("uses a table row's cells, and each list item on its own", () => {
    const scan = scanBody("| Model | Open |\n| --- | --- |\n| [[w\\|Widget]] | yes |\n\n- first [[a]] item\n- second [[b]] item\n", 1);
    expect(scan.links.map((l) => inlinePlainText(l.context))).toEqual(["Widget · yes", "first a item", "second b item"]);
  });
});
