/**
 * A note's facts as its infobox and the type tables show them: each field's values as the registry says to show them
 * (links for relations, sources for claims, the marks of imported values), the record row of an imported note, a
 * plain note's properties as written, and the credit the datasets' licences ask for.
 */
import { dataset, datasetsOf, recordUrl, type Dataset } from "../datasets.ts";
import { licenceView } from "../licences.ts";
import type { FieldView } from "../registry.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";
import type { LinkRef } from "./links.ts";
import { evidenceName } from "./evidence.ts";
import { opennessMatrix, opennessSummary } from "./openness.ts";
import { importedMark, sourceRefs, type ImportedMark } from "./sources.ts";

/** One value in an infobox or table cell: text or a link, with the sources that back it. */
export interface InfoValue {
  text: string;
  href?: string;
  /** Qualifier shown after the value: a role, a derivation kind, a span, "given with a question mark". */
  extra?: string;
  /** The value's `note` (a hedge: "Epoch AI's confidence: likely", "general knowledge, not from our sources"): a footnote in the infobox, inline in a table. */
  note?: string;
  /** The note's footnote mark in the infobox ("a"), set by `infoboxGroups`. */
  footnote?: string;
  sources: LinkRef[];
  /** Set when `npm run import` wrote the value: from which dataset, and the record it came from. */
  imported?: ImportedMark;
}

export interface InfoRow {
  label: string;
  values: InfoValue[];
}

