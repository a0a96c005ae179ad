/**
 * The global view's renderer: a graphology graph built from the decoded payload (positions precomputed at build
 * time, so nothing is laid out here) drawn by sigma, with the state's reducers. Returns a small handle the page's
 * controls drive.
 */
import Graph from "graphology";
import Sigma from "sigma";
import type { LandscapeData } from "../lib/graph/query.ts";
import { COMMUNITY_COLORS, cssColor, mix, typeColors } from "./colors.ts";
import { makeReducers, pickLabels, type Box, type EdgeAttributes, type GraphState, type NodeAttributes, type Palette } from "./graph-state.ts";
import { hoverDrawer, labelBox, labelDrawer, type LabelSettings } from "./draw-hover.ts";
import { claimSigmaSlot } from "./sigma-slot.ts";

export interface GraphView {
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  /** Re-applies the state (after any change to it). */
  refresh(): void;
  /** Animates the camera to show these nodes, centred on `center` when given (a focused note and its neighbours). */
  fit(nodes: number[], center?: number): Promise<void>;
  /** A node's position in the container, in CSS pixels. */
  viewportPosition(node: number): { x: number; y: number };
  /** The labels forced now (a focus, hover or path), each with its box in CSS pixels: no two overlap. */
  forcedLabels(): { node: number; box: Box }[];
  /** True when the camera is still and the labels were picked for where it is. */
  settled(): boolean;
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
  let maxDegree = 0, maxDefault = 0;
  for (let i = 0; i < data.count; i++) {
    maxDegree = Math.max(maxDegree, data.degree[i]);
    maxDefault = Math.max(maxDefault, data.defaultDegree[i]);
  }
  for (let i = 0; i < data.count; i++) {
    // A note of the landscape is sized by its default connections, whether or not citations are shown (so turning them
    // on does not shrink the landscape and its labels); a source by all of its own, among all notes'.
    const size = data.reference[i] ? screenSize(data.degree[i], maxDegree) : screenSize(data.defaultDegree[i], maxDefault);
    graph.addNode(slug[i], { i, x: x[i], y: y[i], size, label: title[i], color: colors.types[type[i]] });
  }
  performance.mark("atlas-graph-built");

  const reducers = makeReducers(data, state, colors);
  let bg = cssColor("bg");
  const fg = cssColor("fg");
  const labelSettings: LabelSettings = { labelSize: 13, labelFont: "system-ui, sans-serif", labelWeight: "normal" };
  /** Label boxes drawn in the current frame: a label that would overlap one is skipped (the overview's labels). */
  let drawn: Box[] = [];
  const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    nodeReducer: reducers.nodeReducer as never,
    edgeReducer: reducers.edgeReducer as never,
    zIndex: true,
    hideEdgesOnMove: data.pairs.length / 2 > 20000,
    labelColor: { color: fg },
    ...labelSettings,
    labelRenderedSizeThreshold: 6,
    labelDensity: 0.5,
    labelGridCellSize: 120,
    minCameraRatio: 0.01,
    maxCameraRatio: 4,
    defaultDrawNodeLabel: labelDrawer(() => drawn, () => bg),
    defaultDrawNodeHover: hoverDrawer(bg, fg),
  });
  claimSigmaSlot(sigma);
  sigma.on("beforeRender", () => (drawn = []));
  // The reader switched theme (src/client/theme.ts): the reducers read `colors`, so refreshing it recolours the graph.
  document.addEventListener("atlas:theme", () => {
    Object.assign(colors, palette(data.payload));
    const g = sigma.getGraph();
    g.forEachNode((node, a) => g.setNodeAttribute(node, "color", colors.types[type[a.i]]));
    g.forEachEdge((edge) => g.setEdgeAttribute(edge, "color", colors.edge));
    const fg2 = cssColor("fg");
    bg = cssColor("bg");
    sigma.setSetting("labelColor", { color: fg2 });
    sigma.setSetting("defaultDrawNodeHover", hoverDrawer(bg, fg2));
  });

  // Label widths, measured once per note with the canvas's own font metrics.
  const measure = document.createElement("canvas").getContext("2d")!;
  const widths = new Map<string, number>();
  const textWidth = (text: string, weight: string) => {
    const key = `${weight}\u0000${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      measure.font = `${weight} ${labelSettings.labelSize}px ${labelSettings.labelFont}`;
      widths.set(key, (w = measure.measureText(text).width));
    }
    return w;
  };
  let forced: { node: number; box: Box }[] = [];
  /**
   * The collision pass: the notes a focus, hover or path asks to label, most important first, each taken only if its
   * label's box (where sigma will draw it, in viewport pixels) overlaps none taken before and lies in the view.
   */
  const relabel = () => {
    const wanted = reducers.wanted();
    if (!wanted.length) {
      forced = [];
      reducers.setLabels(null);
      return;
    }
    const { width, height } = sigma.getDimensions();
    // Where the camera is now: sigma's own matrix is the last frame's, and the next frame is not drawn yet.
    const cameraState = sigma.getCamera().getState();
    const candidates = wanted.map((n, rank) => {
      const a = graph.getNodeAttributes(slug[n]);
      const at = sigma.graphToViewport({ x: a.x, y: a.y }, { cameraState });
      const size = sigma.scaleSize(a.size);
      // The first is the active note (or a path's end), drawn highlighted: bold, in a box.
      const highlighted = rank === 0 || (state.path !== null && state.path.includes(n));
      const box = labelBox(at.x, at.y, size, textWidth(title[n], highlighted ? "600" : labelSettings.labelWeight), labelSettings.labelSize, highlighted);
      return { node: n, box };
    });
    const taken = pickLabels(candidates, { x: 0, y: 0, w: width, h: height });
    // The active note keeps its label even at the edge of the view.
    if (!state.path) taken.add(wanted[0]);
    forced = candidates.filter((c) => taken.has(c.node));
    reducers.setLabels(taken);
  };
  const refresh = () => {
    reducers.update();
    relabel();
    sigma.refresh({ skipIndexation: true });
  };
  // Moving the camera moves the labels: pick them again once it stops.
  let pending: ReturnType<typeof setTimeout> | undefined;
  sigma.getCamera().on("updated", () => {
    if (!reducers.wanted().length) return;
    clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      refresh();
    }, 120);
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
    refresh,
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
      clearTimeout(pending);
      pending = undefined;
      refresh();
    },
    viewportPosition(node) {
      const a = graph.getNodeAttributes(slug[node]);
      return sigma.graphToViewport({ x: a.x, y: a.y });
    },
    forcedLabels: () => forced.map((f) => ({ node: f.node, box: { ...f.box } })),
    settled: () => pending === undefined && !sigma.getCamera().isAnimated(),
  };
}
