/**
 * The text of the notes an import writes: short, factual, in our own words, templated from the facts the dataset
 * gives (which release it rates, by whom, when, under what licence, how many parameters open, partial and closed).
 * The dataset's own sentences never appear. A note says only what the dataset says of its own subject: an
 * organisation's note does not list its systems or add up their classes (its page does that from the graph,
 * src/lib/views/developed.ts), so a change to one system's record changes that system's note alone. Pure.
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
  /** Which of `end` (`rates`) and `base` the dataset gives with a question mark. */
  uncertain?: ("rates" | "base")[];
  /** The note the base model's name names. */
  baseNote?: LinkedName;
  /** Our note of the same name that this release is filed under (a family note). */
  family?: LinkedName;
  developers: LinkedName[];
  released?: string;
  /** The licence as the dataset writes it. */
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
  const doubt = (what: "rates" | "base") => (f.uncertain?.includes(what) ? " (a name the index gives with a question mark)" : "");
  if (f.end) {
    const base = f.base && f.base !== f.end ? `, built on ${f.baseNote ? `the base model ${link(f.baseNote, f.base)}` : `the base model ${f.base}`}${doubt("base")}` : "";
    first += ` and rates it by one release, ${f.end}${doubt("rates")}${base}.`;
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

/** The body of an organisation note the importer made: who the dataset says it is, never a list of its systems. */
export function organisationBody(f: OrganisationFacts, source: string, datasetLabel: string): string {
  const idx = `[[${source}|${datasetLabel}]]`;
  const lead = f.type === "person" ? `The ${idx} gives ${f.title} as the organisation behind one or more of the systems it rates.` : `The ${idx} credits ${f.title} with one or more of the systems it rates.`;
  return `${[lead, ...f.identified].join(" ")}\n`;
}

/** One sentence on an organisation the importer made a note for. */
export function organisationSummary(f: OrganisationFacts, datasetLabel: string): string {
  if (f.type === "person") return `A person whose name the ${datasetLabel} gives as the organisation behind systems it rates.`;
  return `An organisation that the ${datasetLabel} credits with systems it rates.`;
}
