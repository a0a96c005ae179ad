/**
 * Page weight by page type (part of `npm run bench`): for the home page, one note of each type, the type index of
 * models, the timeline, the graph and search, the HTML's gzipped size and the JavaScript Chromium loads before any
 * interaction (gzipped; a note's local graph brings its own code only when scrolled into view).
 *
 *   node scripts/bench-weight.ts <built site>    prints a Markdown section on stdout
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "./lib/browser.ts";
import { existsSync } from "node:fs";
import { countScripts } from "./lib/page-weight.ts";
import { serveDir } from "./lib/serve.ts";
import { REGISTRY } from "../src/lib/registry.ts";

const dist = process.argv[2];
if (!dist) throw new Error("usage: node scripts/bench-weight.ts <built site>");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const html = (path: string) => readFileSync(join(dist, path, "index.html"));

// A note of each type: the first one its index lists.
const pages: [label: string, path: string][] = [["home", "/"]];
for (const t of REGISTRY.types) {
  if (!existsSync(join(dist, t.folder, "index.html"))) continue; // a type with no index here (plain notes in a typed vault)
  const first = /<th scope="row"[^>]*><a href="([^"]+)"/.exec(html(t.folder).toString())?.[1];
  const name = t.label.one.toLowerCase();
  if (first) pages.push([`${/^[aeiou]/.test(name) ? "an" : "a"} ${name} note`, first]);
}
pages.push(["/models/ (comparison)", "/models/"], ["/timeline/", "/timeline/"], ["/graph/", "/graph/"], ["/search/", "/search/"]);

const site = await serveDir(dist);
const browser = await launchBrowser({ webgl: true });
const rows: string[] = [];
try {
  for (const [label, path] of pages) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const scripts = countScripts(page);
    await page.goto(`${site.url}${path}`);
    await page.waitForLoadState("networkidle");
    const js = await scripts.total();
    const htmlGz = gzipSync(html(decodeURIComponent(path)), { level: 9 }).length;
    rows.push(`| ${label} | \`${path}\` | ${kb(htmlGz)} | ${js.gzipBytes <= 50 * 1024 || !/ note$/.test(label) ? "" : "**"}${kb(js.gzipBytes)}${js.gzipBytes <= 50 * 1024 || !/ note$/.test(label) ? "" : "**"} in ${js.files} file(s) |`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
console.log(
  [
    "### Page weight (the same vault's site, in Chromium)",
    "",
    "JavaScript loaded before any interaction, gzipped; target for a note page: at most 50 KB before its local graph scrolls into view.",
    "",
    "| page | address | HTML, gzip | JavaScript before interaction, gzip |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n"),
);
