/**
 * `npm run check -- --changed`: which notes a branch's changes can have broken. The files it touched, plus every note
 * on either side of a link, relation or citation to or from a touched note, before or after the change: a note
 * that linked to a renamed or deleted note (now a broken link), one that lost its only inbound link (now an orphan),
 * one whose link names a heading the change removed. Pure: the two loaded vaults and the changed paths in, the files
 * to report on out.
 */
import type { ChangedPath } from "./git.ts";
import type { Note, Vault } from "./types.ts";

/** The slugs a note points at: body links, relations and citations (resolved ones). */
function outbound(note: Note): string[] {
  return [...note.links.map((l) => l.to), ...note.relations.map((r) => r.to), ...note.citations.map((c) => c.to)].filter((s): s is string => !!s);
}

/** The slugs pointing at `slug`: backlinks and citing notes. */
function inbound(vault: Vault, slug: string): string[] {
  return [...(vault.backlinks.get(slug) ?? []).map((b) => b.from), ...(vault.citedBy.get(slug) ?? [])];
}

export interface ChangedSet {
  /** Vault-relative paths (in the working tree) of the files the branch touched. */
  touched: Set<string>;
  /** Vault-relative paths of the other notes to report on: neighbours of the touched ones. */
  neighbours: Set<string>;
}

/**
 * `head` is the vault as it is now, `base` as it was at the base commit (undefined when the vault did not exist
 * there), `changes` the paths git reports between them.
 */
export function changedSet(head: Vault, base: Vault | undefined, changes: readonly ChangedPath[]): ChangedSet {
  const headPath = new Map(head.files.map((f) => [f.slug, f.path]));
  const headSlugOf = new Map(head.files.map((f) => [f.path, f.slug]));
  const baseSlugOf = new Map((base?.files ?? []).map((f) => [f.path, f.slug]));
  const touched = new Set<string>();
  const headSlugs = new Set<string>();
  const baseSlugs = new Set<string>();
  for (const c of changes) {
    if (c.status !== "deleted" && headSlugOf.has(c.path)) {
      touched.add(c.path);
      headSlugs.add(headSlugOf.get(c.path)!);
    }
    const old = c.from ?? c.path;
    if (c.status !== "added" && baseSlugOf.has(old)) baseSlugs.add(baseSlugOf.get(old)!);
  }
  const near = new Set<string>();
  // Now: whatever links to or is linked from a touched note.
  for (const slug of headSlugs) {
    for (const s of inbound(head, slug)) near.add(s);
    const note = head.bySlug.get(slug);
    if (note) for (const s of outbound(note)) near.add(s);
  }
  if (base) {
    // Before: whatever linked to or was linked from a touched note (its links may now be broken, or its only inbound
    // link gone), by the slug it has now.
    for (const slug of baseSlugs) {
      for (const s of inbound(base, slug)) near.add(s);
      const note = base.bySlug.get(slug);
      if (note) for (const s of outbound(note)) near.add(s);
    }
    // Now unresolved, but naming a touched note's old title or alias.
    for (const note of head.notes) {
      const targets = [...note.links.filter((l) => !l.to && l.target).map((l) => l.target), ...note.relations.filter((r) => !r.to).map((r) => r.ref), ...note.citations.filter((c) => !c.to).map((c) => c.ref)];
      if (targets.some((t) => baseSlugs.has(base.index.resolve(t) ?? ""))) near.add(note.slug);
    }
  }
  // A name a touched note now shares with another note: the collision is reported on either.
  for (const c of head.index.collisions) {
    if (headSlugs.has(c.first.slug) || headSlugs.has(c.second.slug)) near.add(c.first.slug).add(c.second.slug);
  }
  const neighbours = new Set<string>();
  for (const slug of near) {
    const path = headPath.get(slug);
    if (path && !touched.has(path)) neighbours.add(path);
  }
  return { touched, neighbours };
}
