/**
 * Which notes' pages a change to the vault can reach: what lets an incremental build skip the keys of the pages it
 * cannot (pages/keys.ts), instead of making every page's data to find the few that changed. The last build leaves
 * a note index (`NoteIndex`): for each note, digests of what its own page is made from, of what the graph holds of
 * it and of the unlinked mentions of it, its out-edges, and its pages' keys. This build compares each note's
 * state with it; a page can only have changed when
 * - its note's own inputs changed: its file's text, where the file is, how its links and relations resolved, its
 *   source line (edit link, last change); the note is *changed*;
 * - it shows a changed note's content: a neighbour in the graph either way shows its context sentence, title,
 *   summary or fields (backlinks, link titles, infobox values, a lab's models, a source's citations): one step;
 * - the graph around it changed: a note's small graph shows its neighbours (and, for a note with few, theirs),
 *   their titles and types, and the edges between them, ranked by degree, so a note whose title, type or out-edges
 *   changed (a link added or removed), and every note whose degree changed with it (the other end of each edge added,
 *   removed or changed), reach their neighbours and the notes with few neighbours next to those, in the graph
 *   before and after the change;
 * - the unlinked mentions of it changed;
 * - it embeds a page that changed (Obsidian's `![[note]]`, to any depth);
 * - it is made from the whole vault: a base (```base or an embedded `.base`), a folder note's listing.
 * Everything else every page shows (the site's settings, types, views, search bundles, errors, the engine) is in the
 * frame's digest (pages/keys.ts): when the frame changed, or the vault has errors, every page is made again.
 *
 * Pure: no Astro import. tests/unit/affected.test.ts checks, over random edits of a real vault, that every page
 * whose key changed is among the affected notes.
 */
import { textDigest } from "../digest.ts";
import { isBasePath } from "../bases/note.ts";
import type { Site } from "../site.ts";

export const NOTE_INDEX_VERSION = 1;

/** What a build knew of one note. */
export interface NoteState {
  /** A digest of the note's own inputs: its file's text and path, how its links, relations and citations resolved, its source line. */
  inputs: string;
  /** A digest of what a small graph shows of its node: its title and type (its edges are `out`). */
  graph: string;
  /** A digest of the unlinked mentions of it. */
  mentions: string;
  /** Its out-edges: each target slug with the edge's kinds and weight (`slug kinds weight`). */
  out: string[];
  /** Its page's key, and its link preview's (pages/keys.ts), when this build made or kept them. */
  key?: string;
  preview?: string;
  /** A digest of its search document (integration/pagefind.ts), when this build made or kept it. */
  search?: string;
}

/** What a build leaves for the next: its frame's digest and every note's state. */
export interface NoteIndex {
  version: number;
  frame: string;
  notes: Record<string, NoteState>;
}


/** Whether an index's notes have the shape this module reads (a cache file damaged by hand is no index). */
function wellFormed(notes: unknown): notes is Record<string, NoteState> {
  if (!notes || typeof notes !== "object") return false;
  return Object.values(notes).every(
    (s: Partial<NoteState> | null) => !!s && typeof s.inputs === "string" && typeof s.graph === "string" && typeof s.mentions === "string" && Array.isArray(s.out) && s.out.every((e) => typeof e === "string"),
  );
}

/** Every note's state in this site (without keys). */
export function noteStates(site: Site): Map<string, NoteState> {
  const { vault } = site;
  const { graph } = site.graph();
  const mentions = site.indexMentions();
  const out = new Map<string, NoteState>();
  for (const n of vault.notes) {
    const file = vault.filesBySlug.get(n.slug);
    const resolved = JSON.stringify([
      n.links.map((l) => [l.to, l.attachment, l.ambiguous, l.chosenBy, l.excluded, l.fragment, l.fragmentMissing]),
      n.relations.map((r) => r.to),
      n.citations.map((c) => c.to),
    ]);
    const source = JSON.stringify(site.sources.forNote(file?.path ?? "", n.fields.updated));
    const edges: string[] = [];
    if (graph.hasNode(n.slug)) graph.forEachOutEdge(n.slug, (_e, attrs, _s, to) => void edges.push(`${to} ${attrs.kinds.join(",")} ${attrs.weight}`));
    out.set(n.slug, {
      inputs: textDigest(`${file?.hash ?? JSON.stringify(n.parsed)}\u0000${file?.path}\u0000${n.file}\u0000${resolved}\u0000${source}`),
      graph: textDigest(`${n.title}\u0000${n.type}`),
      mentions: textDigest(JSON.stringify(mentions.get(n.slug) ?? [])),
      out: edges,
    });
  }
  return out;
}

/**
 * The notes whose pages may differ from the last build's (`previous`), or undefined when every page may (no index,
 * another frame, a vault with errors). `current`: `noteStates(site)`.
 */
