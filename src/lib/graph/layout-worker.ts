/**
 * Computes the landscape layout on a worker thread, so the build renders pages while ForceAtlas2 runs on the other
 * core. It receives the graph as plain arrays (node keys and degrees, edges with weights), rebuilds it, and sends
 * the positions back; the result is the same as `computeLayout` on the main thread.
 */
import Graph from "graphology";
import { parentPort, workerData } from "node:worker_threads";
import type { LandscapeGraph } from "./build.ts";
import { computeLayout, type LayoutOptions } from "./layout.ts";

export interface LayoutJob {
  keys: string[];
  degree: number[];
  /** `[source, target, weight, …]` as node numbers. */
  edges: number[];
  options: LayoutOptions;
}

const job = workerData as LayoutJob;
const graph = new Graph({ type: "directed", multi: false, allowSelfLoops: false }) as unknown as LandscapeGraph;
job.keys.forEach((k, i) => graph.addNode(k, { slug: k, title: k, type: "concept", aliases: [], degree: job.degree[i] }));
for (let e = 0; e < job.edges.length; e += 3) graph.addDirectedEdge(job.keys[job.edges[e]], job.keys[job.edges[e + 1]], { kinds: [], weight: job.edges[e + 2] });
const layout = computeLayout(graph, job.options);
parentPort!.postMessage({ x: layout.x, y: layout.y, community: layout.community });
