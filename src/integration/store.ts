/**
 * The loaded site, held between the integration (which loads and checks the vault) and the pages (which read it
 * through the `virtual:atlas/site` module). This module is imported natively by both sides, never bundled by Vite,
 * so there is one instance per process: see the virtual module in index.ts. In dev the integration replaces the
 * site after each edit; a page reads whichever is current when it renders.
 */
import type { Site } from "../lib/site.ts";

let current: Site | undefined;
const stages: Record<string, number> = {};

export function setSite(site: Site): void {
  current = site;
}

export function site(): Site {
  if (!current) throw new Error("atlas: the vault is not loaded (is the `atlas()` integration in astro.config.mjs?)");
  return current;
}

/** Stage timings of this process's build, for `npm run bench`. */
export function recordStage(name: string, ms: number): void {
  stages[name] = (stages[name] ?? 0) + ms;
}

export function stageTimings(): Record<string, number> {
  return { ...stages };
}
