/**
 * The loaded site, held between the integration (which loads and checks the vault) and the pages (which read it
 * through the `virtual:atlas/site` module). This module is imported natively by both sides, never bundled by Vite,
 * so there is one instance per process: see the virtual module in index.ts. In dev the integration replaces the
 * site after each edit; a page reads whichever is current when it renders.
 */
import { NoteSources } from "../lib/note-source.ts";
import type { Site } from "../lib/site.ts";

let current: Promise<Site> | undefined;
const stages: Record<string, number> = {};

/** The site, or the promise of it while the vault loads (the dev server starts beside the load). */
export function setSite(site: Site | Promise<Site>): void {
  current = Promise.resolve(site);
  current.catch(() => {}); // a failed load is reported where it is awaited
}

export function site(): Promise<Site> {
  if (!current) return Promise.reject(new Error("atlas: the vault is not loaded (is the `atlas()` integration in astro.config.mjs?)"));
  return current;
}

let sources = new NoteSources({ prefix: "", dates: new Map() });

/** Each note's file in the repository, edit and history links and last-updated date (set once per start). */
export function setNoteSources(value: NoteSources): void {
  sources = value;
}

export function noteSources(): NoteSources {
  return sources;
}

/** Stage timings of this process's build, for `npm run bench`. */
export function recordStage(name: string, ms: number): void {
  stages[name] = (stages[name] ?? 0) + ms;
}

export function stageTimings(): Record<string, number> {
  return { ...stages };
}
