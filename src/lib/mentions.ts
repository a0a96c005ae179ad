/**
 * Unlinked mentions, as Obsidian shows them: a note that names another (its title or an alias, as whole words, in
 * any case) in its text without linking to it. One pass over the vault: every name goes into a trie of words, and
 * each note's text is walked word by word through it, so the cost grows with the text, not with text × names.
 * Pure: the text of each note comes from the caller (its body without code or markup), with each link's text between
 * U+0002 and U+0003: no mention is found inside a link, nor across one.
 */
import { proseText } from "./markdown/prose.ts";
import type { Note, Vault } from "./types.ts";

export { fillProse, proseText } from "./markdown/prose.ts";

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

/** What a word is; `nextWord` reads words without the expression (a test holds the two together). */
export const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
/** Names shorter than this (in letters and digits) are too common to count as mentions ("AI", "Go"). */
const MIN_NAME = 3;
const EXCERPT = 60;

// Decomposing is the costly part, and only a word beyond ASCII needs it.
const NON_ASCII = /[^\u0000-\u007f]/;
const fold = (w: string) => (NON_ASCII.test(w) ? w.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : w).toLowerCase();

/**
 * Every note's names as a trie of words (names too short to mean anything are left out), and `others`: names of
 * things with no note, which name nothing but, being the longer match, keep a note's name inside them from counting
 * ("MIT License" is no mention of MIT).
 */
export function buildNameTrie(slugs: readonly string[], names: (slug: string) => readonly string[], others: readonly string[] = []): NameTrie {
  const root: TrieNode = { next: new Map() };
  const nodeOf = (name: string) => {
    // A name holding a fenced link could only match across one, which no text walk does.
    if (/\u0002[^\u0003]*\u0003/.test(name)) return undefined;
    const words: string[] = [];
    for (let w = nextWord(name, 0, name.length); w !== -1; w = nextWord(name, w[1], name.length)) words.push(fold(name.slice(w[0], w[1])));
    if (!words.length || words.join("").length < MIN_NAME) return undefined;
    let node = root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map() }));
      node = child;
    }
    return node;
  };
  for (const slug of slugs) {
    for (const name of new Set(names(slug))) {
      const node = nodeOf(name);
      if (!node) continue;
      const named = (node.slugs ??= []);
      if (!named.includes(slug)) named.push(slug);
    }
  }
  for (const name of others) {
    const node = nodeOf(name);
    if (node) node.slugs ??= []; // a note of that very name still counts
  }
  return root;
}

export type NameTrie = TrieNode;

/**
 * The notes `from`'s text mentions without linking (`links`: the notes it links to), each once, in text order, with
 * where in the text the name starts.
 */
export function mentionsFrom(trie: NameTrie, from: string, body: string, linked: ReadonlySet<string>): [to: string, mention: Mention, start: number][] {
  const out: [string, Mention, number][] = [];
  if (!body) return out;
  const seen = new Set<string>();
  eachName(trie, body, (slugs, start, end) => {
    for (const to of slugs) {
      if (to === from || linked.has(to) || seen.has(to)) continue;
      seen.add(to);
      out.push([to, { from, name: body.slice(start, end), excerpt: excerptAround(body, start, end) }, start]);
    }
  });
  return out;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Whether a surrogate pair (one code point) starts at `i`. */
const pairAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
};
/** Whether the code unit at `i` is a letter or digit (what WORD's classes hold), ASCII without a regular expression. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(text.slice(i, pairAt(text, i) ? i + 2 : i + 1));
}
const JOINER = new Set(["'", "’", ".", "-"]);

/** The next word (as WORD matches it) in `text[from, to)`: its start and end, or -1. */
export function nextWord(text: string, from: number, to: number): [start: number, end: number] | -1 {
  let i = from;
  while (i < to && !isWordChar(text, i)) i++;
  if (i >= to) return -1;
  const start = i;
  for (;;) {
    while (i < to && isWordChar(text, i)) i += text.charCodeAt(i) >= 0xd800 && pairAt(text, i) ? 2 : 1;
    if (i + 1 < to && JOINER.has(text[i]) && isWordChar(text, i + 1)) i++;
    else return [start, i];
  }
}

