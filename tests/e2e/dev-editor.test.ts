/**
 * The dev server as a contributor's editor: a note whose frontmatter breaks shows the checker's messages at its
 * address (and in the terminal) instead of vanishing; fixing it brings the page back; a note scaffolded with
 * `npm run new` while the server runs gets its page, with its problems on it. No restart anywhere.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runScript, startDevServer } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp.ts";

/** The page at `url` once `test` holds (a save takes a moment to reach it; a busy server may drop a connection). */
async function until(url: string, test: (html: string) => boolean): Promise<string> {
  let html = "";
  for (let i = 0; i < 120; i++) {
    try {
      html = await (await fetch(url)).text();
      if (test(html)) return html;
    } catch {
      /* the server is busy re-reading the vault: ask again */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return html;
}

describe("dev server while a contributor edits", () => {
  it("shows a broken note's problems at its address, and the note again once fixed; new notes get pages", async () => {
    const dir = join(tempDir("atlas-editor-"), "vault");
    cpSync(join(ROOT, "tests/fixtures/vault"), dir, { recursive: true });
    const dev = await startDevServer(dir);
    try {
      const page = `${dev.url}/widget-7b/`;
      expect(await until(page, (h) => h.includes("<h1>Widget 7B</h1>"))).toContain("<h1>Widget 7B</h1>");
      const file = join(dir, "models/widget-7b.md");
      const good = readFileSync(file, "utf8");
      writeFileSync(file, good.replace("released: 2026-01", "released: [2026-01"));
      const broken = await until(page, (h) => h.includes("The checker cannot read this note yet"));
      expect(broken).toContain("The checker cannot read this note yet");
      expect(broken).toMatch(/<code>[^<]*models\/widget-7b\.md:9:1<\/code> <strong>error<\/strong> <code>yaml-syntax<\/code> invalid YAML/);
      expect(broken).toContain('<div class="hint">hint: check the indentation');
      expect(dev.log()).toMatch(/\[ERROR\] \[atlas\] \S*models\/widget-7b\.md:9:1 {2}error {2}yaml-syntax/);

      writeFileSync(file, good);
      const fixed = await until(page, (h) => h.includes("<h1>Widget 7B</h1>"));
      expect(fixed).toContain("<h1>Widget 7B</h1>");
      expect(fixed).not.toContain(`class="note-problems-list"`);

      const created = runScript("new", ["concept", "Fresh Idea"], { CONTENT_DIR: dir });
      expect(created.code).toBe(0);
      const fresh = await until(`${dev.url}/fresh-idea/`, (h) => h.includes("<h1>Fresh Idea</h1>"));
      expect(fresh).toContain("<h1>Fresh Idea</h1>");
      // Its warnings are on its page while editing, with their hints.
      expect(fresh).toMatch(/The checker found 4 problems in this note[\s\S]*<code>orphan<\/code>[\s\S]*<code>uncited<\/code>[\s\S]*<code>placeholder<\/code>/);
    } finally {
      dev.stop();
    }
  });
});
