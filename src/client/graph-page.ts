/**
 * The /graph/ page: loads the global payload, draws it when WebGL is available, and wires the controls (search,
 * type legend, relation filter, time slider, community colours, path finder, focus panel, keyboard, shareable URL)
 * to the one state object. Without WebGL every control but the drawing still works, answering in lists.
 */
import { dateText } from "../lib/graph/payload.ts";
import { edgeBetween, nameIndexOf, searchNotes, shortestPath, type LandscapeData } from "../lib/graph/query.ts";
import { edgeVisible, initialState, neighbourInDirection, relationTest } from "./graph-state.ts";
import { createGraphView, type GraphView } from "./graph-view.ts";
import { loadLandscape, noteUrl } from "./landscape.ts";
import { attachSearchBox } from "./search-box.ts";
import { webglAvailable } from "./sigma-slot.ts";

const root = document.querySelector<HTMLElement>("[data-graph-page]")!;
const base = root.dataset.base!;
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
  const neighbours = visibleNeighbours(node).sort((a, b) => data.degree[b] - data.degree[a]);
  const heading = document.createElement("h2");
  heading.append(link(node));
  const meta = Object.assign(document.createElement("p"), { className: "meta", textContent: Object.values(facts(node)).join(" · ") });
  const list = document.createElement("ul");
  for (const n of neighbours.slice(0, 50)) {
    const li = document.createElement("li");
    li.append(link(n));
    list.append(li);
  }
  const more = neighbours.length > 50 ? [Object.assign(document.createElement("p"), { className: "meta", textContent: `and ${neighbours.length - 50} more` })] : [];
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
  panel.replaceChildren(heading, meta, buttons, list, ...more);
}

function focusNode(node: number | null, options: { fly?: boolean; speak?: boolean } = {}) {
  state.focused = node;
  if (node !== null) {
    state.path = null;
    state.pathEdges = new Set();
  }
  view?.refresh();
  renderFocusPanel();
  syncUrl();
  if (node !== null && options.fly !== false) void view?.fit([node, ...visibleNeighbours(node)], node);
  if (node !== null && options.speak !== false) announce(`${describe(node)}. Arrow keys move to a neighbour, Enter opens it.`);
}

const pathEnds: [number | null, number | null] = [null, null];

function showPath(from: number, to: number) {
  const allow = relationTest(data.payload.kinds, state.relation);
  const path = shortestPath(data, from, to, (e) => edgeVisible(data, state, e, allow));
  const result = $("graph-path-result");
  const { title } = data.payload;
  if (!path) {
    state.path = null;
    state.pathEdges = new Set();
    result.textContent = `No path between ${title[from]} and ${title[to]} through the notes and connections shown.`;
  } else {
    state.path = path;
    state.focused = null;
    state.pathEdges = new Set(path.slice(1).map((n, i) => edgeBetween(data, path[i], n)));
    const ol = document.createElement("ol");
    ol.className = "graph-path";
    for (const n of path) {
      const li = document.createElement("li");
      li.append(link(n));
      ol.append(li);
    }
    const steps = path.length - 1;
    result.replaceChildren(Object.assign(document.createElement("p"), { textContent: `${steps} step${steps === 1 ? "" : "s"}:` }), ol);
    announce(`Path found, ${steps} steps: ${path.map((n) => title[n]).join(", then ")}.`);
  }
  view?.refresh();
  renderFocusPanel();
  syncUrl();
  if (path) void view?.fit(path);
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
      const hide = !state.hiddenTypes.has(t);
      if (hide) state.hiddenTypes.add(t);
      else state.hiddenTypes.delete(t);
      button.setAttribute("aria-pressed", String(!hide));
      if (state.focused !== null && state.hiddenTypes.has(data.payload.type[state.focused])) state.focused = null;
      view?.refresh();
      renderFocusPanel();
    });
  }

  const relation = $<HTMLSelectElement>("graph-relation");
  relation.addEventListener("change", () => {
    state.relation = relation.value;
    view?.refresh();
    renderFocusPanel();
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
      for (let i = 0; i < data.count; i++) if (!state.hiddenTypes.has(data.payload.type[i]) && (best < 0 || data.degree[i] > data.degree[best])) best = i;
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
  };
}

void main();