/**
 * Calls `found` for each name in `text`, the longest one starting at a word winning ("Llama 4" over "Llama"), then
 * going on after it. One pass: a word that starts no name costs a lookup, and only one that does reads the words
 * after it. No name runs into or out of a fenced link (U+0002 … U+0003).
 */
function eachName(trie: NameTrie, text: string, found: (slugs: string[], start: number, end: number) => void): void {
  for (let at = 0; at < text.length; ) {
    const open = text.indexOf("\u0002", at);
    const close = open < 0 ? -1 : text.indexOf("\u0003", open);
    const end = close < 0 ? text.length : open; // an unclosed U+0002 fences nothing
    namesIn(trie, text, at, end, found);
    at = close < 0 ? text.length : close + 1;
  }
}

/** `eachName` within `text[from, to)`, which holds no fence. */
function namesIn(trie: NameTrie, text: string, from: number, to: number, found: (slugs: string[], start: number, end: number) => void): void {
  for (let w = nextWord(text, from, to); w !== -1; ) {
    let node = trie.next.get(fold(text.slice(w[0], w[1])));
    if (!node) {
      w = nextWord(text, w[1], to);
      continue;
    }
    const start = w[0];
    let best = node.slugs ? { slugs: node.slugs, end: w[1] } : undefined;
    for (let n = nextWord(text, w[1], to); n !== -1 && (node = node.next.get(fold(text.slice(n[0], n[1])))); n = nextWord(text, n[1], to)) if (node.slugs) best = { slugs: node.slugs, end: n[1] };
    if (best) found(best.slugs, start, best.end);
    w = nextWord(text, best ? best.end : w[1], to);
  }
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

/** An unlinked mention for the checker: where `from`'s file names `to` without linking it. */
export interface MentionHint {
  file: string;
  line: number;
  column: number;
  from: string;
  to: string;
  name: string;
}

/** The names a note is mentioned by: its title and aliases. */
export const mentionNames = (n: Note): string[] => [n.title, ...n.fields.aliases];

/** Fields whose values name things that have no notes of their own here: licences ("MIT License", "Apache 2.0"). */
const NAME_FIELDS = ["license"];

/** The names of things without notes that the vault's notes give in `NAME_FIELDS`, distinct, sorted. */
export function otherNames(vault: Vault): string[] {
  const names = new Set<string>();
  for (const n of vault.notes) for (const field of NAME_FIELDS) for (const v of n.fields.values[field] ?? []) if (typeof v.value === "string") names.add(v.value);
  return [...names].sort();
}

/** The trie of every note's names in a vault: what the pages' mention index and the checker's hints both walk. */
export function vaultNameTrie(vault: Vault, others = otherNames(vault)): NameTrie {
  return buildNameTrie(vault.notes.map((n) => n.slug), (slug) => mentionNames(vault.bySlug.get(slug)!), others);
}

/** Every note's unlinked mentions of other notes, with their places in the files (one trie, one pass per note). */
export function mentionHints(vault: Vault): MentionHint[] {
  const trie = vaultNameTrie(vault);
  const out: MentionHint[] = [];
  for (const n of vault.notes) {
    if (!n.parsed.prose) throw new Error(`${n.file} was parsed without its prose: load the vault with \`prose: true\` for mention hints`);
    const { text, at } = proseText(n.parsed.prose, () => "");
    for (const [to, m, start] of mentionsFrom(trie, n.slug, text, linkedFrom(n))) out.push({ file: n.file, ...at(start), from: n.slug, to, name: m.name.replace(/\s+/g, " ") });
  }
  return out;
}

/** The notes a note already links to, by a wikilink, a relation or a citation: not mentions to offer. */
export function linkedFrom(n: Note): Set<string> {
  return new Set([...n.links.map((l) => l.to), ...n.relations.map((r) => r.to), ...n.cites].filter((x): x is string => !!x));
}
