/**
 * The incremental build's shortcut (src/lib/pages/affected.ts): a page outside the notes a change can reach keeps its
 * last key without its data being made. Checked here on the wiki's own vault and on the Obsidian fixture, through a
 * run of seeded random edits of every kind (prose, a name mentioned, a link added or removed, a title, an alias, a
 * summary, a field, a relation, a note added and removed, an embed): after each, every page key is made again, and
 * each note whose page key, preview key or search document changed must be among the affected notes.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { searchDocument } from "../../src/integration/pagefind.ts";
import { affectedNotes, NOTE_INDEX_VERSION, noteStates, type NoteIndex } from "../../src/lib/pages/affected.ts";
import { PageKeys } from "../../src/lib/pages/keys.ts";
import { ParseCache } from "../../src/lib/parse-cache.ts";
import { Site } from "../../src/lib/site.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { tempCopy, tempDir } from "../helpers/temp.ts";

const ROOT = join(import.meta.dirname, "../..");

/** A small seeded generator (mulberry32): the same edits on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The vault in `dir` as a build sees it: every note's page and preview key, and the note index a build would keep. */
async function snapshot(dir: string, cache: ParseCache) {
  const vault = await loadVault(dir, { cwd: dir, cache });
  const site = new Site(vault);
  site.indexMentionsAndRelease();
  const keys = new PageKeys(site);
  const states = noteStates(site);
  for (const [slug, state] of states) {
    state.key = keys.note(slug);
    state.preview = keys.preview(slug);
    state.search = keys.search(slug, () => searchDocument(site, slug));
  }
  const index: NoteIndex = { version: NOTE_INDEX_VERSION, frame: keys.frame, notes: Object.fromEntries(states) };
  return { site, states, index, errors: site.errors.map((e) => `${e.file}:${e.line} ${e.message}`) };
}

/** The Markdown files of a vault, by path relative to it. */
function notesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md") && e.name !== "README.md")
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

type Edit = (ctx: { dir: string; pick: <T>(xs: readonly T[]) => T; slugs: string[]; titles: Map<string, string>; files: string[] }) => string;

const frontmatterEnd = (text: string) => text.indexOf("\n---", 3);
/** Sets a frontmatter line (`key: value`), adding it when missing. */
function setField(file: string, key: string, value: string): void {
  const text = readFileSync(file, "utf8");
  const end = frontmatterEnd(text);
  const head = text.slice(0, end);
  const line = new RegExp(`^${key}:.*$`, "m");
  writeFileSync(file, (line.test(head) ? head.replace(line, `${key}: ${value}`) : `${head}\n${key}: ${value}`) + text.slice(end));
}

