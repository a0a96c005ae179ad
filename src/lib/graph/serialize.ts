/**
 * Turns the landscape graph and its layout into the compact global payload (payload.ts), and gives it a content
 * hash for its file name so browsers can cache it forever.
 */
import { createHash } from "node:crypto";
import { REGISTRY, type Registry } from "../registry.ts";
import { edgeKinds, isReferenceType, type LandscapeGraph } from "./build.ts";
import type { Layout } from "./layout.ts";
import { buildUndirectedIndex, undirectedPairs } from "./undirected.ts";
import { dateNumber, encodeEdges, PAYLOAD_VERSION, type GlobalPayload, type TitlesPayload } from "./payload.ts";

/** Half the width of the coordinate box: positions are scaled into [-SCALE, SCALE] and rounded to integers. */
export const COORDINATE_SCALE = 1000;

/** Scales positions into [-scale, scale] around their centre, keeping the aspect ratio, rounded to integers. */
export function normalizePositions(x: ArrayLike<number>, y: ArrayLike<number>, scale = COORDINATE_SCALE): { x: number[]; y: number[] } {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  const k = (2 * scale) / span;
  const round = (v: number) => Math.round(v) || 0; // no -0 in the JSON
  return {
    x: Array.from(x, (v) => round((v - cx) * k)),
    y: Array.from(y, (v) => round((v - cy) * k)),
  };
}

/** The global payload; `undirected` must have been built with `kinds` (edgeKinds of the graph by default). */
export function encodeGlobalPayload(graph: LandscapeGraph, layout: Layout, registry: Registry = REGISTRY, kinds = edgeKinds(graph, registry), undirected = buildUndirectedIndex(graph, kinds)): GlobalPayload {
  const keys = layout.keys;
  if (kinds.length > 31) throw new Error(`The graph has ${kinds.length} edge kinds; the payload's bitmask holds 31`);
  const { types, info } = registry.typeInfo();
  const { x, y } = normalizePositions(layout.x, layout.y);
  const { pairs, masks } = undirectedPairs(undirected);
  const nodes = keys.map((k) => graph.getNodeAttributes(k));
  const aliases: (string | number)[][] = [];
  nodes.forEach((n, i) => n.aliases.length && aliases.push([i, ...n.aliases]));
  // Which way each kind goes: a pair's edge from b to a, and the kinds both of its edges have.
  const bit = new Map(kinds.map((k, i) => [k, 1 << i]));
  const maskOf = (from: string, to: string) => {
    const e = graph.edge(from, to);
    return e === undefined ? 0 : graph.getEdgeAttribute(e, "kinds").reduce((m, k) => m | (bit.get(k) ?? 0), 0);
  };
  const back: number[] = [];
  const both: number[] = [];
  pairs.forEach(([a, b], e) => {
    const reverse = maskOf(undirected.keys[b], undirected.keys[a]);
    back.push(reverse);
    const mutual = reverse & maskOf(undirected.keys[a], undirected.keys[b]);
    if (mutual) both.push(e, mutual);
  });
  return {
    v: PAYLOAD_VERSION,
    types,
    typeInfo: info.map((t, i) => (isReferenceType(registry, types[i]) ? { ...t, layer: "reference" as const } : t)),
    kinds,
    kindLabels: kinds.map((k) => registry.kindLabel(k)),
    slug: nodes.map((n) => n.slug),
    title: nodes.map((n) => n.title),
    type: nodes.map((n) => types.indexOf(n.type)),
    x,
    y,
    date: nodes.map((n) => dateNumber(n.date)),
    community: Array.from(layout.community),
    aliases,
    edges: encodeEdges(pairs),
    kind: masks,
    back,
    both,
  };
}

/** The titles payload: every note's slug, title, type, degree and aliases, in the graph's node order. */
export function encodeTitlesPayload(graph: LandscapeGraph, registry: Registry = REGISTRY): TitlesPayload {
  const { types } = registry.typeInfo();
  const nodes = graph.nodes().map((k) => graph.getNodeAttributes(k));
  const aliases: (string | number)[][] = [];
  nodes.forEach((n, i) => n.aliases.length && aliases.push([i, ...n.aliases]));
  return {
    v: PAYLOAD_VERSION,
    types,
    slug: nodes.map((n) => n.slug),
    title: nodes.map((n) => n.title),
    type: nodes.map((n) => types.indexOf(n.type)),
    degree: nodes.map((n) => n.degree),
    aliases,
  };
}

/** The first 10 hex digits of the SHA-256 of a text, for content-addressed file names. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}
