/**
 * The pages' one way to the data: the checked vault from `CONTENT_DIR` (default `content/`), loaded once per process.
 */
import { resolve } from "node:path";
import { getSite, type Site } from "./lib/site.ts";
import { loadVault } from "./lib/vault.ts";

export const contentDir = resolve(process.env.CONTENT_DIR || "content");

export function site(): Promise<Site> {
  return getSite(contentDir, import.meta.env.BASE_URL, (dir) => loadVault(dir), import.meta.env.DEV);
}
