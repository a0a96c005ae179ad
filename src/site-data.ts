/**
 * The pages' one way to the data: the checked vault from `CONTENT_DIR` (default `content/`), loaded once per process.
 */
import { contentDirFrom } from "./lib/content-dir.ts";
import { getSite, type Site } from "./lib/site.ts";
import { loadVault } from "./lib/vault.ts";

// npm scripts and Astro run from the project root; the build script passes an absolute CONTENT_DIR.
export const contentDir = contentDirFrom(process.env, process.cwd());

export function site(): Promise<Site> {
  return getSite(contentDir, import.meta.env.BASE_URL, (dir) => loadVault(dir), import.meta.env.DEV);
}
