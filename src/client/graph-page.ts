/**
 * The /graph/ page: loads the global payload, draws it when WebGL is available, and wires the controls (search,
 * type legend, reference layer, relation filter, time slider, community colours, path finder, focus panel,
 * keyboard, shareable URL) to the one state object. Without WebGL every control but the drawing still works,
 * answering in lists.
 */
import { dateText } from "../lib/graph/payload.ts";
import { edgeBetween, nameIndexOf, searchNotes, type LandscapeData } from "../lib/graph/query.ts";
import { edgeVisible, findPath, initialState, neighbourInDirection, nodeVisible, relationTest, shownDegree, stepText } from "./graph-state.ts";
import { createGraphView, type GraphView } from "./graph-view.ts";
import { loadLandscape, noteUrl } from "./landscape.ts";
import { attachSearchBox } from "./search-box.ts";
import { webglAvailable } from "./sigma-slot.ts";

const root = document.querySelector<HTMLElement>("[data-graph-page]")!;
const base = root.dataset.base!;
/** What the reference layer holds, in the reader's words: "sources and citations" (from the type registry). */
const layerName = root.dataset.layerName || "citations";
const stage = document.getElementById("graph-stage")!;
const status = document.getElementById("graph-status")!;
const announcer = document.getElementById("graph-announce")!;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const state = initialState();
let view: (GraphView & { edgesReady: Promise<void> }) | null = null;
let data: LandscapeData;

function announce(text: string) {
  announcer.textContent = text;
}

/** What the focus panel and the announcements say about a note: "lab, 2019" and "4 connections". */
function facts(node: number): { kind: string; connections: string } {
  const { type, date, types, typeInfo } = data.payload;
  const shown = visibleNeighbours(node).length;
  return {
    kind: [typeInfo[type[node]]?.one.toLowerCase() ?? types[type[node]], date[node] ? dateText(date[node]) : ""].filter(Boolean).join(", "),
    connections: `${shown} connection${shown === 1 ? "" : "s"}`,
  };
}

function describe(node: number): string {
  const { kind, connections } = facts(node);
  return `${data.payload.title[node]} (${kind}), ${connections}`;
}

function visibleNeighbours(node: number): number[] {
  const { offsets, neighbors, edgeIds } = data.adjacency;
  const allow = relationTest(data.payload.kinds, state.relation);
  const out: number[] = [];
  for (let j = offsets[node]; j < offsets[node + 1]; j++) if (edgeVisible(data, state, edgeIds[j], allow)) out.push(neighbors[j]);
  return out;
}

function link(node: number): HTMLAnchorElement {
  return Object.assign(document.createElement("a"), { href: noteUrl(base, data.payload.slug[node]), textContent: data.payload.title[node] });
}

function syncUrl() {
  const params = new URLSearchParams();
  if (state.showReferences) params.set("layers", "reference");
  if (state.path && state.path.length) {
    params.set("from", data.payload.slug[state.path[0]]);
    params.set("to", data.payload.slug[state.path[state.path.length - 1]]);
  } else if (state.focused !== null) params.set("focus", data.payload.slug[state.focused]);
  const qs = params.toString();
  history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
}

function renderFocusPanel() {
  const panel = $("graph-focus-panel");
  const node = state.focused;
  panel.hidden = node === null;
  if (node === null) return;
  const neighbours = visibleNeighbours(node).sort((a, b) => shownDegree(data, state, b) - shownDegree(data, state, a) || a - b);
  const heading = document.createElement("h2");
  heading.append(link(node));
  const meta = Object.assign(document.createElement("p"), { className: "meta", textContent: Object.values(facts(node)).join(" · ") });
  // Every neighbour, though the picture labels only those whose labels fit.
  const list = document.createElement("ul");
  for (const n of neighbours) {
    const li = document.createElement("li");
    li.append(link(n));
    list.append(li);
  }
  const buttons = document.createElement("p");
  for (const [label, field] of [["Path from here", "graph-path-from"], ["Path to here", "graph-path-to"]] as const) {
    const b = Object.assign(document.createElement("button"), { type: "button", textContent: label, className: "graph-button" });
    b.addEventListener("click", () => {
      $<HTMLInputElement>(field).value = data.payload.title[node];
      pathEnds[field === "graph-path-from" ? 0 : 1] = node;
      if (pathEnds[0] !== null && pathEnds[1] !== null) showPath(pathEnds[0], pathEnds[1]);
    });
    buttons.append(b, " ");
  }
  panel.replaceChildren(heading, meta, buttons, list);
}

