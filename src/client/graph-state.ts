/**
 * The global view's interaction state in one small object, and the sigma reducers that turn it into what is drawn.
 * Every visual change (hover, focus, filters, time, path) is a state change followed by a refresh; the graph itself
 * is never mutated. DOM-free so it can be unit-tested.
 */
import { shortestPath, stepRelations, type LandscapeData, type StepRelation } from "../lib/graph/query.ts";

export interface GraphState {
  /** Node under the pointer. */
  hovered: number | null;
  /** Node chosen by search, click or keyboard; its neighbours stay highlighted. */
  focused: number | null;
  /** Type codes switched off in the legend. */
  hiddenTypes: Set<number>;
  /** "all", "typed" (everything but body links) or one kind's name. */
  relation: string;
  /** Notes and edges dated after this YYYYMMDD number fade; null shows every date. */
  dateLimit: number | null;
  /** Nodes of the highlighted path, in order, and the edges joining them. */
  path: number[] | null;
  pathEdges: Set<number>;
  /** Colour nodes by Louvain community instead of type. */
  byCommunity: boolean;
  /**
   * The reference layer is shown: notes of reference types (sources), the edges touching them, citations. Off by
   * default, so the graph is the landscape of relations between entities.
   */
  showReferences: boolean;
}

export function initialState(): GraphState {
  return { hovered: null, focused: null, hiddenTypes: new Set(), relation: "all", dateLimit: null, path: null, pathEdges: new Set(), byCommunity: false, showReferences: false };
}

/** Whether a note is drawn and walkable: its type is not hidden, and it is in a layer shown. */
export function nodeVisible(data: LandscapeData, state: GraphState, node: number): boolean {
  return !state.hiddenTypes.has(data.payload.type[node]) && (state.showReferences || !data.reference[node]);
}

/** A note's connections in the layers shown. */
export function shownDegree(data: LandscapeData, state: GraphState, node: number): number {
  return state.showReferences ? data.degree[node] : data.defaultDegree[node];
}

/** Which kinds a path's steps name: those the relation filter lets through, and citations only when shown. */
export function kindShown(data: LandscapeData, state: GraphState): (kind: number) => boolean {
  const allow = relationTest(data.payload.kinds, state.relation);
  return (k) => allow(1 << k) && (state.showReferences || data.payload.kinds[k] !== "cites");
}

/** Which edges the relation filter lets through, as a test on an edge's kind bitmask. */
export function relationTest(kinds: string[], relation: string): (mask: number) => boolean {
  if (relation === "all") return () => true;
  if (relation === "typed") {
    const link = kinds.indexOf("links_to");
    const others = link < 0 ? ~0 : ~(1 << link);
    return (mask) => (mask & others) !== 0;
  }
  const k = kinds.indexOf(relation);
  if (k < 0) return () => false;
  return (mask) => (mask & (1 << k)) !== 0;
}

/** Whether an edge is walkable and drawn under the current filters (layers and types shown, relation allowed). */
export function edgeVisible(data: LandscapeData, state: GraphState, edge: number, allow = relationTest(data.payload.kinds, state.relation)): boolean {
  const a = data.pairs[2 * edge], b = data.pairs[2 * edge + 1];
  return (state.showReferences || !data.referenceEdge[edge]) && nodeVisible(data, state, a) && nodeVisible(data, state, b) && allow(data.payload.kind[edge]);
}

/** An edge test for the path finder: the edges drawn under `state`. */
export function walkable(data: LandscapeData, state: GraphState): (edge: number) => boolean {
  const allow = relationTest(data.payload.kinds, state.relation);
  return (e) => edgeVisible(data, state, e, allow);
}

/**
 * The shortest path through the layers and connections shown; when there is none and the reference layer is hidden,
 * `withReferences` is the path there would be with it shown (else null).
 */
export function findPath(data: LandscapeData, state: GraphState, from: number, to: number): { path: number[] | null; withReferences: number[] | null } {
  const path = shortestPath(data, from, to, walkable(data, state));
  const withReferences = path || state.showReferences ? null : shortestPath(data, from, to, walkable(data, { ...state, showReferences: true }));
  return { path, withReferences };
}

