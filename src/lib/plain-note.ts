/**
 * A note of a vault read as Obsidian reads it, in the one shape every note has (`NoteFields`): titled by its file
 * name unless its frontmatter says `title`, with Obsidian's `aliases` and `tags` (properties and inline `#tags`),
 * `description` as its summary, and every other property kept to be shown on its page. No field is required and no
 * value is refused: frontmatter that is not YAML at all leaves a note with its body and file name only.
 */
import type { NoteFields, Sourced } from "./schema.ts";

/** Properties read into the note's own fields rather than shown as they are. */
const OWN = new Set(["title", "aliases", "alias", "tags", "tag", "description", "summary"]);

export function plainFields(data: unknown, name: string, inlineTags: readonly string[] = []): NoteFields {
  const raw = data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const title = typeof raw.title === "string" && raw.title.trim() ? raw.title.trim() : typeof raw.title === "number" ? String(raw.title) : name;
  const summary = [raw.description, raw.summary].find((v): v is string => typeof v === "string" && !!v.trim())?.trim() ?? "";
  const values: Record<string, Sourced[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (OWN.has(key) || value === null || value === undefined || value === "") continue;
    const list = Array.isArray(value) ? value : [value];
    const shown = list.filter((v) => v !== null && v !== undefined && v !== "").map((v, i) => ({ value: show(v), sources: [], path: Array.isArray(value) ? [key, i] : [key] }));
    if (shown.length) values[key] = shown;
  }
  const tags = [...new Set([...listOf(raw.tags ?? raw.tag, true).map(tagKey).filter(isTag), ...inlineTags])];
  return {
    type: "note",
    title,
    aliases: listOf(raw.aliases ?? raw.alias, false),
    summary,
    tags,
    sources: [],
    values,
    refs: {},
    openness: {},
    names: {},
    records: [],
  };
}

/** A property's list: a YAML list, or a string (tags split at commas and spaces, aliases at commas). */
function listOf(v: unknown, tags: boolean): string[] {
  if (v === null || v === undefined) return [];
  const items = Array.isArray(v) ? v : typeof v === "string" ? v.split(tags ? /[,\s]+/ : /,/) : [v];
  return items.filter((x) => typeof x === "string" || typeof x === "number").map((x) => String(x).trim()).filter(Boolean);
}

/** A tag as Obsidian compares them: without `#`, lowercase. */
export function tagKey(tag: string): string {
  return tag.replace(/^#/, "").replace(/\/+$/, "").toLowerCase();
}

/** Obsidian's tag characters (letters, digits, `_`, `-`, `/`), not only digits. */
function isTag(tag: string): boolean {
  return /^[\p{L}\p{N}\p{M}_/-]+$/u.test(tag) && /[^\d/]/.test(tag);
}

function show(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return JSON.stringify(v);
}
