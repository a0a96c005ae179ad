/**
 * An Obsidian vault (tests/fixtures/obsidian, no atlas.yml: read as Obsidian reads it), checked and built through the
 * real commands: what the checker says, at which lines, and what the pages show, link by link and embed by embed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, ROOT, runScript, startDevServer } from "../helpers/cli.ts";
import { malformedPages } from "../helpers/crawl.ts";

const VAULT = join(ROOT, "tests/fixtures/obsidian");

/**
 * The body of a built page: from the note body's start to the page's own script after it (a note's script, were
 * one left, would have no `type="module"`), else the local graph, else the end of <main>.
 */
function body(html: string): string {
  const start = html.indexOf('<div class="note-body"');
  const ends = ['<script type="module"', '<section class="local-graph"', "</main>"].map((m) => html.indexOf(m, start)).filter((i) => i > start);
  return html.slice(start, Math.min(...ends));
}

describe("an Obsidian vault, checked", () => {
  it("has warnings only, each where it is written", () => {
    const r = runScript("check", ["--format", "json"], { CONTENT_DIR: VAULT });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { errors: number; diagnostics: { file: string; line: number; column: number; severity: string; rule: string; message: string }[] };
    expect(report.errors).toBe(0);
    const seen = report.diagnostics.map((d) => `${d.file.replace(/^.*tests\/fixtures\/obsidian\//, "")}:${d.line}:${d.column} ${d.severity} ${d.rule}`);
    expect(seen).toEqual([
      "archive/2024/Note.md:1:38 warning ambiguous-link",
      "archive/2024/Note.md:1:74 warning ambiguous-link",
      "Attachments/active.svg:1:1 warning unsafe-attachment",
      "Attachments/active.svg:2:3 warning unsafe-attachment",
      "Embeds/Transclusions.md:35:10 warning broken-link",
      "Embeds/Transclusions.md:35:37 warning broken-link",
      "Formatting/Broken YAML.md:3:3 warning yaml-syntax",
      "Formatting/Properties.md:10:5 warning broken-link",
      "Formatting/Raw HTML.md:3:1 warning sanitized-html",
      "Home.md:7:1 warning ambiguous-link",
      "Home.md:20:18 warning broken-link",
      "Home.md:20:36 warning missing-heading",
      "Home.md:20:78 warning missing-heading",
    ]);
    const message = (at: string) => report.diagnostics.find((d) => `${d.file.replace(/^.*obsidian\//, "")}:${d.line}:${d.column}` === at)!.message;
    expect(message("Home.md:7:1")).toBe("`Note` names 2 files: it links to `dir1/Note.md` (the one with the shortest path), not `archive/2024/Note.md`");
    expect(message("archive/2024/Note.md:1:38")).toContain("links to `archive/2024/Note.md` (the one in this note's folder)");
    expect(message("Embeds/Transclusions.md:35:10")).toBe("embed of missing file `missing image.png`");
    expect(message("Home.md:20:36")).toBe("`Projects/Three laws of motion` has no heading `No such heading`");
    // Raw HTML is sanitized in an Obsidian vault, and each removal said where it was.
    expect(message("Formatting/Raw HTML.md:3:1")).toBe("raw HTML `<script>` was removed from the page");
    // An SVG that would run its script when opened on its own is left out of the site (below).
    expect(message("Attachments/active.svg:2:3")).toBe("a `<script>` element in an SVG: opened on its own, the file could run code on the site, so it is not published");
  });

  it("refuses its unsafe raw HTML when ATLAS_RAW_HTML=refuse says so", () => {
    const r = runScript("check", ["--format", "json"], { CONTENT_DIR: VAULT, ATLAS_RAW_HTML: "refuse" });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; severity: string; rule: string }[] };
    expect(report.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file.replace(/^.*obsidian\//, "")}:${d.line} ${d.rule}`)).toEqual(["Attachments/active.svg:1 unsafe-attachment", "Attachments/active.svg:2 unsafe-attachment", "Formatting/Raw HTML.md:3 unsafe-html"]);
  });
});