/** One relation of a step as the path finder writes it: "—affiliated with→", "←developer—", "←links to→" (both ways). */
export function relationText(data: LandscapeData, r: StepRelation): string {
  const kind = data.payload.kinds[r.kind];
  const label = kind === "links_to" ? "links to" : (data.payload.kindLabels[r.kind] ?? kind);
  return r.way === "forward" ? `—${label}→` : r.way === "back" ? `←${label}—` : `←${label}→`;
}

/** A step of a path as text: each relation shown that joins the two notes, with its direction; body links last. */
export function stepText(data: LandscapeData, state: GraphState, from: number, to: number): string {
  const link = (r: StepRelation) => (data.payload.kinds[r.kind] === "links_to" ? 1 : 0);
  const relations = stepRelations(data, from, to, kindShown(data, state)).sort((a, b) => link(a) - link(b) || a.kind - b.kind);
  return relations.map((r) => relationText(data, r)).join(", ") || "—";
}

/** A label's box in viewport pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (p: Box, q: Box) => p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;

/**
 * The labels to force, greedily: candidates come in priority order, and each is taken when its box overlaps none
 * already taken (and lies in `bounds` when given). Returns the nodes taken.
 */
export function pickLabels(candidates: readonly { node: number; box: Box }[], bounds?: Box): Set<number> {
  const taken: Box[] = [];
  const out = new Set<number>();
  for (const { node, box } of candidates) {
    if (bounds && !(box.x >= bounds.x && box.y >= bounds.y && box.x + box.w <= bounds.x + bounds.w && box.y + box.h <= bounds.y + bounds.h)) continue;
    if (taken.some((t) => overlaps(t, box))) continue;
    taken.push(box);
    out.add(node);
  }
  return out;
}

/**
 * The notes whose labels a focus, hover or path asks for, most important first: the active note, then its shown
 * neighbours by connections in the layers shown (then by number); a path's two ends, then its inner notes in order.
 */
export function labelPriority(data: LandscapeData, state: GraphState, active: number | null, near: ReadonlySet<number>): number[] {
  if (state.path) {
    const p = state.path;
    return p.length <= 2 ? [...p] : [p[0], p[p.length - 1], ...p.slice(1, -1)];
  }
  if (active === null) return [];
  const rest = [...near].filter((n) => n !== active).sort((a, b) => shownDegree(data, state, b) - shownDegree(data, state, a) || a - b);
  return [active, ...rest];
}

export interface Palette {
  /** Colour per type code. */
  types: string[];
  /** Colour per community (cycled). */
  communities: string[];
  faded: string;
  edge: string;
  edgeFaded: string;
  highlight: string;
}

/** Sigma's node attributes as the page builds them. */
export interface NodeAttributes {
  i: number;
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
}
export interface EdgeAttributes {
  e: number;
  size: number;
  color: string;
}

type NodeDisplay = Partial<{ color: string; label: string | null; hidden: boolean; highlighted: boolean; forceLabel: boolean; zIndex: number; size: number }>;
type EdgeDisplay = Partial<{ color: string; hidden: boolean; size: number; zIndex: number }>;

/**
 * The node and edge reducers for a state; `neighbours` of the active node are computed once per change. Labels: with
 * a note focused or hovered, or a path shown, the notes `setLabels` names are forced and the others of the
 * neighbourhood go unlabelled (the view picks them so that no two forced labels overlap); before any `setLabels`,
 * a small neighbourhood's labels are all forced.
 */
