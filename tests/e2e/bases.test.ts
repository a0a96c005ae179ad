/**
 * Obsidian's Bases through the real commands, on a small vault (tests/fixtures/bases): `npm run check` reports each
 * broken base at file:line:col, and `npm run build` publishes a `.base` file as a page (every view), a ```base block
 * in place, and `![[Library.base#Reading list]]` as that view, evaluated at build time as plain HTML.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, ROOT, runScript } from "../helpers/cli.ts";

const VAULT = join(ROOT, "tests/fixtures/bases");

/** The note body of a built page (up to the page's own script). */
function body(html: string): string {
  const start = html.indexOf('<div class="note-body"');
  return html.slice(start, html.indexOf('<script type="module"', start));
}

describe("bases, checked", () => {
  it("reports every problem of a broken base where it is written, as warnings in an Obsidian vault", () => {
    const r = runScript("check", ["--format", "json"], { CONTENT_DIR: VAULT });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { errors: number; diagnostics: { file: string; line: number; column: number; severity: string; rule: string; message: string }[] };
    const seen = report.diagnostics.map((d) => `${d.file.replace(/^.*tests\/fixtures\/bases\//, "")}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
    expect(seen).toEqual([
      "Broken.base:1:1 warning base unknown key `colour`",
      "Broken.base:3:9 warning base the formula `bad`: there is no function `nosuch()`",
      "Broken.base:4:10 warning base the formula `typo`: a file has no property `nme` (it has name, basename, path, folder, ext, size, ctime, mtime, tags, links, backlinks, embeds, properties, file)",
      "Broken.base:5:11 warning base the formula `wrong` fails: `*` needs numbers, not a string and a number",
      "Broken.base:13:23 warning base the view's filter does not parse: Expected expression after >",
      "Notes/Bad block.md:6:20 warning base not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });
});

describe("bases, built", () => {
  let out: string;
  const page = (path: string) => readFileSync(join(out, path, "index.html"), "utf8");
  beforeAll(() => {
    out = buildSite(VAULT);
  }, 120_000);

  it("gives a .base file a page with every view: a sortable table with summaries, grouped cards, a list, and a map it does not publish", () => {
    const html = body(page("library"));
    expect(html).toContain('<h2 class="base-view-name" id="all-books">All books</h2>');
    expect(html).toContain('<table class="base-table" data-table-tools="" aria-label="All books">');
    // Columns in the view's order, with their display names; rows by rating, highest first.
    expect([...html.matchAll(/<th scope="col" data-key="[^"]*"[^>]*>([^<]*)<\/th>/g)].slice(0, 6).map((m) => m[1])).toEqual(["Name", "author", "Stars", "pages", "Rating per 1000 pages", "finished"]);
    const table = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    expect([...table.matchAll(/<tr><td><a href="([^"]+)"/g)].map((m) => m[1])).toEqual(["/books/dune/", "/books/neuromancer/", "/books/emma/"]);
    // A property holding a link is a link to the note; a formula; a date.
    expect(table).toContain('<a href="/people-2/frank-herbert/" class="wikilink">Frank Herbert</a>');
    expect(table).toContain('<td data-sort="12.14">12.14</td>');
    expect(table).toContain('<time datetime="2024-05-01">2024-05-01</time>');
    // Summaries: a default one, a custom one (a formula over `values`), the latest date.
    expect(html).toContain('<span class="base-summary-name">Average </span>4</td>');
    expect(html).toContain('<span class="base-summary-name">total </span>1157</td>');
    expect(html).toContain('<h4 class="base-group">done<span class="count"> 2</span></h4>');
    expect(html).toContain("Emma (3/5)");
    expect(html).toContain('"Where" is a map view, which this site does not publish');
  });

  it("renders a ```base block in place, and one that matches nothing says so", () => {
    const html = body(page("reading"));
    expect(html).toContain('<section class="base-view base-view-table" data-view="Long or linked"><p class="base-count">1 result</p>');
    expect(html).toContain('<span class="base-item">#book/classic</span>');
    expect(html).toContain("No notes match this view's filters.");
    expect(html).not.toContain("```");
  });

  it("embeds a base's view by its name, with a link to the base", () => {
    const html = body(page("reading"));
    expect(html).toContain('<p class="base-source"><a href="/library/" class="wikilink embed" data-slug="library">Library</a> › Reading list</p>');
    const embed = html.slice(html.indexOf('<div class="base base-embed">'), html.indexOf("</div>", html.indexOf('<div class="base base-embed">')));
    expect(embed).toContain('<a href="/books/neuromancer/" class="wikilink">Neuromancer</a>');
    expect(embed).not.toContain("Dune");
  });

  it("shows a broken base's problems on its page, and a failing cell's error in the cell", () => {
    const html = body(page("broken"));
    expect(html).toContain("This base has 2 problems");
    expect(html).toContain('<span class="base-error" title="&#x60;*&#x60; needs numbers, not a string and a number">');
    expect(body(page("notes-2/bad-block"))).toContain("This base has a problem");
  });
});
