/**
 * The one resolver: maps what a writer types (a slug, a title or an alias, any case) to a note, and finds the
 * nearest names when nothing matches. The checker, the renderer and the graph all resolve through it.
 */

export interface IndexedNote {
  slug: string;
  title: string;
  aliases: readonly string[];
  file: string;
}

export type NameKind = "slug" | "title" | "alias";

/** Two notes claiming the same name (case-insensitively). */
export interface NameCollision {
  name: string;
  first: { slug: string; kind: NameKind; file: string };
  second: { slug: string; kind: NameKind; file: string };
}

/** A slug for a name (`Nemotron 3 Super` → `nemotron-3-super`): what `npm run new`, `rename` and the hints propose. */
export function slugify(s: string): string {
  return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "note";
}

/** True for a valid slug: lowercase words (letters, digits) joined by single hyphens. */
export function isSlug(s: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s);
}

/** Folds a name for matching: case-insensitive, whitespace collapsed, spaces and hyphens alike. */
export function foldName(name: string): string {
  return name.normalize("NFKC").toLowerCase().trim().replace(/[\s_-]+/g, "-");
}

export class LinkIndex {
  readonly #byName = new Map<string, { slug: string; kind: NameKind; file: string }>();
  readonly #slugs: string[] = [];
  readonly collisions: NameCollision[] = [];

  constructor(notes: Iterable<IndexedNote>) {
    const entries: [string, NameKind][] = [];
    for (const note of notes) {
      this.#slugs.push(note.slug);
      entries.length = 0;
      entries.push([note.slug, "slug"], [note.title, "title"]);
      for (const alias of note.aliases) entries.push([alias, "alias"]);
      const seenHere = new Set<string>();
      for (const [name, kind] of entries) {
        const key = foldName(name);
        if (seenHere.has(key)) continue; // a note may repeat its own name (title equal to slug, say)
        seenHere.add(key);
        const existing = this.#byName.get(key);
        if (existing) {
          // Slugs win over titles and aliases: keep whichever is stronger, report the pair either way.
          this.collisions.push({ name, first: existing, second: { slug: note.slug, kind, file: note.file } });
          if (kind === "slug" && existing.kind !== "slug") this.#byName.set(key, { slug: note.slug, kind, file: note.file });
        } else {
          this.#byName.set(key, { slug: note.slug, kind, file: note.file });
        }
      }
    }
  }

  /** The slug a link target names, or null. */
  resolve(target: string): string | null {
    return this.#byName.get(foldName(target))?.slug ?? null;
  }

  /** Up to `max` existing slugs nearest to `target` (edit distance on folded names), best first. */
  suggest(target: string, max = 3): string[] {
    const key = foldName(target);
    const limit = Math.max(2, Math.floor(key.length / 3));
    const scored: { slug: string; d: number }[] = [];
    const seen = new Set<string>();
    for (const [name, entry] of this.#byName) {
      if (Math.abs(name.length - key.length) > limit && !name.includes(key) && !key.includes(name)) continue;
      const d = name.includes(key) || key.includes(name) ? Math.abs(name.length - key.length) / 4 : levenshtein(key, name, limit);
      if (d <= limit && !seen.has(entry.slug)) {
        scored.push({ slug: entry.slug, d });
      }
    }
    scored.sort((a, b) => a.d - b.d || a.slug.localeCompare(b.slug));
    const out: string[] = [];
    for (const s of scored) {
      if (seen.has(s.slug)) continue;
      seen.add(s.slug);
      out.push(s.slug);
      if (out.length === max) break;
    }
    return out;
  }
}

/** Edit distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}
