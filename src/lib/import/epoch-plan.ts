/**
 * One import run of Epoch AI's Notable AI Models into the vault. The crosswalk (crosswalk.ts) says which row is which
 * note: a model note of ours or of another dataset's import (the index's DeepSeek-R1 is Epoch AI's DeepSeek-R1: one
 * note carrying both datasets' values), a new note, or a question a person settles; the same for organisations. Each
 * value is written with its provenance (`imported: epoch`, the dataset's source note; the note's `record` from Epoch
 * AI names the snapshot and the row's model name), beside hand-written and other datasets' values, never over them;
 * where they differ, both stay, and the run reports it. Aggregates (how many models an organisation has) are the
 * site's to compute: no note's text lists another's. Pure: the rows, the notes and the crosswalk in; the files to
 * write, the crosswalk's new text and the report out.
 */
import type { Dataset } from "../datasets.ts";
import { REGISTRY } from "../registry.ts";
import { foldName, slugify } from "../resolve.ts";
import { candidateIndex, organisationsAlike, propose, SECTIONS, type Candidate, type Crosswalk, type Entry, type Section } from "./crosswalk.ts";
import { editNote, NoteEditError, tallyEdit, type Disagreement, type FieldPlan, type Item, type NotePlan } from "./edit.ts";
import type { EpochModel, EpochNotice } from "./epoch.ts";
import type { Snapshot, VaultNote } from "./plan.ts";
import { IMPORTED_BODY } from "./text.ts";

export interface EpochImportInput {
  dataset: Dataset;
  models: readonly EpochModel[];
  /** The vault's notes, as the import of `epoch` sees them (`record`: a note's record from Epoch AI). */
  notes: readonly VaultNote[];
  snapshot: Snapshot;
  crosswalk: Crosswalk;
  /** The CSV's path in the snapshot's repository (a record's address is this file at the snapshot's commit). */
  file: string;
  notices?: readonly EpochNotice[];
}

export interface EpochReport {
  dataset: string;
  snapshot: Snapshot;
  rows: number;
  models: { created: string[]; merged: { slug: string; name: string; why: string }[]; updated: string[]; unchanged: string[]; skipped: string[]; dropped: string[] };
  organisations: { created: string[]; merged: { slug: string; name: string; why: string }[]; updated: string[]; skipped: string[] };
  /** Records left to a person: the crosswalk asks, with the notes it would have to choose between. */
  questions: { section: Section; name: string; candidates: string[]; why: string }[];
  /** Rows that wait on an organisation's question. */
  waiting: { name: string; organisation: string }[];
  /** Crosswalk entries that cannot be honoured (a slug that is no note of the right type, two rows for one note). */
  problems: string[];
  disagreements: (Disagreement & { slug: string })[];
  editedByHand: { slug: string; what: string }[];
  notices: EpochNotice[];
}

export interface EpochImportResult {
  writes: Map<string, string>;
  crosswalk: Map<string, Record<Section, Map<string, Entry>>>;
  report: EpochReport;
}

