/**
 * The note a site's home page leads with: the one `home` in atlas.yml names (as a wikilink would name it), else, in
 * an Obsidian vault, its `index.md`, `README.md` or `Home.md` at the root, as Quartz, Obsidian Publish and GitHub take
 * a folder's start page. Undefined when there is none: the home page then lists the vault.
 */
import type { Note, Vault } from "./types.ts";

/** Root files taken as the start page when `home` is not set, first found first. */
export const HOME_FILES = ["index.md", "readme.md", "home.md"] as const;

/** The slug `home` names, or null when it names no note. */
export function resolveHome(vault: Vault, home: string): string | null {
  const slug = vault.index.resolve(home.replace(/^\[\[|\]\]$/g, "").trim());
  return slug && vault.bySlug.has(slug) ? slug : null;
}

export function homeNote(vault: Vault, home: string | undefined, defaults: boolean): Note | undefined {
  if (home) {
    const slug = resolveHome(vault, home);
    return slug ? vault.bySlug.get(slug) : undefined;
  }
  if (!defaults) return undefined;
  const atRoot = new Map(vault.notes.filter((n) => !vault.filesBySlug.get(n.slug)?.path.includes("/")).map((n) => [vault.filesBySlug.get(n.slug)!.path.toLowerCase(), n]));
  for (const name of HOME_FILES) {
    const n = atRoot.get(name);
    if (n) return n;
  }
  return undefined;
}