const TYPED_EDITS: Record<string, Edit> = {
  prose: ({ dir, pick, files }) => {
    const f = pick(files);
    appendFileSync(join(dir, f), "\nA sentence added by the test.\n");
    return `prose in ${f}`;
  },
  mention: ({ dir, pick, files, titles }) => {
    const f = pick(files);
    const title = pick([...titles.values()]);
    appendFileSync(join(dir, f), `\nThis sentence names ${title} without a link.\n`);
    return `mention of ${title} in ${f}`;
  },
  "link added": ({ dir, pick, files, slugs }) => {
    const f = pick(files);
    const to = pick(slugs);
    appendFileSync(join(dir, f), `\nSee also [[${to}]].\n`);
    return `link to ${to} in ${f}`;
  },
  "link removed": ({ dir, pick, files }) => {
    const withLinks = files.filter((f) => /\[\[[^\]|#]+(\|[^\]]*)?\]\]/.test(readFileSync(join(dir, f), "utf8").slice(frontmatterEnd(readFileSync(join(dir, f), "utf8")))));
    const f = pick(withLinks);
    const text = readFileSync(join(dir, f), "utf8");
    const end = frontmatterEnd(text);
    writeFileSync(join(dir, f), text.slice(0, end) + text.slice(end).replace(/\[\[([^\]|#]+)(?:\|([^\]]*))?\]\]/, (_m, slug: string, label?: string) => label ?? slug));
    return `a link removed from ${f}`;
  },
  title: ({ dir, pick, files }) => {
    const f = pick(files);
    setField(join(dir, f), "title", `Retitled ${f.replace(/\W+/g, " ").trim()}`);
    return `title of ${f}`;
  },
  alias: ({ dir, pick, files }) => {
    const f = pick(files);
    setField(join(dir, f), "aliases", `[Another name for ${f.replace(/\W+/g, " ").trim()}]`);
    return `aliases of ${f}`;
  },
  summary: ({ dir, pick, files }) => {
    const f = pick(files);
    setField(join(dir, f), "summary", "A summary the test wrote.");
    return `summary of ${f}`;
  },
  released: ({ dir, pick, files }) => {
    const f = pick(files.filter((x) => x.startsWith("models/")));
    setField(join(dir, f), "released", "2020-01");
    return `released date of ${f}`;
  },
  related: ({ dir, pick, files, slugs }) => {
    const f = pick(files.filter((x) => x.startsWith("concepts/")));
    const to = pick(slugs.filter((s) => s.startsWith("open") || s.includes("model")));
    setField(join(dir, f), "related", `[${to}]`);
    return `related of ${f}: ${to}`;
  },
  "note added": ({ dir, pick, slugs }) => {
    const to = pick(slugs);
    writeFileSync(join(dir, "concepts/added-by-the-test.md"), `---\ntitle: Added by the test\ntype: concept\nsummary: A note the test adds.\n---\nIt links [[${to}]].\n`);
    return `a note linking ${to} added`;
  },
};

/** Runs `steps` seeded edits on a copy of `fixture`; after each, every changed key must be among the affected notes. */
async function check(fixture: string, edits: Record<string, Edit>, steps: number, seed: number) {
  const dir = tempCopy(fixture, "atlas-affected-");
  const cache = new ParseCache(tempDir("atlas-affected-cache-"), "test-engine");
  const pick = (() => {
    const next = random(seed);
    return <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  })();
  let before = await snapshot(dir, cache);
  expect(before.errors).toEqual([]);
  const kinds = Object.keys(edits);
  const reached: [kind: string, affected: number][] = [];
  for (let step = 0; step < steps; step++) {
    const kind = kinds[step % kinds.length];
    const slugs = [...before.states.keys()];
    const titles = new Map(before.site.vault.notes.map((n) => [n.slug, n.title]));
    const files = notesIn(dir).filter((f) => !f.includes("added-by-the-test"));
    // The note the last step added goes again (a note removed).
    if (kind === kinds[0] && step) rmSync(join(dir, "concepts/added-by-the-test.md"), { force: true });
    const what = edits[kind]({ dir, pick, slugs, titles, files });
    const after = await snapshot(dir, cache);
    expect(after.errors, what).toEqual([]);
    const affected = affectedNotes(after.site, after.index.frame, before.index, after.states);
    expect(affected, `${what}: the frame stays the same, so not every page is made again`).toBeDefined();
    const missed = [...after.states].filter(([slug, s]) => (["key", "preview", "search"] as const).some((k) => s[k] !== before.index.notes[slug]?.[k]) && !affected!.has(slug)).map(([slug]) => slug);
    expect(missed, `${what}: pages changed outside the affected notes`).toEqual([]);
    reached.push([kind, affected!.size]);
    before = after;
  }
  return { notes: before.states.size, reached };
}

describe("the notes a change can reach (incremental build)", () => {
  it("hold every page whose key changed, over random edits of the wiki's own vault, and leave most pages out", { timeout: 240_000 }, async () => {
    const { notes, reached } = await check(join(ROOT, "content"), TYPED_EDITS, 20, 7);
    // The shortcut is worth having: an edit that leaves the graph as it was (most edits) reaches a few notes. An edit
    // of the graph reaches more in this vault, where most models sit next to a few notes with hundreds of neighbours.
    const content = reached.filter(([kind]) => ["mention", "summary", "alias", "released"].includes(kind));
    expect(content.length).toBeGreaterThan(4);
    for (const [kind, n] of content) expect(n, kind).toBeLessThan(notes * 0.02);
  });

  it("hold every page whose key changed in an Obsidian vault, through embeds, bases and folder notes", { timeout: 120_000 }, async () => {
    const edits: Record<string, Edit> = {
      prose: TYPED_EDITS.prose,
      "link added": TYPED_EDITS["link added"],
      mention: TYPED_EDITS.mention,
      title: TYPED_EDITS.title,
      embed: ({ dir, pick, files, slugs }) => {
        const f = pick(files);
        const to = pick(slugs);
        appendFileSync(join(dir, f), `\n![[${to}]]\n`);
        return `embed of ${to} in ${f}`;
      },
      property: ({ dir, pick, files }) => {
        const f = pick(files.filter((x) => readFileSync(join(dir, x), "utf8").startsWith("---\n")));
        setField(join(dir, f), "status", "changed-by-the-test");
        return `a property of ${f}`;
      },
    };
    await check(join(ROOT, "tests/fixtures/obsidian"), edits, 12, 11);
  });
});
