/**
 * Writes what an import run wants into one note's text, never touching what a person wrote. A value, relation or
 * openness cell the importer owns carries `imported: <dataset>`; everything else is hand-written and is copied byte
 * for byte (its source text, not a re-serialisation). A field the importer adds to a hand-written note goes beside
 * the hand-written values: where they agree, nothing is added; where they differ, both are kept as a list of claims
 * and the disagreement is returned for the run's report. An openness dimension holds one cell, so a hand-written cell
 * that differs from the dataset's stays, and the dataset's class and evidence are kept in the record (`differs`),
 * which the page shows beside ours; the disagreement is reported. Text the importer wrote (a generated summary and
 * body, or a section it appended) is rewritten only while its hash in `record` still matches, so a person's edit is
 * never overwritten. The result is parsed again and every hand-written value compared with the original before it is
 * returned. Pure.
 */
import { createHash } from "node:crypto";
import { isCollection, isMap, isSeq, parseDocument, type Node, type Pair } from "yaml";
import { foldName } from "../resolve.ts";
import { yamlField, yamlFlow, yamlScalar } from "./yaml-text.ts";

export type Item = Record<string, unknown>;

/** The imported values of one field, and how to tell whether a hand-written value already says the same. */
export interface FieldPlan {
  field: string;
  /** What the dataset says, as items the importer would write (each with `imported`). */
  items: Item[];
  /** True when a hand-written item says what `item` says (then `item` is not written). */
  agrees(hand: unknown, item: Item): boolean;
  /** How the report names the value. */
  show(v: unknown): string;
}

export interface NotePlan {
  /** The dataset id the importer writes in `imported:` and `record.from`. */
  dataset: string;
  /** A note that does not exist yet: its type and title (and first aliases). */
  create?: { type: string; title: string };
  /** Names to give the note, added if missing (only on notes the importer wrote). */
  aliases?: string[];
  /** Names an earlier run gave the note that this one no longer gives ("Command A?"), removed where the note has them exactly. */
  dropAliases?: string[];
  /** Source notes the note must list in `sources`. */
  sources: string[];
  /** In the order a new note lists them. */
  fields: FieldPlan[];
  /** Openness cells by dimension, in the registry's order; undefined leaves `openness` alone. */
  cells?: { key: string; item: Item | undefined }[];
  /** Dimension order, for placing an added cell among the written ones. */
  cellOrder?: readonly string[];
  /** Cell equality that ignores what may differ without the dataset changing (a fallback link's snapshot). */
  sameCell?(a: unknown, b: Item): boolean;
  record: Item;
  /** The note's text: a generated summary and body (a note the importer made), or a section it appends. */
  text?: { summary: string; body: string } | { heading: string; section: string };
  /**
   * A section an earlier run appended to a note a person wrote, which the importer no longer writes: removed while
   * its hash in `record.section` matches, left as it is (and reported) once a person has edited it; either way the
   * record drops the hash, the text no longer being the importer's.
   */
  retireSection?: { heading: string };
}

export interface Disagreement {
  field: string;
  hand: string;
  imported: string;
  /** An openness cell: the hand-written one is kept, the dataset's is not written. */
  cellKept?: boolean;
}

export interface EditResult {
  text: string;
  disagreements: Disagreement[];
  /** Text the importer wrote once that a person has edited since: left as it is. */
  editedByHand?: "body" | "section" | "retired-section";
  /** The section `retireSection` names was removed. */
  sectionRemoved?: boolean;
}

/** Where a run files one note's edit: its report's lists (created, updated, unchanged) and the files to write. */
export interface EditTally {
  writes: Map<string, string>;
  disagreements: (Disagreement & { slug: string })[];
  editedByHand: { slug: string; what: string }[];
}

