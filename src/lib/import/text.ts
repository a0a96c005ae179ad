/**
 * The text of the notes an import writes: short, factual, in our own words, templated from the facts the dataset
 * gives (which release it rates, by whom, when, under what licence, how many parameters open, partial and closed).
 * The dataset's own sentences never appear. Pure.
 */
import { OPENNESS_DIMENSIONS } from "../openness.ts";

export interface LinkedName {
  slug: string;
  title: string;
  /** How the dataset writes it, when that is our identification of it with this note. */
  identified?: string;
}

export interface ModelFacts {
  slug: string;
  title: string;
  /** The dataset's name for the system. */
  name: string;
  end?: string;
  base?: string;
  /** The note the base model's name names. */
  baseNote?: LinkedName;
  /** Our note of the same name that this release is filed under (a family note). */
  family?: LinkedName;
  developers: LinkedName[];
  released?: string;
  licence?: string;
  modality: string[];
  performance?: string;
  /** Openness classes by dimension key; dimensions the dataset does not rate are absent. */
  cells: Record<string, string>;
  /** Date (or commit) of the snapshot that no longer lists the system. */
  dropped?: string;
}

export interface OrganisationFacts {
  title: string;
  type: "lab" | "person";
  /** How the dataset writes the name, where it differs from the title: our identification, in a sentence. */
  identified: string[];
  systems: { model: ModelFacts; others: LinkedName[] }[];
}

const WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const number = (n: number) => WORDS[n] ?? String(n);
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `a, b and c`. */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** `2024-10` → `October 2024`; `2024` stays; `2024-10-03` → `3 October 2024`. */
export function readableMonth(date: string): string {
  const [y, m, d] = date.split("-");
  if (!m) return y;
  return `${d ? `${Number(d)} ` : ""}${MONTHS[Number(m) - 1]} ${y}`;
}

const link = (n: LinkedName, label?: string) => `[[${n.slug}|${label ?? n.title}]]`;
const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

/** `a text and code model`, `an image model`, `a model`. */
function kind(modality: readonly string[]): string {
  if (!modality.length) return "a model";
  return `${article(modality[0])} ${list(modality)} model`;
}

const LABELS = new Map<string, string>(OPENNESS_DIMENSIONS.map((d) => [d.key, d.label.toLowerCase()]));
const RATED = OPENNESS_DIMENSIONS.filter((d) => "index" in d).map((d) => d.key as string);

function byClass(cells: Record<string, string>) {
  const of = (c: string) => RATED.filter((k) => cells[k] === c);
  return { open: of("open"), partial: of("partial"), closed: of("closed"), none: RATED.filter((k) => !cells[k]) };
}

/** `3 open, 4 partial, 5 closed`. */
export function countsLine(cells: Record<string, string>): string {
  const c = byClass(cells);
  return (["open", "partial", "closed"] as const).filter((k) => c[k].length).map((k) => `${c[k].length} ${k}`).join(", ") || "no classes";
}

/** One sentence: what the model is, who made it, and how open the dataset finds it. */
export function modelSummary(f: ModelFacts, datasetLabel: string): string {
  const c = byClass(f.cells);
  const parts = (["open", "partial", "closed"] as const).filter((k) => c[k].length).map((k) => `${k} on ${c[k].length}`);
  const rated = parts.length ? `${list(parts)} of its ${number(RATED.length)} openness parameters` : "on none of its openness parameters";
  const who = f.developers.length ? ` from ${list(f.developers.map((d) => d.title))}` : "";
  const what = kind(f.modality);
  const lead = `${what[0].toUpperCase()}${what.slice(1)}${who}`;
  return f.dropped ? `${lead}, no longer listed by the ${datasetLabel}, which rated it ${rated}.` : `${lead} that the ${datasetLabel} rates ${rated}.`;
}

