/**
 * Old addresses that still work: a note's alias written as a slug (what `npm run rename` leaves behind: the old
 * slug) gets a page at `/<alias>/` that sends the reader to the note. Only aliases that are valid slugs, are no
 * note's slug or one of the site's own addresses, and name this note alone.
 */
import { isSlug } from "./resolve.ts";
import type { Vault } from "./types.ts";

export interface Redirect {
  /** The old address's slug. */
  from: string;
  /** The note it now belongs to. */
  to: string;
}

export function redirects(vault: Vault): Redirect[] {
  const out: Redirect[] = [];
  const seen = new Set<string>();
  for (const note of vault.notes) {
    for (const alias of note.fields.aliases) {
      if (!isSlug(alias) || seen.has(alias) || vault.registry.reservedSlugs.has(alias) || vault.filesBySlug.has(alias)) continue;
      if (vault.index.resolve(alias) !== note.slug) continue;
      seen.add(alias);
      out.push({ from: alias, to: note.slug });
    }
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : 1));
}