/** Shows or hides the reference layer (sources and citations), keeping the checkbox and the legend in step. */
function setReferences(on: boolean) {
  if (state.showReferences === on) return;
  state.showReferences = on;
  $<HTMLInputElement>("graph-references").checked = on;
  for (const button of root.querySelectorAll<HTMLButtonElement>("[data-type-index][data-layer=reference]")) {
    button.setAttribute("aria-pressed", String(on && !state.hiddenTypes.has(Number(button.dataset.typeIndex))));
  }
  if (!on && state.focused !== null && data.reference[state.focused]) state.focused = null;
}

/** The camera is moving toward a focus or path; tests wait for `data-camera=still` before reading labels. */
function flyTo(nodes: number[], center?: number) {
  if (!view) return;
  root.dataset.camera = "moving";
  void view.fit(nodes, center).then(() => (root.dataset.camera = "still"));
}

function focusNode(node: number | null, options: { fly?: boolean; speak?: boolean } = {}) {
  // A source found by name (or a shared address) turns its layer on: it is not drawn otherwise.
  if (node !== null && data.reference[node] && !state.showReferences) setReferences(true);
  state.focused = node;
  if (node !== null) {
    state.path = null;
    state.pathEdges = new Set();
  }
  view?.refresh();
  renderFocusPanel();
  syncUrl();
  if (node !== null && options.fly !== false) flyTo([node, ...visibleNeighbours(node)], node);
  if (node !== null && options.speak !== false) announce(`${describe(node)}. Arrow keys move to a neighbour, Enter opens it.`);
}

const pathEnds: [number | null, number | null] = [null, null];

function showPath(from: number, to: number) {
  // A source at either end turns its layer on.
  if ((data.reference[from] || data.reference[to]) && !state.showReferences) setReferences(true);
  const { path, withReferences } = findPath(data, state, from, to);
  const result = $("graph-path-result");
  const { title } = data.payload;
  if (!path) {
    state.path = null;
    state.pathEdges = new Set();
    const layer = state.showReferences ? "" : ` (${layerName} are hidden)`;
    const message = Object.assign(document.createElement("p"), { textContent: `No path between ${title[from]} and ${title[to]} through the notes and connections shown${layer}.` });
    result.replaceChildren(message);
    // Would citations join them? Say so, and offer to show them.
    if (withReferences) {
      const steps = withReferences.length - 1;
      const more = Object.assign(document.createElement("p"), { textContent: `With ${layerName} shown there is one, ${steps} step${steps === 1 ? "" : "s"}. ` });
      const button = Object.assign(document.createElement("button"), { type: "button", className: "graph-button", textContent: `Show ${layerName}` });
      button.addEventListener("click", () => {
        setReferences(true);
        showPath(from, to);
      });
      more.append(button);
      result.append(more);
    }
    announce(result.textContent ?? "");
  } else {
    state.path = path;
    state.focused = null;
    state.pathEdges = new Set(path.slice(1).map((n, i) => edgeBetween(data, path[i], n)));
    const ol = document.createElement("ol");
    ol.className = "graph-path";
    const texts: string[] = [];
    path.forEach((n, i) => {
      const li = document.createElement("li");
      if (i > 0) {
        const rel = stepText(data, state, path[i - 1], n);
        texts.push(rel);
        li.append(Object.assign(document.createElement("span"), { className: "graph-step", textContent: rel }), " ");
      }
      li.append(link(n));
      ol.append(li);
    });
    const steps = path.length - 1;
    const where = state.showReferences ? "" : `, through the relations shown (${layerName} hidden)`;
    result.replaceChildren(Object.assign(document.createElement("p"), { textContent: `${steps} step${steps === 1 ? "" : "s"}${where}:` }), ol);
    announce(`Path found, ${steps} step${steps === 1 ? "" : "s"}: ${path.map((n, i) => (i ? `${texts[i - 1]} ${title[n]}` : title[n])).join(" ")}.`);
  }
  view?.refresh();
  renderFocusPanel();
  syncUrl();
  if (path) flyTo(path);
}

