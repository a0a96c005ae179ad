/**
 * One import run of the European Open Source AI Index into the vault: which note each system becomes (the note the
 * importer made for it before, a model note of ours that is the very release the index rates, or a new note), which
 * lab or person note each organisation becomes (matched by title and aliases, or through our readings in
 * osai-organisations.ts, or new), what each note should hold, and the report of the run. A system rated by a release
 * other than the note of ours that shares its name (the index's "Gemma" is Gemma-3-27B-IT, our Gemma the family) gets
 * a note of its own, filed under ours as its `family`. A system the snapshot no longer lists keeps its note, marked.
 * An organisation's note holds what the index says of the organisation (its names), never its systems or their
 * classes: its page lists those from the graph, so one system's change touches one note. Licences are SPDX
 * identifiers where they have one (licences.ts), the index's wording kept in the value's note; a question mark the
 * index puts after a name or licence is kept as a flag (`uncertain`), never as part of a name.
 * Pure: the vault's notes and the dataset's systems in, the files to write and the report out.
 */
import { type Dataset, recordUrl } from "../datasets.ts";
import { OPENNESS_DIMENSIONS } from "../openness.ts";
import { REGISTRY, type NoteType } from "../registry.ts";
import { foldName, slugify } from "../resolve.ts";
import { licenceId } from "../licences.ts";
import type { ImportRecord } from "../schema.ts";
import { nameKey as matchKey } from "./crosswalk.ts";
import { editNote, NoteEditError, tallyEdit, type Disagreement, type FieldPlan, type Item, type NotePlan } from "./edit.ts";
import { indexLicence, type IndexNotice, type IndexSystem } from "./osai.ts";
import type { OrganisationReading } from "./osai-organisations.ts";
import { IMPORTED_BODY, modelSummary, organisationSummary, type ModelFacts, type OrganisationFacts } from "./text.ts";

/** A note of the vault as the importer sees it. */
export interface VaultNote {
  /** Path in the vault (`models/gemma.md`). */
  path: string;
  slug: string;
  type: string;
  title: string;
  aliases: string[];
  /** Its record from the dataset being imported. */
  record?: ImportRecord;
  /** Its records from every dataset. */
  records: ImportRecord[];
  /** Its frontmatter as data. */
  data: Record<string, unknown>;
  text: string;
}

export interface Snapshot {
  commit: string;
  date?: string;
}

export interface ImportInput {
  dataset: Dataset;
  systems: readonly IndexSystem[];
  notes: readonly VaultNote[];
  snapshot: Snapshot;
  readings: Readonly<Record<string, OrganisationReading>>;
  notices?: readonly IndexNotice[];
}

export interface ImportReport {
  dataset: string;
  snapshot: Snapshot;
  systems: number;
  models: { created: string[]; updated: string[]; unchanged: string[]; matched: { slug: string; file: string }[]; siblings: { slug: string; family: string }[]; dropped: string[] };
  organisations: {
    created: { slug: string; type: string; names: string[] }[];
    matched: { slug: string; names: string[]; handWritten: boolean }[];
    updated: string[];
    /** Notes we wrote from which the section listing their systems, which earlier runs appended, was removed. */
    sectionsRemoved: string[];
  };
  disagreements: (Disagreement & { slug: string })[];
  withheldNames: { name: string; files: string[]; reason: string }[];
  editedByHand: { slug: string; what: string }[];
  notices: IndexNotice[];
}

export interface ImportResult {
  /** New text by vault path, for the files that change. */
  writes: Map<string, string>;
  report: ImportReport;
}

/** How organisation names are compared: case, spaces and punctuation ignored ("StabilityAI" is "Stability AI"). */

const isRecordOf = (n: VaultNote, d: Dataset) => n.record?.from === d.id;
/** The heading of the section earlier runs appended to a lab or person note we wrote, listing its systems. */
const SECTION_HEADING = "## In the European Open Source AI Index";
const RATED_KEYS = OPENNESS_DIMENSIONS.filter((d) => "index" in d).map((d) => d.key as string);
const CELL_ORDER = OPENNESS_DIMENSIONS.map((d) => d.key as string);

interface ModelTarget {
  system: IndexSystem;
  slug: string;
  path: string;
  title: string;
  existing?: VaultNote;
  /** The importer writes this note's text (a note it made). */
  generated: boolean;
  aliases: string[];
  family?: string;
  developers: { slug: string; note?: string; identified?: string }[];
  base?: string;
}

