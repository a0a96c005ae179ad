/** The bases benchmark's helper (scripts/bench-bases.ts), on a small generated vault: it runs the base it times, finds no problem, and reports what it kept. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BENCH_BASE, benchBases } from "../../scripts/bench-bases.ts";
import { parseBase } from "../../src/lib/bases/parse.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { generateVault } from "../helpers/gen-vault.ts";
import { tempDir } from "../helpers/temp.ts";

describe("benchBases", () => {
  it("times a base with a filter, a formula, a sort and summaries over every note, without problems", async () => {
    expect(parseBase(BENCH_BASE).problems).toEqual([]);
    const dir = join(tempDir("atlas-bench-bases-"), "vault");
    generateVault(dir, 200);
    for (const i of [1, 2, 3]) writeFileSync(join(dir, "concepts", `tagged-${i}.md`), `---\ntitle: Tagged ${i}\ntype: concept\nsummary: "A concept of ${i} words${" more".repeat(i)}."\ntags: [topic-1]\n---\nBody.\n`);
    const vault = await loadVault(dir, { cwd: dir, html: false, workers: 0 });
    const b = benchBases(vault, 2);
    expect(b.notes).toBe(203);
    expect(b.errors).toBe(0);
    expect(b.runsMs).toHaveLength(2);
    expect(b.ms).toBeGreaterThan(0);
    // The generated vault has no models; the three notes tagged topic-1 are kept.
    expect(b.matched).toBe(3);
    expect(b.htmlBytes).toBeGreaterThan(0);
  });
});