function wireControls() {
  attachSearchBox($<HTMLInputElement>("graph-find"), $<HTMLUListElement>("graph-find-list"), { data: async () => nameIndexOf(data), onPick: (n) => focusNode(n) });
  const findForm = $("graph-find").closest("form")!;
  findForm.addEventListener("submit", (ev) => ev.preventDefault());

  for (const [i, id] of ["graph-path-from", "graph-path-to"].entries()) {
    attachSearchBox($<HTMLInputElement>(id), $<HTMLUListElement>(`${id}-list`), { data: async () => nameIndexOf(data), onPick: (n) => (pathEnds[i] = n) });
  }
  $("graph-path-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (pathEnds[0] !== null && pathEnds[1] !== null) showPath(pathEnds[0], pathEnds[1]);
    else $("graph-path-result").textContent = "Pick both notes from the suggestions first.";
  });
  $("graph-path-clear").addEventListener("click", () => {
    pathEnds[0] = pathEnds[1] = null;
    $<HTMLInputElement>("graph-path-from").value = $<HTMLInputElement>("graph-path-to").value = "";
    state.path = null;
    state.pathEdges = new Set();
    $("graph-path-result").replaceChildren();
    view?.refresh();
    syncUrl();
  });

  for (const button of root.querySelectorAll<HTMLButtonElement>("[data-type-index]")) {
    button.addEventListener("click", () => {
      const t = Number(button.dataset.typeIndex);
      // A reference type's button while its layer is off shows the layer (with this type).
      const reference = button.dataset.layer === "reference";
      const hide = reference && !state.showReferences ? false : !state.hiddenTypes.has(t);
      if (hide) state.hiddenTypes.add(t);
      else state.hiddenTypes.delete(t);
      if (reference && !hide) setReferences(true);
      button.setAttribute("aria-pressed", String(!hide));
      if (state.focused !== null && state.hiddenTypes.has(data.payload.type[state.focused])) state.focused = null;
      view?.refresh();
      renderFocusPanel();
      syncUrl();
    });
  }

  const references = $<HTMLInputElement>("graph-references");
  references.addEventListener("change", () => {
    setReferences(references.checked);
    view?.refresh();
    renderFocusPanel();
    syncUrl();
    announce(references.checked ? `${layerName[0].toUpperCase()}${layerName.slice(1)} shown.` : `${layerName[0].toUpperCase()}${layerName.slice(1)} hidden.`);
  });

  const relation = $<HTMLSelectElement>("graph-relation");
  relation.addEventListener("change", () => {
    state.relation = relation.value;
    // Citations are drawn only with their layer.
    if (relation.value === "cites") setReferences(true);
    view?.refresh();
    renderFocusPanel();
    syncUrl();
  });

  const community = $<HTMLInputElement>("graph-community");
  community.addEventListener("change", () => {
    state.byCommunity = community.checked;
    root.classList.toggle("graph-by-community", community.checked);
    view?.refresh();
  });

  const slider = document.getElementById("graph-time") as HTMLInputElement | null;
  if (slider) {
    const dates = [...new Set(data.payload.date.filter((d) => d > 0))].sort((a, b) => a - b);
    slider.max = String(dates.length);
    slider.value = String(dates.length);
    const out = $("graph-time-value");
    slider.addEventListener("input", () => {
      const i = Number(slider.value);
      state.dateLimit = i >= dates.length ? null : dates[i];
      out.textContent = state.dateLimit === null ? "all dates" : dateText(state.dateLimit);
      view?.refresh();
    });
  }

  document.addEventListener("keydown", (ev) => {
    const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement || ev.target instanceof HTMLTextAreaElement;
    if (ev.key === "/" && !typing) {
      ev.preventDefault();
      $("graph-find").focus();
    }
  });
  stage.addEventListener("keydown", onStageKey);
}

const DIRECTIONS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

