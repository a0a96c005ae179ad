/**
 * The one way from an `atlas()` integration to the pages it renders. Astro bundles the pages with Vite, in a module
 * graph of their own; the integration's build context (src/lib/context.ts: the vault, its settings, the site model)
 * lives in the process that runs the integration. The `virtual:atlas/site` module each integration makes names its
 * context by an id, and imports this module natively (not through Vite, so both sides share one instance) to find it.
 * Keyed by id, not a single slot: two builds in one process (tests, a CLI that builds twice) never see each other's.
 */
import type { BuildContext } from "../lib/context.ts";

const contexts = new Map<string, BuildContext>();
let next = 0;

/** Registers a context for the pages; returns the id its virtual module names. */
export function register(context: BuildContext): string {
  // Not the process id: the pages' module that names it is part of what an incremental build hashes (the same id
  // in every build's first context keeps the cache valid from one build to the next).
  const id = `atlas-${++next}`;
  contexts.set(id, context);
  return id;
}

export function contextById(id: string): BuildContext {
  const c = contexts.get(id);
  if (!c) throw new Error(`atlas: no build context ${id} (is the \`atlas()\` integration in astro.config.mjs?)`);
  return c;
}

/** Forgets a context once its build is done, so its vault can be collected. */
export function unregister(id: string): void {
  contexts.delete(id);
}