/** Files the edit of the note `slug` at `path` (undefined `original`: a new note) into a run's report and writes. */
export function tallyEdit(run: EditTally, into: { created: string[]; updated: string[]; unchanged: string[] }, slug: string, path: string, original: string | undefined, result: EditResult): void {
  for (const x of result.disagreements) run.disagreements.push({ slug, ...x });
  if (result.editedByHand) run.editedByHand.push({ slug, what: result.editedByHand });
  if (original === undefined) into.created.push(slug);
  else if (original !== result.text) into.updated.push(slug);
  else into.unchanged.push(slug);
  if (original !== result.text) run.writes.set(path, result.text);
}

/** A merge that could not be made without touching hand-written text: the run stops and writes nothing. */
export class NoteEditError extends Error {}

/** Field order of a note the importer writes; an added field goes before the first later field present. */
const ORDER = ["title", "type", "aliases", "summary", "tags", "sources", "developer", "family", "base_model", "fine_tuned_from", "derived_from", "released", "parameters", "active_parameters", "architecture", "context_length", "training_compute", "dataset_size", "license", "modality", "domain", "task", "accessibility", "training_code_access", "performance_class", "country", "kind", "sector", "parent", "record", "openness"];

export const textHash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 12);

interface Span {
  key: string;
  text: string;
  pair?: Pair;
}

interface Existing {
  fm: string;
  body: string;
  spans: Span[];
  data: Record<string, unknown>;
}

function split(text: string, file: string): Existing {
  const m = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) throw new NoteEditError(`${file}: the note has no frontmatter the importer can read`);
  const fm = m[1] ?? "";
  const doc = parseDocument(fm);
  if (doc.errors.length) throw new NoteEditError(`${file}: its frontmatter is not valid YAML (${doc.errors[0].message.split("\n")[0]}); fix it first`);
  if (!isMap(doc.contents)) throw new NoteEditError(`${file}: its frontmatter is not a set of fields`);
  const pairs = doc.contents.items;
  const lineStart = (pos: number) => fm.lastIndexOf("\n", pos - 1) + 1;
  const spans: Span[] = [];
  // Text before the first field (a comment) stays with it.
  pairs.forEach((p, i) => {
    const start = i === 0 ? 0 : lineStart((p.key as Node).range![0]);
    const end = i + 1 < pairs.length ? lineStart((pairs[i + 1].key as Node).range![0]) : fm.length;
    spans.push({ key: String((p.key as { value: unknown }).value), text: fm.slice(start, end), pair: p });
  });
  return { fm, body: text.slice(m[0].length), spans, data: (doc.toJS() ?? {}) as Record<string, unknown> };
}

const isImported = (v: unknown, dataset: string) => !!v && typeof v === "object" && (v as Item).imported === dataset;

/** A node's source text, its later lines moved to `indent` (from the column it was written at). */
function nodeText(fm: string, node: Node, indent: string): string {
  const [start, end] = node.range!;
  const text = fm.slice(start, end).replace(/\s+$/, "");
  const col = start - (fm.lastIndexOf("\n", start - 1) + 1);
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? line : indent + line.slice(Math.min(col, line.length - line.trimStart().length))))
    .join("\n");
}

function items(fm: string, pair: Pair, js: unknown): { text: string; js: unknown }[] {
  const v = pair.value as Node | null;
  if (!v) return [];
  if (isSeq(v)) return v.items.map((n, i) => ({ text: nodeText(fm, n as Node, "    "), js: (js as unknown[])[i] }));
  return [{ text: nodeText(fm, v, "    "), js }];
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}
function normal(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normal);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, normal(x)]));
  return v;
}

/** Lines of one field holding `texts` (item texts as written, later lines at 4 spaces): one line inline, else a block list. */
function fieldLines(field: string, texts: string[], wasList: boolean): string {
  if (texts.length === 1 && !wasList && !texts[0].includes("\n")) return `${field}: ${texts[0]}\n`;
  return `${field}:\n${texts.map((t) => `  - ${t}\n`).join("")}`;
}

