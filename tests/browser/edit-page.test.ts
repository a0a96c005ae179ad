/**
 * A reader who wants to fix a note: on its page, "Last updated" (from the file's last commit, else the note's own
 * `updated`), and "Edit this page" opens the file in the repository's editor. The site is built from a temporary git
 * repository with dated commits; the repository host is not contacted (the browser's request to it is answered here).
 */
import { appendFileSync, cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { buildSite, ROOT, serve } from "../helpers/cli.ts";
import { commit, gitRepo } from "../helpers/git.ts";

let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  const repo = gitRepo({ "README.md": "test repository\n" });
  cpSync(join(ROOT, "tests/fixtures/vault"), join(repo, "content"), { recursive: true });
  commit(repo, "the fixture vault", "2025-03-04T10:00:00Z");
  appendFileSync(join(repo, "content/models/widget-7b.md"), "\nA sentence added later.\n");
  commit(repo, "widget-7b: a sentence", "2026-01-02T09:30:00Z");
  // Not committed yet: only its frontmatter says when it was updated.
  writeFileSync(join(repo, "content/concepts/draft.md"), "---\ntitle: Draft\ntype: concept\nsummary: Not committed.\nupdated: 2024-05\n---\nSee [[widget-7b]].\n");
  site = await serve(buildSite(join(repo, "content")));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("a note page's source", () => {
  it("says when the note was last changed, from git or else its frontmatter", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/widget-7b/`);
    expect(await page.locator(".note-source .updated").innerText()).toBe("Last updated 2 January 2026");
    expect(await page.locator(".note-source time").getAttribute("datetime")).toBe("2026-01-02");
    await page.goto(`${site.url}/acme-ai/`);
    expect(await page.locator(".note-source .updated").innerText()).toBe("Last updated 4 March 2025");
    await page.goto(`${site.url}/draft/`);
    expect(await page.locator(".note-source .updated").innerText()).toBe("Last updated May 2024 (as the note says)");
    await page.close();
  });

  it("'Edit this page' opens the note's file in the repository; 'History' lists its commits", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/widget-7b/`);
    const history = await page.getByRole("link", { name: "History" }).getAttribute("href");
    expect(history).toMatch(/^https:\/\/[^/]+\/.+\/commits\/main\/content\/models\/widget-7b\.md$/);
    const edit = await page.getByRole("link", { name: "Edit this page" }).getAttribute("href");
    expect(edit).toBe(history!.replace("/commits/main/", "/edit/main/"));
    // Follow it as a reader does; the repository host answers from here.
    const host = new URL(edit!).origin;
    await page.route(`${host}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: `<title>editor</title><h1>${route.request().url()}</h1>` }));
    await page.getByRole("link", { name: "Edit this page" }).click();
    await page.waitForURL(edit!);
    expect(await page.locator("h1").innerText()).toBe(edit);
    await page.close();
  });
});