/** Countries as Epoch AI writes them (ISO 3166's long names) and as a reader knows them. */
const COUNTRY: Record<string, string> = {
  "United States of America": "United States",
  "United Kingdom of Great Britain and Northern Ireland": "United Kingdom",
  "Korea (Republic of)": "South Korea",
  "Russian Federation": "Russia",
  "Taiwan, Province of China": "Taiwan",
  "Viet Nam": "Vietnam",
  "Iran (Islamic Republic of)": "Iran",
  "Türkiye": "Turkey",
};
export const countryName = (c: string) => COUNTRY[c] ?? c;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const readDate = (d: string) => `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

/**
 * Other names an organisation's name gives: "Carnegie Mellon University (CMU)" its name without the bracketed
 * abbreviation and the abbreviation; "Beijing Academy of Artificial Intelligence / BAAI" both sides of the slash. A
 * bracket that is not an abbreviation ("Northeastern University (China)") is part of the name.
 */
export function nameParts(name: string): { bare: string; short: string } | undefined {
  const m = /^(.+?)\s*\(([^()]+)\)$/.exec(name) ?? /^(.+?)\s+\/\s+([^/]+)$/.exec(name);
  const short = m?.[2].trim();
  return m && short && /^[A-Z][A-Za-z0-9&.-]{1,9}$/.test(short) && ((short.match(/[A-Z]/g)?.length ?? 0) >= 2 || /\d/.test(short)) ? { bare: m[1].trim(), short } : undefined;
}

export function runEpochImport(input: EpochImportInput): EpochImportResult {
  const { dataset: d, snapshot } = input;
  const report: EpochReport = {
    dataset: d.id,
    snapshot,
    rows: input.models.length,
    models: { created: [], merged: [], updated: [], unchanged: [], skipped: [], dropped: [] },
    organisations: { created: [], merged: [], updated: [], skipped: [] },
    questions: [],
    waiting: [],
    problems: [],
    disagreements: [],
    editedByHand: [],
    notices: [...(input.notices ?? [])],
  };
  const source = d.source;
  if (!source) throw new NoteEditError(`the vault names no source note for ${d.label}: write one, then name it in the vault's atlas.yml as \`datasets: { ${d.id}: <its slug> }\` (every imported value cites it)`);
  if (!input.notes.some((n) => n.slug === source && n.type === "source")) throw new NoteEditError(`the vault has no source note \`${source}\` for ${d.label}: write it first (every imported value cites it)`);
  const sections = input.crosswalk.entries.get(d.id) ?? { models: new Map<string, Entry>(), organisations: new Map<string, Entry>() };
  const out: Record<Section, Map<string, Entry>> = { models: new Map(), organisations: new Map() };

  // Every name a note answers to, as links resolve them; slugs in use.
  const names = new Map<string, string>();
  const claim = (name: string, slug: string) => {
    const k = foldName(name);
    if (!names.has(k)) names.set(k, slug);
  };
  const bySlug = new Map(input.notes.map((n) => [n.slug, n]));
  for (const n of input.notes) for (const name of [n.slug, n.title, ...n.aliases]) claim(name, n.slug);
  const slugs = new Set(input.notes.map((n) => n.slug));
  const nameFree = (name: string) => !names.has(foldName(name));
  const freeSlug = (title: string) => {
    const base = slugify(title);
    let slug = base;
    for (let i = 2; slugs.has(slug) || REGISTRY.reservedSlugs.has(slug) || (names.has(foldName(slug)) && names.get(foldName(slug)) !== slug); i++) slug = `${base}-${i}`;
    return slug;
  };
  const refSlugs = (v: unknown): string[] =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((x) => {
      const r = x && typeof x === "object" ? (x as Item).ref : x;
      const slug = typeof r === "string" ? (names.get(foldName(r)) ?? r) : undefined;
      return slug ? [slug] : [];
    });
  const firstValue = (v: unknown): string | undefined => {
    const x = Array.isArray(v) ? v[0] : v;
    const y = x && typeof x === "object" ? (x as Item).value : x;
    return y === undefined || y === null ? undefined : String(y);
  };
  const datasetNames = (n: VaultNote) => n.records.flatMap((r) => [...(r.names ?? []), ...(r.rates ? [r.rates] : [])]);

  // 1. Organisations: each name a row gives, settled by the crosswalk or proposed.
  const orgCandidates: Candidate[] = input.notes.filter((n) => n.type === "lab" || n.type === "person").map((n) => ({ slug: n.slug, names: [n.slug, n.title, ...n.aliases, ...datasetNames(n)], organisations: [] }));
  const orgIndex = candidateIndex(orgCandidates);
  /** Epoch AI's organisation name → the note's slug; undefined while a question is open; null when skipped. */
  const orgOf = new Map<string, string | null | undefined>();
  interface OrgTarget {
    slug: string;
    path: string;
    title: string;
    existing?: VaultNote;
    written: Set<string>;
    countries: Map<string, number>;
    sectors: Map<string, number>;
    aliases: string[];
  }
  const orgTargets = new Map<string, OrgTarget>();
  const orgTarget = (slug: string, create?: { title: string; aliases: string[] }): OrgTarget => {
    let t = orgTargets.get(slug);
    if (!t) {
      const existing = bySlug.get(slug);
      t = { slug, path: existing?.path ?? `${REGISTRY.entry("lab").folder}/${slug}.md`, title: existing?.title ?? create!.title, existing, written: new Set(), countries: new Map(), sectors: new Map(), aliases: create?.aliases ?? [] };
      orgTargets.set(slug, t);
    }
    return t;
  };
  const orgNames = [...new Set(input.models.flatMap((m) => m.organisations.map((o) => o.name)))].sort();
  // Names an earlier run gave a note (its record's `names`) are settled even without an entry.
  const orgByRecord = new Map<string, string>();
  for (const n of input.notes) if ((n.type === "lab" || n.type === "person") && n.record) for (const name of n.record.names ?? []) orgByRecord.set(name, n.slug);
  for (const name of orgNames) {
    const b = nameParts(name);
    let entry = sections.organisations.get(name);
    let why = "the crosswalk";
    if (!entry && orgByRecord.has(name)) entry = { note: orgByRecord.get(name)! };
    if (!entry) {
      const p = propose({ name, alternates: b ? [b.bare, b.short] : [] }, orgCandidates, orgIndex, organisationsAlike);
      entry = p.entry;
      why = p.why;
      if ("ask" in entry) report.questions.push({ section: "organisations", name, candidates: entry.ask, why });
    } else if ("ask" in entry) report.questions.push({ section: "organisations", name, candidates: entry.ask, why: "not settled yet" });
    if ("skip" in entry) {
      orgOf.set(name, null);
      report.organisations.skipped.push(name);
      out.organisations.set(name, entry);
    } else if ("ask" in entry) {
      orgOf.set(name, undefined);
      out.organisations.set(name, entry);
    } else if ("note" in entry) {
      const n = bySlug.get(entry.note);
      if (!n || (n.type !== "lab" && n.type !== "person")) {
        report.problems.push(`crosswalk: organisation "${name}" is \`${entry.note}\`, which is ${n ? `a ${n.type} note, not a lab or person` : "no note"}: fix the entry`);
        orgOf.set(name, undefined);
        out.organisations.set(name, entry);
        continue;
      }
      orgOf.set(name, n.slug);
      orgTarget(n.slug).written.add(name);
      if (!n.record) report.organisations.merged.push({ slug: n.slug, name, why });
      out.organisations.set(name, { note: n.slug });
    } else {
      // A new note: titled by the name without its bracketed abbreviation, which becomes an alias.
      let title = b && nameFree(b.bare) ? b.bare : name;
      if (!nameFree(title) || !nameFree(slugify(title))) title = `${title} (organisation)`;
      const slug = freeSlug(title);
      slugs.add(slug);
      claim(title, slug);
      claim(slug, slug);
      const aliases = [name, ...(b ? [b.short] : [])].filter((a) => foldName(a) !== foldName(title) && nameFree(a));
      for (const a of aliases) claim(a, slug);
      orgTarget(slug, { title, aliases }).written.add(name);
      orgOf.set(name, slug);
      report.organisations.created.push(slug);
      out.organisations.set(name, { note: slug });
    }
  }

  // 2. Models: each row settled by the crosswalk, by an earlier run's record, or proposed.
  const modelNotes = input.notes.filter((n) => n.type === "model");
  const byRecord = new Map(modelNotes.filter((n) => n.record?.names?.[0]).map((n) => [n.record!.names![0], n]));
  const rowNames = new Set(input.models.map((m) => m.name));
  const modelCandidates: Candidate[] = modelNotes.map((n) => ({ slug: n.slug, names: [n.slug, n.title, ...n.aliases, ...datasetNames(n)], organisations: refSlugs(n.data.developer), date: firstValue(n.data.released) }));
  const modelIndex = candidateIndex(modelCandidates);
  interface ModelTarget {
    row: EpochModel;
    slug: string;
    path: string;
    title: string;
    existing?: VaultNote;
    developers: string[];
    why: string;
  }
  const targets: ModelTarget[] = [];
  const taken = new Map<string, string>();
  for (const row of [...input.models].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const orgs = row.organisations.map((o) => orgOf.get(o.name));
    const open = row.organisations.filter((o) => orgOf.get(o.name) === undefined).map((o) => o.name);
    const developers = [...new Set(orgs.filter((o): o is string => typeof o === "string"))];
    let entry = sections.models.get(row.name);
    let why = "the crosswalk";
    const earlier = byRecord.get(row.name);
    if (!entry && earlier) {
      entry = { note: earlier.slug };
      why = "an earlier run";
    }
    if (!entry) {
      if (open.length) {
        report.waiting.push({ name: row.name, organisation: open[0] });
        continue; // proposed once its organisation is settled
      }
      // A note already holding another row of this dataset is not a candidate for this one.
      const free = (c: Candidate) => {
        const r = bySlug.get(c.slug)?.record;
        return !r || r.names?.[0] === row.name;
      };
      const p = propose({ name: row.name, organisations: developers, date: row.published }, modelCandidates.filter(free), new Map([...modelIndex].map(([k, v]) => [k, v.filter(free)])));
      entry = p.entry;
      why = p.why;
      if ("ask" in entry) report.questions.push({ section: "models", name: row.name, candidates: entry.ask, why });
    } else if ("ask" in entry) report.questions.push({ section: "models", name: row.name, candidates: entry.ask, why: "not settled yet" });
    if ("skip" in entry) {
      report.models.skipped.push(row.name);
      out.models.set(row.name, entry);
      continue;
    }
    if ("ask" in entry) {
      out.models.set(row.name, entry);
      continue;
    }
    if (open.length) {
      report.waiting.push({ name: row.name, organisation: open[0] });
      out.models.set(row.name, entry);
      continue;
    }
    if ("note" in entry) {
      const n = bySlug.get(entry.note);
      if (!n || n.type !== "model") {
        report.problems.push(`crosswalk: model "${row.name}" is \`${entry.note}\`, which is ${n ? `a ${n.type} note, not a model` : "no note"}: fix the entry`);
        out.models.set(row.name, entry);
        continue;
      }
      if (taken.has(n.slug)) {
        report.problems.push(`crosswalk: "${row.name}" and "${taken.get(n.slug)}" are both \`${n.slug}\`: one note is one model; settle which`);
        out.models.set(row.name, entry);
        continue;
      }
      taken.set(n.slug, row.name);
      targets.push({ row, slug: n.slug, path: n.path, title: n.title, existing: n, developers, why });
      if (!n.record) report.models.merged.push({ slug: n.slug, name: row.name, why });
      out.models.set(row.name, { note: n.slug });
      continue;
    }
    // A new note, titled by the row's name (with its organisation where another note has the name).
    const by = developers[0] ? (orgTargets.get(developers[0])?.title ?? bySlug.get(developers[0])?.title) : undefined;
    const title = [row.name, by ? `${row.name} (${by})` : undefined, `${row.name} (model)`].find((t): t is string => !!t && nameFree(t) && nameFree(slugify(t)))!;
    const slug = freeSlug(title);
    slugs.add(slug);
    claim(title, slug);
    claim(slug, slug);
    taken.set(slug, row.name);
    targets.push({ row, slug, path: `${REGISTRY.entry("model").folder}/${slug}.md`, title, developers, why });
    out.models.set(row.name, { note: slug });
  }

  // 3. Fine-tuned from: a base model that is a row of this import or a note of ours by one of its names.
  const slugOfRow = new Map(targets.map((t) => [t.row.name, t.slug]));
  const baseOf = (t: ModelTarget) => [
    ...new Set(
      t.row.base.flatMap((b) => {
        const slug = slugOfRow.get(b) ?? names.get(foldName(b));
        return slug && slug !== t.slug && (bySlug.get(slug)?.type === "model" || targets.some((x) => x.slug === slug)) ? [slug] : [];
      }),
    ),
  ];

  // 4. What each model note should hold.
  const writes = new Map<string, string>();
  const mark = { source, imported: d.id };
  const same = (a: unknown, b: unknown) => foldName(String(a)) === foldName(String(b));
  const valueOf = (v: unknown) => (v && typeof v === "object" ? (v as Item).value : v);
  const refOf = (v: unknown) => refSlugs(v)[0];
  const valueField = (field: string, values: (string | number)[], note?: string): FieldPlan => ({
    field,
    items: values.map((value) => ({ value, ...mark, ...(note ? { note } : {}) })),
    agrees: (hand, item) => same(valueOf(hand), item.value) || (typeof item.value === "number" && Number(valueOf(hand)) === item.value),
    show: (v) => String(valueOf(v)),
  });
  const refField = (field: string, refs: string[]): FieldPlan => ({
    field,
    items: refs.map((ref) => ({ ref, ...mark })),
    agrees: (hand, item) => refOf(hand) === item.ref,
    show: (v) => String(refOf(v) ?? v),
  });
  const titleOf = (slug: string) => targets.find((t) => t.slug === slug)?.title ?? orgTargets.get(slug)?.title ?? bySlug.get(slug)?.title ?? slug;
  const record = (row: EpochModel): Item => ({
    from: d.id,
    file: input.file,
    snapshot: snapshot.commit,
    date: snapshot.date,
    names: [row.name],
    base: row.base.length ? row.base.join(", ") : undefined,
    link: row.link,
  });
  for (const t of targets) {
    const r = t.row;
    const fields: FieldPlan[] = [
      refField("developer", t.developers),
      refField("fine_tuned_from", baseOf(t)),
      valueField("released", r.published ? [r.published] : []),
      valueField("parameters", r.parameters !== undefined ? [r.parameters] : [], r.parametersMoe ? "the total of a mixture of experts: Epoch AI's notes on the figure also give an active count" : undefined),
      valueField("training_compute", r.compute !== undefined ? [r.compute] : [], r.confidence ? `Epoch AI's confidence: ${r.confidence.toLowerCase()}` : undefined),
      valueField("dataset_size", r.datasetSize !== undefined ? [r.datasetSize] : []),
      valueField("domain", r.domain),
      valueField("task", r.task),
      valueField("accessibility", r.accessibility ? [r.accessibility] : []),
      valueField("training_code_access", r.trainingCode ? [r.trainingCode] : []),
    ];
    const plan: NotePlan = {
      dataset: d.id,
      create: t.existing ? undefined : { type: "model", title: t.title },
      sources: [source],
      fields,
      record: record(r),
      // A note this import made keeps its text current (until a person edits it); another note's text is never touched.
      text: !t.existing || t.existing.record?.body ? { summary: modelSummary(r, t.developers.map(titleOf), d), body: IMPORTED_BODY } : undefined,
    };
    const result = editNote(t.existing?.text, plan, t.path);
    collect(t.slug, t.path, t.existing?.text, result, report.models);
  }

  // Notes of earlier runs whose row the snapshot no longer has: kept, marked.
  for (const n of modelNotes) {
    const r = n.record;
    if (!r || rowNames.has(r.names?.[0] ?? "") || r.dropped) continue;
    const result = editNote(n.text, { dataset: d.id, sources: [source], fields: [], record: { ...(r as unknown as Item), dropped: { snapshot: snapshot.commit, date: snapshot.date } } }, n.path);
    report.models.dropped.push(n.slug);
    collect(n.slug, n.path, n.text, result, report.models);
  }

  // 5. What each organisation note should hold: the countries its rows give it, and its record of Epoch AI's names.
  for (const row of input.models) {
    for (const o of row.organisations) {
      const slug = orgOf.get(o.name);
      if (typeof slug !== "string" || !o.country) continue;
      const t = orgTargets.get(slug)!;
      const c = countryName(o.country);
      t.countries.set(c, (t.countries.get(c) ?? 0) + 1);
    }
    for (const o of row.organisations) {
      const slug = orgOf.get(o.name);
      if (typeof slug !== "string" || !o.category) continue;
      const t = orgTargets.get(slug)!;
      t.sectors.set(o.category, (t.sectors.get(o.category) ?? 0) + 1);
    }
  }
  for (const o of [...orgTargets.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
    // Most often given first: a country or category the rows give the organisation once (a joint row) comes after.
    const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
    const fields: FieldPlan[] = o.existing?.type === "person" ? [] : [valueField("country", byCount(o.countries)), valueField("sector", byCount(o.sectors))];
    const plan: NotePlan = {
      dataset: d.id,
      create: o.existing ? undefined : { type: "lab", title: o.title },
      aliases: o.existing ? undefined : o.aliases,
      sources: [source],
      fields,
      record: { from: d.id, names: [...new Set([...(o.existing?.record?.names ?? []), ...o.written])].sort() },
      text: !o.existing || o.existing.record?.body ? { summary: `An organisation that ${d.label} names as a developer of notable models.`, body: IMPORTED_BODY } : undefined,
    };
    const result = editNote(o.existing?.text, plan, o.path);
    for (const x of result.disagreements) report.disagreements.push({ slug: o.slug, ...x });
    if (o.existing && o.existing.text !== result.text) report.organisations.updated.push(o.slug);
    if (o.existing?.text !== result.text) writes.set(o.path, result.text);
  }

  for (const s of SECTIONS) for (const [k, v] of out[s]) if (JSON.stringify(sections[s].get(k)) === JSON.stringify(v)) out[s].delete(k);
  return { writes, crosswalk: new Map([[d.id, out]]), report };

  function collect(slug: string, path: string, original: string | undefined, result: ReturnType<typeof editNote>, into: EpochReport["models"]) {
    tallyEdit({ writes, disagreements: report.disagreements, editedByHand: report.editedByHand }, into, slug, path, original, result);
  }
}

/** A new model note's one sentence: what it is, by whom and when, as the dataset gives it. */
function modelSummary(r: EpochModel, developers: string[], d: Dataset): string {
  const domain = r.domain.length === 1 && r.domain[0] !== "Other" ? `${r.domain[0].toLowerCase()} model` : "model";
  const by = developers.length ? ` by ${developers.length > 2 ? `${developers.slice(0, -1).join(", ")} and ${developers.at(-1)}` : developers.join(" and ")}` : "";
  const when = r.published ? ` that ${d.label} dates to ${readDate(r.published)}` : ` in ${d.label}`;
  return `A${/^[aeiou]/i.test(domain) ? "n" : ""} ${domain}${by}${when}.`;
}
