/**
 * Rules about values `npm run import` wrote (`imported: <dataset>`, datasets.ts): each must be traceable to the
 * dataset's record of the note and to its source note, and an imported openness cell to its evidence, so a reader and
 * the checker can tell imported values from hand-written ones and follow each back to where it came from.
 */
import { dataset } from "../datasets.ts";
import { recordFrom, type FieldPath } from "../schema.ts";
import type { Note, Vault } from "../types.ts";
import { at, defineRule } from "./rule.ts";

interface Marked {
  what: string;
  imported: string;
  sources: string[];
  path: FieldPath;
  evidence?: string[];
}

function marked(n: Note): Marked[] {
  const out: Marked[] = [];
  for (const [field, values] of Object.entries(n.fields.values)) {
    for (const v of values) if (v.imported) out.push({ what: `\`${field}\` value \`${v.value}\``, imported: v.imported, sources: v.sources.map((s) => s.ref), path: v.path });
  }
  for (const r of n.relations) if (r.imported) out.push({ what: `\`${r.field}\` → \`${r.ref}\``, imported: r.imported, sources: r.sources, path: r.path });
  for (const [key, cell] of Object.entries(n.fields.openness)) {
    if (cell?.imported) out.push({ what: `openness cell \`${key}\``, imported: cell.imported, sources: cell.sources.map((s) => s.ref), path: cell.path, evidence: cell.evidence });
  }
  return out;
}

export const importedValue = defineRule({
  id: "imported-value",
  severity: "error",
  obsidian: "off",
  summary: "A value marked `imported:` is not traceable: the note has no `record` from that dataset, the value does not cite the dataset's source note, or an imported openness cell has no evidence link.",
  fix: "Run `npm run import` again rather than editing imported values by hand; to take a value over, remove its `imported:` and cite your own source.",
  check(vault: Vault, report) {
    for (const n of vault.notes) {
      for (const m of marked(n)) {
        const d = dataset(m.imported, vault.settings.site.datasets)!; // the schema admits only known datasets
        const where = at(n, m.path);
        if (!recordFrom(n.fields, d.id)) {
          report(n, where, `${m.what} is marked as imported from ${d.named}, but the note has no \`record\` from it`, "run `npm run import` again, or remove `imported:` and cite the source you took the value from");
        }
        const cites = m.sources.map((s) => vault.index.resolve(s));
        if (!d.source) report(n, where, `${m.what} is marked as imported from ${d.named}, but the vault names no source note for it`, `name it in atlas.yml: \`datasets: { ${d.id}: <the source note's slug> }\``);
        else if (!cites.includes(d.source)) report(n, where, `${m.what} is marked as imported from ${d.named}, but does not cite its source note \`${d.source}\``, `add \`source: ${d.source}\`, or remove \`imported:\` if the value is yours`);
        if (m.evidence && m.evidence.length === 0) report(n, where, `${m.what} is imported without an evidence link`, "an imported cell links the evidence the dataset gives, or its record: run `npm run import` again");
      }
    }
  },
});
