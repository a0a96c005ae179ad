/**
 * A `.base` file of an Obsidian vault as the vault's other stages see a note (as a canvas is one: canvas/note.ts): a
 * `ParsedNote` whose body is one base slot, the whole file being that base (`bases[0]`, from line 1), and whose
 * headings are the base's views, so `![[Books.base#Reading list]]` names a view as `[[Note#Heading]]` names a
 * heading (a missing one is a `missing-heading` warning) and a link to it lands on that view on the base's page.
 * So a base is resolved, linked to, linked back to, searched and given a page exactly as a note is. Pure.
 */
import GithubSlugger from "github-slugger";
import { baseSlot, stripMarkers } from "../markdown/markers.ts";
import type { ParsedNote } from "../parse-note.ts";
import { readBase } from "./parse.ts";

/** Whether a file of an Obsidian vault is a base (`.base`). */
export function isBasePath(path: string): boolean {
  return /\.base$/i.test(path);
}

/** A base file's name without its extension: its title. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).replace(/\.base$/i, "");
}

/** The ids a base page gives its views' headings (github-slugger over their names, in order). */
export function viewIds(names: readonly string[]): string[] {
  const slugger = new GithubSlugger();
  return names.map((n) => slugger.slug(n));
}

export function parseBaseNote(text: string): ParsedNote {
  const clean = stripMarkers(text);
  const spec = readBase(clean);
  const names = spec.views.map((v) => v.name);
  const ids = viewIds(names);
  return {
    data: undefined,
    positions: {},
    problems: [],
    bodyLine: 1,
    headings: spec.views.map((v, i) => ({ depth: 2, text: v.name, id: ids[i], line: v.line })),
    links: [],
    contexts: [],
    proseText: { text: "", links: [] },
    blocks: [],
    unsafeHtml: [],
    unsafeUrls: [],
    html: { chunks: [baseSlot(0)], labels: [] },
    bases: [{ text: clean, line: 1, column: 0 }],
  };
}
