/**
 * The vault's notes as `npm run import` needs them: path, slug, type, names, record, frontmatter data and text. Only
 * the frontmatter is read (frontmatter.ts), never the body's Markdown. A note whose frontmatter cannot be read stops
 * the run: the importer would not know whether it already holds a system.
 */
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { splitNote } from "../frontmatter.ts";
import { listNoteFiles } from "../vault.ts";
import type { ImportRecord } from "../schema.ts";
import type { VaultNote } from "./plan.ts";

export class VaultReadError extends Error {}

/** One note from its path in the vault and its text, as the import of `dataset` sees it (`record`: its record from that dataset). */
export function vaultNote(path: string, text: string, dataset: string): VaultNote {
  const split = splitNote(text);
  const data = split.data as Record<string, unknown> | undefined;
  if (!data) throw new VaultReadError(`${path}:${split.problems[0]?.line ?? 1}: ${split.problems[0]?.message ?? "the frontmatter cannot be read"}; fix it first (npm run check)`);
  const slug = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
  const aliases = Array.isArray(data.aliases) ? data.aliases.map(String) : [];
  const records = (data.record === undefined ? [] : Array.isArray(data.record) ? data.record : [data.record]) as ImportRecord[];
  return { path, slug, type: String(data.type ?? ""), title: String(data.title ?? slug), aliases, record: records.find((r) => r?.from === dataset), records, data, text };
}

/** Every note of a typed vault's folder, as the loader lists them, as the import of `dataset` sees them. */
export async function readVaultNotes(dir: string, dataset: string): Promise<VaultNote[]> {
  return (await listNoteFiles(dir)).map((file) => vaultNote(relative(dir, file).split(sep).join("/"), readFileSync(file, "utf8"), dataset));
}