describe("an Obsidian vault, built", () => {
  let dist: string;
  const page = (slug: string) => readFileSync(join(dist, slug, "index.html"), "utf8");
  beforeAll(() => {
    dist = buildSite(VAULT);
  });

  it("gives every note a URL-safe address under its folders, distinct for same-named files", () => {
    for (const slug of ["home", "projects", "projects/three-laws-of-motion", "projects/ideas-drafts/cafe-quotes", "projects/ideas-drafts/日本語ノート", "projects/ideas-drafts/party", "dir1/note", "archive/2024/note", "formatting/broken-yaml"]) {
      expect(existsSync(join(dist, slug, "index.html")), slug).toBe(true);
    }
    expect(page("home")).toContain('<a href="/projects/ideas-drafts/%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%83%8E%E3%83%BC%E3%83%88/" class="wikilink"');
  });

  it("resolves links as Obsidian does: any case, .md optional, spaces trimmed, aliases, folder paths", () => {
    const home = body(page("home"));
    const toLaws = home.match(/<a href="\/projects\/three-laws-of-motion\/" class="wikilink" data-slug="projects\/three-laws-of-motion">/g) ?? [];
    // Plain, lower case, `.md`, padded, the alias, and the label with Markdown.
    expect(toLaws.length).toBe(6);
    expect(home).toContain('<a href="/dir1/note/" class="wikilink" data-slug="dir1/note">Note</a> and <a href="/archive/2024/note/" class="wikilink" data-slug="archive/2024/note">Note</a>');
    // The bare shared name goes to the shortest path from the root; from archive/2024, to that folder's own note.
    expect(home).toMatch(/The bare name\n<a href="\/dir1\/note\/"/);
    expect(body(page("archive/2024/note"))).toContain('<a href="/archive/2024/note/" class="wikilink" data-slug="archive/2024/note">myself</a>');
    expect(home).toContain('<a href="/projects/three-laws-of-motion/#first-law" class="wikilink" data-slug="projects/three-laws-of-motion">the first law</a>');
    expect(body(page("projects/ideas-drafts/party"))).toContain('<a href="/home/" class="wikilink" data-slug="home">home</a>');
  });

  it("renders a label's Markdown inside the link and leaves code alone", () => {
    const home = body(page("home"));
    expect(home).toContain('data-slug="projects/three-laws-of-motion"><strong>bold</strong> and <em>italic</em></a>');
    expect(home).toContain("<code>[[Home]]</code>");
  });

  it("links to headings and blocks on other pages and this one, with the block's id on its element and no ^id shown", () => {
    const home = body(page("home"));
    expect(home).toContain('<a href="/projects/three-laws-of-motion/#second-law"');
    expect(home).toContain('<a href="/projects/three-laws-of-motion/#%5Elaw-quote"');
    expect(home).toContain('<a href="/home/#local-heading" class="wikilink" data-slug="home">Local heading</a>');
    expect(home).toContain('<a href="/home/#%5Elocal-block"');
    expect(home).toContain('<p id="^local-block">A paragraph with an id of its own.</p>');
    const laws = body(page("projects/three-laws-of-motion"));
    expect(laws).toContain('<blockquote id="^law-quote">');
    expect(laws).toContain('<li id="^law-item">a listed fact</li>');
    expect(laws).toContain('<p id="^law-first">An object at rest stays at rest.</p>');
    // The markers themselves are not shown: no `^id` in the text, nor a paragraph left for the lone one.
    expect(laws).not.toMatch(/[\s>]\^law-/);
  });

  it("shows links to missing notes and headings as text or a bare page link, never a dead address", () => {
    const home = body(page("home"));
    expect(home).toContain('<span class="wikilink broken" title="Missing note: Missing note">Missing note</span>');
    expect(home).toContain('<a href="/projects/three-laws-of-motion/" class="wikilink broken-heading" data-slug="projects/three-laws-of-motion">Three laws of motion › No such heading</a>');
    expect(home).toContain('<a href="/projects/three-laws-of-motion/" class="wikilink broken-heading" data-slug="projects/three-laws-of-motion">Three laws of motion › ^nope</a>');
    const t = body(page("embeds/transclusions"));
    expect(t).toContain('<span class="wikilink broken" title="Missing file: missing image.png">missing image.png</span>');
    expect(t).toContain('<span class="wikilink broken" title="Missing note: Missing embed">Missing embed</span>');
  });

  it("transcludes a note where it stands, twice when embedded twice, inside quotes and lists too", () => {
    const t = body(page("embeds/transclusions"));
    expect(t.split("<p>Short note body, embedded several times.</p>").length - 1).toBe(4);
    expect(t).toMatch(/<blockquote>\n<p>A quote holding an embed:<\/p>\n<div class="transclusion" data-slug="embeds\/short-note">/);
    expect(t).toMatch(/<li>a list holding an embed:\n<div class="transclusion" data-slug="embeds\/short-note">/);
    // Inline in a sentence, an embed is a link.
    expect(t).toContain('<p>A section: <span class="embed-card"><a href="/projects/three-laws-of-motion/#first-law" class="wikilink embed"');
  });

  it("transcludes a heading's section (the real heading, down to the next of its level) and a block", () => {
    const t = body(page("embeds/transclusions"));
    const section = t.slice(t.indexOf('<p class="transclusion-source"><a href="/projects/three-laws-of-motion/#first-law"'));
    const first = section.slice(0, section.indexOf("</div>"));
    expect(first).toContain("<h2>First law</h2>");
    expect(first).toContain("<p>An object at rest stays at rest.</p>");
    expect(first).toContain("<h3>A detail of the first law</h3>");
    expect(first).not.toContain("Second law");
    expect(first).not.toContain("not a heading"); // the paragraph that only mentions the words
    expect(first).not.toContain(' id="'); // ids belong to the embedded note's own page
    expect(t).toMatch(/#%5Elaw-quote" class="wikilink embed"[^>]*>Three laws of motion › \^law-quote<\/a><\/p><blockquote>\n<p>If I have seen further/);
    expect(t).toContain('Three laws of motion › ^law-item</a></p><ul><li>a listed fact</li></ul></div>');
  });

  it("cuts a real cycle at the repeat with a link, keeping what follows", () => {
    const a = body(page("embeds/cycle-a"));
    expect(a.match(/<p>A starts\.<\/p>/g)?.length).toBe(1);
    expect(a).toContain("<p>B starts.</p>");
    expect(a).toContain('<p>C starts.</p>\n<p class="transclusion-cut"><a href="/embeds/cycle-a/" class="wikilink embed" data-slug="embeds/cycle-a">Cycle A</a></p>\n<p>C after the cut.</p>');
    expect(a).toContain("<p>B ends.</p>");
  });

  it("shows attachments as images, players and a PDF frame, copied into the site", () => {
    const t = body(page("embeds/transclusions"));
    expect(t).toContain('<img src="/files/attachments/diagram.png" alt="diagram.png" loading="lazy" class="embed-image">');
    expect(t).toContain('class="embed-image" width="120">');
    expect(t).toContain('<img src="/files/attachments/logo.svg" alt="the logo"');
    expect(t).toContain('<iframe src="/files/attachments/paper.pdf" class="embed-pdf"');
    expect(t).toContain('<audio controls preload="metadata" src="/files/attachments/sound.mp3"');
    expect(t).toContain('<video controls preload="metadata" src="/files/attachments/clip.mp4"');
    expect(t).toContain('<a href="/files/attachments/paper.pdf" class="wikilink attachment">the paper</a>');
    for (const f of ["diagram.png", "logo.svg", "paper.pdf", "sound.mp3", "clip.mp4"]) {
      expect(readFileSync(join(dist, "files/attachments", f))).toEqual(readFileSync(join(VAULT, "Attachments", f)));
    }
    // Not the SVG with a script: its embed is its name, as for any file the site does not publish.
    expect(existsSync(join(dist, "files/attachments/active.svg"))).toBe(false);
    expect(t).toContain('<span class="wikilink file" title="active.svg is not published">active.svg</span>');
  });

  it("renders callouts, comments, highlights, tags, math, tasks, tables and footnotes", () => {
    const f = body(page("formatting/callouts-and-more"));
    expect(f).toContain('<details class="callout callout-warning">\n<summary class="callout-title">Folded warning</summary>');
    expect(f).toContain('<details class="callout callout-tip" open>\n<summary class="callout-title">Open tip</summary>');
    expect(f).toContain('<div class="callout callout-note">\n<div class="callout-title">Note</div>\n<p>GitHub\'s alert syntax.</p>');
    expect(f).not.toContain("a comment");
    expect(f).not.toContain("several lines");
    expect(f).toContain("and visible after.");
    expect(f).toContain("<mark>Highlighted <strong>text</strong></mark>");
    expect(f).toContain('<a class="tag" href="/tags/nested/tag/">#nested/tag</a> but not #123.');
    expect(f).toContain("Money is not math: $5 and $10.");
    expect(f).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><msup><mi>e</mi>');
    expect(f).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(f).toContain('<input type="checkbox" checked disabled> a done task');
    expect(f).toContain('<td><a href="/home/" class="wikilink" data-slug="home">home</a></td>');
    expect(f).toContain("The footnote's text.");
    expect(page("formatting/callouts-and-more")).not.toMatch(/katex(\.min)?\.js/);
    // Tag pages, the nested tag listed under its parent too.
    expect(page("tags/nested/tag")).toContain("Callouts and more");
    expect(page("tags/nested")).toContain("Callouts and more");
    expect(page("tags/classic/mechanics")).toContain("Three laws of motion");
  });

  it("builds a note whose frontmatter is not YAML from its body, and shows other notes' properties", () => {
    expect(body(page("formatting/broken-yaml"))).toContain("<p>The frontmatter above is not valid YAML, yet this body is published.</p>");
    const props = page("formatting/properties");
    expect(props).toContain("<h1>A title from the frontmatter</h1>");
    expect(props).toContain('<p class="summary">A note whose frontmatter names it.</p>');
    expect(props).toContain('<th scope="row">author</th><td><ul class="values"><li><span>Someone</span></li></ul></td>');
    expect(props).toContain('<th scope="row">type</th>');
    // Links in properties are links, and count as links (the linked note lists this one).
    expect(props).toContain('<th scope="row">up</th><td><ul class="values"><li><a href="/home/">Home</a></li></ul></td>');
    expect(props).toContain('<li><a href="/projects/three-laws-of-motion/#second-law">the second law</a></li><li><span>Nowhere yet</span></li>');
    const back = page("home").slice(page("home").indexOf('id="backlinks-heading"'));
    expect(back).toContain('<a href="/formatting/properties/">A title from the frontmatter</a>');
  });

  it("keeps harmless raw HTML and drops scripts", () => {
    const raw = body(page("formatting/raw-html"));
    expect(raw).toContain("<kbd>Ctrl</kbd>");
    expect(raw).toContain("<details><summary>More</summary>Inside details.</details>");
    expect(raw).not.toContain("<script");
    expect(raw).not.toContain("alert(");
  });

  it("has a page for every folder, listing its folders and notes; a folder note lists its folder", () => {
    const ideas = page("projects/ideas-drafts");
    expect(ideas).toContain('<nav class="folder-trail" aria-label="Folders"><a href="/">obsidian</a><span aria-hidden="true"> / </span><a href="/projects/">Projects</a></nav>');
    for (const n of ["Café “quotes”", "日本語ノート", "🎉 Party"]) expect(ideas).toContain(`>${n}</a>`);
    const projects = page("projects");
    expect(projects).toContain("Everything under Projects/ is listed below this text.");
    expect(projects).toContain('<a href="/projects/ideas-drafts/">Ideas &amp; Drafts/</a> <span class="count">3</span>');
    expect(projects).toContain('<a href="/projects/three-laws-of-motion/">Three laws of motion</a>');
    const home = readFileSync(join(dist, "index.html"), "utf8");
    for (const f of ["archive", "dir1", "embeds", "formatting", "projects", "attachments"]) expect(home).toContain(`<a href="/${f}/">`);
    // A folder of files lists them, each a link to the published copy.
    expect(page("attachments")).toContain('<li><a href="/files/attachments/paper.pdf">paper.pdf</a></li>');
  });

  it("makes every page one HTML document (the home page leads with the vault's Home.md, then its top folder)", () => {
    expect(malformedPages(dist)).toEqual([]);
    // No page of the typed wiki's own views, which have nothing to show here; no sitemap without an origin.
    for (const view of ["openness", "timeline"]) expect(existsSync(join(dist, view)), view).toBe(false);
    expect(existsSync(join(dist, "sitemap.xml"))).toBe(false);
    // Named after its folder (it has no atlas.yml), led by its Home.md, whose own `# Welcome` is the one heading.
    expect(page("")).toContain("<title>obsidian</title>");
    expect(page("").match(/<h1[^>]*>/g)).toEqual(['<h1 id="welcome">']);
    expect(page("")).toContain("This vault follows Obsidian's documented link rules.");
    expect(page("")).not.toContain("Atlas");
  });

  it("has no internal link, image or anchor that points nowhere", () => {
    const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((p) => p.endsWith(".html") && !p.startsWith("pagefind"));
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, "utf8").matchAll(/<[a-z][^<>]* id="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&"))));
      return ids.get(file)!;
    };
    const nowhere: string[] = [];
    for (const p of pages) {
      const html = readFileSync(join(dist, p), "utf8");
      for (const m of html.matchAll(/<(?:a|img|iframe|audio|video|link|script)\b[^<>]* (?:href|src)="([^"]*)"/g)) {
        const url = m[1].replace(/&amp;/g, "&");
        if (/^(https?:|mailto:|data:)/.test(url)) continue;
        const u = new URL(url, `http://site/${p.replace(/index\.html$/, "")}`);
        let file = join(dist, decodeURIComponent(u.pathname));
        if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
        if (!existsSync(file)) nowhere.push(`${p}: ${url}`);
        else if (u.hash && file.endsWith(".html") && !idsOf(file).has(decodeURIComponent(u.hash.slice(1)))) nowhere.push(`${p}: ${url}`);
      }
    }
    expect(nowhere).toEqual([]);
  });
});

