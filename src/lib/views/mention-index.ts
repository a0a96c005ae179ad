/**
 * The site's index of unlinked mentions (src/lib/mentions.ts): for each note, the notes that name it (its title or an
 * alias) in their text without linking to it, made once per site from the prose kept with each parse. The dev
 * server hands one site's per-note results to the next (`cache`): a note whose file and links did not change, while
 * the vault's names stayed the same, mentions what it did.
 */
import { fillProse, linkedFrom, mentionNames, mentionsFrom, otherNames, vaultNameTrie, type Mention, type NameTrie } from "../mentions.ts";
import type { ParsedNote } from "../parse-note.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";

interface MentionCacheEntry {
  parsed: ParsedNote;
  linksKey: string;
  found: [to: string, mention: Mention, start: number][];
}

/** One site's mention results, for the next site of the same vault. */
export interface MentionCache {
  namesKey: string;
  trie: NameTrie;
  perNote: Map<string, MentionCacheEntry>;
}

/** The index: mentions of each note by slug, and the cache for the next site. */
export function indexMentions(site: Site, earlierCache?: MentionCache): { mentions: Map<string, Mention[]>; cache: MentionCache } {
  const { vault } = site;
  const notes = vault.notes;
  const others = otherNames(vault);
  const namesKey = `${notes.map((n) => `${n.slug}\u0000${mentionNames(n).join("\u0000")}`).join("\u0001")}\u0001\u0001${others.join("\u0000")}`;
  const earlier = earlierCache?.namesKey === namesKey ? earlierCache : undefined;
  const trie: NameTrie = earlier?.trie ?? vaultNameTrie(vault, others);
  const perNote = new Map<string, MentionCacheEntry>();
  const out = new Map<string, Mention[]>();
  for (const n of notes) {
    const linked = linkedFrom(n);
    const linksKey = [...linked].sort().join(" ");
    const old = earlier?.perNote.get(n.slug);
    const entry = old && old.parsed === n.parsed && old.linksKey === linksKey ? old : { parsed: n.parsed, linksKey, found: mentionsFrom(trie, n.slug, mentionText(site, n), linked) };
    perNote.set(n.slug, entry);
    for (const [to, m] of entry.found) {
      const list = out.get(to);
      if (list) list.push(m);
      else out.set(to, [m]);
    }
  }
  return { mentions: out, cache: { namesKey, trie, perNote } };
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
