/** Rules about an Obsidian vault's canvases (JSON Canvas `.canvas` files, read as pages: src/lib/canvas/). */
import { defineRule } from "./rule.ts";

export const canvas = defineRule({
  id: "canvas",
  severity: "warning",
  summary: "A canvas (`.canvas`) is not valid JSON Canvas 1.0: not JSON, or a node or edge without what it needs (an id, a type, its place and size, a text node's text …), an edge to a node it does not have, a colour or side it does not know.",
  fix: "Fix the file at the place named (or open it in Obsidian and move a card, so the app writes it again); the page shows what can be read of it meanwhile. A file node naming a missing file is a `broken-link` warning.",
  check(vault, report) {
    for (const f of vault.files) {
      for (const p of f.parsed.canvas?.problems ?? []) report(f, p, p.message, p.hint);
    }
  },
});
