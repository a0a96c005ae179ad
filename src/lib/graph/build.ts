/**
 * The landscape graph: one graphology graph built from the checked vault, a node per note and an edge per
 * connection. Body wikilinks, typed frontmatter relations and citations from A to B collapse into one directed edge
 * that keeps the set of kinds and counts the mentions as its weight. Unresolved targets and self-links are skipped.
 *
 * Pure: no Astro, no file system. Layout, serialization and exports read this graph; nothing re-reads the notes.
 */
import Graph from "graphology";
import { CITES_KIND, LINK_KIND, RELATION_KINDS, type NoteType } from "../registry.ts";
import type { Vault } from "../types.ts";

export { CITES_KIND, LINK_KIND };

/** Known kinds in the registry's fixed order, so their codes stay stable between builds; unknown ones follow, sorted. */
export const KNOWN_KINDS: readonly string[] = RELATION_KINDS.map((k) => k.kind);

export interface LandscapeNode {
  slug: string;
  title: string;
  type: NoteType;
  aliases: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD, when the note has one. */
  date?: string;
  /** Distinct neighbours, either direction. */
  degree: number;
}

export interface LandscapeEdge {
  /** Sorted, distinct. */
  kinds: string[];
  /** How many mentions (links, relation values, citations) the edge stands for. */
  weight: number;
}

export type LandscapeGraph = Graph<LandscapeNode, LandscapeEdge>;

/** Builds the graph; nodes are added in slug order so that every later stage sees the same order for the same vault. */
export function buildLandscapeGraph(vault: Pick<Vault, "notes">): LandscapeGraph {
  const graph: LandscapeGraph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  const notes = [...vault.notes].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (const n of notes) {
    const node: LandscapeNode = { slug: n.slug, title: n.title, type: n.type, aliases: [...n.fields.aliases], degree: 0 };
    if (n.date) node.date = n.date;
    graph.addNode(n.slug, node);
  }

  const mention = (from: string, to: string | null, kind: string) => {
    if (!to || to === from || !graph.hasNode(to)) return;
    const key = graph.edge(from, to);
    if (key === undefined) {
      graph.addDirectedEdge(from, to, { kinds: [kind], weight: 1 });
      return;
    }
    const attrs = graph.getEdgeAttributes(key);
    attrs.weight++;
    if (!attrs.kinds.includes(kind)) {
      attrs.kinds.push(kind);
      attrs.kinds.sort();
    }
  };

  for (const n of notes) {
    for (const l of n.links) mention(n.slug, l.to, LINK_KIND);
    for (const r of n.relations) mention(n.slug, r.to, r.kind);
    for (const s of n.cites) mention(n.slug, s, CITES_KIND);
  }

  graph.forEachNode((slug, attrs) => {
    attrs.degree = graph.neighbors(slug).length;
  });
  return graph;
}

/** Every kind present in the graph: the known ones first in their fixed order, then any others sorted. */
export function edgeKinds(graph: LandscapeGraph): string[] {
  const seen = new Set<string>();
  graph.forEachEdge((_e, a) => a.kinds.forEach((k) => seen.add(k)));
  const known: string[] = KNOWN_KINDS.filter((k) => seen.has(k));
  const extra = [...seen].filter((k) => !KNOWN_KINDS.includes(k)).sort();
  return [...known, ...extra];
}
