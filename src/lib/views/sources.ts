/**
 * Where a value comes from, as pages show it: the source notes a claim cites (as links), and the mark of a value
 * `npm run import` wrote (the dataset, and the note's record in it).
 */
import { dataset, recordUrl } from "../datasets.ts";
import { recordFrom, type SourceRef } from "../schema.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";
import type { LinkRef } from "./links.ts";

/** How a page marks an imported value: the dataset's name and the address of the note's record in it. */
export interface ImportedMark {
  /** The dataset's id (`osai`, `epoch`). */
  id: string;
  dataset: string;
  /** The record's address (a file of the dataset at a commit), when the note's `record` names one. */
  href?: string;
  /** "European Open Source AI Index, record GPT-OSS.yaml": for the mark's tooltip. */
  title: string;
}

/** The source notes a claim cites, as links (a citation naming no source note is left out: the checker reports it). */
export function sourceRefs(site: Site, list: readonly (SourceRef | string)[]): LinkRef[] {
  const { vault, registry } = site;
  return list
    .map((s) => vault.index.resolve(typeof s === "string" ? s : s.ref))
    .filter((s): s is string => !!s && registry.isCited(vault.bySlug.get(s)?.type ?? ""))
    .map((s) => site.ref(s));
}

/** The mark of a value imported from dataset `id` into `note` (undefined for a hand-written value). */
export function importedMark(note: Note, id: string | undefined): ImportedMark | undefined {
  const d = id ? dataset(id) : undefined;
  if (!d) return undefined;
  const r = recordFrom(note.fields, d.id);
  const file = r?.file;
  const href = file && r?.snapshot ? recordUrl(d, file, r.snapshot) : undefined;
  return { id: d.id, dataset: d.label, href, title: file ? `Imported from ${d.named}, ${/\.(csv|tsv)$/i.test(file) ? "a row of" : "record"} ${file}` : `Imported from ${d.named}` };
}
