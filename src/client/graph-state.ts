/**
 * The global view's interaction state in one small object, and the sigma reducers that turn it into what is drawn.
 * Every visual change (hover, focus, filters, time, path) is a state change followed by a refresh; the graph itself
 * is never mutated. DOM-free so it can be unit-tested.
 */
import type { LandscapeData } from "../lib/graph/query.ts";

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
}

export function initialState(): GraphState {
  return { hovered: null, focused: null, hiddenTypes: new Set(), relation: "all", dateLimit: null, path: null, pathEdges: new Set(), byCommunity: false };
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

/** Whether an edge is walkable and drawn under the current filters (types shown, relation allowed). */
export function edgeVisible(data: LandscapeData, state: GraphState, edge: number, allow = relationTest(data.payload.kinds, state.relation)): boolean {
  const { type, kind } = data.payload;
  const a = data.pairs[2 * edge], b = data.pairs[2 * edge + 1];
  return !state.hiddenTypes.has(type[a]) && !state.hiddenTypes.has(type[b]) && allow(kind[edge]);
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

/** The node and edge reducers for a state; `neighbours` of the active node are passed in, computed once per change. */
export function makeReducers(data: LandscapeData, state: GraphState, palette: Palette) {
  const { type, date, community, kinds } = data.payload;
  let allow = relationTest(kinds, state.relation);
  let active: number | null = null;
  let near = new Set<number>();
  let onPath = new Set<number>();

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

  const nodeReducer = (_key: string, attrs: NodeAttributes): NodeDisplay => {
    const i = attrs.i;
    if (state.hiddenTypes.has(type[i])) return { ...attrs, hidden: true };
    const out: NodeDisplay & NodeAttributes = { ...attrs, color: state.byCommunity ? palette.communities[community[i] % palette.communities.length] : palette.types[type[i]] };
    if (late(i)) {
      out.color = palette.faded;
      out.label = null as unknown as string;
      out.zIndex = 0;
    }
    if (state.path) {
      if (onPath.has(i)) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 2, color: out.color });
      else if (i !== active) Object.assign(out, { color: palette.faded, label: null, zIndex: 0 });
    } else if (active !== null) {
      if (i === active) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 3 });
      else if (near.has(i)) Object.assign(out, { forceLabel: near.size <= 30, zIndex: 2 });
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

  return { nodeReducer, edgeReducer, update };
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
