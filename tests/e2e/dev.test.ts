/**
 * A contributor's dev server on a generated vault of hundreds of notes: start it, save a note, and the note's page
 * and the page of the note it now links to show the change, with no restart and no error in the log.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDevServer } from "../helpers/cli.ts";
import { generateVault } from "../helpers/gen-vault.ts";
import { tempDir } from "../helpers/temp.ts";

async function until(url: string, test: (html: string) => boolean): Promise<string> {
  let html = "";
  for (let i = 0; i < 80; i++) {
    html = await (await fetch(url)).text();
    if (test(html)) return html;
    await new Promise((r) => setTimeout(r, 250));
  }
  return html;
}

describe("dev server on a generated vault", () => {
  it("shows a saved note, and the backlink it adds, without a restart", async () => {
    const dir = join(tempDir("atlas-gen-"), "vault");
    generateVault(dir, 600);
    const concepts = readdirSync(join(dir, "concepts")).sort();
    const labs = readdirSync(join(dir, "labs")).sort();
    const slug = concepts[0].replace(/\.md$/, "");
    const target = labs[0].replace(/\.md$/, "");
    const dev = await startDevServer(dir);
    try {
      const before = await (await fetch(`${dev.url}/${slug}/`)).text();
      expect(before).toContain("<article");
      const file = join(dir, "concepts", concepts[0]);
      const marker = `A sentence saved just now about [[${target}]].`;
      writeFileSync(file, readFileSync(file, "utf8").replace(/\n---\n/, `\n---\n${marker}\n\n`));
      const after = await until(`${dev.url}/${slug}/`, (h) => h.includes("A sentence saved just now"));
      expect(after).toMatch(new RegExp(`A sentence saved just now about <a href="/${target}/"`));
      // The linked note's page lists the new backlink, with its sentence.
      const back = await until(`${dev.url}/${target}/`, (h) => h.includes("A sentence saved just now"));
      expect(back).toContain("<blockquote>A sentence saved just now about");
      expect(dev.log()).toMatch(/updated in \d+ ms/);
      expect(dev.log()).not.toMatch(/\[ERROR\]|Failed to run dependency scan/);
    } finally {
      dev.stop();
    }
  });
});