describe("an Obsidian vault in the dev server", () => {
  it("serves nested and non-ASCII addresses, folders, previews and attachments", async () => {
    const dev = await startDevServer(VAULT);
    try {
      const get = async (path: string) => {
        const r = await fetch(`${dev.url}${path}`);
        return { status: r.status, type: r.headers.get("content-type") ?? "", body: Buffer.from(await r.arrayBuffer()) };
      };
      expect((await get("/projects/ideas-drafts/%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%83%8E%E3%83%BC%E3%83%88/")).body.toString()).toContain("日本語の名前のノート。");
      expect((await get("/embeds/transclusions/")).body.toString()).toContain("<p>Short note body, embedded several times.</p>");
      expect((await get("/projects/ideas-drafts/")).body.toString()).toContain(">🎉 Party</a>");
      expect(JSON.parse((await get("/previews/projects/three-laws-of-motion.json")).body.toString()).title).toBe("Three laws of motion");
      const png = await get("/files/attachments/diagram.png");
      expect(png.status).toBe(200);
      expect(png.type).toBe("image/png");
      expect(png.body).toEqual(readFileSync(join(VAULT, "Attachments/diagram.png")));
      expect((await get("/files/attachments/nothing.png")).status).toBe(404);
      expect((await get("/files/attachments/active.svg")).status).toBe(404); // the SVG with a script is not served
    } finally {
      dev.stop();
    }
  });
});
