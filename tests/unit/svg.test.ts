/**
 * Active content in SVG attachments (src/lib/svg.ts): what a file opened on its own could run, however it is
 * spelled, found at its tag; drawings as editors save them are left alone.
 */
import { describe, expect, it } from "vitest";
import { svgActiveContent } from "../../src/lib/svg.ts";

const svg = (inner: string, attrs = "") => `<svg xmlns="http://www.w3.org/2000/svg"${attrs}>\n${inner}\n</svg>\n`;
const found = (text: string) => svgActiveContent(text).map((f) => `${f.line}:${f.column} ${f.what}`);

describe("active content in an SVG", () => {
  it.each([
    ["a script", svg("<script>alert(1)</script>"), "2:1 a `<script>` element"],
    ["a namespaced script", svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>'), "2:1 a `<svg:script>` element"],
    ["an event handler on the root", svg("<rect/>", ' onload="alert(1)"'), "1:1 an event handler attribute (`onload=`)"],
    ["a handler after a quoted `>`", svg('<rect title=">" onclick="x()"/>'), "2:1 an event handler attribute (`onclick=`)"],
    ["a handler in capitals", svg('<rect ONMOUSEOVER="x()"/>'), "2:1 an event handler attribute (`onmouseover=`)"],
    ["a javascript: link", svg('<a href="javascript:alert(1)"><text>t</text></a>'), "2:1 a `javascript:` address"],
    ["a link hidden by references and whitespace", svg('<a xlink:href=" jav&#x61;&#09;script&colon;alert(1)">t</a>'), "2:1 a `javascript:` address"],
    ["an animation that sets one", svg('<a><set attributeName="href" to="javascript:alert(1)"/>t</a>'), "2:4 a `javascript:` address"],
    ["foreign HTML", svg('<foreignObject><div>x</div></foreignObject>'), "2:1 a `<foreignobject>` element"],
    ["an HTML document by data: address", svg('<image href="data:text/html,&lt;script&gt;"/>'), "2:1 a `data:text/html` address"],
    ["an entity that could hide any of it", '<!DOCTYPE svg [\n<!ENTITY x "javascript:alert(1)">\n]>\n' + svg('<a href="&x;">t</a>'), "2:1 an entity declaration, which can hide anything below"],
    ["a style sheet that turns it into a page", '<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n' + svg("<rect/>"), "1:1 an `<?xml-stylesheet?>` instruction, which can turn the file into a page that runs scripts"],
  ])("finds %s", (_, text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it("leaves drawings as editors save them alone: styles, gradients, embedded PNGs, comments and text that only name scripts", () => {
    const drawing = [
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
      "<!-- Created with Inkscape (http://www.inkscape.org/): <script> in a comment runs nothing -->",
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" width="100" height="50" viewBox="0 0 100 50">',
      '  <sodipodi:namedview id="base" pagecolor="#ffffff"/>',
      "  <style>.a { fill: url(#g); font-family: 'Online Sans'; }</style>",
      '  <defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient></defs>',
      '  <image width="10" height="10" xlink:href="data:image/png;base64,iVBORw0KGgo="/>',
      '  <a href="https://example.org/one"><text x="1" y="20" class="a">onload= and javascript: as words</text></a>',
      "  <text><![CDATA[<script>alert(1)</script>]]></text>",
      '  <use href="#g" data-online="yes"/>',
      "</svg>",
    ].join("\n");
    expect(found(drawing)).toEqual([]);
  });

  it("reports every place, in file order, and stops where a comment never ends", () => {
    const text = svg('<script>a()</script>\n<rect onclick="b()"/>\n<!-- <script>c()</script>');
    expect(found(text)).toEqual(["2:1 a `<script>` element", "3:1 an event handler attribute (`onclick=`)"]);
  });

  it("reads a huge malformed file in one pass", () => {
    expect(found(`<svg>${'<a "'.repeat(200_000)}${"<!--".repeat(200_000)}`)).toEqual([]);
  });
});
