/** The one resolver: names to notes, slugs, suggestions; and, as properties, addresses and order independence. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assemble } from "../../src/lib/assemble.ts";
import { LinkIndex, foldName, isSlug, levenshtein, slugify } from "../../src/lib/resolve.ts";
import type { Vault } from "../../src/lib/types.ts";
import { siteUrls } from "../../src/lib/urls.ts";
import { checkVault } from "../helpers/vault.ts";

const notes = [
  { slug: "jensen-huang", title: "Jensen Huang", aliases: ["Jen-Hsun Huang"], file: "people/jensen-huang.md" },
  { slug: "nvidia", title: "NVIDIA", aliases: ["Nvidia Corporation"], file: "labs/nvidia.md" },
  { slug: "deepseek", title: "DeepSeek", aliases: [], file: "labs/deepseek.md" },
];

describe("LinkIndex", () => {
  const index = new LinkIndex(notes);
  it("resolves slugs, titles and aliases, case-insensitively", () => {
    expect(index.resolve("jensen-huang")).toBe("jensen-huang");
    expect(index.resolve("JENSEN HUANG")).toBe("jensen-huang");
    expect(index.resolve("jen-hsun huang")).toBe("jensen-huang");
    expect(index.resolve("nvidia corporation")).toBe("nvidia");
    expect(index.resolve("Deepseek")).toBe("deepseek");
    expect(index.resolve("anthropic")).toBeNull();
  });
  it("has no collisions when names are distinct", () => {
    expect(index.collisions).toEqual([]);
  });
  it("reports a name two notes claim, and lets the slug win", () => {
    const clash = new LinkIndex([...notes, { slug: "nvidia-corporation", title: "Nvidia Corp", aliases: ["DeepSeek"], file: "labs/x.md" }]);
    expect(clash.collisions.map((c) => [c.name, c.first.slug, c.first.kind, c.second.slug, c.second.kind])).toEqual([
      ["nvidia-corporation", "nvidia", "alias", "nvidia-corporation", "slug"],
      ["DeepSeek", "deepseek", "slug", "nvidia-corporation", "alias"],
    ]);
    expect(clash.resolve("nvidia-corporation")).toBe("nvidia-corporation");
    expect(clash.resolve("deepseek")).toBe("deepseek");
  });
  it("suggests the nearest slugs for a typo", () => {
    expect(index.suggest("jensen-haung")).toEqual(["jensen-huang"]);
    expect(index.suggest("nvidai")[0]).toBe("nvidia");
    expect(index.suggest("completely-unrelated-name")).toEqual([]);
  });
});

describe("helpers", () => {
  it("folds spaces, underscores and hyphens alike", () => {
    expect(foldName("  Open_Source AI ")).toBe("open-source-ai");
  });
  it("computes edit distance with a cut-off", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("abc", "xyzuvw", 1)).toBe(2);
  });
});

describe("properties: slugs and resolution", () => {
  // Pure functions of our own: random inputs every run. A failure prints its seed and is a bug to fix, not noise.
  it("slugify always gives a URL-safe slug, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (name) => {
        const slug = slugify(name);
        expect(isSlug(slug)).toBe(true);
        expect(encodeURIComponent(slug)).toBe(slug);
        expect(slugify(slug)).toBe(slug);
      }),
      { numRuns: 2000 },
    );
  });

  it("resolve and suggest never throw, and suggest only existing slugs", () => {
    const index = new LinkIndex(notes);
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (target) => {
        const to = index.resolve(target);
        expect(to === null || notes.some((n) => n.slug === to)).toBe(true);
        for (const s of index.suggest(target)) expect(notes.map((n) => n.slug)).toContain(s);
      }),
      { numRuns: 2000 },
    );
  });

  it("suggests what comparing the target with every name would, without doing so (a bigram index narrows the names)", () => {
    // Names and targets from a small alphabet, so that near misses, substrings and short names are common.
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "-", "d"), minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40, selector: foldName }), word, (names, target) => {
        const index = new LinkIndex(names.map((n, i) => ({ slug: `n${i}`, title: n, aliases: [], file: `n${i}.md` })));
        expect(index.suggest(target, 50)).toEqual(bruteSuggest(names.flatMap((n, i): [string, string][] => [[`n${i}`, `n${i}`], [foldName(n), `n${i}`]]), target));
      }),
      { numRuns: 1000 },
    );
  });

  /** A small random vault: few names, so that slugs, titles and aliases often collide, by case and normalisation too. */
  const NAMES = ["a", "b", "a-b", "A", "B", "caf\u00e9", "cafe\u0301", "alpha", "Alpha", "a_b"];
  const vaultSpec = fc.uniqueArray(
    fc.record({
      slug: fc.constantFrom(...NAMES),
      type: fc.constantFrom("concept", "lab"),
      title: fc.constantFrom(...NAMES, "Title A", "Title B"),
      aliases: fc.uniqueArray(fc.constantFrom(...NAMES, "Alias"), { maxLength: 2 }),
      links: fc.array(fc.constantFrom(...NAMES, "Title A", "missing", "a#Heading", "b#^block"), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 7, selector: (n) => `${n.type}/${n.slug}` },
  );
  const text = (n: { type: string; title: string; aliases: string[]; links: string[] }) =>
    `---\ntitle: "${n.title}"\ntype: ${n.type}\nsummary: A note.\naliases: ${JSON.stringify(n.aliases)}\n---\n## Heading\n\nLinks: ${n.links.map((l) => `[[${l}]]`).join(" ")}. ^block\n`;

  /** What resolution decided, in a form that does not depend on any order: per note, where each link and relation goes. */
  const decided = (v: Vault) =>
    JSON.stringify({
      notes: v.notes.map((n) => [n.slug, n.links.map((l) => [l.target, l.to, l.fragment ?? null]), n.relations.map((r) => r.to)]),
      diagnostics: v.diagnostics,
      backlinks: [...v.backlinks].sort(([a], [b]) => (a < b ? -1 : 1)),
    });

  it("gives every note its own address, URL-safe, and reports every file that would share one", async () => {
    await fc.assert(
      fc.asyncProperty(vaultSpec, async (spec) => {
        const { vault } = await checkVault(Object.fromEntries(spec.map((n) => [`${n.type === "lab" ? "labs" : "concepts"}/${n.slug}.md`, text(n)])));
        const urls = siteUrls("/");
        const addresses = vault.notes.map((n) => urls.note(n.slug));
        // Unique even on a file system that ignores case and normalisation (macOS), where two would overwrite each other.
        expect(new Set(addresses.map((a) => decodeURIComponent(a).normalize("NFC").toLowerCase())).size).toBe(addresses.length);
        for (const [i, n] of vault.notes.entries()) {
          expect(addresses[i]).toMatch(/^\/[A-Za-z0-9\-_.!~*'()%]+\/$/);
          expect(decodeURIComponent(addresses[i])).toBe(`/${n.slug.normalize("NFC")}/`);
        }
        const reported = new Set(vault.diagnostics.filter((d) => d.rule === "duplicate-slug" || d.rule === "slug-format").map((d) => d.file));
        for (const f of vault.files) if (!isSlug(f.slug) || !vault.notes.some((n) => n.slug === f.slug)) expect(reported, f.file).toContain(f.file);
      }),
      { numRuns: 150 },
    );
  });

  it("resolves every link the same whatever order the files come in", async () => {
    await fc.assert(
      fc.asyncProperty(vaultSpec, fc.array(fc.nat(), { minLength: 7, maxLength: 7 }), async (spec, keys) => {
        const { vault, dir } = await checkVault(Object.fromEntries(spec.map((n) => [`${n.type === "lab" ? "labs" : "concepts"}/${n.slug}.md`, text(n)])));
        const shuffled = vault.files.map((f, i) => ({ f, k: keys[i % keys.length] * 31 + i })).sort((a, b) => a.k - b.k).map((x) => x.f);
        const reversed = [...vault.files].reverse();
        expect(decided(assemble(dir, shuffled))).toBe(decided(vault));
        expect(decided(assemble(dir, reversed))).toBe(decided(vault));
        // Without a name two notes claim, every slug, title and alias names its own note.
        if (!vault.diagnostics.some((d) => d.rule === "name-collision" || d.rule === "duplicate-slug")) {
          for (const n of vault.notes) for (const name of [n.slug, n.title, ...n.fields.aliases]) expect(vault.index.resolve(name)).toBe(n.slug);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** The nearest names by comparing the target with every one of them: what `LinkIndex.suggest` must give. */
function bruteSuggest(names: [name: string, slug: string][], target: string): string[] {
  const key = foldName(target);
  const limit = Math.max(2, Math.floor(key.length / 3));
  const scored: { slug: string; d: number }[] = [];
  for (const [name, slug] of names) {
    const contains = name.includes(key) || key.includes(name);
    const d = contains ? Math.abs(name.length - key.length) / 4 : levenshtein(key, name, limit);
    if (d <= limit) scored.push({ slug, d });
  }
  scored.sort((a, b) => a.d - b.d || a.slug.localeCompare(b.slug));
  return [...new Set(scored.map((s) => s.slug))].slice(0, 50);
}