/** The values of one field of a note as the registry says to show them. */
export function fieldValues(site: Site, note: Note, view: FieldView): InfoValue[] {
  const { vault, urls } = site;
  const f = note.fields;
  switch (view.show) {
    case "openness": {
      const m = opennessMatrix(site, note);
      return m ? [{ text: opennessSummary(m), href: "#openness", sources: [] }] : [];
    }
    case "cited-by":
      return [{ text: String(vault.citedBy.get(note.slug)?.length ?? 0), sources: [] }];
    case "record":
      return recordValues(site, note);
    case "folder": {
      const path = vault.filesBySlug.get(note.slug)?.path ?? "";
      const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
      const slug = vault.folders.get(dir);
      return dir && slug !== undefined ? [{ text: dir, href: urls.note(slug), sources: [] }] : [];
    }
  }
  const relation = note.relations.filter((r) => r.field === view.field);
  if (relation.length || f.refs[view.field]) {
    const out: InfoValue[] = relation
      .filter((r) => r.to && vault.bySlug.has(r.to))
      .map((r) => {
        const span = view.show === "span" && (r.from || r.until) ? `${r.from ?? "?"}–${r.until ?? ""}` : "";
        return { text: site.ref(r.to!).text, href: urls.note(r.to!), extra: [r.qualifier, span].filter(Boolean).join(", ") || undefined, sources: sourceRefs(site, r.sources), imported: importedMark(note, r.imported) };
      });
    if (view.show === "names") out.push(...(f.names[view.field] ?? []).map((name) => ({ text: name, sources: [] })));
    return out;
  }
  return (f.values[view.field] ?? []).map((v) => {
    const value: InfoValue = { text: v.value, note: v.note, sources: sourceRefs(site, v.sources), imported: importedMark(note, v.imported) };
    if (view.show === "link") Object.assign(value, { text: v.value.replace(/^https?:\/\//, ""), href: v.value });
    if (view.show === "arxiv") value.href = `https://arxiv.org/abs/${encodeURIComponent(v.value)}`;
    if (view.show === "count" || view.show === "flop") value.text = quantity(v.value, view.show);
    if (view.show === "licence") {
      const l = licenceView(v.value);
      if (l.url) Object.assign(value, { text: l.text, href: l.url });
    }
    if (v.uncertain) value.extra = [value.extra, "given with a question mark"].filter(Boolean).join("; ");
    return value;
  });
}

const SCALE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
/** A count as a number: `102000000000`, `1.52e+24`, or as written by hand (`120B`, `1.5T`); NaN for anything else. */
export function countOf(value: string): number {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?(?:e[+-]?\d+)?)\s*([kmbt])?\s*$/i.exec(value);
  return m ? Number(m[1]) * (m[2] ? SCALE[m[2].toLowerCase()] : 1) : NaN;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const COMPACT = new Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 3 });

/**
 * A number as a reader takes it in: a count compact (`102000000000` → 102B), compute in powers of ten
 * (`1.52e+24` → 1.52 × 10²⁴ FLOP). Text that is not a plain number ("120B", "about 7B") is shown as written.
 */
export function quantity(value: string, as: "count" | "flop"): string {
  if (!/^\s*[0-9.]+(e[+-]?\d+)?\s*$/i.test(value)) return value;
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  if (as === "count") return n >= 1000 ? COMPACT.format(n) : String(n);
  if (n === 0) return "0 FLOP";
  const exp = Math.floor(Math.log10(n));
  const mantissa = Number((n / 10 ** exp).toPrecision(3));
  const power = `10${[...String(exp)].map((d) => (d === "-" ? "⁻" : SUPERSCRIPT[Number(d)])).join("")}`;
  return `${mantissa === 1 ? "" : `${mantissa} × `}${power} FLOP`;
}

/** A note's infobox: a plain note's properties as written, then its type's rows, then its other names. */
export function infobox(site: Site, note: Note): InfoRow[] {
  const rows: InfoRow[] = propertyRows(site, note);
  for (const view of site.registry.entry(note.type).infobox) {
    const values = fieldValues(site, note, view);
    if (values.length) rows.push({ label: view.label, values });
  }
  const aliases = aliasRow(note);
  if (aliases) rows.push(aliases);
  return rows;
}

function aliasRow(note: Note): InfoRow | undefined {
  return note.fields.aliases.length ? { label: "Also known as", values: note.fields.aliases.map((a) => ({ text: a, sources: [] })) } : undefined;
}

/** A plain note's properties as written (an Obsidian vault's), each property a row. */
function propertyRows(site: Site, note: Note): InfoRow[] {
  const { vault, urls, registry } = site;
  const rows: InfoRow[] = [];
  if (registry.entry(note.type).plain) {
    // A property written as a link (`up: "[[Index]]"`) links where the note's body links would.
    const linked = new Map(note.links.filter((l) => l.property).map((l) => [l.property!.join("\0"), l]));
    for (const [field, values] of Object.entries(note.fields.values)) {
      rows.push({
        label: field,
        values: values.map((v, i) => {
          const l = linked.get(`${field}\0${i}`);
          if (!l) return { text: v.value, sources: [] };
          if (!l.to || !vault.bySlug.has(l.to)) return { text: l.label ?? l.target, sources: [] }; // not written yet
          return { text: l.label ?? site.ref(l.to).text, href: urls.note(l.to, l.fragment), sources: [] };
        }),
      });
    }
  }
  return rows;
}

/**
 * The record row of an imported note's infobox: the release the dataset rates (and the base model it names),
 * linking the record as it was at the snapshot read; and whether the dataset still lists it.
 */
function recordValues(site: Site, note: Note): InfoValue[] {
  return note.fields.records.flatMap((r): InfoValue[] => {
    const d = dataset(r.from, site.vault.settings.site.datasets);
    if (!d || !r.file) return [];
    const href = r.snapshot ? recordUrl(d, r.file, r.snapshot) : undefined;
    // A record is a file of the dataset (the index), or a row of one table (Epoch AI's CSV), named by its model.
    const row = /\.(csv|tsv)$/i.test(r.file);
    const read = row ? `${d.short}, as of ${r.date ?? r.snapshot?.slice(0, 7) ?? "its snapshot"}` : `${d.short} record ${r.file}${r.date ? `, ${r.date}` : ""}`;
    const uncertain = (what: "rates" | "base") => (r.uncertain?.includes(what) ? " (with a question mark)" : "");
    const extra = [r.base ? `base model ${r.base}${uncertain("base")}` : "", read, r.dropped ? `no longer listed as of ${r.dropped.date ?? r.dropped.snapshot.slice(0, 7)}` : ""].filter(Boolean).join("; ");
    const link: InfoValue[] = r.link ? [{ text: r.link.replace(/^https?:\/\/(www\.)?/, "").replace(/\/.*$/, ""), href: r.link, extra: `the link ${d.short} gives`, sources: [] }] : [];
    return [{ text: `${r.rates ?? r.names?.[0] ?? r.file}${uncertain("rates")}`, href, extra, sources: sourceRefs(site, d.source ? [d.source] : []) }, ...link];
  });
}

/** A group of infobox rows by where their values come from: written by hand (each value citing its sources), or one dataset. */
export interface InfoGroup {
  /** The dataset the group's values were imported from; none for hand-written values (and computed rows). */
  from?: {
    id: string;
    /** "the European Open Source AI Index" */
    named: string;
    /** Its source note, cited once for the whole group. */
    source?: LinkRef;
    /** The note's record in it, linked at the snapshot read: "record llama-3-instruct.yaml", "row Llama 3-70B". */
    record?: { text: string; href?: string };
    /** Everything about the provenance in a sentence, for a tooltip. */
    title: string;
  };
  rows: InfoRow[];
}

export interface GroupedInfobox {
  groups: InfoGroup[];
  /** The values' notes, each once, lettered in the order they appear. */
  footnotes: { mark: string; text: string }[];
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * A note's infobox grouped by provenance: the hand-written rows first (computed ones too: openness), then one group
 * per dataset whose values the note holds, each said once ("From the European Open Source AI Index [1], record X"),
 * its values without that citation repeated; the other names last. A row whose values come from two places is split
 * between their groups (the index's release month under the index, Epoch AI's day under Epoch AI). A value's note
 * becomes a lettered footnote.
 */
export function infoboxGroups(site: Site, note: Note): GroupedInfobox {
  const { registry, vault } = site;
  const datasets = site.vault.settings.site.datasets;
  const own: InfoRow[] = [];
  const byDataset = new Map<string, InfoRow[]>();
  const add = (rows: InfoRow[], label: string, v: InfoValue) => {
    const row = rows.find((r) => r.label === label);
    if (row) row.values.push(v);
    else rows.push({ label, values: [v] });
  };
  const rowsOf = (id: string) => {
    if (!byDataset.has(id)) byDataset.set(id, []);
    return byDataset.get(id)!;
  };
  for (const view of registry.entry(note.type).infobox) {
    if (view.show === "record") continue;
    for (const v of fieldValues(site, note, view)) {
      const id = v.imported?.id;
      if (!id) {
        add(own, view.label, v);
        continue;
      }
      const source = dataset(id, datasets)?.source;
      add(rowsOf(id), view.label, { ...v, sources: v.sources.filter((s) => s.slug !== source) });
    }
  }
  // What each dataset's record says of the note: the release it rates (the index), the name and link it gives (Epoch AI).
  for (const r of note.fields.records) {
    const d = dataset(r.from, datasets);
    if (!d || !r.file) continue;
    const rows = rowsOf(d.id);
    const doubt = (what: "rates" | "base") => (r.uncertain?.includes(what) ? "given with a question mark" : undefined);
    const row = /\.(csv|tsv)$/i.test(r.file);
    if (r.rates) rows.unshift({ label: "Rated release", values: [{ text: r.rates, extra: doubt("rates"), sources: [] }] });
    else if (row && r.names?.[0] && r.names[0] !== note.title) rows.unshift({ label: "Listed as", values: [{ text: r.names[0], sources: [] }] });
    if (r.base && !rows.some((x) => x.label === "Base model")) rows.splice(1, 0, { label: "Base model", values: [{ text: r.base, extra: doubt("base"), sources: [] }] });
    if (r.link) rows.push({ label: "Link", values: [{ text: evidenceName(r.link).text, href: r.link, sources: [] }] });
    if (r.dropped) rows.push({ label: "No longer listed", values: [{ text: `as of ${r.dropped.date ?? r.dropped.snapshot.slice(0, 7)}`, sources: [] }] });
  }
  const groups: InfoGroup[] = [];
  own.unshift(...propertyRows(site, note));
  const aliases = aliasRow(note);
  if (aliases) own.push(aliases);
  if (own.length) groups.push({ rows: own });
  for (const d of datasetsOf(datasets)) {
    const rows = byDataset.get(d.id);
    if (!rows?.length) continue;
    const r = note.fields.records.find((x) => x.from === d.id);
    const table = !!r?.file && /\.(csv|tsv)$/i.test(r.file);
    const record = r?.file ? { text: table ? "its row" : `record ${r.file}`, href: r.snapshot ? recordUrl(d, r.file, r.snapshot) : undefined } : undefined;
    const when = r?.date ?? r?.snapshot?.slice(0, 7);
    groups.push({
      from: {
        id: d.id,
        named: d.named,
        source: d.source && vault.bySlug.has(d.source) ? site.ref(d.source) : undefined,
        record,
        title: `Imported from ${d.named}${r?.file ? `, ${table ? `a row of ${r.file}` : `record ${r.file}`}` : ""}${when ? `, as of ${when}` : ""}`,
      },
      rows,
    });
  }
  // Notes as footnotes, each text once.
  const footnotes: { mark: string; text: string }[] = [];
  for (const g of groups) {
    for (const row of g.rows) {
      for (const v of row.values) {
        if (!v.note) continue;
        let f = footnotes.find((x) => x.text === v.note);
        if (!f) footnotes.push((f = { mark: LETTERS[footnotes.length] ?? String(footnotes.length + 1), text: v.note }));
        v.footnote = f.mark;
      }
    }
  }
  return { groups, footnotes };
}

/**
 * The datasets whose data a page about these notes shows, for the credit their licences ask for: those whose
 * source note (atlas.yml's `datasets`) a note cites (a hand-written value can cite one too), that wrote its
 * `record`, or that it is about.
 */
export function credits(site: Site, notes: Iterable<Note>): Dataset[] {
  const all = datasetsOf(site.vault.settings.site.datasets);
  const out = new Set<string>();
  for (const n of notes) {
    for (const d of all) if ((d.source && (n.cites.includes(d.source) || n.slug === d.source)) || n.fields.records.some((r) => r.from === d.id)) out.add(d.id);
  }
  return all.filter((d) => out.has(d.id));
}
