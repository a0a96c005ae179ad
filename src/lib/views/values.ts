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
import { opennessMatrix, opennessSummary } from "./openness.ts";
import { importedMark, sourceRefs, type ImportedMark } from "./sources.ts";

/** One value in an infobox or table cell: text or a link, with the sources that back it. */
export interface InfoValue {
  text: string;
  href?: string;
  /** Qualifier shown after the value: a role, a derivation kind, a note. */
  extra?: string;
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
    const value: InfoValue = { text: v.value, extra: v.note, sources: sourceRefs(site, v.sources), imported: importedMark(note, v.imported) };
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
  for (const view of registry.entry(note.type).infobox) {
    const values = fieldValues(site, note, view);
    if (values.length) rows.push({ label: view.label, values });
  }
  if (note.fields.aliases.length) rows.push({ label: "Also known as", values: note.fields.aliases.map((a) => ({ text: a, sources: [] })) });
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
