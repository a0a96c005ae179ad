/**
 * `npm run changes`: what a branch changes in the graph, for its reviewers. Two checked vaults (the base's and the
 * branch's) are compared as data, never as text: notes added, removed and renamed; values, relations and openness
 * added, removed or changed, with the sources they cite; body links added and removed; problems the branch
 * introduces; and the note pages whose content would change (from the site model's `page(slug)` on each side).
 * Pure: the vaults in, a summary out; changes-markdown.ts renders it.
 */
import { changedSet } from "./changed.ts";
import type { ChangedPath } from "./git.ts";
import { dataset } from "./datasets.ts";
import { OPENNESS_DIMENSIONS } from "./openness.ts";
import { recordFrom } from "./schema.ts";
import { REGISTRY, type Registry } from "./registry.ts";
import type { Site } from "./site.ts";
import type { Diagnostic, Note, Vault } from "./types.ts";

/** A note as a reviewer reads it: title, slug and type. */
export interface NoteRef {
  slug: string;
  title: string;
  type: string;
  file: string;
}

/** One fact that changed on a note: `License: Apache-2.0 → MIT, citing X`. */
export interface FactChange {
  note: NoteRef;
  /** The field's label (`License`, `Developer`, `Openness › weights`). */
  field: string;
  kind: "added" | "removed" | "changed" | "sources";
  before?: string;
  after?: string;
  /** Titles of the sources the new value cites (or the old one, for a removal). */
  citing: string[];
  /** For `sources`: what the value cited before. */
  citedBefore?: string[];
}

export interface LinkChange {
  from: NoteRef;
  /** The target's title, or the name as written when it resolves to nothing. */
  to: string;
  toSlug: string | null;
  kind: "added" | "removed";
}

export interface PageChange {
  /** The page's address on the site, without the base: `/nemotron-3-super/`, `/models/`, `/tags/moe/`. */
  path: string;
  title: string;
  /**
   * What differs on it: for a note page its parts (`body`, `infobox`, `sources`, `cited by`, `backlinks`,
   * `header`); for an index or tag page the notes whose rows change, arrive or leave.
   */
  parts: string[];
}

export interface ChangeSummary {
  added: NoteRef[];
  removed: NoteRef[];
  renamed: { from: NoteRef; to: NoteRef }[];
  facts: FactChange[];
  links: LinkChange[];
  /** Problems on the branch that the base did not have. */
  newProblems: Diagnostic[];
  /** Problems the base had that the branch fixes. */
  fixedProblems: number;
  pages: PageChange[];
}

const ref = (n: Note): NoteRef => ({ slug: n.slug, title: n.title, type: n.type, file: n.file });

/** A field's label as the infobox shows it, else the field name. */
function label(registry: Registry, type: string, field: string): string {
  const entry = registry.entry(type);
  return entry.infobox.find((v) => v.field === field)?.label ?? entry.relations.find((r) => r.field === field)?.label ?? field.replace(/_/g, " ");
}

