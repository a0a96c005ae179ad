/**
 * The one sanitizer (src/lib/markdown/sanitize.ts) on the raw HTML real vaults contain: what it keeps, what it
 * removes, and that it reports exactly what it removed, at the element's position. The two policies share it: the
 * checker turns the same removals into `unsafe-html` errors or `sanitized-html` warnings.
 */
import { describe, expect, it } from "vitest";
import { IFRAME_SANDBOX } from "../../src/lib/markdown/sanitize.ts";
import { parseNote } from "../../src/lib/parse-note.ts";
import { checkVault, note } from "../helpers/vault.ts";

/** The body's HTML and the removals, `line:col what`, for a note whose body starts on line 1 of the body. */
function sanitized(body: string) {
  const parsed = parseNote(`---\ntitle: x\n---\n${body}`);
  return { html: parsed.html.chunks.join(""), removed: parsed.unsafeHtml.map((r) => `${r.line - 3}:${r.column} ${r.what}`) };
}

describe("the sanitizer keeps", () => {
  it.each([
    ["formatting", "<b>b</b> <i>i</i> <u>u</u> <mark>m</mark> <kbd>Ctrl</kbd> <sup>1</sup> <abbr title=\"t\">a</abbr><br>"],
    ["details and summary", "<details><summary>More</summary>\n\nText\n\n</details>"],
    ["a centred block", "<center>centred</center>"],
    ["tables", "<table><tr><td>cell</td></tr></table>"],
    ["an image with a web or relative address", '<img src="https://example.org/a.png" alt="a"> <img src="pics/b.png" alt="b">'],
    ["classes and ids", '<span class="x" id="y">s</span>'],
  ])("%s, reporting nothing", (_what, body) => {
    const { html, removed } = sanitized(body);
    expect(removed).toEqual([]);
    for (const tag of body.match(/<([a-z]+)/g)!.map((t) => t.slice(1))) expect(html, tag).toContain(`<${tag}`);
  });

  it("an https iframe, with its own sandbox and no referrer, whatever sandbox the note wrote", () => {
    const { html, removed } = sanitized('<iframe src="https://www.youtube.com/embed/x" width="560" sandbox="allow-top-navigation allow-scripts"></iframe>');
    expect(html).toBe(`<iframe src="https://www.youtube.com/embed/x" width="560" sandbox="${IFRAME_SANDBOX}" referrerpolicy="no-referrer"></iframe>`);
    expect(removed).toEqual(["1:1 `sandbox` on `<iframe>`"]);
  });
});

describe("links that open an app (urls.ts LINK_SCHEMES)", () => {
  it("are kept, in Markdown and in raw HTML: a vault's `obsidian://` plugin links, mail, the phone", () => {
    const parsed = parseNote(`---\ntitle: x\n---\n[Dataview](obsidian://show-plugin?id=dataview), [mail](mailto:a@b.org), [call](tel:+3112345)\n\n<a href="obsidian://show-plugin?id=templater">Templater</a>\n`, { obsidian: true });
    const html = parsed.html.chunks.join("");
    expect(html).toContain('href="obsidian://show-plugin?id=dataview"');
    expect(html).toContain('href="mailto:a@b.org"');
    expect(html).toContain('href="tel:+3112345"');
    expect(html).toContain('href="obsidian://show-plugin?id=templater"');
    expect(parsed.unsafeUrls).toEqual([]);
    expect(parsed.unsafeHtml).toEqual([]);
  });

  it("do not let script or local files through: those links become their text, and are reported", () => {
    const parsed = parseNote(`---\ntitle: x\n---\n[a](javascript:alert(1)) [b](file:///etc/passwd) ![c](obsidian://open?file=c.png)\n\n<a href="vbscript:x">d</a>\n`, { obsidian: true });
    const html = parsed.html.chunks.join("");
    expect(html).not.toMatch(/javascript:|file:|vbscript:|obsidian:/);
    expect(parsed.unsafeUrls.map((u) => u.what)).toEqual(["javascript:alert(1)", "file:///etc/passwd", "obsidian://open?file=c.png"]);
    expect(parsed.unsafeHtml.map((r) => r.what)).toEqual(['`href="vbscript:x"` on `<a>`']);
  });
});

