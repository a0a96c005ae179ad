import fc from "fast-check";
import type { Nodes, Root } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { parseMarkdown, type WikiLink, wikilinkToMarkdown } from "../../src/lib/markdown/index.ts";
import { parseNote } from "../../src/lib/parse-note.ts";

function linksIn(tree: Root): WikiLink[] {
  const found: WikiLink[] = [];
  visit(tree, "wikiLink", (node) => void found.push(node));
  return found;
}

const links = (source: string, gfm = true): WikiLink[] => linksIn(parseMarkdown(source, { gfm }));

/** The link's fields without positions and children, for compact comparisons. */
function fields(link: WikiLink): Partial<WikiLink> {
  const { type: _type, position: _position, children: _children, ...rest } = link;
  return rest;
}

function one(source: string, gfm = true): WikiLink {
  const found = links(source, gfm);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Node types in document order, to show what a wikilink did or did not become. */
function types(source: string, gfm = true): string[] {
  const out: string[] = [];
  visit(parseMarkdown(source, { gfm }), (node: Nodes) => void out.push(node.type));
  return out;
}

const at = (line: number, column: number, offset: number) => ({ line, column, offset });

function stripPositions(nodes: Nodes[]): unknown[] {
  return nodes.map((node) => {
    const { position: _position, ...rest } = node as Nodes & { children?: Nodes[] };
    return "children" in rest && rest.children ? { ...rest, children: stripPositions(rest.children) } : rest;
  });
}

describe("wikilink fields", () => {
  it.each([
    ["[[note]]", { embed: false, target: "note" }],
    ["[[note#Heading]]", { embed: false, target: "note", heading: "Heading" }],
    ["[[note#Heading|label]]", { embed: false, target: "note", heading: "Heading", label: "label" }],
    ["[[#Heading]]", { embed: false, target: "", heading: "Heading" }],
    ["[[#^blk]]", { embed: false, target: "", block: "blk" }],
    ["[[note#^abc-1]]", { embed: false, target: "note", block: "abc-1" }],
    ["[[note#^blk|label]]", { embed: false, target: "note", block: "blk", label: "label" }],
    ["[[a#b#c]]", { embed: false, target: "a", heading: "b#c" }],
    ["[[a# ^b]]", { embed: false, target: "a", block: "b" }],
    ["[[ spaced # head | lab ]]", { embed: false, target: "spaced", heading: "head", label: "lab" }],
    ["[[a|b|c]]", { embed: false, target: "a", label: "b|c" }],
    ["[[a\\|b|c]]", { embed: false, target: "a", label: "b|c" }],
    ["[[a|b\\|c]]", { embed: false, target: "a", label: "b\\|c" }],
    ["[[C:\\dir]]", { embed: false, target: "C:\\dir" }],
    ["[[a|x\\]]]", { embed: false, target: "a", label: "x\\]" }],
    ["[[a|]]", { embed: false, target: "a" }],
    ["[[a#]]", { embed: false, target: "a" }],
    ["![[note]]", { embed: true, target: "note" }],
    ["![[note#Heading]]", { embed: true, target: "note", heading: "Heading" }],
    ["![[image.png|200]]", { embed: true, target: "image.png", label: "200" }],
  ])("%s", (source, expected) => {
    expect(fields(one(source))).toEqual(expected);
  });

  it("[[]] and [[ ]] are empty links with target '' at their position", () => {
    const [empty, blank] = links("a [[]] b [[ ]]");
    expect(fields(empty)).toEqual({ embed: false, target: "" });
    expect(empty.position?.start).toEqual(at(1, 3, 2));
    expect(empty.position?.end).toEqual(at(1, 7, 6));
    expect(fields(blank)).toEqual({ embed: false, target: "" });
    expect(blank.position?.start.offset).toBe(9);
  });
});

describe("labels are inline Markdown", () => {
  it("[[a|the *best* note]] has text, emphasis, text children with file positions", () => {
    const link = one("x [[a|the *best* note]] y");
    expect(link.label).toBe("the *best* note");
    expect(stripPositions(link.children)).toEqual([
      { type: "text", value: "the " },
      { type: "emphasis", children: [{ type: "text", value: "best" }] },
      { type: "text", value: " note" },
    ]);
    expect(link.position).toEqual({ start: at(1, 3, 2), end: at(1, 24, 23) });
    const [first, em, last] = link.children;
    expect(first.position?.start).toEqual(at(1, 7, 6));
    expect(em.position).toEqual({ start: at(1, 11, 10), end: at(1, 17, 16) });
    expect(last.position?.end).toEqual(at(1, 22, 21));
  });

  it("**bold** and `code` in a label", () => {
    const link = one("[[a|**b** and `c`]]");
    expect(stripPositions(link.children)).toEqual([
      { type: "strong", children: [{ type: "text", value: "b" }] },
      { type: "text", value: " and " },
      { type: "inlineCode", value: "c" },
    ]);
  });

  it("padding around the label is not part of it", () => {
    const link = one("[[a|  padded  ]]");
    expect(link.label).toBe("padded");
    expect(stripPositions(link.children)).toEqual([{ type: "text", value: "padded" }]);
    expect(link.children[0].position?.start.offset).toBe(6);
  });

  it("no label means no children", () => {
    expect(one("[[a]]").children).toEqual([]);
    expect(one("[[a|  ]]").children).toEqual([]);
  });

  it("a `*` in a label does not pair with one outside", () => {
    const tree = parseMarkdown("*see [[x|a*b]]*");
    expect(types("*see [[x|a*b]]*")).toEqual(["root", "paragraph", "emphasis", "text", "wikiLink", "text"]);
    expect((linksIn(tree)[0].children[0] as { value: string }).value).toBe("a*b");
  });

  it("links and literal autolinks in a label are flattened to text (no link inside a link)", () => {
    const link = one("[[a|see www.example.com, x@y.com and [q](r)]]");
    expect(stripPositions(link.children)).toEqual([{ type: "text", value: "see www.example.com, x@y.com and q" }]);
  });
});

describe("where wikilinks are not recognised", () => {
  it.each([
    ["inline code", "`[[x]]`", ["root", "paragraph", "inlineCode"]],
    ["fenced code", "```\n[[x]]\n```", ["root", "code"]],
    ["indented code", "    [[x]]", ["root", "code"]],
    ["inline HTML comment", "a <!-- [[x]] --> b", ["root", "paragraph", "text", "html", "text"]],
    ["block HTML comment", "<!--\n[[x]]\n-->", ["root", "html"]],
    ["raw HTML block", "<div>\n[[x]]\n</div>", ["root", "html"]],
    ["inline HTML attribute", 'a <span title="[[x]]">', ["root", "paragraph", "text", "html"]],
    ["escaped bracket", "\\[[x]]", ["root", "paragraph", "text"]],
    ["line ending inside", "[[a\nb]]", ["root", "paragraph", "text"]],
    ["line ending in the label", "[[a|b\nc]]", ["root", "paragraph", "text"]],
    ["[ in the target", "[[a[b]]", ["root", "paragraph", "text"]],
    ["] in the target", "[[a]b]]", ["root", "paragraph", "text"]],
    ["] in the heading", "[[a#b]c]]", ["root", "paragraph", "text"]],
    ["unclosed", "[[a|b", ["root", "paragraph", "text"]],
    ["]] without [[", "a ]] b", ["root", "paragraph", "text"]],
  ])("%s", (_name, source, expected) => {
    expect(types(source)).toEqual(expected);
    expect(types(source, false)).toEqual(expected);
  });

  it("the escaped bracket stays literal text", () => {
    const tree = parseMarkdown("\\[[x]]");
    expect(tree.children[0]).toMatchObject({ children: [{ type: "text", value: "[[x]]" }] });
  });
});

describe("other bracket syntax still works", () => {
  it("images, links, references and footnotes", () => {
    const source = "![alt](x.png) [text](url) [ref] x[^1]\n\n[ref]: /r\n\n[^1]: note";
    const seen = types(source);
    for (const type of ["image", "link", "linkReference", "footnoteReference", "footnoteDefinition"]) {
      expect(seen).toContain(type);
    }
    expect(seen).not.toContain("wikiLink");
  });

  it("! not followed by [[ is text or an image", () => {
    expect(types("! [[x]] !x")).toEqual(["root", "paragraph", "text", "wikiLink", "text"]);
    expect(one("! [[x]]").embed).toBe(false);
  });

  it("a link around a wikilink keeps its own markup", () => {
    expect(types("[foo [[x]] bar](url)")).toEqual(["root", "paragraph", "link", "text", "wikiLink", "text"]);
  });

  it("[[a]](url) is a wikilink then text", () => {
    expect(types("[[a]](url)")).toEqual(["root", "paragraph", "wikiLink", "text"]);
  });
});

describe("wikilinks in block and inline containers", () => {
  it.each([
    ["ATX heading", "# Title [[a]]", "heading"],
    ["setext heading", "Title [[a]]\n=====", "heading"],
    ["blockquote", "> quote [[a]]", "blockquote"],
    ["list item", "- item [[a]]", "listItem"],
    ["emphasis", "*see [[a]]*", "emphasis"],
    ["strong", "**see [[a]]**", "strong"],
    ["strikethrough", "~~see [[a]]~~", "delete"],
  ])("%s", (_name, source, container) => {
    const seen = types(source);
    expect(seen).toContain(container);
    expect(seen.indexOf(container)).toBeLessThan(seen.indexOf("wikiLink"));
    expect(one(source).target).toBe("a");
  });

  it("a table cell, with \\| as the separator", () => {
    const source = "| [[a\\|label]] | b |\n|---|---|\n| ![[c#^d\\|e]] | [[#H]] |";
    const tree = parseMarkdown(source);
    const cells: Nodes[] = [];
    visit(tree, "tableCell", (cell) => void cells.push(cell));
    expect(cells).toHaveLength(4);
    expect(cells[0]).toMatchObject({ children: [{ type: "wikiLink", target: "a", label: "label" }] });
    expect(cells[1]).toMatchObject({ children: [{ type: "text", value: "b" }] });
    expect(fields(linksIn(tree)[1])).toEqual({ embed: true, target: "c", block: "d", label: "e" });
    expect(linksIn(tree)[0].position).toEqual({ start: at(1, 3, 2), end: at(1, 15, 14) });
  });

  it("positions on later lines, inside a list item", () => {
    const source = "line one\n\n- item ![[b#H|*l*]]";
    const link = one(source);
    expect(link.position).toEqual({ start: at(3, 8, 17), end: at(3, 20, 29) });
    expect(link.children[0].position?.start).toEqual(at(3, 15, 24));
  });

  it("mid-word, several on a line", () => {
    const found = links("[[a]]b a[[b]]c [[c|C]][[d]]");
    expect(found.map((l) => l.target)).toEqual(["a", "b", "c", "d"]);
    expect(found.map((l) => l.position?.start.column)).toEqual([1, 9, 16, 23]);
  });
});

describe("to-markdown", () => {
  const serialize = (tree: Root): string => toMarkdown(tree, { extensions: [wikilinkToMarkdown(), gfmToMarkdown()] });

  it("writes every part back", () => {
    const source = "[[a]] ![[b#H]] [[#^blk|see *this*]] [[c|d|e]]";
    expect(serialize(parseMarkdown(source))).toBe(`${source}\n`);
  });

  it("round-trips fields", () => {
    const source = "x [[a#H|the *best*]] ![[img.png|200]] [[#^b]] [[ spaced ]] [[a|b\\|c]]";
    const before = links(source).map(fields);
    expect(links(serialize(parseMarkdown(source))).map(fields)).toEqual(before);
  });

  it("escapes | inside a table cell", () => {
    // In a cell every `|` of the link is escaped, or GFM would split the cell there.
    const source = "| [[a\\|b\\|c]] | x |\n| - | - |\n| [[d]] | y |";
    const out = serialize(parseMarkdown(source));
    expect(out).toContain("[[a\\|b\\|c]]");
    expect(links(out).map(fields)).toEqual([
      { embed: false, target: "a", label: "b\\|c" },
      { embed: false, target: "d" },
    ]);
  });

  it("escapes a `!` in the text before a link, so it does not become an embed", () => {
    const link: WikiLink = { type: "wikiLink", embed: false, target: "a", children: [] };
    const paragraph: Nodes = { type: "paragraph", children: [{ type: "text", value: "hey!" }, link] };
    const out = serialize({ type: "root", children: [paragraph] });
    expect(out).toBe("hey\\![[a]]\n");
    expect(one(out).embed).toBe(false);
  });

  it("serializes children as the label when there is no raw label", () => {
    const link: WikiLink = {
      type: "wikiLink",
      embed: false,
      target: "a",
      children: [{ type: "emphasis", children: [{ type: "text", value: "x]]y" }] }],
    };
    const out = serialize({ type: "root", children: [{ type: "paragraph", children: [link] }] });
    expect(out).toBe("[[a|*x\\]\\]y*]]\n");
    expect(stripPositions(one(out).children)).toEqual(link.children);
  });
});

describe("properties", () => {
  const pieces = [..."[]!|#^\\`*_<>-\n \tab".split(""), "[[", "]]", "![[", "\\|", "<!--", "-->", "```", "    "];
  const noisy = fc
    .array(fc.constantFrom(...pieces, "www.", "@x.co", "~~", "[^1]", "[^1]: "), { maxLength: 80 })
    .map((parts) => parts.join(""));

  it("never throws, with gfm on and off", () => {
    fc.assert(
      fc.property(noisy, fc.boolean(), (source, gfm) => {
        parseMarkdown(source, { gfm });
      }),
      { numRuns: 3000 },
    );
  });

  it("every wikiLink's position is inside the source and spans [[…]] or ![[…]]", () => {
    fc.assert(
      fc.property(noisy, fc.boolean(), (source, gfm) => {
        for (const link of links(source, gfm)) {
          const start = link.position?.start.offset ?? -1;
          const end = link.position?.end.offset ?? -1;
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(source.length);
          const text = source.slice(start, end);
          expect(text.startsWith(link.embed ? "![[" : "[[")).toBe(true);
          expect(text.endsWith("]]")).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  const word = (chars: string, minLength = 0) =>
    fc.array(fc.constantFrom(...chars.split("")), { minLength, maxLength: 12 }).map((c) => c.join(""));
  const target = word("abcXYZ019 -._()'/");
  const heading = word("abcXYZ019 -._#'").filter((h) => h.trim() !== "" && !h.trim().startsWith("^"));
  const label = word("abcXYZ019 -._*`|#<>!").filter((l) => l.trim() !== "");

  it("recovers target, heading and label of generated well-formed links", () => {
    fc.assert(
      fc.property(target, heading, label, fc.boolean(), word("ab .,"), (t, h, l, embed, around) => {
        const source = `x${around}${embed ? "!" : ""}[[${t}#${h}|${l}]]${around}`;
        const link = one(source);
        expect(fields(link)).toEqual({ embed, target: t.trim(), heading: h.trim(), label: l.trim() });
      }),
      { numRuns: 1000 },
    );
  });

  it("to-markdown then parse gives the same fields", () => {
    const node = fc.record({
      embed: fc.boolean(),
      target: target.map((t) => t.trim()),
      heading: fc.option(heading.map((h) => h.trim()), { nil: undefined }),
      block: fc.option(word("abc019-", 1), { nil: undefined }),
      label: fc.option(label.map((l) => l.trim()), { nil: undefined }),
    });
    fc.assert(
      fc.property(node, ({ embed, target: t, heading: h, block, label: l }) => {
        const link: WikiLink = { type: "wikiLink", embed, target: t, children: [] };
        if (block !== undefined) link.block = block;
        else if (h !== undefined) link.heading = h;
        if (l !== undefined) link.label = l;
        const out = toMarkdown({ type: "root", children: [{ type: "paragraph", children: [link] }] }, {
          extensions: [wikilinkToMarkdown()],
        });
        expect(fields(one(out))).toEqual(fields(link));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("properties of the whole per-file parse (parse-note.ts)", () => {
  // Link syntax, raw HTML (safe and not), containers, emphasis runs, frontmatter fences: what hostile notes are made of.
  const pieces = [
    ..."[]!|#^\\`*_<>-\n \tab=\"'".split(""),
    "[[", "]]", "![[", "\\|", "[[a|", "[[#", "#^b]]", "<!--", "-->", "```\n", "    ", "> ", "- ", "1. ", "\r\n",
    "<b>", "</b>", "<div>", "</div>", "<details>", "<summary>", "<script>", "</script>", "<style>", "<iframe src=\"https://x.org\">",
    "<iframe src=\"/graph/\">", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">", "<svg onload=alert(1)>",
    " onclick=\"alert(1)\"", "javascript:", "data:text/html,", "[x](javascript:alert(1))", "![x](evil.svg)", "\uE000", "\uE001",
    "---\n", "title: x\n", "**", "***", "\u0000", "&lt;", "&#x3c;",
  ];
  const note = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(""));
  // A fixed seed: the same 3,000 inputs every run. Random ones can trip a development-mode assertion inside
  // mdast-util-gfm-task-list-item (see markdown-gfm.test.ts), upstream's and only loaded by the test runner, which
  // would make a run fail by chance; a failure here must mean our code changed.
  const runs = { numRuns: 3000, seed: 1302 };

  // An Obsidian vault's notes go through the same parse with Obsidian's syntax on top (frontmatter optional, comments,
  // callouts, math, block ids, embeds on their own line, section and block marks in the template).
  const obsidianNote = fc
    .array(fc.constantFrom(...pieces, "%%", "==", "#tag", "#a/b", "> [!note] T\n", "> [!tip]- T\n", "$", "$$", "$x^2$", " ^blk", "^blk\n", "![[x]]\n", "![[x#^blk]]", "[[#^blk]]", "## H\n", "[^1]", "[^1]: f\n"), { maxLength: 60 })
    .map((p) => p.join(""));
  const modes = [
    ["a typed note", note, false],
    ["an Obsidian note", obsidianNote, true],
  ] as const;

  it.each(modes)("never throws, gives each link at most one template slot, and places every link and finding inside the file: %s", (_what, arbitrary, obsidian) => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const parsed = parseNote(text, { obsidian });
        const slots = parsed.html.slots ?? parsed.links.map((_l, i) => i);
        expect(parsed.html.chunks).toHaveLength(slots.length + 1);
        expect(new Set(slots).size).toBe(slots.length);
        for (const i of slots) expect(i).toBeLessThan(parsed.links.length);
        expect(parsed.html.labels).toHaveLength(parsed.links.length);
        const lines = text.split("\n").length;
        for (const f of [...parsed.links, ...parsed.unsafeHtml, ...parsed.unsafeUrls, ...(parsed.tooDeep ? [parsed.tooDeep] : [])]) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines);
          expect(f.column).toBeGreaterThanOrEqual(1);
        }
        // Section and block marks are places inside the chunks.
        for (const [, c, o] of parsed.html.sections ?? []) expect(o).toBeLessThanOrEqual(parsed.html.chunks[c].length);
        for (const [, c, o, c2, o2] of parsed.html.blocks ?? []) {
          expect(o).toBeLessThanOrEqual(parsed.html.chunks[c].length);
          expect(o2).toBeLessThanOrEqual(parsed.html.chunks[c2].length);
          expect(c2 > c || (c2 === c && o2 >= o)).toBe(true);
        }
      }),
      runs,
    );
  });

  it.each(modes)("leaves nothing that runs in the HTML: no script, no event handler, no script URL, no marker: %s", (_what, arbitrary, obsidian) => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const { html } = parseNote(text, { obsidian });
        const out = [...html.chunks, ...html.labels.filter((l): l is string => l !== null)].join("");
        // Text is escaped, so `<` only ever starts a tag here: a tag with a handler or a script URL is a real one.
        expect(out).not.toMatch(/<script|<style|<svg|<object|<embed/i);
        expect(out).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
        expect(out).not.toMatch(/<[^>]*\s(href|src)\s*=\s*"?\s*(javascript|data):/i);
        expect(out).not.toMatch(/<iframe(?![^>]*src="https:\/\/)/i);
        // U+E002 is an Obsidian note's mark for the site's base, filled in by the page (transclude.ts).
        expect(out).not.toMatch(/[\uE000\uE001\uE003-\uE006\u0000]/);
      }),
      runs,
    );
  });

  it("reports every unsafe thing in raw HTML it removed", () => {
    // Raw HTML only, with words and line breaks between: no code or link syntax that would make the tags text.
    const html = fc
      .array(fc.constantFrom("<b>", "</b>", "<b onclick=\"x()\">", "<script>", "</script>", "<style>", "<svg onload=x>", "<a href=\"javascript:x\">", "<a href=\"https://x.org\">", "</a>", "<div>", "</div>", "word", " word ", "\n", "\n\n"), { maxLength: 30 })
      .map((p) => p.join(""));
    fc.assert(
      fc.property(html, (body) => {
        const parsed = parseNote(`---\ntitle: x\n---\n${body}`);
        const unsafe = /<b onclick|<script>|<style>|<svg|javascript:/.test(body);
        expect(parsed.unsafeHtml.length > 0, body).toBe(unsafe);
      }),
      runs,
    );
  });
});
