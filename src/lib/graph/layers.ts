/**
 * The graph's two layers (see build.ts): what is in the default one. Kept free of runtime imports so that the layout
 * worker, which needs it, loads no schema code.
 */
import type { LandscapeEdge, LandscapeGraph } from "./build.ts";

/** A citation's edge kind: type-registry.ts's `CITES_KIND`, repeated here (tests/unit/graph-build.test.ts holds them equal). */
export const CITATION_KIND = "cites";

/** An edge of the default layer: between two notes outside the reference layer, and more than a citation. */
export function isDefaultEdge(graph: LandscapeGraph, source: string, target: string, attrs: LandscapeEdge): boolean {
  return !graph.getNodeAttribute(source, "reference") && !graph.getNodeAttribute(target, "reference") && attrs.kinds.some((k) => k !== CITATION_KIND);
}
