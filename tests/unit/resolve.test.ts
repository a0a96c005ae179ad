import { describe, expect, it } from "vitest";
import { LinkIndex, foldName, levenshtein } from "../../src/lib/resolve.ts";

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
