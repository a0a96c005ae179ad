/**
 * A vault's own identity in atlas.yml: each setting validated with a positioned sentence, defaults from the vault's
 * folder, the home note found as a link finds a note (and a home that names none is an error at its line).
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig, siteIdentity } from "../../src/lib/config.ts";
import { readEnv } from "../../src/lib/env.ts";
import { Site } from "../../src/lib/site.ts";
import { loadVault } from "../../src/lib/vault.ts";

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
function vault(files: Record<string, string>, from?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "atlas-settings-"));
  made.push(dir);
  if (from) cpSync(from, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("the site's settings", () => {
  it("reads the identity a vault gives itself", () => {
    const { site, problems } = parseConfig("title: Garden\ndescription: My notes.\norigin: https://notes.example/\nbase: /garden\nlanguage: de-CH\nrepository: https://git.example/me/garden.git\nbranch: trunk\nhome: Start here\nfooter: Written by me.\n");
    expect(problems).toEqual([]);
    expect(siteIdentity(site, "/x/vault")).toEqual({
      title: "Garden",
      description: "My notes.",
      origin: "https://notes.example",
      base: "/garden/",
      language: "de-CH",
      repository: { url: "https://git.example/me/garden", branch: "trunk" },
      home: "Start here",
      footer: "Written by me.",
      author: "Garden contributors",
    });
  });

  it("takes its defaults from the vault's folder, and claims no address", () => {
    expect(siteIdentity({}, "/home/me/Second Brain/")).toEqual({ title: "Second Brain", base: "/", language: "en", author: "Second Brain contributors" });
  });

  it("says what is wrong with a setting, where, and what to write", () => {
    const { problems, site } = parseConfig("title: Garden\norigin: https://notes.example/garden\nlanguage: 42\nrepository: git@host:me/x\nhome:\n");
    expect(site).toEqual({ title: "Garden" });
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message} | ${p.hint}`)).toEqual([
      "2:9 `origin` is \"https://notes.example/garden\", which has a path; `origin` is the scheme and host only (`https://example.org`), and the path goes in `base` (`base: /wiki/`) | the scheme and host the site is published at (`origin: https://example.org`); leave it out for relative links",
      "3:11 `language` is 42, which is not text | a BCP 47 language tag (`language: en`)",
      "4:13 `repository` is \"git@host:me/x\", which is not a web address; write the repository's web address, e.g. `https://github.com/owner/wiki` | the web address of the repository the notes are edited in (`repository: https://github.com/owner/wiki`)",
      "5:6 `home` is empty | the note the home page leads with, as a wikilink names it (`home: Start here`)",
    ]);
  });

  it("finds the home note as a link would, else an Obsidian vault's index, README or Home", async () => {
    const named = new Site(await loadVault(vault({ "atlas.yml": "home: Start here\n", "Notes/Start here.md": "# Hi", "index.md": "root" }), { cache: null }));
    expect(named.home()?.title).toBe("Start here");
    const readme = new Site(await loadVault(vault({ "README.md": "hello", "Other.md": "x" }), { cache: null }));
    expect(readme.home()?.title).toBe("README");
    const none = new Site(await loadVault(vault({ "Notes/index.md": "not at the root" }), { cache: null }));
    expect(none.home()).toBeUndefined();
  });

  it("binds a dataset to the vault's source note, and says where a binding is wrong", async () => {
    expect(parseConfig("datasets:\n  osai: my-index-note\n").site.datasets).toEqual({ osai: "my-index-note" });
    expect(parseConfig("datasets:\n  huggingface: x\n").problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(["2:3 `datasets` has `huggingface`, which is not one of its keys"]);
    const v = await loadVault(vault({ "atlas.yml": "notes: typed\ndatasets:\n  osai: nowhere\n", "concepts/a.md": "---\ntitle: A\ntype: concept\nsummary: A.\n---\nA.\n" }), { cache: null });
    const d = v.diagnostics.find((x) => x.rule === "config")!;
    expect([d.line, d.message]).toEqual([3, '`datasets.osai` is "nowhere", which names no source note of the vault']);
  });

  it("reports a home that names no note at its line", async () => {
    const v = await loadVault(vault({ "atlas.yml": "title: X\nhome: Nowhere\n", "a.md": "a" }), { cache: null });
    const d = v.diagnostics.find((x) => x.rule === "config")!;
    expect([d.line, d.column, d.severity, d.message]).toEqual([2, 7, "error", '`home` is "Nowhere", which names no note of the vault']);
  });
});

describe("the environment", () => {
  it("is read in one place, each bad value a sentence", () => {
    expect(readEnv({}).options).toEqual({ contentDir: "content", allowErrors: false, verbose: false });
    expect(readEnv({ CONTENT_DIR: "x", ATLAS_RAW_HTML: "sanitize", ATLAS_ALLOW_ERRORS: "1", ATLAS_SEARCH_SHARD_NOTES: "5" }).options).toMatchObject({ contentDir: "x", rawHtml: "sanitize", allowErrors: true, searchShardNotes: 5 });
    expect(readEnv({ ATLAS_RAW_HTML: "off", ATLAS_SEARCH_SHARD_NOTES: "-1", ATLAS_ALLOW_ERRORS: "yes" }).problems).toEqual([
      "ATLAS_RAW_HTML is one of refuse, sanitize, not `off`",
      "ATLAS_ALLOW_ERRORS is 1 (on) or 0 (off), not `yes`",
      "ATLAS_SEARCH_SHARD_NOTES is a whole number of notes above 0, not `-1`",
    ]);
  });
});
