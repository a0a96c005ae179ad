/**
 * Unlinked mentions: whole-word names in any case or accent, the longest name at a place, never inside or across a
 * link, never a note's own name or a note it already links to, and not names too short to mean anything.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fillProse, findUnlinkedMentions, mentionHints, nextWord, proseText, WORD } from "../../src/lib/mentions.ts";
import { parseNote } from "../../src/lib/parse-note.ts";
import { Site } from "../../src/lib/site.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { join } from "node:path";
import { readMentionCache, writeMentionCache } from "../../src/lib/views/mention-index.ts";
import { checkVault, note } from "../helpers/vault.ts";
import { tempDir } from "../helpers/temp.ts";

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

  it("reads words as WORD does, without the regular expression, in any script", () => {
    const char = fc.constantFrom("a", "Z", "7", " ", "'", "’", ".", "-", ",", "é", "e\u0301", "ß", "日", "本", "٣", "𝐀", "😀", "\ud800", "\n", "_");
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        const mine: string[] = [];
        for (let w = nextWord(text, 0, text.length); w !== -1; w = nextWord(text, w[1], text.length)) mine.push(text.slice(w[0], w[1]));
        expect(mine).toEqual([...text.matchAll(WORD)].map((m) => m[0]));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives each mentioning note once per mentioned note, with the words around it", () => {
    const found = findUnlinkedMentions(["x", "y"], (s) => (s === "x" ? ["Xylophone"] : ["Y"]), (s) => (s === "y" ? "One xylophone, then another Xylophone at the end." : ""), () => new Set());
    expect(found.get("x")).toEqual([{ from: "y", name: "xylophone", excerpt: "One xylophone, then another Xylophone at the end." }]);
  });
});

describe("a note's prose, as the page and the checker read it", () => {
  const body = ["# Llama notes", "", "First line about", "Llama 4, then `Llama 4` in code.", "", "```", "Llama 4", "```", "", "| a | b |", "| - | - |", "| Llama | 4 |", "", "See [[x|Llama 4]] and Llama", "4 apart?"].join("\n");
  const parsed = parseNote(`---\ntitle: t\n---\n${body}\n`, { html: false, prose: true });

  it("keeps text with its place in the file, fences links, and leaves out code", () => {
    const { text, at } = proseText(parsed.prose!, () => "LINK");
    expect(text).not.toContain("`");
    expect(text.match(/Llama 4/g)).toHaveLength(1); // not the inline code, the code block, nor the link's label
    expect(text).toContain("\u0002LINK\u0003");
    expect(at(text.indexOf("Llama 4"))).toEqual({ line: 7, column: 1 }); // line 4 of the body, after 3 lines of frontmatter
    expect(at(text.indexOf("First"))).toEqual({ line: 6, column: 1 });
    expect(at(text.indexOf("notes"))).toEqual({ line: 4, column: 9 });
  });

  it("is the same text for pages (kept compact with the parse, links filled in) as for the checker (with positions)", () => {
    const forPages = parseNote(`---\ntitle: t\n---\n${body}\n`, { prose: true });
    expect(fillProse(forPages.proseText!, (i) => `LINK${i}`)).toBe(proseText(parsed.prose!, (i) => `LINK${i}`).text);
    expect(fillProse(forPages.proseText!, () => "")).toContain("notes\u0002\u0003\nFirst line"); // blocks fenced apart
  });

  it("never joins a name across blocks or table cells", async () => {
    const { vault } = await checkVault({
      "models/llama-4.md": note({ title: "Llama 4", type: "model", summary: "m." }, "Model.\n"),
      "concepts/t.md": note({ title: "T", type: "concept", summary: "t." }, "Ends with Llama\n\n4 starts here.\n\n| Llama | 4 |\n| - | - |\n| x | y |\n\nBut Llama 4 here.\n"),
    }, { html: false, prose: true });
    const hints = mentionHints(vault).filter((h) => h.from === "t");
    expect(hints.map((h) => `${h.line}:${h.column} ${h.name}`)).toEqual(["14:5 Llama 4"]);
  });
});

describe("names of things without notes", () => {
  it("a licence a model names (\"MIT License\") is no mention of the note inside it (MIT), on pages and in hints alike", async () => {
    const { vault } = await checkVault({
      "labs/mit.md": note({ title: "MIT", type: "lab", summary: "l." }, "Lab.\n"),
      "models/m.md": note({ title: "M", type: "model", summary: "m.", license: "MIT License" }, "Its licence is the MIT License, says a source.\n"),
      "concepts/c.md": note({ title: "C", type: "concept", summary: "c." }, "The MIT License again; and MIT, the lab.\n"),
    }, { prose: true });
    const hints = mentionHints(vault).map((h) => `${h.from} → ${h.to}: ${h.name}`);
    expect(hints).toEqual(["c → mit: MIT"]);
    expect([...new Site(vault).indexMentions()].flatMap(([to, list]) => list.map((m) => `${m.from} → ${to}: ${m.name}`))).toEqual(hints);
  });
});

describe("the page and the checker agree", () => {
  it.each(["vault", "obsidian"])("offer the same unlinked mentions on the pages and as check hints: %s fixture", async (fixture) => {
    const dir = join(import.meta.dirname, "../fixtures", fixture);
    const forPages = await loadVault(dir, { cwd: dir });
    const forCheck = await loadVault(dir, { cwd: dir, html: false, prose: true });
    const onPages = [...new Site(forPages).indexMentions()].flatMap(([to, list]) => list.map((m) => `${m.from} → ${to}: ${m.name.replace(/\s+/g, " ")}`)).sort();
    const hinted = mentionHints(forCheck).map((h) => `${h.from} → ${h.to}: ${h.name}`).sort();
    expect(hinted).toEqual(onPages);
    expect(hinted.length).toBeGreaterThan(0);
  });
});

describe("a build's mention index, kept on disk for the next build", () => {
  const files = (cText: string, mTitle = "M") => ({
    "labs/mit.md": note({ title: "MIT", type: "lab", summary: "l." }, "Lab.\n"),
    "models/m.md": note({ title: mTitle, type: "model", summary: "m." }, "A model from MIT.\n"),
    "concepts/c.md": note({ title: "C", type: "concept", summary: "c." }, cText),
  });
  const listed = (index: Map<string, { from: string; name: string }[]>) => [...index].flatMap(([to, list]) => list.map((m) => `${m.from} → ${to}: ${m.name}`)).sort();

  it("reads again only the notes whose text or links changed, and all of them when a name changed", async () => {
    const file = join(tempDir("atlas-mentions-"), "mentions.json");
    const first = new Site((await checkVault(files("Nothing here.\n"))).vault);
    first.indexMentions();
    await writeMentionCache(file, "engine-1", first.mentionCache()!);
    // Another engine's cache is not read.
    expect(readMentionCache(file, "engine-2")).toBeUndefined();

    // What the cache holds for m is kept (marked here, so that reuse shows); c changed, and is read again.
    const kept = readMentionCache(file, "engine-1")!;
    kept.perNote.get("m")!.found = [["mit", { from: "m", name: "KEPT", excerpt: "" }, 0]];
    const next = new Site((await checkVault(files("Now C names MIT.\n"))).vault);
    next.useMentionCache(kept);
    expect(listed(next.indexMentions())).toEqual(["c → mit: MIT", "m → mit: KEPT"]);
    expect(next.mentionCache()!.changed).toBe(true);

    // The same notes again: nothing is read, and the cache need not be written.
    await writeMentionCache(file, "engine-1", next.mentionCache()!);
    const same = new Site((await checkVault(files("Now C names MIT.\n"))).vault);
    same.useMentionCache(readMentionCache(file, "engine-1"));
    expect(listed(same.indexMentions())).toEqual(["c → mit: MIT", "m → mit: KEPT"]);
    expect(same.mentionCache()!.changed).toBe(false);

    // A note's title changed: every note is read again, and the result is a fresh index's.
    const renamed = new Site((await checkVault(files("Now C names MIT.\n", "Model M"))).vault);
    renamed.useMentionCache(readMentionCache(file, "engine-1"));
    const fresh = new Site((await checkVault(files("Now C names MIT.\n", "Model M"))).vault);
    expect(listed(renamed.indexMentions())).toEqual(listed(fresh.indexMentions()));
    expect(listed(renamed.indexMentions())).toEqual(["c → mit: MIT", "m → mit: MIT"]);
  });
});
