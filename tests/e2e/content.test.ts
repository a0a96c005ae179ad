/**
 * The wiki's own content: it passes the strict check (no broken links, orphans or uncited notes), and the built
 * site lists every note on its type's index with the key fields the notes fill, has no link that points nowhere,
 * and comes out byte for byte the same when built again.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dataset } from "../../src/lib/datasets.ts";
import { recordFrom } from "../../src/lib/schema.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { buildSite, ROOT, runScript } from "../helpers/cli.ts";
import { deadLinks, malformedPages, siteHashes } from "../helpers/crawl.ts";

const CONTENT = join(ROOT, "content");

describe("content/", () => {
  it("passes npm run check -- --strict", () => {
    const r = runScript("check", ["--strict"], { CONTENT_DIR: CONTENT });
    expect(r.stdout).toMatch(/✔ 0 errors, 0 warnings in \d+ notes/);
    expect(r.code).toBe(0);
  });

  it("restores the seed wiki page's links on open-source-ai", async () => {
    const vault = await loadVault(CONTENT);
    const note = vault.bySlug.get("open-source-ai")!;
    const targets = new Set([...note.links.map((l) => l.to), ...note.cites]);
    for (const slug of ["jensen-huang", "nvidia", "deepseek", "nathan-lambert", "sebastian-raschka", "anthropic", "fridman-huang-2026-nvidia-ai-revolution", "fridman-lambert-raschka-2026-state-of-ai"]) {
      expect(targets, slug).toContain(slug);
    }
  });

  it("gives every rated openness cell its evidence, and every model's relation and value its source", async () => {
    const vault = await loadVault(CONTENT, { cache: null });
    const unsourced: string[] = [];
    const models = vault.notes.filter((n) => n.type === "model");
    for (const n of models) {
      for (const [key, cell] of Object.entries(n.fields.openness)) {
        if (cell && cell.status !== "unknown" && !cell.sources.length && !cell.evidence.length) unsourced.push(`${n.file}: openness.${key} is ${cell.status} with no source or evidence`);
      }
      for (const r of n.relations) if (!r.sources.length) unsourced.push(`${n.file}: ${r.field} → ${r.ref} cites no source`);
      for (const [field, values] of Object.entries(n.fields.values)) for (const v of values) if (!v.sources.length) unsourced.push(`${n.file}: ${field} = ${v.value} cites no source`);
    }
    expect(unsourced).toEqual([]);
    // Not vacuous: the wiki rates models, with evidence links as well as source notes.
    const cells = models.flatMap((n) => Object.values(n.fields.openness)).filter((c) => c && c.status !== "unknown");
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.some((c) => c!.evidence.length > 0)).toBe(true);
  });

  it("holds every system of the Open Source AI Index snapshot, each imported cell with its class, evidence and source", async () => {
    const vault = await loadVault(CONTENT, { cache: null });
    const osai = dataset("osai", vault.settings.site.datasets)!;
    const records = vault.notes.filter((n) => recordFrom(n.fields, osai.id)?.file);
    // 193 systems in snapshot 5a388e8 (its 194th YAML file is the blank submission template): a note each.
    expect(new Set(records.map((n) => recordFrom(n.fields, osai.id)!.file)).size).toBe(193);
    expect(records.every((n) => n.type === "model")).toBe(true);
    const problems: string[] = [];
    let cells = 0;
    for (const n of vault.notes) {
      for (const [key, cell] of Object.entries(n.fields.openness)) {
        if (!cell?.imported) continue;
        cells++;
        if (!cell.evidence.length) problems.push(`${n.file}: openness.${key} has no evidence`);
        if (!cell.sources.some((s) => vault.index.resolve(s.ref) === osai.source)) problems.push(`${n.file}: openness.${key} does not cite the index`);
        if (cell.status === "unknown") problems.push(`${n.file}: openness.${key} is imported as unknown`);
      }
      // Every value an import wrote has the note's record from that dataset (the index's, or Epoch AI's).
      const from = new Set([...Object.values(n.fields.values).flat(), ...n.relations, ...Object.values(n.fields.openness)].flatMap((v) => (v?.imported ? [v.imported] : [])));
      for (const d of from) if (!recordFrom(n.fields, d)) problems.push(`${n.file}: values imported from ${d} without a record from it`);
    }
    expect(problems).toEqual([]);
    expect(cells).toBeGreaterThan(2000);
    // The seed-derived notes the index rates keep their own (hand-written) cells and text.
    const gemma = vault.bySlug.get("gemma")!;
    expect(Object.values(gemma.fields.openness).some((c) => c?.imported)).toBe(false);
    expect(gemma.fields.records).toEqual([]);
  });

  describe("built", () => {
    let dist: string;
    beforeAll(() => {
      dist = buildSite(CONTENT);
    });

    it("lists each type's notes on its index page", async () => {
      const vault = await loadVault(CONTENT);
      for (const [type, folder] of [["person", "people"], ["lab", "labs"], ["model", "models"], ["source", "sources"], ["concept", "concepts"], ["event", "events"]]) {
        const html = readFileSync(join(dist, folder, "index.html"), "utf8");
        const notes = vault.notes.filter((n) => n.type === type);
        expect(notes.length, type).toBeGreaterThan(0);
        for (const n of notes) expect(html, `${folder} lists ${n.slug}`).toContain(`href="/${n.slug}/"`);
      }
    });

    it("has no internal link or anchor that points nowhere", () => {
      expect(deadLinks(dist)).toEqual([]);
    });

    it("makes every page one HTML document, with nothing outside it", () => {
      expect(malformedPages(dist)).toEqual([]);
    });

    it("is byte-identical when built again, every note parsed afresh instead of taken from the parse cache", () => {
      const again = buildSite(CONTENT, { ATLAS_CACHE: "off" });
      expect(siteHashes(again)).toEqual(siteHashes(dist));
    });

    it("credits the Open Source AI Index, with its link and citation, on every page that shows its data", async () => {
      const vault = await loadVault(CONTENT);
      const osai = dataset("osai", vault.settings.site.datasets) as { site: string; id: string; source: string };
      const credited = (path: string) => {
        const html = readFileSync(join(dist, path, "index.html"), "utf8");
        return html.includes('class="dataset-credit"') && html.includes(`href="${osai.site}"`) && html.includes("Rethinking open source generative AI: open-washing and the EU AI Act") && html.includes("pp. 1774-1787");
      };
      const citing = vault.notes.filter((n) => n.cites.includes(osai.source) || !!recordFrom(n.fields, osai.id));
      expect(citing.length).toBeGreaterThan(300);
      const missing = citing.filter((n) => !credited(n.slug)).map((n) => n.slug);
      // Lab pages list their models' openness: a lab whose models carry the index's data shows the credit too.
      const labs = vault.notes.filter((n) => n.type === "lab" && (vault.backlinks.get(n.slug) ?? []).some((b) => b.kind === "developer" && citing.some((c) => c.slug === b.from)));
      missing.push(...labs.filter((n) => !credited(n.slug)).map((n) => n.slug));
      // … and the graph page, whose downloads (the CSV tables) carry its values.
      for (const page of ["models", "openness", "timeline", "graph"]) if (!credited(page)) missing.push(page);
      expect(missing).toEqual([]);
      // Not vacuous: a page that shows none of it has no credit.
      const none = vault.notes.find((n) => n.type === "concept" && !n.cites.includes(osai.source))!;
      expect(credited(none.slug), none.slug).toBe(false);
    });

    it("shows both disputed parameter counts of Nemotron 3 Super with their sources", () => {
      const html = readFileSync(join(dist, "nemotron-3-super", "index.html"), "utf8");
      const infobox = html.slice(html.indexOf('<aside class="infobox"'), html.indexOf("</aside>"));
      expect(infobox).toMatch(/120B<\/span>(<sup class="cite">.*?<\/sup>)+/);
      expect(infobox).toMatch(/128B<\/span><sup class="cite"><a href="#source-the-decoder-2026-nvidia-open-source-gap"/);
    });
  });
});
