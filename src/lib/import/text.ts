/**
 * The text of the notes an import writes: a one-sentence summary, in our own words, templated from the facts the
 * dataset gives (what it is, by whom, how many parameters open, partial and closed), and no body (the page shows the
 * data). The dataset's own sentences never appear. A note says only what the dataset says of its own subject: an
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

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

/** `a text and code model`, `an image model`, `a model`. */
function kind(modality: readonly string[]): string {
  if (!modality.length) return "a model";
  return `${article(modality[0])} ${list(modality)} model`;
}

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

/**
 * The body of a note the importer makes: none. Its page shows the data in sections of their own (what the index
 * rates, Epoch AI's figures, relations, a lab's models: src/lib/pages/note.ts, factSections), so a sentence here would only repeat
 * them. A body an earlier run templated is taken out by the next run while its hash in `record.body` matches (edit.ts
 * rewrites text the importer owns); one a person has edited is theirs and stays.
 */
export const IMPORTED_BODY = "";

/** One sentence on an organisation the importer made a note for. */
export function organisationSummary(f: OrganisationFacts, datasetLabel: string): string {
  if (f.type === "person") return `A person whose name the ${datasetLabel} gives as the organisation behind systems it rates.`;
  return `An organisation that the ${datasetLabel} credits with systems it rates.`;
}
