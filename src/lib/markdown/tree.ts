/** Small mdast tree helpers for the transforms on the one parse (obsidian.ts and its parts). */
import type { Nodes, Parents } from "mdast";

/** Calls `fn` on every parent, outermost first; `false` skips the parent's descendants. */
export function visitParents(node: Nodes, fn: (parent: Parents) => boolean | void): void {
  if (!("children" in node)) return;
  if (fn(node as Parents) === false) return;
  for (const child of (node as Parents).children) visitParents(child as Nodes, fn);
}

export function mergeAdjacentText(parent: Parents): void {
  const out: Nodes[] = [];
  for (const c of parent.children as Nodes[]) {
    const last = out[out.length - 1];
    if (last?.type === "text" && c.type === "text") {
      out[out.length - 1] = { ...last, value: last.value + c.value, position: last.position && c.position ? { start: last.position.start, end: c.position.end } : undefined };
    } else out.push(c);
  }
  (parent as { children: Nodes[] }).children = out;
}
