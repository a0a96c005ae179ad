/**
 * The landscape graph: one graphology graph built from the checked vault, a node per note and an edge per
 * connection. Body wikilinks, typed frontmatter relations and citations from A to B collapse into one directed edge
 * that keeps the set of kinds and counts the mentions as its weight. Unresolved targets and self-links are skipped.
 *
 * The graph has two layers. The default one is the landscape: the notes of every type but those the registry puts in
 * the `reference` layer (sources), and the edges between them that are more than a citation. The reference layer is
 * the rest (reference notes, every edge touching one, citations), which the reader turns on. `reference` and
 * `defaultDegree` on a node and `isDefaultEdge` say which is which; the layout, communities and the most connected
 * notes are computed on the default layer.
 *
 * Pure: no Astro, no file system. Layout, serialization and exports read this graph; nothing re-reads the notes.
 */
import Graph from "graphology";
import { CITES_KIND, LINK_KIND, REGISTRY, type NoteType, type Registry } from "../registry.ts";
import type { Note, Vault } from "../types.ts";
import { isDefaultEdge } from "./layers.ts";


export interface LandscapeNode {
  slug: string;
  title: string;
  type: NoteType;
  aliases: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD, when the note has one. */
  date?: string;
  /** Distinct neighbours, either direction. */
  degree: number;
  /** The note's type is in the registry's `reference` layer (a source): it is not in the default graph. */
  reference: boolean;
  /** Distinct neighbours through default edges (see `isDefaultEdge`); 0 for a reference note. */
  defaultDegree: number;
}

export interface LandscapeEdge {
  /** Sorted, distinct. */
  kinds: string[];
  /** How many mentions (links, relation values, citations) the edge stands for. */
  weight: number;
}

export type LandscapeGraph = Graph<LandscapeNode, LandscapeEdge>;

/** True for a type the registry puts in the graph's `reference` layer (`TypeEntry.layer`). */
export function isReferenceType(registry: Registry, type: string): boolean {
  return registry.has(type) && registry.entry(type).layer === "reference";
}

export { isDefaultEdge };

type GraphInput = Pick<Vault, "notes"> & Partial<Pick<Vault, "registry">>;

function nodeOf(n: Note, registry: Registry): LandscapeNode {
  const node: LandscapeNode = { slug: n.slug, title: n.title, type: n.type, aliases: [...n.fields.aliases], degree: 0, reference: isReferenceType(registry, n.type), defaultDegree: 0 };
  if (n.date) node.date = n.date;
  return node;
}

/** Builds the graph; nodes are added in slug order so that every later stage sees the same order for the same vault. */
export function buildLandscapeGraph(vault: GraphInput, registry: Registry = vault.registry ?? REGISTRY): LandscapeGraph {
  const graph: LandscapeGraph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  const notes = [...vault.notes].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (const n of notes) graph.addNode(n.slug, nodeOf(n, registry));
  for (const n of notes) addMentions(graph, n);
  countDegrees(graph);
  return graph;
}

/** Every node's `degree` and `defaultDegree`. */
export function countDegrees(graph: LandscapeGraph): void {
  graph.forEachNode((slug, attrs) => {
    attrs.degree = graph.neighbors(slug).length;
    const near = new Set<string>();
    if (!attrs.reference) graph.forEachEdge(slug, (_e, a, s, t) => void (isDefaultEdge(graph, s, t, a) && near.add(s === slug ? t : s)));
    attrs.defaultDegree = near.size;
  });
}

/** A note's out-edges: each body link, relation and citation to an existing other note, merged per target. */
function addMentions(graph: LandscapeGraph, n: Note): void {
  const mention = (to: string | null, kind: string) => {
    if (!to || to === n.slug || !graph.hasNode(to)) return;
    const key = graph.edge(n.slug, to);
    if (key === undefined) {
      graph.addDirectedEdge(n.slug, to, { kinds: [kind], weight: 1 });
      return;
    }
    const attrs = graph.getEdgeAttributes(key);
    attrs.weight++;
    if (!attrs.kinds.includes(kind)) {
      attrs.kinds.push(kind);
      attrs.kinds.sort();
    }
  };
  for (const l of n.links) mention(l.to, LINK_KIND);
  for (const r of n.relations) mention(r.to, r.kind);
  for (const s of n.cites) mention(s, CITES_KIND);
}

/** What the graph holds of a note: its node's attributes and its edges' targets. Equal signatures, equal graph. */
export function graphSignature(n: Note): string {
  const targets = [...n.links.map((l) => `${LINK_KIND}>${l.to}`), ...n.relations.map((r) => `${r.kind}>${r.to}`), ...n.cites.map((c) => `${CITES_KIND}>${c}`)];
  return `${n.title}\u0001${n.type}\u0001${n.fields.aliases.join("\u0002")}\u0001${n.date ?? ""}\u0001${targets.join("\u0002")}`;
}

/**
 * Brings a graph built for an earlier state of the vault up to date, in place (the dev server, after a save):
 * only notes whose signature changed get their node and out-edges rewritten. New nodes are appended, so node order
 * is no longer sorted; a build always starts from `buildLandscapeGraph`. Returns the new signatures.
 */
export function patchLandscapeGraph(graph: LandscapeGraph, vault: GraphInput, previous: ReadonlyMap<string, string>, registry: Registry = vault.registry ?? REGISTRY): Map<string, string> {
  const signatures = new Map(vault.notes.map((n) => [n.slug, graphSignature(n)]));
  for (const slug of previous.keys()) if (!signatures.has(slug) && graph.hasNode(slug)) graph.dropNode(slug);
  const changed = vault.notes.filter((n) => previous.get(n.slug) !== signatures.get(n.slug));
  for (const n of changed) {
    const node = nodeOf(n, registry);
    if (graph.hasNode(n.slug)) {
      graph.replaceNodeAttributes(n.slug, node);
      graph.forEachOutEdge(n.slug, (e) => graph.dropEdge(e));
    } else graph.addNode(n.slug, node);
  }
  // A new note may be the target of links that existed before it: its in-edges come from notes that changed too
  // (their resolved targets did), so rewriting the changed notes' out-edges covers them.
  for (const n of changed) addMentions(graph, n);
  countDegrees(graph);
  return signatures;
}

/**
 * Every kind present in the graph: the registry's first in its fixed order (so their codes stay stable between
 * builds), then any others sorted.
 */
export function edgeKinds(graph: LandscapeGraph, registry: Registry = REGISTRY): string[] {
  const seen = new Set<string>();
  graph.forEachEdge((_e, a) => a.kinds.forEach((k) => seen.add(k)));
  const order = registry.kinds.map((k) => k.kind);
  const known: string[] = order.filter((k) => seen.has(k));
  const extra = [...seen].filter((k) => !order.includes(k)).sort();
  return [...known, ...extra];
}
