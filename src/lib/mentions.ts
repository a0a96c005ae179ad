/**
 * Unlinked mentions, as Obsidian shows them: a note that names another (its title or an alias, as whole words, in
 * any case) in its text without linking to it. One pass over the vault: every name goes into a trie of words, and
 * each note's text is walked word by word through it, so the cost grows with the text, not with text × names.
 * Pure: the text of each note comes from the caller (its body without code or markup), with each link's text between
 * U+0002 and U+0003: no mention is found inside a link, nor across one.
 */

export interface Mention {
  /** The mentioning note. */
  from: string;
  /** The name as written in the text. */
  name: string;
  /** The words around it. */
  excerpt: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Notes this sequence of words names. */
  slugs?: string[];
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
/** Names shorter than this (in letters and digits) are too common to count as mentions ("AI", "Go"). */
const MIN_NAME = 3;
const EXCERPT = 60;

const fold = (w: string) => w.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

const FENCE = /\u0002[^\u0003]*\u0003/g;

/** The words of a text; a fenced link counts as one word that names nothing, so no name spans it. */
function wordsOf(text: string): { word: string; start: number; end: number }[] {
  const words: { word: string; start: number; end: number }[] = [];
  let at = 0;
  const add = (part: string, offset: number) => {
    for (const m of part.matchAll(WORD)) words.push({ word: fold(m[0]), start: offset + m.index!, end: offset + m.index! + m[0].length });
  };
  for (const f of text.matchAll(FENCE)) {
    add(text.slice(at, f.index), at);
    words.push({ word: "\u0002", start: f.index!, end: f.index! + f[0].length });
    at = f.index! + f[0].length;
  }
  add(text.slice(at), at);
  return words;
}

/** Every note's names as a trie of words (names too short to mean anything are left out). */
export function buildNameTrie(slugs: readonly string[], names: (slug: string) => readonly string[]): NameTrie {
  const root: TrieNode = { next: new Map() };
  for (const slug of slugs) {
    for (const name of new Set(names(slug))) {
      const words = wordsOf(name).map((w) => w.word);
      if (!words.length || words.join("").length < MIN_NAME) continue;
      let node = root;
      for (const w of words) {
        let child = node.next.get(w);
        if (!child) node.next.set(w, (child = { next: new Map() }));
        node = child;
      }
      const named = (node.slugs ??= []);
      if (!named.includes(slug)) named.push(slug);
    }
  }
  return root;
}

export type NameTrie = TrieNode;

/** The notes `from`'s text mentions without linking (`links`: the notes it links to), each once, in text order. */
export function mentionsFrom(trie: NameTrie, from: string, body: string, linked: ReadonlySet<string>): [to: string, mention: Mention][] {
  const out: [string, Mention][] = [];
  if (!body) return out;
  const words = wordsOf(body);
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    // The longest name starting here wins ("Llama 4" over "Llama").
    let node: TrieNode | undefined = trie;
    let best: { slugs: string[]; end: number } | undefined;
    for (let j = i; j < words.length && (node = node.next.get(words[j].word)); j++) if (node.slugs) best = { slugs: node.slugs, end: j };
    if (!best) continue;
    for (const to of best.slugs) {
      if (to === from || linked.has(to) || seen.has(to)) continue;
      seen.add(to);
      const start = words[i].start;
      const end = words[best.end].end;
      out.push([to, { from, name: body.slice(start, end), excerpt: excerptAround(body, start, end) }]);
    }
    i = best.end;
  }
  return out;
}

/** The words around `start`–`end`, cut at word boundaries, with an ellipsis where the text goes on. */
function excerptAround(body: string, start: number, end: number): string {
  const before = body.slice(Math.max(0, start - EXCERPT), start);
  const after = body.slice(end, end + EXCERPT);
  const cutBefore = before.length === EXCERPT;
  const cutAfter = after.length === EXCERPT;
  const text = `${cutBefore ? "…" : ""}${cutBefore ? before.replace(/^\S*\s/, "") : before}${body.slice(start, end)}${cutAfter ? after.replace(/\s\S*$/, "") : after}${cutAfter ? "…" : ""}`;
  return text.replace(/[\u0002\u0003]/g, "").replace(/\s+/g, " ").trim();
}

/**
 * For each note, the other notes that mention it without a link: `names` gives each note's names (title and
 * aliases), `text` a note's plain text, `links` the notes it already links to (by any means).
 */
export function findUnlinkedMentions(
  slugs: readonly string[],
  names: (slug: string) => readonly string[],
  text: (slug: string) => string,
  links: (slug: string) => ReadonlySet<string>,
): Map<string, Mention[]> {
  const trie = buildNameTrie(slugs, names);
  const out = new Map<string, Mention[]>();
  for (const from of slugs) {
    for (const [to, m] of mentionsFrom(trie, from, text(from), links(from))) {
      const list = out.get(to);
      if (list) list.push(m);
      else out.set(to, [m]);
    }
  }
  return out;
}