/** `key: value` of an openness cell as written, at 2 spaces (a block map's lines at 4). */
function cellText(fm: string, key: string, node: Node): string {
  if (isCollection(node) && !node.flow) return `${key}:\n    ${nodeText(fm, node, "    ")}`;
  return `${key}: ${nodeText(fm, node, "    ")}`;
}

/** The frontmatter and body `plan` wants, from the note's current text (undefined for a new note). */
export function editNote(original: string | undefined, plan: NotePlan, file: string): EditResult {
  const current: Existing = original === undefined ? { fm: "", body: "", spans: [], data: {} } : split(original, file);
  const out = new Map<string, string>(current.spans.map((s) => [s.key, s.text]));
  const order = current.spans.map((s) => s.key);
  const disagreements: Disagreement[] = [];
  const handChecks: { key: string; js: unknown }[] = [];
  /** Fields that held only imported values, which the importer may remove. */
  const removable = new Set<string>();
  const pairOf = (key: string) => current.spans.find((s) => s.key === key)?.pair;
  const put = (key: string, text: string | undefined) => {
    if (text === undefined) {
      out.delete(key);
      return;
    }
    if (!out.has(key) && !order.includes(key)) {
      // Before the first field that comes later in the importer's order, else at the end.
      const rank = ORDER.indexOf(key);
      const at = order.findIndex((k) => ORDER.indexOf(k) > rank);
      order.splice(at < 0 ? order.length : at, 0, key);
    }
    out.set(key, text);
  };

  if (plan.create) {
    if (original !== undefined) throw new NoteEditError(`${file}: a note already has this path`);
    put("title", `title: ${yamlScalar(plan.create.title, true)}\n`);
    put("type", `type: ${plan.create.type}\n`);
  }

  // Aliases, added if missing (a note the importer made; hand-written names are never touched otherwise), and the
  // exact names an earlier run gave that this one no longer gives, removed.
  if (plan.aliases?.length || plan.dropAliases?.length) {
    const pair = pairOf("aliases");
    const now = pair ? items(current.fm, pair, current.data.aliases) : [];
    const drop = new Set(plan.dropAliases ?? []);
    const kept = now.filter((i) => !drop.has(String(i.js)));
    const missing = (plan.aliases ?? []).filter((a) => !kept.some((h) => foldName(String(h.js)) === foldName(a)));
    if (missing.length || kept.length !== now.length) {
      const texts = [...kept.map((i) => i.text), ...missing.map((x) => yamlScalar(x))];
      if (!texts.length) removable.add("aliases");
      put("aliases", texts.length ? `aliases: [${texts.join(", ")}]\n` : undefined);
    }
  }

  // Summary and body: the importer's while nobody has edited them.
  const record: Item = { ...plan.record };
  // A note holds one record per dataset (a list when several): this run's is rewritten, the others kept.
  const records = (current.data.record === undefined ? [] : Array.isArray(current.data.record) ? current.data.record : [current.data.record]) as Item[];
  const others = records.filter((r) => r?.from !== plan.dataset);
  const oldRecord = (records.find((r) => r?.from === plan.dataset) ?? {}) as Item;
  let body = current.body;
  let editedByHand: EditResult["editedByHand"];
  let sectionRemoved = false;
  const headingAt = (text: string, heading: string) => text.search(new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[ \t]*$`, "m"));
  if (plan.text && "summary" in plan.text) {
    const owned = plan.create || (typeof oldRecord.body === "string" && oldRecord.body === textHash(`${current.data.summary}\n${current.body}`));
    if (owned) {
      put("summary", `summary: ${yamlScalar(plan.text.summary, true)}\n`);
      body = plan.text.body;
      record.body = textHash(`${plan.text.summary}\n${plan.text.body}`);
    } else {
      if (typeof oldRecord.body === "string") editedByHand = "body";
      if (oldRecord.body !== undefined) record.body = oldRecord.body;
    }
  } else if (plan.text && "heading" in plan.text) {
    const at = headingAt(body, plan.text.heading);
    const existing = at < 0 ? undefined : body.slice(at);
    const wanted = `${plan.text.heading}\n\n${plan.text.section}`;
    if (existing === undefined && oldRecord.section === undefined) {
      body = `${body.replace(/\s*$/, "")}\n\n${wanted}`;
      record.section = textHash(wanted);
    } else if (existing !== undefined && oldRecord.section === textHash(existing)) {
      body = body.slice(0, at) + wanted;
      record.section = textHash(wanted);
    } else {
      // Edited (or removed) by a person since the importer wrote it.
      editedByHand = "section";
      if (oldRecord.section !== undefined) record.section = oldRecord.section;
    }
  }

  if (plan.retireSection) {
    const at = headingAt(body, plan.retireSection.heading);
    const existing = at < 0 ? undefined : body.slice(at);
    if (existing !== undefined && typeof oldRecord.section === "string") {
      if (oldRecord.section === textHash(existing)) {
        // As it was before the section was appended (the run that appended it trimmed the text's end to one line break).
        const before = body.slice(0, at).replace(/\s*$/, "");
        body = before ? `${before}\n` : "";
        sectionRemoved = true;
      } else editedByHand = "retired-section";
    }
  }

  // Sources: the dataset's source note added to the note's list when missing.
  const have = ((current.data.sources as unknown[] | undefined) ?? []).map(String);
  const missingSources = plan.sources.filter((s) => !have.includes(s));
  if (missingSources.length) {
    const pair = pairOf("sources");
    const texts = pair ? items(current.fm, pair, current.data.sources).map((i) => i.text) : [];
    put("sources", `sources: [${[...texts, ...missingSources.map((x) => yamlScalar(x))].join(", ")}]\n`);
  }

  // Fields: hand-written items kept as written; imported ones replaced by what the dataset says now.
  for (const f of plan.fields) {
    const pair = pairOf(f.field);
    const js = current.data[f.field];
    const existing = pair ? items(current.fm, pair, js) : [];
    const hand = existing.filter((i) => !isImported(i.js, plan.dataset));
    const oldImported = existing.filter((i) => isImported(i.js, plan.dataset));
    const wanted = f.items.filter((item) => {
      if (!hand.length) return true;
      if (hand.some((h) => f.agrees(h.js, item))) return false;
      disagreements.push({ field: f.field, hand: hand.map((h) => f.show(h.js)).join(", "), imported: f.show(item) });
      return true;
    });
    for (const h of hand) handChecks.push({ key: f.field, js: h.js });
    // Unchanged: keep the text as it is (no churn between runs).
    if (deepEqual(oldImported.map((i) => i.js), wanted)) continue;
    if (!hand.length) {
      if (!wanted.length) removable.add(f.field);
      put(f.field, wanted.length ? yamlField(f.field, wanted) : undefined);
      continue;
    }
    const wasList = !!pair && isSeq(pair.value);
    put(f.field, fieldLines(f.field, [...hand.map((h) => h.text), ...wanted.map(yamlFlow)], wasList || wanted.length > 0));
  }

  // Openness: one cell per dimension; a hand-written cell is never replaced.
  if (plan.cells) {
    const pair = pairOf("openness");
    const cellsNow = (current.data.openness ?? {}) as Record<string, unknown>;
    const cellPairs = pair && isMap(pair.value) ? pair.value.items : [];
    const written = cellPairs.map((p) => ({ key: String((p.key as { value: unknown }).value), pair: p }));
    let changed = false;
    const differs: Record<string, Item> = {};
    const texts = new Map<string, string>();
    for (const w of written) texts.set(w.key, cellText(current.fm, w.key, w.pair.value as Node));
    for (const { key, item } of plan.cells) {
      const now = cellsNow[key];
      if (now !== undefined && !isImported(now, plan.dataset)) {
        handChecks.push({ key: `openness.${key}`, js: now });
        const status = typeof now === "string" ? now : (now as Item).status;
        if (item && status !== item.status) {
          disagreements.push({ field: `openness.${key}`, hand: String(status), imported: String(item.status), cellKept: true });
          const evidence = item.evidence === undefined ? [] : Array.isArray(item.evidence) ? item.evidence : [item.evidence];
          differs[key] = { status: item.status, ...(evidence.length ? { evidence } : {}) };
        }
        continue;
      }
      if (now !== undefined && item && (plan.sameCell ? plan.sameCell(now, item) : deepEqual(now, item))) continue;
      if (now === undefined && !item) continue;
      changed = true;
      if (item) texts.set(key, `${key}: ${yamlFlow(item)}`);
      else texts.delete(key);
    }
    if (Object.keys(differs).length) record.differs = differs;
    if (changed) {
      const keys = written.map((w) => w.key).filter((k) => texts.has(k));
      const rank = (k: string) => plan.cellOrder?.indexOf(k) ?? -1;
      for (const k of texts.keys()) {
        if (keys.includes(k)) continue;
        const at = keys.findIndex((x) => rank(x) > rank(k));
        keys.splice(at < 0 ? keys.length : at, 0, k);
      }
      if (!keys.length) removable.add("openness");
      put("openness", keys.length ? `openness:\n${keys.map((k) => `  ${texts.get(k)}\n`).join("")}` : undefined);
    }
  }

  // The record: the importer's own, rewritten whole (kept as written when it says the same), beside other datasets'.
  if (!deepEqual(oldRecord, record) || !out.has("record")) {
    // This run's record keeps its place among the others (a new one goes last): no churn in the list's order.
    const at = records.findIndex((r) => r?.from === plan.dataset);
    const ordered = at < 0 ? [...records, record] : records.map((r, i) => (i === at ? record : r));
    const all = ordered.map((r) => ({ r, text: undefined as string | undefined }));
    const pair = pairOf("record");
    if (pair && others.length) items(current.fm, pair, current.data.record).forEach((i) => {
      const at = all.findIndex((x) => x.r === i.js);
      if (at >= 0) all[at].text = i.text;
    });
    put("record", all.length === 1 ? `record: ${yamlFlow(record)}\n` : `record:\n${all.map((x) => `  - ${x.text ?? yamlFlow(x.r)}\n`).join("")}`);
  }

  const fm = order.filter((k) => out.has(k)).map((k) => out.get(k)!).join("");
  const text = `---\n${fm}---\n${body}`;

  // What was written by hand is still there, value for value.
  const check = parseDocument(fm);
  if (check.errors.length) throw new NoteEditError(`${file}: the merged frontmatter would not be valid YAML (${check.errors[0].message.split("\n")[0]}); nothing was written`);
  const after = (check.toJS() ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(current.data)) {
    if (!(k in after) && !removable.has(k)) throw new NoteEditError(`${file}: merging would drop its \`${k}\`; nothing was written`);
  }
  for (const { key, js } of handChecks) {
    const [field, sub] = key.split(".");
    const value = sub ? (after[field] as Record<string, unknown> | undefined)?.[sub] : after[field];
    const list = sub ? [value] : Array.isArray(value) ? value : [value];
    if (!list.some((x) => deepEqual(x, js))) throw new NoteEditError(`${file}: merging would change its hand-written \`${key}\`; nothing was written`);
  }
  const recordsAfter = (Array.isArray(after.record) ? after.record : [after.record]) as Item[];
  for (const r of others) if (!recordsAfter.some((x) => deepEqual(x, r))) throw new NoteEditError(`${file}: merging would change its record from \`${String(r.from)}\`; nothing was written`);
  for (const [k, v] of Object.entries(current.data)) {
    if (plan.fields.some((f) => f.field === k) || ["openness", "record", "aliases", "sources", "summary"].includes(k)) continue;
    if (!deepEqual(after[k], v)) throw new NoteEditError(`${file}: merging would change its \`${k}\`; nothing was written`);
  }
  return { text, disagreements, editedByHand, ...(sectionRemoved ? { sectionRemoved } : {}) };
}
