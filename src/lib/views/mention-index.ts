/**
 * The site's index of unlinked mentions (src/lib/mentions.ts): for each note, the notes that name it (its title or an
 * alias) in their text without linking to it, made once per site from the prose kept with each parse. One site's
 * per-note results serve the next (`cache`): a note whose text and links did not change, while the vault's names
 * stayed the same, mentions what it did. The dev server hands them from one site to the next in memory; a build
 * keeps them on disk for the next build (`readMentionCache`, `writeMentionCache`).
 */
import { textDigest } from "../digest.ts";
import { readFileSync } from "node:fs";
import { fillProse, linkedFrom, mentionNames, mentionsFrom, otherNames, vaultNameTrie, type Mention, type NameTrie } from "../mentions.ts";
import type { ParsedNote } from "../parse-note.ts";
import { writeWhole } from "../rename-or-copy.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";

interface MentionCacheEntry {
  /** The parse the text came from (in memory only): the same parse, the same text. */
  parsed?: ParsedNote;
  /** A digest of the text the note was read from. */
  textKey: string;
  linksKey: string;
  found: [to: string, mention: Mention, start: number][];
}

/** One site's mention results, for the next site of the same vault. */
export interface MentionCache {
  /** A digest of every note's names (and the names of things without notes): the trie the notes were read with. */
  namesKey: string;
  trie?: NameTrie;
  perNote: Map<string, MentionCacheEntry>;
  /** Whether any note was read again for it (else the next build's cache on disk is this one). */
  changed?: boolean;
}

/** The index: mentions of each note by slug, and the cache for the next site. */
export function indexMentions(site: Site, earlierCache?: MentionCache): { mentions: Map<string, Mention[]>; cache: MentionCache } {
  const { vault } = site;
  const notes = vault.notes;
  const others = otherNames(vault);
  const namesKey = textDigest(`${notes.map((n) => `${n.slug}\u0000${mentionNames(n).join("\u0000")}`).join("\u0001")}\u0001\u0001${others.join("\u0000")}`);
  const earlier = earlierCache?.namesKey === namesKey ? earlierCache : undefined;
  // Made only when a note has to be read again.
  let trie = earlier?.trie;
  const perNote = new Map<string, MentionCacheEntry>();
  const out = new Map<string, Mention[]>();
  let changed = !earlier || earlier.perNote.size !== notes.length;
  for (const n of notes) {
    const linked = linkedFrom(n);
    const linksKey = [...linked].sort().join(" ");
    const old = earlier?.perNote.get(n.slug);
    let entry: MentionCacheEntry;
    if (old && old.parsed === n.parsed && old.linksKey === linksKey) entry = old;
    else {
      const text = mentionText(site, n);
      const textKey = textDigest(text);
      if (old && old.textKey === textKey && old.linksKey === linksKey) entry = { ...old, parsed: n.parsed };
      else {
        trie ??= vaultNameTrie(vault, others);
        entry = { parsed: n.parsed, textKey, linksKey, found: mentionsFrom(trie, n.slug, text, linked) };
        changed = true;
      }
    }
    perNote.set(n.slug, entry);
    for (const [to, m] of entry.found) {
      const list = out.get(to);
      if (list) list.push(m);
      else out.set(to, [m]);
    }
  }
  return { mentions: out, cache: { namesKey, trie, perNote, changed } };
}

/** The on-disk form of a mention cache: its version, the engine that made it, the names' digest, one row per note. */
interface MentionCacheFile {
  version: 1;
  engine: string;
  namesKey: string;
  notes: [slug: string, textKey: string, linksKey: string, found: MentionCacheEntry["found"]][];
}

/**
 * The mention cache a build left in `file`, if it was made by this `engine` (a digest of the engine's code); else
 * undefined (every note is read again).
 */
export function readMentionCache(file: string, engine: string): MentionCache | undefined {
  let data: MentionCacheFile;
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as MentionCacheFile;
  } catch {
    return undefined;
  }
  if (data?.version !== 1 || data.engine !== engine || typeof data.namesKey !== "string" || !Array.isArray(data.notes)) return undefined;
  // A row of another shape (the file damaged) is left out: that note is read again.
  const row = (r: unknown): r is MentionCacheFile["notes"][number] => Array.isArray(r) && typeof r[0] === "string" && typeof r[1] === "string" && typeof r[2] === "string" && Array.isArray(r[3]) && r[3].every((f) => Array.isArray(f) && typeof f[0] === "string" && !!f[1] && typeof f[1] === "object");
  return { namesKey: data.namesKey, perNote: new Map(data.notes.filter(row).map(([slug, textKey, linksKey, found]) => [slug, { textKey, linksKey, found }])) };
}

/** Writes a site's mention cache to `file` for the next build (whole: never half written). */
export function writeMentionCache(file: string, engine: string, cache: MentionCache): Promise<void> {
  const data: MentionCacheFile = { version: 1, engine, namesKey: cache.namesKey, notes: [...cache.perNote].map(([slug, e]) => [slug, e.textKey, e.linksKey, e.found]) };
  return writeWhole(file, JSON.stringify(data));
}

/**
 * A note's text for mentions: its prose as kept with the parse (markdown/prose.ts), each link's text in it (an
 * excerpt reads whole) but fenced off, as the checker reads it (`check --mentions`, mentions.ts).
 */
function mentionText(site: Site, n: Note): string {
  const prose = n.parsed.proseText;
  if (prose === undefined) throw new Error(`${n.file} was parsed for the check alone (html: false), without its prose: load the vault for pages`);
  return fillProse(prose, (i) => {
    const link = n.links[i];
    return link ? site.links.readAs(link) : "";
  });
}
