/**
 * Downloads for people who want the data itself: the full graph as graphology JSON and as GEXF (opens in Gephi,
 * with positions, sizes and type colours), and one CSV of notes per type.
 */
import type { SerializedGraph } from "graphology-types";
import { escapeHtml as xml } from "../html-escape.ts";
import { REGISTRY, type NoteType, type Registry } from "../registry.ts";
import type { Note } from "../types.ts";
import type { LandscapeGraph } from "./build.ts";
import type { Layout } from "./layout.ts";
import { nodeSize } from "./payload.ts";

/** Node colours by type: the light theme's, from the registry. */
const typeColor = (registry: Registry, type: string) => registry.entry(type).color.light;

/** graphology's own serialization, nodes carrying their layout position, size, colour and community. */
export function toGraphologyJson(graph: LandscapeGraph, layout: Layout, registry: Registry = REGISTRY): string {
  const out: SerializedGraph = graph.export();
  const at = new Map(layout.keys.map((k, i) => [k, i]));
  for (const node of out.nodes) {
    const i = at.get(node.key)!;
    const a = node.attributes!;
    node.attributes = { ...a, x: round(layout.x[i]), y: round(layout.y[i]), size: round(nodeSize(a.degree)), color: typeColor(registry, a.type), community: layout.community[i] };
  }
  for (const edge of out.edges) delete edge.key; // keys are generated ("geid_…"); endpoints identify an edge here
  return JSON.stringify(out);
}

const round = (v: number) => Math.round(v * 100) / 100;

/** GEXF 1.2, the format Gephi opens: node type, date, degree and community as attributes, edge kinds and weight. */
export function toGexf(graph: LandscapeGraph, layout: Layout, registry: Registry = REGISTRY, about: { title: string; description?: string } = { title: "Notes" }): string {
  const at = new Map(layout.keys.map((k, i) => [k, i]));
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">`,
    `  <meta><creator>${xml(about.title)}</creator><description>${xml(about.description ? `${about.description} Notes and their links.` : "Notes and their links.")}</description></meta>`,
    `  <graph defaultedgetype="directed" mode="static">`,
    `    <attributes class="node">`,
    `      <attribute id="type" title="type" type="string"/>`,
    `      <attribute id="date" title="date" type="string"/>`,
    `      <attribute id="degree" title="degree" type="integer"/>`,
    `      <attribute id="community" title="community" type="integer"/>`,
    `    </attributes>`,
    `    <attributes class="edge">`,
    `      <attribute id="kinds" title="kinds" type="string"/>`,
    `    </attributes>`,
    `    <nodes>`,
  ];
  graph.forEachNode((key, a) => {
    const i = at.get(key)!;
    const [r, g, b] = [1, 3, 5].map((o) => parseInt(typeColor(registry, a.type).slice(o, o + 2), 16));
    lines.push(
      `      <node id="${xml(key)}" label="${xml(a.title)}">`,
      `        <attvalues><attvalue for="type" value="${a.type}"/><attvalue for="date" value="${xml(a.date ?? "")}"/>` +
        `<attvalue for="degree" value="${a.degree}"/><attvalue for="community" value="${layout.community[i]}"/></attvalues>`,
      `        <viz:position x="${round(layout.x[i])}" y="${round(-layout.y[i])}" z="0"/><viz:size value="${round(nodeSize(a.degree))}"/><viz:color r="${r}" g="${g}" b="${b}"/>`,
      `      </node>`,
    );
  });
  lines.push(`    </nodes>`, `    <edges>`);
  let id = 0;
  graph.forEachEdge((_e, a, source, target) => {
    lines.push(
      `      <edge id="${id++}" source="${xml(source)}" target="${xml(target)}" weight="${a.weight}">` +
        `<attvalues><attvalue for="kinds" value="${xml(a.kinds.join(" "))}"/></attvalues></edge>`,
    );
  });
  lines.push(`    </edges>`, `  </graph>`, `</gexf>`, ``);
  return lines.join("\n");
}

/**
 * A CSV cell (RFC 4180). A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would run as a
 * formula when the file is opened in a spreadsheet (`=HYPERLINK(...)` in a title sends the reader's data elsewhere):
 * it gets a leading `'` and quotes, as OWASP's CSV injection guidance says. Numbers (the counts) are left alone.
 */
export function csvCell(v: string | number): string {
  if (typeof v === "number") return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return s !== v || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ["slug", "title", "date", "aliases", "tags", "summary", "links_out", "links_in", "degree", "url"] as const;

/** One CSV (RFC 4180) per note type, notes sorted by slug; `noteUrl` gives the url column (base-aware). */
export function toCsvByType(graph: LandscapeGraph, notes: readonly Note[], noteUrl: (slug: string) => string, types: readonly NoteType[] = REGISTRY.schemaTypes): Record<NoteType, string> {
  const out = {} as Record<NoteType, string>;
  for (const type of types) {
    const rows: string[] = [CSV_COLUMNS.join(",")];
    const ofType = notes.filter((n) => n.type === type).sort((a, b) => (a.slug < b.slug ? -1 : 1));
    for (const n of ofType) {
      const a = graph.getNodeAttributes(n.slug);
      rows.push(
        [n.slug, n.title, a.date ?? "", a.aliases.join("; "), n.fields.tags.join("; "), n.fields.summary, graph.outDegree(n.slug), graph.inDegree(n.slug), a.degree, noteUrl(n.slug)]
          .map(csvCell)
          .join(","),
      );
    }
    out[type] = rows.join("\r\n") + "\r\n";
  }
  return out;
}
