/**
 * Unlinked mentions: whole-word names in any case or accent, the longest name at a place, never inside or across a
 * link, never a note's own name or a note it already links to, and not names too short to mean anything.
 */
import { describe, expect, it } from "vitest";
import { findUnlinkedMentions } from "../../src/lib/mentions.ts";

const L = (text: string) => `\u0002${text}\u0003`;
function run(notes: Record<string, { names: string[]; text: string; links?: string[] }>) {
  const slugs = Object.keys(notes);
  const found = findUnlinkedMentions(slugs, (s) => notes[s].names, (s) => notes[s].text, (s) => new Set(notes[s].links ?? []));
  return Object.fromEntries([...found].map(([to, list]) => [to, list.map((m) => `${m.from}: ${m.name}`)]));
}

describe("unlinked mentions", () => {
  it("finds titles and aliases as whole words, in any case and accent, the longest name first", () => {
    expect(
      run({
        llama: { names: ["Llama"], text: "" },
        "llama-4": { names: ["Llama 4", "Llama-4 Scout"], text: "" },
        cafe: { names: ["Café Lab"], text: "" },
        a: { names: ["A note"], text: "We compare LLAMA 4 with llama, and the cafe lab; llamas do not count." },
      }),
    ).toEqual({ "llama-4": ["a: LLAMA 4"], llama: ["a: llama"], cafe: ["a: cafe lab"] });
  });

  it("skips the note itself, notes it links to, text inside a link or across one, and very short names", () => {
    expect(
      run({
        meta: { names: ["Meta", "AI"], text: "Meta writes about itself." },
        "meta-ai": { names: ["Meta AI"], text: "" },
        nvidia: { names: ["NVIDIA"], text: "" },
        a: { names: ["A"], text: `Meta ${L("something")} AI; ${L("NVIDIA chips")} and NVIDIA again.`, links: ["nvidia"] },
        b: { names: ["B"], text: `As ${L("Meta AI")} says, Meta AI does.` },
      }),
    ).toEqual({ meta: ["a: Meta"], "meta-ai": ["b: Meta AI"] });
  });

  it("gives each mentioning note once per mentioned note, with the words around it", () => {
    const found = findUnlinkedMentions(["x", "y"], (s) => (s === "x" ? ["Xylophone"] : ["Y"]), (s) => (s === "y" ? "One xylophone, then another Xylophone at the end." : ""), () => new Set());
    expect(found.get("x")).toEqual([{ from: "y", name: "xylophone", excerpt: "One xylophone, then another Xylophone at the end." }]);
  });
});
