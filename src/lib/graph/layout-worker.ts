/**
 * Computes the landscape layout on a worker thread, so the build renders pages while ForceAtlas2 runs on the other
 * core. It receives the graph as plain arrays (node keys, degrees and layers, edges with weights and layers), rebuilds it, and sends
 * the positions back; the result is the same as `computeLayout` on the main thread.
 */
import Graph from "graphology";
import { parentPort, workerData } from "node:worker_threads";
import type { LandscapeGraph } from "./build.ts";
import { CITATION_KIND } from "./layers.ts";
import { computeLayout, type LayoutOptions } from "./layout.ts";

export interface LayoutJob {
  keys: string[];
  degree: number[];
  defaultDegree: number[];
  /** 1 for a reference note. */
  reference: number[];
  /** `[source, target, weight, default, …]` as node numbers; `default` is 1 for an edge of the default layer. */
  edges: number[];
  options: LayoutOptions;
}

const job = workerData as LayoutJob;
const graph = new Graph({ type: "directed", multi: false, allowSelfLoops: false }) as unknown as LandscapeGraph;
job.keys.forEach((k, i) => graph.addNode(k, { slug: k, title: k, type: "concept", aliases: [], degree: job.degree[i], reference: job.reference[i] === 1, defaultDegree: job.defaultDegree[i] }));
// The layout reads of an edge's kinds only whether it is in the default layer (`isDefaultEdge`): "default" stands
// for any kind but a citation.
for (let e = 0; e < job.edges.length; e += 4) {
  graph.addDirectedEdge(job.keys[job.edges[e]], job.keys[job.edges[e + 1]], { kinds: [job.edges[e + 3] ? "default" : CITATION_KIND], weight: job.edges[e + 2] });
}
const layout = computeLayout(graph, job.options);
parentPort!.postMessage({ x: layout.x, y: layout.y, community: layout.community });