/** The body of a model note the importer made. */
export function modelBody(f: ModelFacts, source: string, datasetLabel: string): string {
  const idx = `[[${source}|${datasetLabel}]]`;
  const devs = f.developers.map((d) => `${link(d)}${d.identified ? ` (our identification: the index writes "${d.identified}")` : ""}`);
  const out: string[] = [];

  let first = `The ${idx} lists ${f.name === f.title ? f.title : `"${f.name}"`} as ${kind(f.modality)}${devs.length ? ` from ${list(devs)}` : ""}`;
  if (f.end) {
    const base = f.base && f.base !== f.end ? `, built on ${f.baseNote ? `the base model ${link(f.baseNote, f.base)}` : `the base model ${f.base}`}` : "";
    first += ` and rates it by one release, ${f.end}${base}.`;
  } else first += `; it gives no name for the release it rates.`;
  const facts: string[] = [];
  if (f.released) facts.push(`dates the model to ${readableMonth(f.released)}`);
  facts.push(f.licence ? `gives its end-model licence as "${f.licence}"` : "gives no end-model licence");
  if (f.performance) facts.push(`puts it in its "${f.performance}" performance class`);
  out.push(`${first} It ${list(facts)}.`);

  if (f.family) {
    out.push(
      `The index files this release under the name "${f.name}", which is the title of our note ${link(f.family)}: we read the one as the other (our identification), but the index's ratings are for ${f.end ?? "this release"} and are not carried over to that note.`,
    );
  }

  const c = byClass(f.cells);
  const groups = (["open", "partial", "closed"] as const).filter((k) => c[k].length).map((k) => `${number(c[k].length)} ${k} (${list(c[k].map((x) => LABELS.get(x)!))})`);
  let ratings = groups.length ? `Of the ${number(RATED.length)} openness parameters, it rates ${list(groups)}.` : "It gives no class for any of its openness parameters.";
  if (groups.length && c.none.length) ratings += ` It gives no class for ${list(c.none.map((x) => LABELS.get(x)!))}.`;
  ratings += " Each class comes with the links the index gives as evidence, shown with the matrix below; where it gives none, the cell links the index's record of the system.";
  out.push(ratings);

  if (f.dropped) out.push(`The index's snapshot of ${f.dropped} no longer lists ${f.title}: what this note gives is what the index said until then.`);
  return `${out.join("\n\n")}\n`;
}

function systemLine(s: OrganisationFacts["systems"][number]): string {
  const m = s.model;
  const bits = [m.modality.length ? list(m.modality) : "", m.released ? `released ${readableMonth(m.released)}` : ""].filter(Boolean).join(", ");
  const with_ = s.others.length ? ` (with ${list(s.others.map((o) => link(o)))})` : "";
  return `- ${link(m)}${with_}${bits ? `: ${bits}` : ""}; ${countsLine(m.cells)}${m.dropped ? "; no longer listed" : ""}`;
}

/** The paragraph and list on an organisation's systems: a lab note's section, or the body of one the importer made. */
export function organisationSection(f: OrganisationFacts, source: string, datasetLabel: string): string {
  const idx = `[[${source}|${datasetLabel}]]`;
  const n = f.systems.length;
  const lead =
    f.type === "person"
      ? `The ${idx} gives ${f.title} as the organisation behind ${n === 1 ? "one of the systems" : `${number(n)} of the systems`} it rates:`
      : `The ${idx} credits ${f.title} with ${n === 1 ? "one of the systems" : `${number(n)} of the systems`} it rates:`;
  const systems = [...f.systems].sort((a, b) => a.model.title.localeCompare(b.model.title, "en", { sensitivity: "base" }));
  const totals = { open: 0, partial: 0, closed: 0 };
  for (const s of systems) for (const v of Object.values(s.model.cells)) if (v in totals) totals[v as keyof typeof totals]++;
  const all = totals.open + totals.partial + totals.closed;
  const after = [
    ...f.identified,
    n > 1 && all ? `Across them it gives ${all} classes: ${totals.open} open, ${totals.partial} partial and ${totals.closed} closed.` : "",
    n > 1 ? "Each system's page says which release the index rates and links the evidence for each class." : "The system's page says which release the index rates and links the evidence for each class.",
  ].filter(Boolean);
  const sum = `\n\n${after.join(" ")}`;
  return `${lead}\n\n${systems.map(systemLine).join("\n")}${sum}\n`;
}

/** One sentence on an organisation the importer made a note for. */
export function organisationSummary(f: OrganisationFacts, datasetLabel: string): string {
  const titles = [...f.systems].map((s) => s.model.title).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
  const n = titles.length;
  const which = n <= 3 ? `: ${list(titles)}` : `, among them ${list(titles.slice(0, 3))}`;
  if (f.type === "person") return `A person whose name the ${datasetLabel} gives as the organisation behind ${n === 1 ? "the system" : `${number(n)} systems`}${n === 1 ? ` ${titles[0]}` : which}.`;
  return `An organisation that the ${datasetLabel} credits with ${n === 1 ? "one rated system" : `${number(n)} rated systems`}${which}.`;
}
