/**
 * The note page's local graph renderer, imported only when its section scrolls into view: reads the note's
 * neighbourhood from the payload inlined in the section, draws it with sigma (the note highlighted at the centre), hovering shows a neighbour's ties, a
 * click opens the neighbour. Keeps the server-rendered list when WebGL is unavailable.
 */
import Graph from "graphology";
import Sigma from "sigma";
import type { LocalPayload } from "../lib/graph/payload.ts";
import { cssColor, mix, typeColors } from "./colors.ts";
import { noteUrl } from "./landscape.ts";
import { hoverDrawer } from "./draw-hover.ts";
import { claimSigmaSlot, webglAvailable } from "./sigma-slot.ts";

interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
}

export async function mountLocalGraph(section: HTMLElement): Promise<void> {
  if (!webglAvailable()) return;
  const local = JSON.parse(section.querySelector("script[data-local-graph-data]")!.textContent!) as LocalPayload;
  if (local.slug.length < 2) return;
  const base = section.dataset.base!;
  const stage = section.querySelector<HTMLElement>(".local-graph-stage")!;
  const list = stage.querySelector("ul");

  const graph = new Graph<NodeAttrs>({ type: "undirected" });
  const degree = new Array<number>(local.slug.length).fill(0);
  for (const i of local.edges) degree[i]++;
  const maxDegree = Math.max(...degree);
  const colors = typeColors(local);
  local.slug.forEach((slug, i) => {
    graph.addNode(slug, {
      x: local.x[i],
      y: local.y[i],
      size: i === local.center ? 12 : 4 + 6 * Math.sqrt(degree[i] / maxDegree),
      label: local.title[i],
      color: colors[local.type[i]],
    });
  });
  for (let k = 0; k < local.edges.length; k += 2) graph.mergeEdge(local.slug[local.edges[k]], local.slug[local.edges[k + 1]]);

  // The list stays in the DOM for screen readers; the canvas is a picture of the same links.
  list?.classList.add("visually-hidden");
  stage.classList.add("is-drawn");
  const center = local.slug[local.center];
  let fg = cssColor("fg"), faded = mix(cssColor("muted"), cssColor("bg"), 0.75), accent = cssColor("accent");
  const edgeColor = mix(cssColor("muted"), cssColor("bg"), 0.5);
  let hovered: string | null = null;
  const sigma = new Sigma<NodeAttrs>(graph, stage, {
    enableCameraZooming: false, // the wheel scrolls the page, not the little graph
    enableCameraPanning: false,
    labelColor: { color: fg },
    labelFont: "system-ui, sans-serif",
    labelSize: 12,
    labelRenderedSizeThreshold: 0,
    labelDensity: 2,
    stagePadding: 40,
    defaultEdgeColor: edgeColor,
    zIndex: true,
    defaultDrawNodeHover: hoverDrawer(cssColor("bg"), fg),
    nodeReducer: (node, data) => {
      const out: Partial<NodeAttrs & { highlighted: boolean; forceLabel: boolean; zIndex: number; label: string | null }> = { ...data };
      if (node === center) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 2 });
      if (hovered && node !== hovered && node !== center && !graph.areNeighbors(node, hovered)) Object.assign(out, { color: faded, label: null });
      return out;
    },
    edgeReducer: (edge, data) => {
      if (!hovered) return data;
      return graph.hasExtremity(edge, hovered) ? { ...data, color: accent, size: 2 } : { ...data, color: faded };
    },
  });
  claimSigmaSlot(sigma);
  // The reader switched theme (src/client/theme.ts): the same picture in the new colours.
  document.addEventListener("atlas:theme", () => {
    const types = typeColors(local);
    graph.forEachNode((node) => graph.setNodeAttribute(node, "color", types[local.type[local.slug.indexOf(node)]]));
    [fg, faded, accent] = [cssColor("fg"), mix(cssColor("muted"), cssColor("bg"), 0.75), cssColor("accent")];
    sigma.setSetting("labelColor", { color: fg });
    sigma.setSetting("defaultEdgeColor", mix(cssColor("muted"), cssColor("bg"), 0.5));
    sigma.setSetting("defaultDrawNodeHover", hoverDrawer(cssColor("bg"), fg));
  });
  sigma.on("enterNode", ({ node }) => {
    hovered = node;
    stage.style.cursor = "pointer";
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on("leaveNode", () => {
    hovered = null;
    stage.style.cursor = "";
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on("clickNode", ({ node }) => {
    if (node !== center) location.href = noteUrl(base, node);
  });
  section.dataset.ready = "true";
  // For tests: where a note is drawn, in CSS pixels within the stage.
  (window as unknown as { atlasLocalGraph: object }).atlasLocalGraph = {
    position: (slug: string) => (graph.hasNode(slug) ? sigma.graphToViewport(graph.getNodeAttributes(slug)) : null),
  };
}