export function affectedNotes(site: Site, frame: string, previous: NoteIndex | undefined, current: Map<string, NoteState>): Set<string> | undefined {
  if (!previous || previous.version !== NOTE_INDEX_VERSION || previous.frame !== frame || !wellFormed(previous.notes)) return undefined;
  if (site.errors.length) return undefined;
  const before = previous.notes;
  const affected = new Set<string>();
  /** Reach one step (content) and two steps (the graph). */
  const near = new Set<string>();
  const far = new Set<string>();
  const target = (edge: string) => edge.slice(0, edge.indexOf(" "));
  for (const [slug, now] of current) {
    const was = before[slug];
    if (!was) {
      // A note added: it and the other end of each of its edges (notes linking to it changed, and are seen below).
      far.add(slug);
      for (const e of now.out) far.add(target(e));
      continue;
    }
    if (was.mentions !== now.mentions) affected.add(slug);
    if (was.graph !== now.graph || was.out.join("\n") !== now.out.join("\n")) {
      far.add(slug);
      // The other end of every edge added, removed or changed: its degree, or the edge it shows, changed.
      const old = new Set(was.out);
      const fresh = new Set(now.out);
      for (const e of was.out) if (!fresh.has(e)) far.add(target(e));
      for (const e of now.out) if (!old.has(e)) far.add(target(e));
    } else if (was.inputs !== now.inputs) near.add(slug);
  }
  for (const [slug, was] of Object.entries(before)) {
    if (current.has(slug)) continue;
    far.add(slug);
    for (const e of was.out) far.add(target(e));
  }
  if (!near.size && !far.size && !affected.size) return affected;

  // Neighbours either way, in the graph before (from the index) and after (the site's graph).
  const { graph } = site.graph();
  let oldNear: Map<string, Set<string>> | undefined;
  const neighboursBefore = (slug: string): Set<string> => {
    if (!oldNear) {
      oldNear = new Map();
      const add = (a: string, b: string) => {
        let s = oldNear!.get(a);
        if (!s) oldNear!.set(a, (s = new Set()));
        s.add(b);
      };
      for (const [from, was] of Object.entries(before))
        for (const e of was.out) {
          add(from, target(e));
          add(target(e), from);
        }
    }
    return oldNear.get(slug) ?? new Set<string>();
  };
  const neighboursAfter = (slug: string): Iterable<string> => (graph.hasNode(slug) ? graph.neighbors(slug) : []);
  const degreeBefore = (slug: string) => neighboursBefore(slug).size;
  const degreeAfter = (slug: string) => (graph.hasNode(slug) ? graph.neighbors(slug).length : 0);
  // Only a note with fewer neighbours than this shows its neighbours' neighbours in its small graph.
  const { depth2Below } = site.graph().neighbourhood;
  const fewNeighbours = (slug: string) => degreeBefore(slug) < depth2Below || degreeAfter(slug) < depth2Below;
  /** The seeds, their neighbours, and (`second`) the neighbours of those that show depth 2. */
  const reach = (seeds: Iterable<string>, second: boolean) => {
    const seen = new Set(seeds);
    const first: string[] = [];
    for (const s of [...seen]) {
      for (const m of neighboursBefore(s)) if (!seen.has(m)) seen.add(m), first.push(m);
      for (const m of neighboursAfter(s)) if (!seen.has(m)) seen.add(m), first.push(m);
    }
    if (second) {
      for (const s of first) {
        for (const m of neighboursBefore(s)) if (!seen.has(m) && fewNeighbours(m)) seen.add(m);
        for (const m of neighboursAfter(s)) if (!seen.has(m) && fewNeighbours(m)) seen.add(m);
      }
    }
    for (const s of seen) affected.add(s);
  };
  reach(far, true);
  reach(near, false);

  // Pages made from the whole vault: bases, and an Obsidian folder note's listing.
  const { vault } = site;
  const folders = site.flavour.embeds ? site.folders() : undefined;
  const embeddedBy = new Map<string, string[]>();
  for (const n of vault.notes) {
    const path = vault.filesBySlug.get(n.slug)?.path ?? "";
    if (n.parsed.bases?.length || isBasePath(path) || folders?.has(n.slug)) affected.add(n.slug);
    for (const l of n.links) {
      if (!l.embed || !l.to) continue;
      // An embedded base is evaluated over the whole vault; an embedded canvas shows the notes it holds.
      if (isBasePath(vault.filesBySlug.get(l.to)?.path ?? "") || vault.bySlug.get(l.to)?.parsed.canvas) affected.add(n.slug);
      const list = embeddedBy.get(l.to);
      if (list) list.push(n.slug);
      else embeddedBy.set(l.to, [n.slug]);
    }
  }
  // A page that embeds a changed page changed too, to any depth.
  const queue = [...affected];
  while (queue.length) {
    for (const by of embeddedBy.get(queue.pop()!) ?? []) {
      if (affected.has(by)) continue;
      affected.add(by);
      queue.push(by);
    }
  }
  for (const slug of affected) if (!current.has(slug)) affected.delete(slug);
  return affected;
}
