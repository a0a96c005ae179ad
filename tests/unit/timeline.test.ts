/**
 * The timeline from the fixture vault: newest first, grouped by year and month at the precision each note gives
 * (a month-only release closes its month, a year-only date its year), labs attached, undated events and models apart.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTimeline } from "../../src/lib/timeline.ts";
import { loadVault } from "../../src/lib/vault.ts";

const ROOT = join(import.meta.dirname, "../..");

describe("timeline", () => {
  it("orders and groups the fixture's dated notes, and lists undated events and models apart", async () => {
    const vault = await loadVault(join(ROOT, "tests/fixtures/vault"), { cache: null });
    const byTitle = [...vault.notes].sort((a, b) => a.title.localeCompare(b.title));
    const t = buildTimeline(vault, byTitle);
    const shape = t.years.map((y) => [y.year, y.months.map((m) => [m.month ?? "—", m.entries.map((e) => `${e.note.slug} ${e.date} ${e.precision}`)])]);
    expect(shape).toEqual([
      ["2026", [
        ["2026-02", ["doe-2026-acme-report 2026-02-01 day"]],
        ["2026-01", ["roe-2026-widget-paper 2026-01-15 day", "widget-launch 2026-01-10 day", "widget-7b 2026-01 month"]],
      ]],
      ["2020", [["—", ["ada-lovelace 2020 year"]]]],
    ]);
    expect(t.undated.map((u) => [u.note.slug, u.labs])).toEqual([["gadget-model", ["beta-labs"]], ["widget-7b-instruct", ["acme-ai"]]]);
    const labs = (slug: string) => t.years.flatMap((y) => y.months.flatMap((m) => m.entries)).find((e) => e.note.slug === slug)!.labs;
    expect(labs("widget-7b")).toEqual(["acme-ai"]); // its developer
    expect(labs("widget-launch")).toEqual(["acme-ai"]); // an actor that is a lab (the person is not)
    expect(labs("ada-lovelace")).toEqual(["acme-ai"]); // an affiliation
    expect(t.types).toEqual(["person", "model", "source", "event"]);
    expect(t.labs.sort()).toEqual(["acme-ai", "beta-labs"]);
  });
});