function onStageKey(ev: KeyboardEvent) {
  if (ev.key === "Enter" && state.focused !== null) {
    location.href = noteUrl(base, data.payload.slug[state.focused]);
  } else if (ev.key === "Escape") {
    focusNode(null);
    announce("No note focused.");
  } else if (ev.key in DIRECTIONS) {
    ev.preventDefault();
    if (state.focused === null) {
      // Start from the best-connected visible note.
      let best = -1;
      for (let i = 0; i < data.count; i++) if (nodeVisible(data, state, i) && (best < 0 || shownDegree(data, state, i) > shownDegree(data, state, best))) best = i;
      if (best >= 0) focusNode(best);
      return;
    }
    const [dx, dy] = DIRECTIONS[ev.key];
    const from = state.focused;
    const position = (n: number) => (view ? view.viewportPosition(n) : { x: data.payload.x[n], y: data.payload.y[n] });
    const next = neighbourInDirection(visibleNeighbours(from), position(from), dx, dy, position);
    if (next === null) announce(`No neighbour of ${data.payload.title[from]} in that direction.`);
    else focusNode(next, { fly: true });
  }
}

function applyUrl() {
  const params = new URLSearchParams(location.search);
  if (params.get("layers")?.split(",").includes("reference")) {
    setReferences(true);
    view?.refresh();
  }
  const find = (s: string | null) => (s ? data.bySlug.get(s) : undefined);
  const from = find(params.get("from")), to = find(params.get("to"));
  if (from !== undefined && to !== undefined) {
    pathEnds[0] = from;
    pathEnds[1] = to;
    $<HTMLInputElement>("graph-path-from").value = data.payload.title[from];
    $<HTMLInputElement>("graph-path-to").value = data.payload.title[to];
    showPath(from, to);
    return;
  }
  const focus = find(params.get("focus"));
  if (focus !== undefined) return focusNode(focus);
  if (params.get("focus")) announce(`No note “${params.get("focus")}” in the graph.`);
  const q = params.get("q");
  if (q) {
    $<HTMLInputElement>("graph-find").value = q;
    const hit = searchNotes(nameIndexOf(data), q, 1)[0];
    if (hit) focusNode(hit.node);
    else announce(`No note matches “${q}”.`);
  }
}

async function main() {
  try {
    data = await loadLandscape(root.dataset.payload!);
    performance.mark("atlas-graph-data");
  } catch (err) {
    status.textContent = `The graph data could not be loaded (${(err as Error).message}). The list below still works.`;
    return;
  }
  $("graph-controls").hidden = false;
  if (webglAvailable()) {
    status.remove();
    stage.classList.add("is-drawn");
    view = createGraphView(data, stage, state);
    performance.mark("atlas-graph-view");
    const sigma = view.sigma;
    sigma.on("enterNode", ({ node }) => {
      state.hovered = data.bySlug.get(node)!;
      stage.style.cursor = "pointer";
      view!.refresh();
    });
    sigma.on("leaveNode", () => {
      state.hovered = null;
      stage.style.cursor = "";
      view!.refresh();
    });
    sigma.on("clickNode", ({ node }) => {
      location.href = noteUrl(base, node);
    });
    sigma.on("clickStage", () => focusNode(null, { speak: false }));
    // sigma draws its first frame inside the constructor; the browser shows it on the next animation frame.
    requestAnimationFrame(() => {
      root.dataset.ready = "true";
      performance.mark("atlas-graph-first-frame");
    });
    void view.edgesReady.then(() => {
      root.dataset.edges = "true";
      performance.mark("atlas-graph-edges");
    });
  } else {
    status.textContent = "This browser cannot draw the graph (WebGL is unavailable). Search, filters and the path finder still work and answer in lists; the most connected notes are listed below.";
    root.dataset.ready = "fallback";
  }
  wireControls();
  applyUrl();
  // A handle for tests and the benchmark: the state, where a note is drawn and how.
  (window as unknown as { atlasGraph: object }).atlasGraph = {
    state,
    slugOf: (i: number) => data.payload.slug[i],
    refresh: () => view?.refresh(),
    position: (slug: string) => (view ? view.viewportPosition(data.bySlug.get(slug)!) : null),
    display: (slug: string) => view?.sigma.getNodeDisplayData(slug) ?? null,
    /** The labels forced now, with their boxes in CSS pixels (the collision pass's answer). */
    forcedLabels: () => (view ? view.forcedLabels().map((f) => ({ slug: data.payload.slug[f.node], box: f.box })) : []),
    /** The camera is still and the labels were picked where it is. */
    settled: () => view?.settled() ?? true,
    /** The notes sigma drew a label for in its last frame. */
    drawnLabels: () => (view ? [...view.sigma.getNodeDisplayedLabels()] : []),
  };
}

void main();
