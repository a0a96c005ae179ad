/**
 * A lab's and a person's models as their pages show them (src/lib/views/developed.ts through src/lib/pages/note.ts):
 * computed from the graph, each with its date and openness in a line, newest first, with the total across them; a
 * change to one model's openness changes what its developer's page shows without any change to the developer's note.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { notePageData, pageDigest } from "../../src/lib/pages/note.ts";
import { Site } from "../../src/lib/site.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { tempDir } from "../helpers/temp.ts";

const VAULT = join(import.meta.dirname, "../fixtures/vault");
const siteOf = async (dir: string) => new Site(await loadVault(dir, { cache: null }));

describe("the models on a developer's page", async () => {
  const site = await siteOf(VAULT);

  it("lists each model with its date and openness, newest first, and the total across them", () => {
    const models = notePageData(site, "acme-ai")!.models!;
    expect(models.models.map((m) => [m.note.text, m.released, m.summary])).toEqual([
      ["Widget 7B", ["2026-01"], "1 open, 1 closed of 2 rated"],
      ["Widget 7B Instruct", [], "not rated"],
    ]);
    expect(models.models[0].note.href).toBe("/widget-7b/");
    expect(models.models[0].matrix.cells).toHaveLength(14);
    expect(models.total).toEqual({ counts: { open: 1, partial: 0, closed: 1, unknown: 26 }, cells: 28, summary: "1 open, 1 closed of 2 rated, across 2 models" });
    // One model: its line is the total.
    expect(notePageData(site, "beta-labs")!.models!.total.summary).toBe(notePageData(site, "beta-labs")!.models!.models[0].summary);
    // A note that developed nothing has no list; nor does a model.
    expect(notePageData(site, "open-weights")!.models).toBeUndefined();
    expect(notePageData(site, "widget-7b")!.models).toBeUndefined();
  });

  it("follows the models' notes: a person's too, and a flipped cell changes the developer's page, not its note", async () => {
    const copy = tempDir("atlas-developed-");
    cpSync(VAULT, copy, { recursive: true });
    const file = join(copy, "models/widget-7b.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("weights: { status: open", "weights: { status: partial"));
    writeFileSync(
      join(copy, "models/lovelace-engine.md"),
      "---\ntitle: Lovelace Engine\ntype: model\nsummary: A fictional model by a person.\nsources: [doe-2026-acme-report]\ndeveloper: [ada-lovelace, acme-ai]\nreleased: 2026-03\nopenness:\n  end_weights: { status: open, source: doe-2026-acme-report }\n---\nBy [[ada-lovelace]].\n",
    );
    const changed = await siteOf(copy);
    const acme = notePageData(changed, "acme-ai")!;
    expect(acme.models!.models.map((m) => [m.note.text, m.summary])).toEqual([
      ["Lovelace Engine", "1 open of 1 rated"],
      ["Widget 7B", "1 partial, 1 closed of 2 rated"],
      ["Widget 7B Instruct", "not rated"],
    ]);
    expect(acme.models!.total.summary).toBe("1 open, 1 partial, 1 closed of 3 rated, across 3 models");
    expect(pageDigest(acme)).not.toBe(pageDigest(notePageData(site, "acme-ai")!));
    expect(readFileSync(join(copy, "labs/acme-ai.md"), "utf8")).toBe(readFileSync(join(VAULT, "labs/acme-ai.md"), "utf8"));
    expect(notePageData(changed, "ada-lovelace")!.models!.models.map((m) => [m.note.text, m.released])).toEqual([["Lovelace Engine", ["2026-03"]]]);
  });
});