describe("the sanitizer removes, and reports where", () => {
  it.each([
    ["a script, with its code", "Text <script>alert(1)</script>", "1:6 `<script>`", /alert/],
    ["a style element, with its rules", "<style>body { display: none }</style>\n\nText", "1:1 `<style>`", /display/],
    ["an event handler", '<b onclick="alert(1)">b</b>', "1:1 `onclick` on `<b>`", /onclick/],
    ["a javascript: link", '<a href="javascript:alert(1)">a</a>', '1:1 `href="javascript:alert(1)"` on `<a>`', /javascript/],
    ["a data: image", '<img src="data:image/svg+xml,<svg onload=alert(1)>">', "1:1", /data:/],
    ["an iframe of a relative address (it would frame this site)", '<iframe src="/graph/"></iframe>', "1:1 `<iframe>` (not an https:// address)", /iframe/],
    ["a form and its controls", '<form action="https://e.org"><input type="text"><button>Go</button></form>', "1:1 `<form>`", /<form|<button|type="text"/],
    ["inline SVG, which would run its own handlers", '<svg onload="alert(1)"><circle r="1"/></svg>', "1:1 `<svg>`; `<circle>`", /<svg|<circle/],
    ["object and embed", '<object data="a.svg"></object><embed src="a.svg">', "1:1 `<object>`; `<embed>`", /<object|<embed/],
    ["a name, which could replace document.querySelector", '<img name="querySelector" src="a.png">', "1:1 `name` on `<img>`", /name=/],
    ["a style attribute", '<span style="position:fixed">s</span>', "1:1 `style` on `<span>`", /style=/],
  ])("%s", (_what, body, where, gone) => {
    const { html, removed } = sanitized(body);
    expect(removed.join(" | ")).toContain(where);
    expect(html).not.toMatch(gone);
  });

  it("in a link's label, at the label's position in the file", () => {
    expect(sanitized('See [[a|<b onclick="x()">label</b>]].').removed).toEqual(["1:9 `onclick` on `<b>`"]);
  });

  it("and nothing from the note's Markdown, whose own markup is never reported", () => {
    expect(sanitized("## Heading\n\n- [ ] task\n\n| a |\n| - |\n| <b>b</b> |\n\nFoot[^1].\n\n[^1]: Note.\n").removed).toEqual([]);
  });
});

describe("the two policies", () => {
  const files = {
    "sources/s.md": note({ title: "S", type: "source", kind: "article", summary: "A source." }, "[[n]]\n"),
    "concepts/n.md": note({ title: "N", type: "concept", summary: "N.", sources: "[s]" }, '[[s]] <b onclick="x()">b</b>\n'),
  };

  it("report the same removals, as errors under refuse and as warnings under sanitize, with the same page", async () => {
    const refuse = await checkVault(files);
    const sanitize = await checkVault(files, { rawHtml: "sanitize" });
    const at = (d: { line: number; column: number }) => `${d.line}:${d.column}`;
    expect(refuse.diagnostics.map((d) => [d.rule, d.severity, at(d)])).toEqual([["unsafe-html", "error", "7:7"]]);
    expect(sanitize.diagnostics.map((d) => [d.rule, d.severity, at(d)])).toEqual([["sanitized-html", "warning", "7:7"]]);
    expect(refuse.vault.bySlug.get("n")!.parsed.html).toEqual(sanitize.vault.bySlug.get("n")!.parsed.html);
  });

  it("are the vault's rawHtml setting: refuse in a typed vault, sanitize in an Obsidian one, unless atlas.yml or the loader says", async () => {
    const rules = (r: Awaited<ReturnType<typeof checkVault>>) => r.diagnostics.filter((d) => d.rule.endsWith("-html")).map((d) => `${d.rule} ${d.severity}`);
    const obsidian = { "atlas.yml": "notes: obsidian\n", "n.md": 'Text <b onclick="x()">b</b>\n' };
    expect(rules(await checkVault(obsidian))).toEqual(["sanitized-html warning"]);
    expect(rules(await checkVault({ ...obsidian, "atlas.yml": "rawHtml: refuse\n" }))).toEqual(["unsafe-html error"]);
    expect(rules(await checkVault({ ...files, "atlas.yml": "notes: typed\nrawHtml: sanitize\n" }))).toEqual(["sanitized-html warning"]);
    // The loader's option (which ATLAS_RAW_HTML sets for the CLI and the integration) overrides the file.
    expect(rules(await checkVault({ ...files, "atlas.yml": "notes: typed\nrawHtml: sanitize\n" }, { rawHtml: "refuse" }))).toEqual(["unsafe-html error"]);
    expect(rules(await checkVault(obsidian, { rawHtml: "refuse" }))).toEqual(["unsafe-html error"]);
  });
});