interface OrgTarget {
  key: string;
  slug: string;
  path: string;
  type: "lab" | "person";
  title: string;
  existing?: VaultNote;
  /** How the index writes the names this note stands for, and the names of the parts we read in them. */
  names: Set<string>;
  /** How the index writes them, exactly. */
  written: Set<string>;
  spellings: Map<string, number>;
}

export function runImport(input: ImportInput): ImportResult {
  const { dataset: d, snapshot } = input;
  const systems = [...input.systems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const report: ImportReport = {
    dataset: d.id,
    snapshot,
    systems: systems.length,
    models: { created: [], updated: [], unchanged: [], matched: [], siblings: [], dropped: [] },
    organisations: { created: [], matched: [], updated: [], sectionsRemoved: [] },
    disagreements: [],
    withheldNames: [],
    editedByHand: [],
    notices: [...(input.notices ?? [])],
  };
  const source = d.source;
  if (!source) {
    throw new NoteEditError(`the vault names no source note for the ${d.label}: write one, then name it in the vault's atlas.yml as \`datasets: { ${d.id}: <its slug> }\` (every imported value cites it)`);
  }
  if (!input.notes.some((n) => n.slug === source && n.type === "source")) {
    throw new NoteEditError(`the vault has no source note \`${source}\` for the ${d.label}: write it first (every imported value cites it)`);
  }

  // Every name a note answers to (slug, title, aliases), as links resolve them.
  const names = new Map<string, string>();
  const typeOf = new Map<string, string>();
  const claim = (name: string, slug: string) => {
    const k = foldName(name);
    if (!names.has(k)) names.set(k, slug);
  };
  for (const n of input.notes) {
    typeOf.set(n.slug, n.type);
    for (const name of [n.slug, n.title, ...n.aliases]) claim(name, n.slug);
  }
  const slugs = new Set(input.notes.map((n) => n.slug));
  const freeSlug = (title: string) => {
    const base = slugify(title);
    let slug = base;
    for (let i = 2; slugs.has(slug) || REGISTRY.reservedSlugs.has(slug) || (names.has(foldName(slug)) && names.get(foldName(slug)) !== slug); i++) slug = `${base}-${i}`;
    return slug;
  };
  const nameFree = (name: string, self?: string) => {
    const owner = names.get(foldName(name));
    return owner === undefined || owner === self;
  };

  // 1. A note per system.
  const byFile = new Map(input.notes.filter((n) => isRecordOf(n, d) && n.record?.file).map((n) => [n.record!.file!, n]));
  const targets: ModelTarget[] = [];
  for (const s of systems) {
    let existing = byFile.get(s.file);
    if (!existing && s.end) {
      // A model note of ours that is the very release the index rates (by its title or an alias).
      const slug = names.get(foldName(s.end));
      const n = slug ? input.notes.find((x) => x.slug === slug) : undefined;
      if (n && n.type === "model" && !(isRecordOf(n, d) && n.record?.file && n.record.file !== s.file)) {
        existing = n;
        report.models.matched.push({ slug: n.slug, file: s.file });
      }
    }
    if (existing) {
      targets.push({ system: s, slug: existing.slug, path: existing.path, title: existing.title, existing, generated: !!existing.record?.body, aliases: [], developers: [] });
      continue;
    }
    const candidates = [s.name, s.end, s.end ? `${s.name} (${s.end})` : undefined].filter((x): x is string => !!x);
    const title = candidates.find((c) => nameFree(c) && nameFree(slugify(c))) ?? `${s.name} (${s.file.replace(/\.ya?ml$/i, "")})`;
    const slug = freeSlug(title);
    slugs.add(slug);
    typeOf.set(slug, "model");
    claim(slug, slug);
    claim(title, slug);
    targets.push({ system: s, slug, path: `${REGISTRY.entry("model").folder}/${slug}.md`, title, generated: true, aliases: [], developers: [] });
  }
  // Our note of the same name as the system, when the system is rated by another release: its family.
  for (const t of targets) {
    const owner = names.get(foldName(t.system.name));
    if (owner && owner !== t.slug && typeOf.get(owner) === "model" && !input.notes.find((n) => n.slug === owner && isRecordOf(n, d))) {
      t.family = owner;
      if (t.generated) report.models.siblings.push({ slug: t.slug, family: owner });
    }
  }

  // 2. Aliases: the end model's name, and the base model's when it carries the system's name (AMD-OLMo-1B for
  // "AMD OLMo"), given to the note the importer made, unless another note or system answers to it too.
  const wanted = new Map<string, Set<string>>();
  const want = (name: string, t: ModelTarget) => {
    const k = foldName(name);
    if (!wanted.has(k)) wanted.set(k, new Set());
    wanted.get(k)!.add(t.slug);
  };
  const aliasCandidates = (t: ModelTarget) => {
    const s = t.system;
    const out = s.end ? [s.end] : [];
    if (s.base && matchKey(s.base).startsWith(matchKey(s.name))) out.push(s.base);
    return out.filter((n) => foldName(n) !== foldName(t.title) && foldName(n) !== foldName(t.slug));
  };
  for (const t of targets) if (t.generated) for (const n of aliasCandidates(t)) want(n, t);
  for (const t of targets) {
    if (!t.generated) continue;
    for (const n of aliasCandidates(t)) {
      const claimants = wanted.get(foldName(n))!;
      const owner = names.get(foldName(n));
      if (claimants.size > 1) {
        if ([...claimants][0] === t.slug) report.withheldNames.push({ name: n, files: targets.filter((x) => claimants.has(x.slug)).map((x) => x.system.file), reason: "several systems give this name" });
      } else if (owner !== undefined && owner !== t.slug) {
        report.withheldNames.push({ name: n, files: [t.system.file], reason: `the note \`${owner}\` answers to this name` });
      } else {
        t.aliases.push(n);
        claim(n, t.slug);
      }
    }
  }

  // 3. Organisations: a lab or person note per organisation the index names.
  const orgs = new Map<string, OrgTarget>();
  const orgByKey = new Map<string, string>();
  for (const n of input.notes) {
    if (n.type !== "lab" && n.type !== "person") continue;
    // Its names, and those the index gave it when the importer wrote it (a name another note has: "OpenChat").
    const given = isRecordOf(n, d) ? (n.record?.names ?? []) : [];
    for (const name of [n.title, ...n.aliases, n.slug, ...given]) if (!orgByKey.has(matchKey(name))) orgByKey.set(matchKey(name), n.slug);
  }
  const orgFor = (name: string, as: "lab" | "person"): OrgTarget => {
    const key = matchKey(name);
    const slug = orgByKey.get(key);
    const found = [...orgs.values()].find((o) => o.key === key || (slug !== undefined && o.slug === slug));
    if (found) return found;
    let t: OrgTarget;
    if (slug) {
      const n = input.notes.find((x) => x.slug === slug)!;
      t = { key, slug, path: n.path, type: n.type as "lab" | "person", title: n.title, existing: n, names: new Set(), written: new Set(), spellings: new Map() };
    } else {
      t = { key, slug: "", path: "", type: as, title: name, names: new Set(), written: new Set(), spellings: new Map() };
    }
    orgs.set(key, t);
    return t;
  };
  const written = new Map<ModelTarget, { key: string; written: string }[]>();
  for (const t of targets) {
    const w = t.system.organisation;
    const reading = input.readings[w];
    const parts = reading?.parts ?? [{ name: w }];
    written.set(t, []);
    for (const p of parts) {
      const o = orgFor(p.name, p.as ?? "lab");
      o.names.add(w);
      o.names.add(p.name);
      o.written.add(w);
      o.spellings.set(p.name, (o.spellings.get(p.name) ?? 0) + 1);
      written.get(t)!.push({ key: o.key, written: w });
    }
  }
  // New organisations: titled by the spelling the index uses most; a name another note has gets "(organisation)".
  for (const o of [...orgs.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    if (o.existing) continue;
    const spelled = [...o.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
    let title = spelled;
    if (!nameFree(title) || !nameFree(slugify(title))) title = `${spelled} (${o.type === "person" ? "person" : "organisation"})`;
    o.title = title;
    o.slug = freeSlug(title);
    o.path = `${REGISTRY.entry(o.type as NoteType).folder}/${o.slug}.md`;
    slugs.add(o.slug);
    typeOf.set(o.slug, o.type);
    claim(title, o.slug);
    claim(o.slug, o.slug);
  }
  // The relation's note says how the index writes the name where the note does not answer to it, or how we read it.
  const answersTo = (o: OrgTarget, name: string) => [o.title, ...(o.existing?.aliases ?? [])].some((x) => matchKey(x) === matchKey(name));
  for (const t of targets) {
    for (const { key, written: w } of written.get(t)!) {
      const o = orgs.get(key)!;
      const reading = input.readings[w];
      if (t.developers.some((x) => x.slug === o.slug)) continue;
      t.developers.push({
        slug: o.slug,
        note: reading?.note ?? (answersTo(o, w) ? undefined : `the index writes "${w}"`),
        identified: reading?.note.startsWith("Our identification") ? w : undefined,
      });
    }
  }

  // 4. Base models that are notes we have (another system's release, or one of ours by name).
  for (const t of targets) {
    const base = t.system.base;
    const owner = base ? names.get(foldName(base)) : undefined;
    if (owner && owner !== t.slug && typeOf.get(owner) === "model") t.base = owner;
  }

  // 5. What each model note should hold.
  const notesBySlug = new Map(input.notes.map((n) => [n.slug, n]));
  const titleOf = (slug: string) => targets.find((t) => t.slug === slug)?.title ?? [...orgs.values()].find((o) => o.slug === slug)?.title ?? notesBySlug.get(slug)?.title ?? slug;
  const writes = new Map<string, string>();
  const src = source;
  const fallback = (t: ModelTarget, commit: string) => recordUrl(d, t.system.file, commit);
  const repoPrefix = `${d.repository}/blob/`;
  const factsOf = (t: ModelTarget): ModelFacts => ({
    slug: t.slug,
    title: t.title,
    name: t.system.name,
    end: t.system.end,
    base: t.system.base,
    uncertain: t.system.uncertain,
    baseNote: t.base ? { slug: t.base, title: titleOf(t.base) } : undefined,
    family: t.family ? { slug: t.family, title: titleOf(t.family) } : undefined,
    developers: t.developers.map((x) => ({ slug: x.slug, title: titleOf(x.slug), identified: x.identified && foldName(x.identified) !== foldName(titleOf(x.slug)) ? x.identified : undefined })),
    released: t.system.released,
    licence: t.system.licence,
    modality: t.system.modality,
    performance: t.system.performance,
    cells: Object.fromEntries(Object.entries(t.system.cells).map(([k, c]) => [k, c!.status])),
  });
  const modelFacts = new Map<string, ModelFacts>(targets.map((t) => [t.slug, factsOf(t)]));

  // Notes of earlier runs whose system the snapshot no longer lists: kept, marked, their facts read back.
  const live = new Set(systems.map((s) => s.file));
  const dropped = input.notes.filter((n) => isRecordOf(n, d) && n.record?.file && !live.has(n.record.file) && n.type === "model");
  for (const n of dropped) modelFacts.set(n.slug, factsFromNote(n, d, snapshot, (slug) => titleOf(slug)));

  const planModel = (t: ModelTarget, commit: string, date: string | undefined): NotePlan => {
    const s = t.system;
    const mark = { source: src, imported: d.id };
    const same = (a: unknown, b: string) => typeof a === "string" && foldName(a) === foldName(b);
    const valueOf = (v: unknown) => (v && typeof v === "object" ? (v as Item).value : v);
    const refOf = (v: unknown) => {
      const r = v && typeof v === "object" ? (v as Item).ref : v;
      return typeof r === "string" ? (names.get(foldName(r)) ?? r) : undefined;
    };
    const valueField = (field: string, values: string[]): FieldPlan => ({
      field,
      items: values.map((value) => ({ value, ...mark })),
      agrees: (hand, item) => same(String(valueOf(hand) ?? ""), String(item.value)),
      show: (v) => String(valueOf(v)),
    });
    const refField = (field: string, refs: { slug: string; note?: string }[]): FieldPlan => ({
      field,
      items: refs.map((r) => ({ ref: r.slug, ...mark, note: r.note })),
      agrees: (hand, item) => refOf(hand) === item.ref,
      show: (v) => String(refOf(v)),
    });
    // The licence: its SPDX identifier where it has one, the index's wording in the note where it differs, its
    // question mark as `uncertain`. A hand-written licence agrees when it is the same licence however spelled.
    const licenceField = (written: string | undefined): FieldPlan => {
      const l = written ? indexLicence(written) : undefined;
      const item = l ? { value: l.value, ...mark, ...(written !== l.value ? { note: `the index writes "${written}"` } : {}), ...(l.uncertain ? { uncertain: true } : {}) } : undefined;
      return {
        field: "license",
        items: item ? [item] : [],
        agrees: (hand, i) => {
          const v = String(valueOf(hand) ?? "");
          return (licenceId(v) ?? v).toLowerCase() === String(i.value).toLowerCase();
        },
        show: (v) => String(valueOf(v)),
      };
    };
    const fields: FieldPlan[] = [
      refField("developer", t.developers),
      refField("family", t.family && t.generated ? [{ slug: t.family, note: `Our identification: the index files this release under the name "${s.name}", the title of this note` }] : []),
      refField("base_model", t.base ? [{ slug: t.base, note: baseNote(s, titleOf(t.base)) }] : []),
      valueField("released", s.released ? [s.released] : []),
      licenceField(s.licence),
      valueField("modality", s.modality),
      valueField("performance_class", s.performance ? [s.performance] : []),
    ];
    const cells = RATED_KEYS.map((key) => {
      const c = s.cells[key as keyof typeof s.cells];
      if (!c) return { key, item: undefined };
      const evidence = c.links.length ? c.links : [fallback(t, commit)];
      return { key, item: { status: c.status, ...mark, evidence: evidence.length === 1 ? evidence[0] : evidence } as Item };
    });
    const record: Item = {
      from: d.id,
      file: s.file,
      snapshot: commit,
      date,
      names: [s.name],
      rates: s.end,
      base: s.base,
      uncertain: s.uncertain,
    };
    const f = modelFacts.get(t.slug)!;
    return {
      dataset: d.id,
      create: t.existing ? undefined : { type: "model", title: t.title },
      aliases: t.generated ? t.aliases : undefined,
      // Names an earlier run gave with the index's question mark ("Command A?").
      dropAliases: t.generated ? [s.end, s.base].filter((n): n is string => !!n).map((n) => `${n}?`) : undefined,
      sources: [src],
      fields,
      cells,
      cellOrder: CELL_ORDER,
      // The same class and links: a cell that links the record at an older snapshot still says the same.
      sameCell: (a, b) => JSON.stringify(cellKey(a, repoPrefix)) === JSON.stringify(cellKey(b, repoPrefix)),
      record,
      text: t.generated ? { summary: modelSummary(f, d.label), body: IMPORTED_BODY } : undefined,
    };
  };

  for (const t of targets) {
    const original = t.existing?.text;
    const old = t.existing?.record;
    let result;
    if (original !== undefined && old?.from === d.id && old.snapshot) {
      // Unchanged since the snapshot the note was last read from: keep that snapshot (and the note byte for byte).
      const first = editNote(original, planModel(t, old.snapshot, old.date), t.path);
      result = first.text === original ? first : editNote(original, planModel(t, snapshot.commit, snapshot.date), t.path);
    } else result = editNote(original, planModel(t, snapshot.commit, snapshot.date), t.path);
    collect(t.slug, t.path, original, result, report.models);
  }
  for (const n of dropped) {
    const f = modelFacts.get(n.slug)!;
    const record: Item = { ...(n.record as unknown as Item), dropped: n.record?.dropped ?? { snapshot: snapshot.commit, date: snapshot.date } };
    delete record.body;
    const result = editNote(n.text, { dataset: d.id, sources: [src], fields: [], record, text: n.record?.body ? { summary: modelSummary(f, d.label), body: IMPORTED_BODY } : undefined }, n.path);
    if (!n.record?.dropped) report.models.dropped.push(n.slug);
    collect(n.slug, n.path, n.text, result, report.models);
  }

  // 6. What each organisation note should hold: the names the index gives it, and (a note the importer made) a
  // summary and body saying who the index says it is. Never its systems or their classes: the page lists those from
  // the graph. The section earlier runs appended to notes we wrote, listing them, is removed while nobody has edited it.
  const orgTargets = new Map([...orgs.values()].map((o) => [o.slug, o]));
  // An organisation named only by systems that left the index, or by none any more, keeps its note.
  const named = [...dropped.flatMap((n) => modelFacts.get(n.slug)!.developers.map((x) => x.slug)), ...input.notes.filter((n) => (n.type === "lab" || n.type === "person") && isRecordOf(n, d)).map((n) => n.slug)];
  for (const slug of named) {
    if (orgTargets.has(slug)) continue;
    const n = notesBySlug.get(slug);
    if (n) orgTargets.set(slug, { key: matchKey(n.title), slug, path: n.path, type: n.type as "lab" | "person", title: n.title, existing: n, names: new Set(n.record?.names ?? []), written: new Set(), spellings: new Map() });
  }
  for (const o of [...orgTargets.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
    const generated = !o.existing || !!o.existing.record?.body;
    const names = [...new Set([...(o.existing?.record?.from === d.id ? (o.existing.record.names ?? []) : []), ...o.names])].sort();
    const facts: OrganisationFacts = { title: o.title, type: o.type };
    const aliases = generated ? names.filter((w) => foldName(w) !== foldName(o.title) && (input.readings[w]?.parts.length ?? 1) === 1 && nameFree(w, o.slug)) : undefined;
    for (const a of aliases ?? []) claim(a, o.slug);
    const plan: NotePlan = {
      dataset: d.id,
      create: o.existing ? undefined : { type: o.type, title: o.title },
      aliases,
      sources: [src],
      fields: [],
      record: { from: d.id, names },
      ...(generated ? { text: { summary: organisationSummary(facts, d.label), body: IMPORTED_BODY } } : { retireSection: { heading: SECTION_HEADING } }),
    };
    const result = editNote(o.existing?.text, plan, o.path);
    if (result.sectionRemoved) report.organisations.sectionsRemoved.push(o.slug);
    if (!o.existing) report.organisations.created.push({ slug: o.slug, type: o.type, names });
    else report.organisations.matched.push({ slug: o.slug, names: [...o.written].sort(), handWritten: !o.existing.record?.body });
    if (result.editedByHand) report.editedByHand.push({ slug: o.slug, what: result.editedByHand });
    if (o.existing?.text !== result.text) {
      writes.set(o.path, result.text);
      if (o.existing) report.organisations.updated.push(o.slug);
    }
  }
  return { writes, report };

  function collect(slug: string, path: string, original: string | undefined, result: ReturnType<typeof editNote>, into: ImportReport["models"]) {
    tallyEdit({ writes, disagreements: report.disagreements, editedByHand: report.editedByHand }, into, slug, path, original, result);
  }
}

/** What makes two cells the same rating: class and evidence, a link to the record at whatever snapshot counting as one. */
function cellKey(cell: unknown, repoPrefix: string): unknown {
  if (!cell || typeof cell !== "object") return cell;
  const c = cell as Item;
  const evidence = (Array.isArray(c.evidence) ? c.evidence : c.evidence === undefined ? [] : [c.evidence]).map((e) => (String(e).startsWith(repoPrefix) ? `${repoPrefix}*/${String(e).replace(/^.*?\/blob\/[^/]+\//, "")}` : String(e)));
  return { status: c.status, source: c.source, imported: c.imported, note: c.note, evidence };
}

/** A dropped system's facts, read back from what the importer wrote into its note. */
function factsFromNote(n: VaultNote, d: Dataset, snapshot: Snapshot, titleOf: (slug: string) => string): ModelFacts {
  const imported = (field: string) => {
    const v = n.data[field];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is Item => !!x && typeof x === "object" && (x as Item).imported === d.id);
  };
  const cells: Record<string, string> = {};
  for (const [k, c] of Object.entries((n.data.openness ?? {}) as Record<string, unknown>)) if (c && typeof c === "object" && (c as Item).imported === d.id) cells[k] = String((c as Item).status);
  const r = n.record!;
  const family = imported("family")[0];
  const base = imported("base_model")[0];
  return {
    slug: n.slug,
    title: n.title,
    name: r.names?.[0] ?? n.title,
    end: r.rates,
    base: r.base,
    uncertain: r.uncertain,
    baseNote: base ? { slug: String(base.ref), title: titleOf(String(base.ref)) } : undefined,
    family: family ? { slug: String(family.ref), title: titleOf(String(family.ref)) } : undefined,
    developers: imported("developer").map((x) => ({ slug: String(x.ref), title: titleOf(String(x.ref)) })),
    released: imported("released")[0]?.value as string | undefined,
    licence: writtenLicence(imported("license")[0]),
    modality: imported("modality").map((x) => String(x.value)),
    performance: imported("performance_class")[0]?.value as string | undefined,
    cells,
    dropped: r.dropped?.date ?? snapshot.date ?? r.dropped?.snapshot ?? snapshot.commit.slice(0, 7),
  };
}

/** The note of a base-model relation: how the index names the base model, where the note's title differs or the index doubts it. */
function baseNote(s: IndexSystem, title: string): string | undefined {
  if (!s.base) return undefined;
  if (s.uncertain?.includes("base")) return `the index names the base model "${s.base}", with a question mark`;
  return foldName(s.base) !== foldName(title) ? `the index names the base model "${s.base}"` : undefined;
}

/** How the dataset wrote an imported licence: the wording its note quotes, else the value. */
function writtenLicence(item: Item | undefined): string | undefined {
  if (!item) return undefined;
  const quoted = typeof item.note === "string" ? /^the index writes "(.*)"$/.exec(item.note)?.[1] : undefined;
  return quoted ?? (item.value as string | undefined);
}
