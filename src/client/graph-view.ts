/**
 * The global view's renderer: a graphology graph built from the decoded payload (positions precomputed at build
 * time, so nothing is laid out here) drawn by sigma, with the state's reducers. Returns a small handle the page's
 * controls drive.
 */
import Graph from "graphology";
import Sigma from "sigma";
import type { LandscapeData } from "../lib/graph/query.ts";
import { COMMUNITY_COLORS, cssColor, mix, typeColors } from "./colors.ts";
import { makeReducers, type EdgeAttributes, type GraphState, type NodeAttributes, type Palette } from "./graph-state.ts";
import { hoverDrawer } from "./draw-hover.ts";
import { claimSigmaSlot } from "./sigma-slot.ts";

export interface GraphView {
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  /** Re-applies the state (after any change to it). */
  refresh(): void;
  /** Animates the camera to show these nodes, centred on `center` when given (a focused note and its neighbours). */
  fit(nodes: number[], center?: number): Promise<void>;
  /** A node's position in the container, in CSS pixels. */
  viewportPosition(node: number): { x: number; y: number };
}

export function palette(payload: Parameters<typeof typeColors>[0]): Palette {
  const bg = cssColor("bg");
  const types = typeColors(payload);
  return {
    types,
    communities: COMMUNITY_COLORS,
    faded: mix(cssColor("muted"), bg, 0.75),
    edge: mix(cssColor("muted"), bg, 0.7),
    edgeFaded: mix(cssColor("muted"), bg, 0.92),
    highlight: cssColor("accent"),
  };
}

/** Node size in screen pixels: 2 for a leaf, up to 14 for the best-connected note. */
export function screenSize(degree: number, maxDegree: number): number {
  return 2 + 12 * Math.sqrt(degree / Math.max(maxDegree, 1));
}

/**
 * Draws the nodes at once and the edges a moment later: the first frame needs only the nodes (10,000 of them take
 * a few tens of milliseconds), while building and uploading ~90,000 edges takes most of a second. `edgesReady`
 * resolves once they are drawn.
 */
export function createGraphView(data: LandscapeData, container: HTMLElement, state: GraphState): GraphView & { edgesReady: Promise<void> } {
  const colors = palette(data.payload);
  const { slug, title, x, y, type } = data.payload;
  let graph = new Graph<NodeAttributes, EdgeAttributes>({ type: "undirected", multi: false });
  let maxDegree = 0;
  for (let i = 0; i < data.count; i++) maxDegree = Math.max(maxDegree, data.degree[i]);
  for (let i = 0; i < data.count; i++) {
    graph.addNode(slug[i], { i, x: x[i], y: y[i], size: screenSize(data.degree[i], maxDegree), label: title[i], color: colors.types[type[i]] });
  }
  performance.mark("atlas-graph-built");

  const reducers = makeReducers(data, state, colors);
  const bg = cssColor("bg"), fg = cssColor("fg");
  const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    nodeReducer: reducers.nodeReducer as never,
    edgeReducer: reducers.edgeReducer as never,
    zIndex: true,
    hideEdgesOnMove: data.pairs.length / 2 > 20000,
    labelColor: { color: fg },
    labelFont: "system-ui, sans-serif",
    labelSize: 13,
    labelRenderedSizeThreshold: 7,
    labelDensity: 0.6,
    minCameraRatio: 0.01,
    maxCameraRatio: 4,
    defaultDrawNodeHover: hoverDrawer(bg, fg),
  });
  claimSigmaSlot(sigma);
  // The reader switched theme (src/client/theme.ts): the reducers read `colors`, so refreshing it recolours the graph.
  document.addEventListener("atlas:theme", () => {
    Object.assign(colors, palette(data.payload));
    const g = sigma.getGraph();
    g.forEachNode((node, a) => g.setNodeAttribute(node, "color", colors.types[type[a.i]]));
    g.forEachEdge((edge) => g.setEdgeAttribute(edge, "color", colors.edge));
    const [bg2, fg2] = [cssColor("bg"), cssColor("fg")];
    sigma.setSetting("labelColor", { color: fg2 });
    sigma.setSetting("defaultDrawNodeHover", hoverDrawer(bg2, fg2));
  });

  const edgesReady = new Promise<void>((resolve) => {
    // Two frames: let the browser paint the nodes first.
    requestAnimationFrame(() =>
      setTimeout(() => {
        const full = graph.copy();
        const edgeSize = data.count > 2000 ? 0.5 : 1;
        for (let e = 0; e < data.pairs.length / 2; e++) {
          full.addEdgeWithKey(String(e), slug[data.pairs[2 * e]], slug[data.pairs[2 * e + 1]], { e, size: edgeSize, color: colors.edge });
        }
        graph = full;
        reducers.update();
        sigma.setGraph(full);
        resolve();
      }),
    );
  });

  return {
    sigma,
    edgesReady,
    refresh() {
      reducers.update();
      sigma.refresh({ skipIndexation: true });
    },
    async fit(nodes, center) {
      const pts = nodes.map((n) => sigma.getNodeDisplayData(slug[n])).filter((d) => d !== undefined);
      if (!pts.length) return;
      const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
      let cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
      let span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
      const c = center === undefined ? undefined : sigma.getNodeDisplayData(slug[center]);
      if (c) {
        cx = c.x;
        cy = c.y;
        span = 2 * Math.max(0, ...pts.map((p) => Math.max(Math.abs(p.x - c.x), Math.abs(p.y - c.y))));
      }
      // Framed-graph coordinates span [0, 1] at ratio 1; keep a margin, and a readable zoom for a lone note.
      const ratio = Math.min(1.1, Math.max(0.04, span * 1.3));
      await sigma.getCamera().animate({ x: cx, y: cy, ratio }, { duration: 500 });
    },
    viewportPosition(node) {
      const a = graph.getNodeAttributes(slug[node]);
      return sigma.graphToViewport({ x: a.x, y: a.y });
    },
  };
}