/** Titles of the source notes a list of written refs resolves to (the ref itself when it resolves to nothing). */
function titles(vault: Vault, refs: readonly { ref: string }[] | readonly string[]): string[] {
  return refs.map((r) => {
    const name = typeof r === "string" ? r : r.ref;
    const slug = vault.index.resolve(name);
    return (slug && vault.bySlug.get(slug)?.title) || name;
  });
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sorted = (a: Iterable<string>) => [...a].sort();

/**
 * Compares the base's vault (undefined when the vault did not exist there) with the branch's. `paths` are git's
 * changed paths (vault-relative), for the renames git saw; a removed note whose slug became an alias of an added one
 * (what `npm run rename` does) counts as renamed too.
 */
export function diffVaults(base: Vault | undefined, head: Vault, paths: readonly ChangedPath[], sites?: { base?: Site; head: Site }): ChangeSummary {
  const before = base ?? emptyVault();
  const baseSlugOfPath = new Map(before.files.map((f) => [f.path, f.slug]));
  const headSlugOfPath = new Map(head.files.map((f) => [f.path, f.slug]));
  // Base slug → head slug, for every note that is still there, renamed or not.
  const rename = new Map<string, string>();
  for (const p of paths) {
    if (p.status !== "renamed" || !p.from) continue;
    const from = baseSlugOfPath.get(p.from);
    const to = headSlugOfPath.get(p.path);
    if (from && to && from !== to && before.bySlug.has(from) && head.bySlug.has(to) && !head.bySlug.has(from)) rename.set(from, to);
  }
  for (const n of before.notes) {
    if (head.bySlug.has(n.slug) || rename.has(n.slug)) continue;
    const now = head.index.resolve(n.slug);
    if (now && !before.bySlug.has(now) && head.bySlug.get(now)!.fields.aliases.some((a) => a.toLowerCase() === n.slug)) rename.set(n.slug, now);
  }
  const headOf = (slug: string) => rename.get(slug) ?? slug;
  const renamedTo = new Set(rename.values());

  const summary: ChangeSummary = { added: [], removed: [], renamed: [], facts: [], links: [], newProblems: [], fixedProblems: 0, pages: [] };
  for (const n of before.notes) {
    if (rename.has(n.slug)) summary.renamed.push({ from: ref(n), to: ref(head.bySlug.get(rename.get(n.slug)!)!) });
    else if (!head.bySlug.has(n.slug)) summary.removed.push(ref(n));
  }
  for (const n of head.notes) if (!before.bySlug.has(n.slug) && !renamedTo.has(n.slug)) summary.added.push(ref(n));

  for (const old of before.notes) {
    const now = head.bySlug.get(headOf(old.slug));
    if (!now) continue;
    summary.facts.push(...factChanges(before, old, head, now, headOf));
    summary.links.push(...linkChanges(before, old, head, now, headOf));
  }
  for (const n of head.notes) {
    if (before.bySlug.has(n.slug) || renamedTo.has(n.slug)) continue;
    summary.links.push(...linkChanges(before, undefined, head, n, headOf));
  }

  // Problems: keyed by note (its slug on the branch), rule and message, not by line: an edit above a problem that
  // moves it is not a new one.
  const slugOfFile = (vault: Vault) => new Map(vault.files.map((f) => [f.file, f.slug]));
  const baseFiles = slugOfFile(before);
  const headFiles = slugOfFile(head);
  const problemKey = (vault: Vault, d: Diagnostic, map: (s: string) => string) => {
    const slug = (vault === head ? headFiles : baseFiles).get(d.file);
    return `${slug ? map(slug) : d.file}\u0000${d.rule}\u0000${d.message}`;
  };
  const baseKeys = new Map<string, number>();
  for (const d of before.diagnostics) {
    const k = problemKey(before, d, headOf);
    baseKeys.set(k, (baseKeys.get(k) ?? 0) + 1);
  }
  const headKeys = new Set<string>();
  for (const d of head.diagnostics) {
    const k = problemKey(head, d, (s) => s);
    headKeys.add(k);
    const left = baseKeys.get(k) ?? 0;
    if (left > 0) baseKeys.set(k, left - 1);
    else summary.newProblems.push(d);
  }
  summary.fixedProblems = [...baseKeys.values()].reduce((a, b) => a + b, 0);

  if (sites) {
    // Only a touched note's page and its neighbours' (before or after) can render differently: see changed.ts.
    const { touched, neighbours } = changedSet(head, base, paths);
    const slugOf = new Map(head.files.map((f) => [f.path, f.slug]));
    const candidates = new Set([...touched, ...neighbours].map((p) => slugOf.get(p)!).filter(Boolean));
    summary.pages = [...pageChanges(sites.base, sites.head, before, head, headOf, candidates), ...listChanges(sites.base, sites.head, before, head, headOf, candidates, summary)];
  }
  return summary;
}

function emptyVault(): Vault {
  return { files: [], notes: [], bySlug: new Map(), filesBySlug: new Map(), index: { resolve: () => null } as unknown as Vault["index"], duplicates: [], backlinks: new Map(), citedBy: new Map(), diagnostics: [], dir: "", config: { notes: "typed", rawHtml: "refuse" }, settings: { site: {}, positions: {}, file: "atlas.yml" }, attachments: new Map(), folders: new Map(), registry: REGISTRY };
}

function factChanges(base: Vault, old: Note, head: Vault, now: Note, headOf: (s: string) => string): FactChange[] {
  const out: FactChange[] = [];
  const note = ref(now);
  const push = (c: Omit<FactChange, "note">) => out.push({ note, ...c });

  if (old.title !== now.title) push({ field: "Title", kind: "changed", before: old.title, after: now.title, citing: [] });
  if (old.fields.summary !== now.fields.summary) push({ field: "Summary", kind: "changed", before: old.fields.summary, after: now.fields.summary, citing: [] });
  for (const [field, a, b] of [
    ["Also known as", old.fields.aliases, now.fields.aliases],
    ["Tags", old.fields.tags, now.fields.tags],
  ] as const) {
    for (const x of b) if (!a.includes(x)) push({ field, kind: "added", after: x, citing: [] });
    for (const x of a) if (!b.includes(x)) push({ field, kind: "removed", before: x, citing: [] });
  }
  // An imported note's record: which release the dataset rates, and whether it still lists it.
  // Per dataset: a note can hold records from several (a model in the index and in Epoch AI's data).
  for (const from of new Set([...old.fields.records, ...now.fields.records].map((r) => r.from))) {
    const recA = recordFrom(old.fields, from);
    const recB = recordFrom(now.fields, from);
    const recordSource = recB ? titles(head, [dataset(from, head.settings.site.datasets)?.source ?? from]) : titles(base, [dataset(from, base.settings.site.datasets)?.source ?? from]);
    if ((recA?.rates ?? "") !== (recB?.rates ?? "")) push({ field: "Rated release", kind: !recA?.rates ? "added" : !recB?.rates ? "removed" : "changed", before: recA?.rates, after: recB?.rates, citing: recordSource });
    if (!!recA?.dropped !== !!recB?.dropped) push({ field: "Listed by the dataset", kind: "changed", before: recA?.dropped ? "no longer" : "yes", after: recB?.dropped ? `no longer (snapshot of ${recB.dropped.date ?? recB.dropped.snapshot.slice(0, 7)})` : "yes", citing: recordSource });
  }

  // The note's own `sources` list.
  const srcBefore = sorted(old.fields.sources.map((s) => headOf(base.index.resolve(s.ref) ?? s.ref)));
  const srcAfter = sorted(now.fields.sources.map((s) => head.index.resolve(s.ref) ?? s.ref));
  for (const s of srcAfter) if (!srcBefore.includes(s)) push({ field: "Sources", kind: "added", after: titles(head, [s])[0], citing: [] });
  for (const s of srcBefore) if (!srcAfter.includes(s)) push({ field: "Sources", kind: "removed", before: titles(head.bySlug.has(s) ? head : base, [s])[0], citing: [] });

  // Scalar values (`released`, `license` …): compared as lists of values, each with the sources it cites.
  const fields = new Set([...Object.keys(old.fields.values), ...Object.keys(now.fields.values)]);
  for (const field of fields) {
    const a = old.fields.values[field] ?? [];
    const b = now.fields.values[field] ?? [];
    const name = label(head.registry, now.type, field);
    const cites = (vault: Vault, v: { sources: { ref: string }[] }) => titles(vault, v.sources);
    const va = a.map((v) => v.value);
    const vb = b.map((v) => v.value);
    if (same(sorted(va), sorted(vb))) {
      for (const v of b) {
        const was = a.find((x) => x.value === v.value)!;
        const ca = sorted(cites(base, was));
        const cb = sorted(cites(head, v));
        if (!same(ca, cb)) push({ field: name, kind: "sources", after: v.value, citing: cb, citedBefore: ca });
      }
    } else if (a.length === 1 && b.length === 1) {
      push({ field: name, kind: "changed", before: a[0].value, after: b[0].value, citing: cites(head, b[0]) });
    } else {
      for (const v of b) if (!va.includes(v.value)) push({ field: name, kind: "added", after: v.value, citing: cites(head, v) });
      for (const v of a) if (!vb.includes(v.value)) push({ field: name, kind: "removed", before: v.value, citing: cites(base, v) });
    }
  }

  // Openness, dimension by dimension; evidence links count as sources.
  for (const d of OPENNESS_DIMENSIONS) {
    const a = old.fields.openness[d.key];
    const b = now.fields.openness[d.key];
    const name = `Openness › ${d.label.toLowerCase()}`;
    if (!a && !b) continue;
    if (!a) push({ field: name, kind: "added", after: b!.status, citing: titles(head, b!.sources) });
    else if (!b) push({ field: name, kind: "removed", before: a.status, citing: titles(base, a.sources) });
    else if (a.status !== b.status) push({ field: name, kind: "changed", before: a.status, after: b.status, citing: titles(head, b.sources) });
    else {
      const ca = sorted([...titles(base, a.sources), ...a.evidence]);
      const cb = sorted([...titles(head, b.sources), ...b.evidence]);
      if (!same(ca, cb)) push({ field: name, kind: "sources", after: b.status, citing: cb, citedBefore: ca });
    }
  }

  // Relations, by field and target (a renamed target is the same target).
  const relKey = (field: string, to: string | null, written: string) => `${field}\u0000${to ?? `?${written}`}`;
  const rb = new Map(old.relations.map((r) => [relKey(r.field, r.to && headOf(r.to), r.ref), r]));
  const ra = new Map(now.relations.map((r) => [relKey(r.field, r.to, r.ref), r]));
  const targetName = (vault: Vault, to: string | null, written: string) => (to && (head.bySlug.get(to)?.title ?? vault.bySlug.get(to)?.title)) || written;
  for (const [k, r] of ra) {
    const name = label(head.registry, now.type, r.field);
    const shown = `${targetName(head, r.to, r.ref)}${r.qualifier ? ` (${r.qualifier})` : ""}`;
    const was = rb.get(k);
    if (!was) push({ field: name, kind: "added", after: shown, citing: titles(head, r.sources) });
    else {
      const ca = sorted(titles(base, was.sources));
      const cb = sorted(titles(head, r.sources));
      if ((was.qualifier ?? "") !== (r.qualifier ?? "")) push({ field: name, kind: "changed", before: `${targetName(base, was.to && headOf(was.to), was.ref)}${was.qualifier ? ` (${was.qualifier})` : ""}`, after: shown, citing: cb });
      else if (!same(ca, cb)) push({ field: name, kind: "sources", after: shown, citing: cb, citedBefore: ca });
    }
  }
  for (const [k, r] of rb) {
    if (!ra.has(k)) push({ field: label(base.registry, old.type, r.field), kind: "removed", before: `${targetName(base, r.to && headOf(r.to), r.ref)}${r.qualifier ? ` (${r.qualifier})` : ""}`, citing: titles(base, r.sources) });
  }
  return out;
}

function linkChanges(base: Vault, old: Note | undefined, head: Vault, now: Note, headOf: (s: string) => string): LinkChange[] {
  const key = (to: string | null, target: string) => (to ? to : `?${target}`);
  const a = new Map<string, { to: string | null; target: string }>();
  for (const l of old?.links ?? []) if (l.to !== old!.slug && (l.to || l.target)) a.set(key(l.to && headOf(l.to), l.target), { to: l.to && headOf(l.to), target: l.target });
  const b = new Map<string, { to: string | null; target: string }>();
  for (const l of now.links) if (l.to !== now.slug && (l.to || l.target)) b.set(key(l.to, l.target), { to: l.to, target: l.target });
  const title = (to: string | null, target: string) => (to && (head.bySlug.get(to)?.title ?? base.bySlug.get(to)?.title)) || target;
  const out: LinkChange[] = [];
  for (const [k, l] of b) if (!a.has(k)) out.push({ from: ref(now), to: title(l.to, l.target), toSlug: l.to, kind: "added" });
  for (const [k, l] of a) if (!b.has(k)) out.push({ from: ref(now), to: title(l.to, l.target), toSlug: l.to, kind: "removed" });
  return out;
}

/** The parts of a note page that would render differently, for every note on both sides. */
function pageChanges(baseSite: Site | undefined, headSite: Site, base: Vault, head: Vault, headOf: (s: string) => string, candidates: ReadonlySet<string>): PageChange[] {
  if (!baseSite) return [];
  const out: PageChange[] = [];
  const baseSlugOf = new Map([...base.bySlug.keys()].map((s) => [headOf(s), s]));
  for (const note of head.notes) {
    if (!candidates.has(note.slug)) continue;
    const was = baseSlugOf.get(note.slug);
    if (!was) continue;
    const a = pageParts(baseSite, was);
    const b = pageParts(headSite, note.slug);
    if (!a || !b) continue;
    const parts = Object.keys(b).filter((k) => a[k] !== b[k]);
    if (parts.length) out.push({ path: `/${note.slug}/`, title: note.title, parts });
  }
  return out;
}

/**
 * The type indexes and tag pages whose lists change: a row of a candidate note (its title, summary and the type's
 * columns) that differs, arrives or leaves.
 */
function listChanges(baseSite: Site | undefined, headSite: Site, base: Vault, head: Vault, headOf: (s: string) => string, candidates: ReadonlySet<string>, summary: ChangeSummary): PageChange[] {
  const slugs = new Set<string>(candidates);
  for (const n of [...summary.added, ...summary.removed]) slugs.add(n.slug);
  for (const r of summary.renamed) slugs.add(r.to.slug);
  const baseSlugOf = new Map([...base.bySlug.keys()].map((s) => [headOf(s), s]));
  const row = (site: Site | undefined, note: Note | undefined) =>
    site && note ? JSON.stringify([note.title, note.fields.summary, site.columns(note.type).map((c) => c.cell(note))]) : undefined;
  const lists = new Map<string, { title: string; parts: string[] }>();
  const mark = (path: string, title: string, part: string) => {
    const list = lists.get(path) ?? lists.set(path, { title, parts: [] }).get(path)!;
    list.parts.push(part);
  };
  for (const slug of slugs) {
    const now = head.bySlug.get(slug);
    const wasSlug = baseSlugOf.get(slug) ?? (now ? undefined : slug);
    const was = wasSlug ? base.bySlug.get(wasSlug) : undefined;
    const name = now?.title ?? was?.title ?? slug;
    const typeOf = (n: Note) => head.registry.entry(n.type);
    if (now && was && now.type === was.type) {
      if (row(baseSite, was) !== row(headSite, now)) mark(`/${typeOf(now).folder}/`, `${typeOf(now).label.many} (index)`, `row of ${name}`);
    } else {
      if (was) mark(`/${typeOf(was).folder}/`, `${typeOf(was).label.many} (index)`, `drops ${name}`);
      if (now) mark(`/${typeOf(now).folder}/`, `${typeOf(now).label.many} (index)`, `adds ${name}`);
    }
    const tagsBefore = new Set(was?.fields.tags ?? []);
    const tagsAfter = new Set(now?.fields.tags ?? []);
    const shown = (n: Note) => JSON.stringify([n.title, n.type, n.fields.summary]);
    for (const t of new Set([...tagsBefore, ...tagsAfter])) {
      const path = `/tags/${t}/`;
      if (!tagsBefore.has(t)) mark(path, `#${t}`, `adds ${name}`);
      else if (!tagsAfter.has(t)) mark(path, `#${t}`, `drops ${name}`);
      else if (shown(was!) !== shown(now!)) mark(path, `#${t}`, `row of ${name}`);
    }
  }
  return [...lists].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, l]) => ({ path, title: l.title, parts: l.parts.sort() }));
}

/** A note page's content by part, as comparable strings. */
function pageParts(site: Site, slug: string): Record<string, string> | undefined {
  const page = site.page(slug);
  if (!page) return undefined;
  const n = page.note;
  const j = JSON.stringify;
  return {
    header: j([n.title, n.type, n.fields.summary, n.fields.tags]),
    infobox: j([page.infobox, page.openness]),
    body: page.html,
    sources: j(page.citations.map((c) => [c.slug, c.title])),
    "cited by": j(page.citedBy.map((c) => [c.slug, c.title])),
    backlinks: j(page.backlinks),
  };
}
