/**
 * How much JavaScript a page makes the browser load (gzipped, as a server would send it), counted in Chromium: every
 * script file fetched plus the page's inline scripts that are code (not JSON data). Shared by the JavaScript-budget
 * test and the bench's page-weight table.
 */
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";

export interface ScriptWeight {
  files: number;
  bytes: number;
  gzipBytes: number;
}

/** Starts counting on `page`; `total()` is the weight of what loaded so far. Call before `page.goto`. */
export function countScripts(page: Page): { total(): Promise<ScriptWeight> } {
  const bodies: Promise<Buffer | undefined>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") bodies.push(r.body().catch(() => undefined));
  });
  return {
    async total() {
      const files = (await Promise.all(bodies)).filter((b): b is Buffer => !!b);
      const inline = await page.evaluate(() =>
        [...document.querySelectorAll("script:not([src])")]
          .filter((s) => !/json/.test(s.getAttribute("type") ?? ""))
          .map((s) => s.textContent ?? ""),
      );
      const all = [...files, ...inline.map((t) => Buffer.from(t))];
      return { files: files.length, bytes: all.reduce((n, b) => n + b.length, 0), gzipBytes: all.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) };
    },
  };
}
