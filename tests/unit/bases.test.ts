/**
 * Obsidian's Bases (src/lib/bases/): the expression language as a table of expressions and their values (date
 * arithmetic, list methods with value/index/acc, files, links), errors with their places, a property test that no
 * text ever throws out of the evaluator; the YAML read with positions; filters, sort, groups, limits and summaries
 * over a real vault loaded by the loader, as `npm run build` loads it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, evaluateText, parseExpression, staticProblems, type Scope } from "../../src/lib/bases/expr.ts";
import { defaultSummary, runBase, type Cell } from "../../src/lib/bases/evaluate.ts";
import { BaseWorld } from "../../src/lib/bases/files.ts";
import { parseBase } from "../../src/lib/bases/parse.ts";
import { BaseError, BDate, BFile, BRow, toText, type FileSource, type Value } from "../../src/lib/bases/values.ts";
import { Bases } from "../../src/lib/bases/index.ts";
import { checkVault } from "../helpers/vault.ts";

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

function fakeFile(path: string, props: Record<string, Value>, tags: string[] = [], links: string[] = []): BFile {
  const source: FileSource = {
    key: path,
    path,
    title: path.replace(/^.*\//, "").replace(/\.md$/, ""),
    properties: () => new Map(Object.entries(props)),
    field: (name) => (name === "tags" ? tags.map((t) => `#${t}`) : name === "size" ? 1234 : name === "mtime" ? new BDate(Date.UTC(2025, 0, 10), true) : null),
    tags: () => tags,
    linksTo: (key) => links.includes(key),
  };
  return new BFile(source);
}

const other = fakeFile("People/Herbert.md", { born: new BDate(Date.UTC(1920, 9, 8), false) });
const row = fakeFile("Books/Dune.md", { price: 12.5, rating: 5, status: "done", tags: ["sf", "classic"], author: "Frank", started: new BDate(Date.UTC(2024, 11, 1), false), nested: null }, ["book/scifi", "fav"], ["People/Herbert.md"]);
const scope = (): Scope => ({
  env: { now: NOW, resolve: (t) => (t === "Herbert" || t === "People/Herbert.md" ? other : null) },
  row,
  self: new BRow(other),
  formula: (name) => (name === "double" ? 25 : (() => { throw new BaseError(`no formula ${name}`); })()),
});
const value = (text: string) => toText(evaluateText(text, scope()));

describe("expressions", () => {
  const table: [string, string][] = [
    // arithmetic, comparison, boolean
    ["price * 2 + 1", "26"],
    ["(rating - 1) % 3", "1"],
    ["rating > 4 && status == \"done\"", "true"],
    ["!(rating >= 5) || false", "false"],
    ["status != 'reading'", "true"],
    ["1 / 0", "Infinity"],
    ["rating > 4 ? \"good\" : \"bad\"", "good"],
    // properties: bare, note., note[""], formula., file.*
    ["note.price + note[\"rating\"]", "17.5"],
    ["missing", ""],
    ["missing > 3", "false"],
    ["formula.double / 5", "5"],
    ["file.name", "Dune.md"],
    ["file.basename + '|' + file.folder + '|' + file.ext + '|' + file.path", "Dune|Books|md|Books/Dune.md"],
    ["file.size", "1234"],
    ["file.tags", "#book/scifi, #fav"],
    ["file.hasTag(\"book\")", "true"],
    ["file.hasTag(\"#book/scifi\", \"x\")", "true"],
    ["file.hasTag(\"scifi\")", "false"],
    ["file.inFolder(\"Books\")", "true"],
    ["file.inFolder(\"Book\")", "false"],
    ["file.hasProperty(\"price\")", "true"],
    ["file.hasLink(\"Herbert\")", "true"],
    ["file.hasLink(this.file)", "true"],
    ["this.file.name", "Herbert.md"],
    ["this.born.year", "1920"],
    ["file.asLink(\"shown\")", "shown"],
    ["file.properties.keys().length", "7"],
    // dates and durations
    ["date(\"2024-12-01\") + \"1M\" + \"4h\" + \"3m\"", "2025-01-01 04:03:00"],
    ["date(\"2024-01-31\") + \"1 month\"", "2024-02-29"],
    ["date(\"2025-01-01\") - \"2 weeks\"", "2024-12-18"],
    ["(now() + \"1d\") - now()", "86400000"],
    ["now() - \"1 week\"", "2025-01-08 12:00:00"],
    ["today()", "2025-01-15"],
    ["file.mtime > now() - \"1 week\"", "true"],
    ["started < date(\"2025-01-01\")", "true"],
    ["started.year + \"-\" + started.month + \"-\" + started.day", "2024-12-1"],
    ["date(\"2025-03-04 05:06:07\").format(\"dddd, Do MMMM YYYY [at] HH:mm:ss\")", "Tuesday, 4th March 2025 at 05:06:07"],
    ["date(\"2025-03-04 05:06:07\").date()", "2025-03-04"],
    ["date(\"2025-03-04 05:06:07\").time()", "05:06:07"],
    ["date(\"2025-01-12 12:00\").relative()", "3 days ago"],
    ["duration(\"5h\") * 2", "10 hours"],
    ["now() + (duration(\"1d\") * 2)", "2025-01-17 12:00:00"],
    // strings
    ["\"hello world\".title()", "Hello World"],
    ["\"Hello\".lower() + \"x\".repeat(3)", "helloxxx"],
    ["\"a,b,c\".split(\",\").length", "3"],
    ["\"a1b22c\".split(/[0-9]+/, 2)", "a, b"],
    ["\"hello\".replace(/l+/, \"L\")", "heLo"],
    ["\"hello\".replace(\"l\", \"L\")", "heLLo"],
    ["\"hello\".slice(1, 3) + \"hello\".reverse()", "elolleh"],
    ["\"hello\".containsAny(\"x\", \"ell\") && \"hello\".containsAll(\"h\", \"o\")", "true"],
    ["\"hello\".length", "5"],
    ["\"  x \".trim().isEmpty()", "false"],
    ["/^d/i.matches(file.basename)", "true"],
    // numbers
    ["(2.3333).round(2)", "2.33"],
    ["(2.5).round()", "3"],
    ["price.toFixed(1)", "12.5"],
    ["(-3.7).abs().floor()", "3"],
    ["number(\"42\") + 1", "43"],
    ["max(1, 5, 3) - min(4, 2)", "3"],
    // lists with value, index, acc
    ["[1, 2, 3, 4].filter(value > 2)", "3, 4"],
    ["[1, 2, 3].map(value * index)", "0, 2, 6"],
    ["[1, 2, 3].reduce(acc + value, 10)", "16"],
    ["[3, 1, 2].sort().reverse().join(\"-\")", "3-2-1"],
    ["[[1, 2], [3]].flat().length", "3"],
    ["[1, 1, 2].unique()", "1, 2"],
    ["tags.contains(\"sf\") && tags.containsAll(\"sf\", \"classic\")", "true"],
    ["tags[0] + tags[-1]", "sfclassic"],
    ["list(\"one\").length + list(tags).length", "3"],
    ["[1, 2, 3].slice(1).mean()", "2.5"],
    ["tags.map(value.upper()).filter(index > 0)", "CLASSIC"],
    // links, objects, misc
    ["link(\"Herbert\") == this", "true"],
    ["link(\"Herbert\").asFile().name", "Herbert.md"],
    ["link(\"https://example.org\", \"site\")", "site"],
    ["{\"a\": 1, \"b\": [2]}.values().flat().length", "2"],
    ["{\"a\": 1}.isEmpty()", "false"],
    ["if(price, price.toFixed(2) + \" dollars\")", "12.50 dollars"],
    ["if(missing, 1)", ""],
    ["price.isType(\"number\") && status.isType(\"string\")", "true"],
    ["escapeHTML(\"<b>\")", "&lt;b&gt;"],
    ["icon(\"plus\")", "plus"],
    ["image(\"cover.png\")", "cover.png"],
    ["html(\"<b>x</b>\")", "<b>x</b>"],
    ["random() < 1", "true"],
  ];
  it.each(table)("%s → %s", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it("fails with a message and, for a parse, the character where", () => {
    const fails = (text: string) => {
      try {
        evaluateText(text, scope());
      } catch (err) {
        expect(err).toBeInstanceOf(BaseError);
        return { message: (err as BaseError).message, at: (err as BaseError).at?.start };
      }
      throw new Error(`${text} did not fail`);
    };
    expect(fails("1 +")).toEqual({ message: "Expected expression after +", at: 3 });
    expect(fails("price >> 2").at).toBe(7);
    expect(fails("a b").message).toBe("two expressions with no operator between them");
    expect(fails("nosuch(1)").message).toBe("there is no function `nosuch()`");
    expect(fails("price.lower()").message).toBe("a number has no method `lower()`");
    expect(fails("status * 2").message).toBe("`*` needs numbers, not a string and a number");
    expect(fails("date(\"yesterday\")").message).toContain("is not a date");
    expect(fails("date(\"2025-01-01\") + 3 * true").message).toContain("needs numbers");
    expect(fails("\"x\".repeat(10000000)").message).toContain("too long");
    expect(fails("if(1)").message).toBe("if() takes 2 to 3 arguments, not 1");
    expect(fails('/(a+)+$/.matches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")').message).toContain("can take exponential time; it is not run");
    expect(fails("formula.nope").message).toBe("no formula nope");
    expect(fails("[1,2,3].map([1,2,3].map([1,2,3].map([1,2,3].map([1,2,3].map([1,2,3].map([1,2,3].map([1,2,3].map([1,2,3].map([1,2,3].map([1,2,3].map([1,2,3].map([1,2,3].map(value)))))))))))))").message).toContain("too much work");
  });

  it("finds unknown functions, formulas, file properties and note properties before running, at their character", () => {
    const p = parseExpression("foo(file.nme) + formula.q + x.lower2() + note.known");
    if (!p.ok) throw new Error("should parse");
    const problems = staticProblems(p, { formulas: new Set(), knownProperty: (n) => n === "known" });
    expect(problems.map((x) => `${x.index} ${x.message}`)).toEqual([
      "0 there is no function `foo()`",
      "4 a file has no property `nme` (it has name, basename, path, folder, ext, size, ctime, mtime, tags, links, backlinks, embeds, properties, file)",
      "16 there is no formula `q` in this base",
      "30 there is no function `lower2()`",
      "28 no note in the vault has the property `x`",
    ]);
  });

  it("parses each expression once (a cache by text)", () => {
    expect(parseExpression("rating + 1")).toBe(parseExpression("rating + 1"));
  });

  it("never throws anything but a BaseError, and never runs JavaScript, whatever the text", () => {
    const pieces = ["file", ".", "name", "(", ")", "[", "]", "\"x\"", "'y'", "1", "2.5", "+", "-", "*", "/", "%", "==", "!=", ">", "<", "&&", "||", "!", ",", "?", ":", "this", "constructor", "__proto__", "prototype", "toString", "valueOf", "eval", "Function", "process", "globalThis", "map", "filter", "reduce", "value", "acc", "{", "}", "/a+/g", "date", "now", "\"1d\"", "list", "note", "formula", "x", " "];
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((p) => p.join("")));
    fc.assert(
      fc.property(text, (t) => {
        const before = Object.getOwnPropertyNames(Object.prototype).length;
        try {
          evaluateText(t, scope());
        } catch (err) {
          if (!(err instanceof BaseError)) throw err;
        }
        expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(before);
      }),
      { numRuns: 1500 },
    );
  });

  it("reads no JavaScript property through a name: an object's keys are its own", () => {
    expect(value("{\"a\": 1}.constructor")).toBe("");
    expect(value("{\"a\": 1}[\"__proto__\"]")).toBe("");
    expect(() => evaluateText("\"x\".constructor", scope())).toThrow(BaseError);
    expect(() => evaluateText("file.constructor", scope())).toThrow(BaseError);
    expect(() => evaluateText("[1].constructor", scope())).toThrow(BaseError);
    const p = parseExpression("1");
    expect(p.ok && evaluate(p.ast, scope())).toBe(1);
  });
});

describe("a base's YAML", () => {
  it("is read with each problem at its line and column, expressions placed at their character", () => {
    const spec = parseBase(["filters:", "  and:", "    - 'rating >> 3'", "    - file.hasTag(\"a\")", "colour: blue", "views:", "  - type: tabel", "    name: T", "    limit: -1", "    summaries:", "      rating: Averidge", "    sort:", "      - property: rating", "        direction: UP"].join("\n"), { line: 10, column: 2 });
    expect(spec.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      "12:18 the filter does not parse: Expected expression after >",
      "14:3 unknown key `colour`",
      "16:13 `tabel` is not a view type this site publishes",
      "18:14 `limit` is a whole number above 0",
      "20:17 there is no summary `Averidge`",
      "23:22 a direction is `ASC` or `DESC`",
    ]);
    expect(spec.views[0].sort).toEqual([{ property: "rating", direction: "ASC" }]);
  });

  it("says where YAML is not valid", () => {
    const spec = parseBase("views:\n  - name: [unclosed\n");
    expect(spec.problems[0].message).toMatch(/^not valid YAML/);
    expect(spec.problems[0].line).toBe(3);
  });

  it("reads filters as a string or nested and/or/not, formulas, properties with display names, summaries and views", () => {
    const spec = parseBase(`filters: 'x > 1'
formulas:
  f: "x * 2"
properties:
  formula.f:
    displayName: Double
summaries:
  s: "values.length"
views:
  - type: cards
    name: C
    filters:
      not:
        - 'x == 3'
        - or: ['x == 4', 'x == 5']
    groupBy:
      property: g
      direction: DESC
    order: [file.name, formula.f]
    limit: 3
    summaries:
      formula.f: s
`);
    expect(spec.problems).toEqual([]);
    expect(spec.formulas.get("f")?.text).toBe("x * 2");
    expect(spec.properties.get("formula.f")).toEqual({ displayName: "Double" });
    const v = spec.views[0];
    expect([v.type, v.name, v.limit, v.groupBy, v.order, v.summaries]).toEqual(["cards", "C", 3, { property: "g", direction: "DESC" }, ["file.name", "formula.f"], [["formula.f", "s"]]]);
    expect(JSON.stringify(v.filters, (k, x) => (k === "parsed" || k === "line" || k === "column" ? undefined : x))).toBe('{"op":"not","items":[{"expr":{"text":"x == 3"}},{"op":"or","items":[{"expr":{"text":"x == 4"}},{"expr":{"text":"x == 5"}}]}]}');
  });
});

describe("a base over a vault", () => {
  const vault = () =>
    checkVault({
      "atlas.yml": "notes: obsidian\n",
      "Books/Dune.md": "---\ntags: [book, scifi]\nauthor: \"[[Frank Herbert]]\"\nrating: 5\npages: 412\nstatus: done\nfinished: 2024-05-01\n---\nA desert.\n",
      "Books/Neuromancer.md": "---\ntags: [book/scifi]\nrating: 4\npages: 271\nstatus: reading\n---\n",
      "Books/Emma.md": "---\ntags: [book/classic]\nrating: 3\npages: 474\nstatus: done\nfinished: 2023-11-20\n---\n",
      "Books/Unrated.md": "---\ntags: [book]\npages: 100\nstatus: reading\n---\n",
      "Frank Herbert.md": "Wrote [[Dune]].\n",
    });
  const cells = (c: Cell[]) => c.map((x) => ("value" in x ? toText(x.value) : `ERR ${x.error}`));

  it("filters (the base's and the view's, joined with AND), sorts with empties last, limits and summarises", async () => {
    const { vault: v } = await vault();
    const world = new BaseWorld(v, { now: NOW });
    const spec = parseBase(`filters:
  and:
    - file.inFolder("Books")
    - file.hasTag("book")
formulas:
  per: "(rating / pages * 1000).round(1)"
summaries:
  total: "values.reduce(acc + value, 0)"
views:
  - type: table
    name: By rating
    order: [file.name, rating, pages, formula.per, finished]
    sort:
      - property: rating
        direction: DESC
    summaries:
      rating: Average
      pages: total
      finished: Latest
  - type: list
    name: Reading
    filters: 'status != "done"'
    limit: 1
    sort:
      - property: file.name
        direction: DESC
`);
    expect(spec.problems).toEqual([]);
    const run = runBase(spec, world, { view: "all" });
    expect(run.errors).toEqual([]);
    const [table, list] = run.views;
    expect(table.groups[0].rows.map((r) => cells(r.cells))).toEqual([
      ["Dune", "5", "412", "12.1", "2024-05-01"],
      ["Neuromancer", "4", "271", "14.8", ""],
      ["Emma", "3", "474", "6.3", "2023-11-20"],
      ["Unrated", "", "100", "", ""],
    ]);
    expect(table.summaries.map((s) => (s ? cells([s])[0] : "-"))).toEqual(["-", "4", "1257", "-", "2024-05-01"]);
    expect(list.matched).toBe(2);
    expect(list.groups[0].rows.map((r) => r.file.source.title)).toEqual(["Unrated"]);
  });

  it("groups by a property, each group with its summaries; a link property is a link to the note", async () => {
    const { vault: v } = await vault();
    const world = new BaseWorld(v, { now: NOW });
    const spec = parseBase(`views:
  - type: table
    name: G
    filters: file.hasTag("book")
    order: [file.name, author, pages]
    groupBy:
      property: status
      direction: DESC
    summaries:
      pages: Sum
`);
    const [g] = runBase(spec, world).views;
    expect(g.groups.map((x) => [toText(x.key ?? null), x.rows.map((r) => r.file.source.title), x.summaries.map((s) => (s ? cells([s])[0] : "-"))])).toEqual([
      ["reading", ["Neuromancer", "Unrated"], ["-", "-", "371"]],
      ["done", ["Dune", "Emma"], ["-", "-", "886"]],
    ]);
    const author = g.groups[1].rows[0].cells[1] as { value: Value };
    expect(toText(author.value)).toBe("Frank Herbert");
    expect((author.value as { file: BFile | null }).file?.source.path).toBe("Frank Herbert.md");
  });

  it("shows a failing cell's error and reports it once", async () => {
    const { vault: v } = await vault();
    const run = runBase(parseBase("formulas:\n  bad: 'status * 2'\nviews:\n  - type: table\n    order: [formula.bad]\n"), new BaseWorld(v, { now: NOW }));
    expect(cells(run.views[0].groups[0].rows[0].cells)).toEqual(["ERR `*` needs numbers, not a string and a number"]);
    expect(run.errors.map((e) => `${e.what}: ${e.message} @${e.expr?.line}:${e.expr?.column}`)).toEqual(["the formula `bad`: `*` needs numbers, not a string and a number @2:9"]);
  });

  it("renders a table for table-tools, cards, a list, a map that says it is not published, and an empty view, all escaped", async () => {
    const { vault: v } = await vault();
    const bases = new Bases(v, { href: (s) => `/${s}/`, now: NOW });
    const spec = `formulas:
  x: '"<script>" + rating'
  h: 'html("<b>bold</b><img src=x onerror=alert(1)><script>alert(2)</script>")'
views:
  - type: table
    name: T
    filters: file.hasTag("book")
    order: [file.name, formula.x, pages, formula.h]
  - type: cards
    name: C
    filters: 'rating == 5'
  - type: list
    name: L
    filters: 'rating == 5'
  - type: map
    name: M
  - type: table
    name: Nothing
    filters: 'rating > 10'
`;
    const host = v.notes.find((n) => n.title === "Dune")!;
    host.parsed.bases = [{ text: spec, line: 1, column: 0 }];
    const html = bases.block(host, 0);
    expect(html).toContain('<table class="base-table" data-table-tools="" aria-label="T">');
    expect(html).toContain('<th scope="col" data-key="pages" data-sort-type="number">pages</th>');
    expect(html).toContain("&#x3C;script>5");
    expect(html).not.toContain("<script>");
    // html() goes through the notes' sanitizer: the markup stays, what could run does not.
    expect(html).toContain("<b>bold</b>");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("alert(2)");
    expect(html).toContain('<ul class="base-cards"><li class="base-card"><p class="base-card-title"><a href="/books/dune/" class="wikilink">Dune</a></p>');
    expect(html).toContain('<ul class="base-list"><li><a href="/books/dune/" class="wikilink">Dune</a></li></ul>');
    expect(html).toContain("is a map view, which this site does not publish");
    expect(html).toContain("No notes match this view's filters.");
    expect(bases.count).toBe(1);
  });
});

describe("bases as real vaults write them (kepano/kepano-obsidian, by Obsidian's CEO)", () => {
  it("reads the first releases' forms: `column:` in a sort, display names under a top-level `display:`", () => {
    const spec = parseBase(`display:
  note.year: Year
views:
  - type: table
    name: T
    sort:
      - column: note.year
        direction: DESC
`);
    expect(spec.problems).toEqual([]);
    expect(spec.properties.get("note.year")?.displayName).toBe("Year");
    expect(spec.views[0].sort).toEqual([{ property: "note.year", direction: "DESC" }]);
  });

  it("reads a property the app keeps as a list (.obsidian/types.json) as a list where a note writes one value", async () => {
    const { vault: v } = await checkVault({
      "atlas.yml": "notes: obsidian\n",
      ".obsidian/types.json": JSON.stringify({ types: { categories: "multitext" } }),
      "Categories/Books.md": "The books.\n",
      "Dune.md": '---\ncategories:\n  - "[[Books]]"\n---\n',
      "Emma.md": '---\ncategories: "[[Books]]"\n---\n',
      "Other.md": '---\ncategories: "[[Elsewhere]]"\n---\n',
    });
    const run = runBase(parseBase(`filters: 'categories.contains(link("Books"))'\nviews:\n  - type: table\n    name: T\n    order: [file.name]\n`), new BaseWorld(v, { now: NOW }));
    expect(run.errors).toEqual([]);
    expect(run.views[0].groups[0].rows.map((r) => r.file.source.title).sort()).toEqual(["Dune", "Emma"]);
  });
});

describe("default summaries", () => {
  const d = (y: number, m: number, day: number) => new BDate(Date.UTC(y, m - 1, day), false);
  it.each([
    ["Average", [1, 2, 3, null], "2"],
    ["Min", [4, 2, 9], "2"],
    ["Max", [4, 2, 9], "9"],
    ["Sum", [4, 2, 9], "15"],
    ["Range", [4, 2, 9], "7"],
    ["Median", [4, 2, 9, 10], "6.5"],
    ["Stddev", [2, 4, 4, 4, 5, 5, 7, 9], "2"],
    ["Earliest", [d(2024, 5, 1), d(2023, 1, 2)], "2023-01-02"],
    ["Latest", [d(2024, 5, 1), d(2023, 1, 2)], "2024-05-01"],
    ["Range", [d(2024, 1, 1), d(2024, 1, 3)], "2 days"],
    ["Checked", [true, false, true, null], "2"],
    ["Unchecked", [true, false, true, null], "1"],
    ["Empty", [1, null, "", []], "3"],
    ["Filled", [1, null, "", "x"], "2"],
    ["Unique", ["a", "b", "a", null], "2"],
  ] as [Parameters<typeof defaultSummary>[0], Value[], string][])("%s of %j is %s", (name, values, expected) => {
    expect(toText(defaultSummary(name, values))).toBe(expected);
  });
});
