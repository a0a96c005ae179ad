/** Addresses: one module builds them, base-aware; URL fields and link URLs accept only web schemes. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { REGISTRY } from "../../src/lib/registry.ts";
import { isSafeHref, LINK_SCHEMES, siteUrls } from "../../src/lib/urls.ts";
import { checkVault, note } from "../helpers/vault.ts";

describe("siteUrls", () => {
  it("builds every address under the base", () => {
    for (const base of ["/atlas", "/atlas/", "atlas/"]) {
      const u = siteUrls(base, (t) => REGISTRY.entry(t).folder);
      expect(u.note("nvidia", "^claim")).toBe("/atlas/nvidia/#%5Eclaim");
      expect(u.type("model")).toBe("/atlas/models/");
      expect(u.tag("open-weights")).toBe("/atlas/tags/open-weights/");
      expect(u.graph({ focus: "a b" })).toBe("/atlas/graph/?focus=a+b");
      expect(u.file("exports/notes-model.csv")).toBe("/atlas/exports/notes-model.csv");
    }
    expect(siteUrls().note("x")).toBe("/x/");
  });

  it("encodes every part of a slug, tag or fragment as encodeURIComponent does its NFC form (plain ones as they are)", () => {
    const u = siteUrls();
    const part = (s: string) => encodeURIComponent(s.normalize("NFC"));
    const path = (s: string) => s.split("/").map(part).join("/");
    const slug = fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9\-_.~'()!*/]{0,20}$/), fc.constantFrom("cafe\u0301/x", "a b/c%d", "ok/fine", "#?&=", "\u00e9t\u00e9"));
    fc.assert(
      fc.property(slug, slug, (s, f) => {
        expect(u.note(s, f || undefined)).toBe(`/${path(s)}/${f ? `#${part(f)}` : ""}`);
        expect(u.tag(s)).toBe(`/tags/${path(s)}/`);
      }),
      { numRuns: 500 },
    );
  });
});

describe("isSafeHref", () => {
  it("accepts web, mail and site-relative addresses, and links that open an app", () => {
    for (const ok of ["https://a.org/x", "http://a.org", "mailto:a@b.org", "/x/", "#h", "?q=1", "../x", "x/y:z", "tel:+3112345", "obsidian://show-plugin?id=dataview", "OBSIDIAN://open?vault=v", "zotero://select/items/1"]) expect(isSafeHref(ok), ok).toBe(true);
  });
  it("refuses every other scheme, however it is written", () => {
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "blob:x"]) expect(isSafeHref(bad), bad).toBe(false);
  });
  it("loads images from the web or the site only", () => {
    for (const ok of ["https://a.org/i.png", "img/a.png"]) expect(isSafeHref(ok, "image"), ok).toBe(true);
    for (const bad of ["obsidian://open?file=a.png", "mailto:a@b.org", "data:image/png;base64,AA", "file:///a.png"]) expect(isSafeHref(bad, "image"), bad).toBe(false);
  });
  it("never accepts a string with a scheme not on the list", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9+.-]{0,8}$/), fc.string(), (scheme, rest) => {
        fc.pre(!(LINK_SCHEMES as readonly string[]).includes(scheme));
        expect(isSafeHref(`${scheme}:${rest}`)).toBe(false);
        expect(isSafeHref(`${scheme.toUpperCase()}:${rest}`)).toBe(false);
      }),
    );
  });
});

describe("URL fields", () => {
  const src = (url: string) => note({ title: "S", type: "source", kind: "article", summary: "s.", url }, "[[s]]");
  it("refuse javascript: and other schemes at the field's line, with a hint", async () => {
    const { diagnostics } = await checkVault({ "sources/s.md": src('"javascript:alert(1)"') });
    const d = diagnostics.find((x) => x.rule === "schema")!;
    expect([d.line, d.column, d.message]).toEqual([6, 6, expect.stringContaining("expected a web address starting with https://")]);
  });
  it("accept https", async () => {
    const { diagnostics } = await checkVault({ "sources/s.md": src("https://example.org/report") });
    expect(diagnostics.filter((d) => d.rule === "schema")).toEqual([]);
  });
});