export function makeReducers(data: LandscapeData, state: GraphState, palette: Palette) {
  const { type, date, community, kinds } = data.payload;
  let allow = relationTest(kinds, state.relation);
  let active: number | null = null;
  let near = new Set<number>();
  let onPath = new Set<number>();
  let labels: Set<number> | null = null;

  /** Recomputes what depends on the active node and filters; call after every state change. */
  const update = () => {
    allow = relationTest(kinds, state.relation);
    active = state.hovered ?? state.focused;
    near = new Set();
    if (active !== null) {
      const { offsets, neighbors, edgeIds } = data.adjacency;
      for (let j = offsets[active]; j < offsets[active + 1]; j++) if (edgeVisible(data, state, edgeIds[j], allow)) near.add(neighbors[j]);
    }
    onPath = new Set(state.path ?? []);
  };
  update();

  const late = (i: number) => state.dateLimit !== null && date[i] > state.dateLimit;
  const forced = (i: number, fallback: boolean) => (labels ? labels.has(i) : fallback);

  const nodeReducer = (_key: string, attrs: NodeAttributes): NodeDisplay => {
    const i = attrs.i;
    if (!nodeVisible(data, state, i)) return { ...attrs, hidden: true };
    const out: NodeDisplay & NodeAttributes = { ...attrs, color: state.byCommunity ? palette.communities[community[i] % palette.communities.length] : palette.types[type[i]] };
    if (late(i)) {
      out.color = palette.faded;
      out.label = null as unknown as string;
      out.zIndex = 0;
    }
    if (state.path) {
      if (onPath.has(i)) Object.assign(out, { highlighted: true, forceLabel: forced(i, true), zIndex: 2, color: out.color }, forced(i, true) ? {} : { label: null });
      else if (i !== active) Object.assign(out, { color: palette.faded, label: null, zIndex: 0 });
    } else if (active !== null) {
      if (i === active) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 3 });
      else if (near.has(i)) Object.assign(out, { forceLabel: forced(i, near.size <= 30), zIndex: 2 }, labels && !labels.has(i) ? { label: null } : {});
      else Object.assign(out, { color: palette.faded, label: null, zIndex: 0 });
    }
    return out;
  };

  const edgeReducer = (_key: string, attrs: EdgeAttributes): EdgeDisplay => {
    const e = attrs.e;
    if (!edgeVisible(data, state, e, allow)) return { ...attrs, hidden: true };
    const a = data.pairs[2 * e], b = data.pairs[2 * e + 1];
    if (state.path) {
      return state.pathEdges.has(e) ? { ...attrs, color: palette.highlight, size: 3, zIndex: 2 } : { ...attrs, color: palette.edgeFaded, zIndex: 0 };
    }
    if (active !== null) {
      return a === active || b === active ? { ...attrs, color: palette.highlight, size: 1.5, zIndex: 1 } : { ...attrs, hidden: true };
    }
    if (state.dateLimit !== null && data.edgeDate[e] > state.dateLimit) return { ...attrs, color: palette.edgeFaded };
    return attrs;
  };

  return {
    nodeReducer,
    edgeReducer,
    update,
    /** The notes whose labels to force, in priority order (see `labelPriority`). */
    wanted: () => labelPriority(data, state, active, near),
    /** The labels to force (null: the default rule). */
    setLabels(set: Set<number> | null) {
      labels = set;
    },
  };
}

/**
 * The neighbour of `from` lying most nearly in direction (dx, dy) on screen (y down), within 90 degrees of it;
 * closer ones win ties. `position` gives viewport coordinates. Null when nothing lies that way.
 */
export function neighbourInDirection(
  candidates: readonly number[],
  from: { x: number; y: number },
  dx: number,
  dy: number,
  position: (n: number) => { x: number; y: number },
): number | null {
  let best: number | null = null, bestScore = Infinity;
  for (const n of candidates) {
    const p = position(n);
    const vx = p.x - from.x, vy = p.y - from.y;
    const len = Math.hypot(vx, vy);
    if (len === 0) continue;
    const cos = (vx * dx + vy * dy) / len;
    if (cos <= 0) continue;
    // Angle matters most; distance breaks near-ties.
    const score = (1 - cos) * 10 + len / 10000;
    if (score < bestScore) {
      bestScore = score;
      best = n;
    }
  }
  return best;
}
