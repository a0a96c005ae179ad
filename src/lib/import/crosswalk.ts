/**
 * The crosswalk: which record of a dataset is which note, checked in beside the notes (`crosswalk.yml` in the vault)
 * so that one model or organisation is one note across datasets. Names differ between datasets, and look-alikes
 * abound (AudioLDM is not AudioLM, GLaM is not GLM, Kimi K2.5 is not Kimi K2), so the importer never merges on
 * similarity alone: it proposes an entry only where a record's name is one of a note's names and the organisations
 * agree, asks where it cannot tell, and a person settles a question by editing the entry.
 *
 *     epoch:
 *       models:
 *         DeepSeek-R1: deepseek-r1        # this record is that note
 *         GLaM: new                       # a note of its own (the importer then writes its slug)
 *         Kimi K2.5: { ask: [kimi-k2] }   # left to a person: write the note's slug, `new` or `skip`
 *         Some Model: skip                # leave the record out
 *       organisations:
 *         Google DeepMind: google-deepmind
 *
 * Pure: text in, entries and positioned problems out; `writeCrosswalk` keeps a person's comments and order.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { foldName, isSlug } from "../resolve.ts";

/** Where a vault keeps its crosswalk. */
export const CROSSWALK_FILE = "crosswalk.yml";
export const CROSSWALK_HEADER = ` Which record of a dataset is which note (npm run import keeps this file; src/lib/import/crosswalk.ts).
 Under each dataset, a record's name maps to the slug of the note it is, \`new\` (a note of its own), \`skip\` (left
 out), or \`{ ask: [...] }\`: a question the importer could not decide. Settle one by writing the slug, \`new\` or
 \`skip\`, then run the import again.`;

export type Entry = { note: string } | { new: true } | { skip: true } | { ask: string[] };
export type Section = "models" | "organisations";
export const SECTIONS: readonly Section[] = ["models", "organisations"];

export interface CrosswalkProblem {
  line: number;
  column: number;
  message: string;
}

export interface Crosswalk {
  /** Entries by dataset, section and the record's name. */
  entries: Map<string, Record<Section, Map<string, Entry>>>;
  problems: CrosswalkProblem[];
  doc: Document;
}

const WORDS = { new: { new: true }, skip: { skip: true } } as const;

/** The crosswalk of a vault from its text (empty text: no entries yet). */
export function readCrosswalk(text: string): Crosswalk {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const problems: CrosswalkProblem[] = [];
  const at = (pos: number | undefined, message: string) => {
    const p = lines.linePos(pos ?? 0);
    problems.push({ line: p.line, column: p.col, message });
  };
  for (const e of doc.errors) at(e.pos[0], `not valid YAML: ${e.message.split("\n")[0]}`);
  const entries: Crosswalk["entries"] = new Map();
  if (doc.errors.length || doc.contents === null) return { entries, problems, doc };
  if (!isMap(doc.contents)) {
    at(doc.contents.range?.[0], "expected a dataset id (`epoch:`) with `models:` and `organisations:` under it");
    return { entries, problems, doc };
  }
  for (const top of doc.contents.items) {
    const id = String(isScalar(top.key) ? top.key.value : top.key);
    const sections = { models: new Map<string, Entry>(), organisations: new Map<string, Entry>() };
    entries.set(id, sections);
    if (top.value === null) continue;
    if (!isMap(top.value)) {
      at((top.value as { range?: number[] }).range?.[0], `\`${id}\` holds \`models:\` and \`organisations:\``);
      continue;
    }
    for (const sec of top.value.items) {
      const name = String(isScalar(sec.key) ? sec.key.value : sec.key) as Section;
      const keyPos = isScalar(sec.key) ? sec.key.range?.[0] : undefined;
      if (!SECTIONS.includes(name)) {
        at(keyPos, `\`${name}\` is not a section of the crosswalk: use \`models\` or \`organisations\``);
        continue;
      }
      if (sec.value === null) continue;
      if (!isMap(sec.value)) {
        at(keyPos, `\`${name}\` maps each record's name to a note's slug, \`new\`, \`skip\` or \`{ ask: [...] }\``);
        continue;
      }
      for (const pair of sec.value.items) {
        const record = String(isScalar(pair.key) ? pair.key.value : pair.key);
        const pos = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        const v = pair.value;
        if (sections[name].has(record)) at(pos, `\`${record}\` is listed twice under \`${id}.${name}\``);
        if (isScalar(v) && typeof v.value === "string") {
          const word = v.value.trim();
          if (word in WORDS) sections[name].set(record, WORDS[word as keyof typeof WORDS]);
          else if (isSlug(word)) sections[name].set(record, { note: word });
          else at(v.range?.[0], `\`${word}\` is not a note's slug: write the slug of the note this record is (\`deepseek-r1\`), \`new\` or \`skip\``);
        } else if (isMap(v) && v.items.length === 1 && isScalar(v.items[0].key) && v.items[0].key.value === "ask" && isSeq(v.items[0].value)) {
          sections[name].set(record, { ask: v.items[0].value.items.map((x) => String(isScalar(x) ? x.value : x)) });
        } else at((v as { range?: number[] } | null)?.range?.[0] ?? pos, `\`${record}\` needs a note's slug, \`new\`, \`skip\`, or the importer's \`{ ask: [...] }\``);
      }
    }
  }
  return { entries, problems, doc };
}

/** The crosswalk's text with `changes` applied (dataset → section → record → entry); comments and order are kept. */
export function writeCrosswalk(cw: Crosswalk, changes: Map<string, Record<Section, Map<string, Entry>>>, header: string): string {
  const doc = cw.doc;
  if (doc.contents === null || !isMap(doc.contents)) {
    doc.contents = doc.createNode({}) as typeof doc.contents;
    doc.commentBefore = header;
  }
  for (const [id, sections] of changes) {
    for (const s of SECTIONS) {
      for (const [record, entry] of [...sections[s]].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const value = "note" in entry ? entry.note : "new" in entry ? "new" : "skip" in entry ? "skip" : doc.createNode({ ask: entry.ask }, { flow: true });
        if ("ask" in entry && value && typeof value === "object") (value as { flow?: boolean }).flow = true;
        doc.setIn([id, s, record], value);
      }
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** How names are compared across datasets: case, spaces and punctuation ignored ("DeepSeek R1" is "DeepSeek-R1"). */
export const nameKey = (name: string) => foldName(name).replace(/[^\p{L}\p{N}]+/gu, "");

/** Edit distance, for look-alikes only (never to merge). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * True when two names look alike without being the same name: one a short extension of the other ("Kimi K2" and
 * "Kimi K2.5"), or a letter or two apart with the same numbers ("GLM" and "GLaM", "AudioLM" and "AudioLDM"). A
 * look-alike is a question for a person, never a merge.
 */
export function looksAlike(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  if (!x || !y || x === y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 3 && long.startsWith(short) && long.length - short.length <= 3) return true;
  // Names whose numbers differ are other versions (DeepSeek-V3 and DeepSeek-R1, Llama 2 and Llama 3), not look-alikes.
  const digits = (s: string) => s.replace(/\D+/g, " ").trim();
  if (digits(x) !== digits(y)) return false;
  return Math.min(x.length, y.length) >= 3 && distance(x, y) <= (Math.min(x.length, y.length) >= 6 ? 2 : 1);
}

/** Words an organisation's name may carry or drop without naming another (Cerebras Systems is Cerebras). */
const GENERIC = new Set(["inc", "ltd", "llc", "co", "corp", "corporation", "company", "group", "labs", "lab", "laboratory", "laboratories", "systems", "technologies", "technology", "workshop", "ai"]);
const words = (name: string) => foldName(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * True when two organisations' names may name one organisation: the same words once generic ones are set aside
 * ("AI21" and "AI21 Labs", "Shanghai AI Lab" and "Shanghai AI Laboratory"), or one name's words leading the other's
 * ("Jacobs University" and "Jacobs University Bremen"; also "Google" and "Google Brain", which a person then tells
 * apart). A question for a person, never a merge.
 */
export function organisationsAlike(a: string, b: string): boolean {
  if (nameKey(a) === nameKey(b)) return false;
  const x = words(a);
  const y = words(b);
  const core = (w: string[]) => w.filter((t) => !GENERIC.has(t)).join(" ");
  if (core(x) && core(x) === core(y)) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length > 0 && short.some((t) => !GENERIC.has(t)) && short.every((t, i) => long[i] === t);
}

/** A note as the crosswalk compares records with it. */
export interface Candidate {
  slug: string;
  /** Every name it answers to (title, aliases, slug, the names datasets gave it). */
  names: string[];
  /** Organisation notes it is by (a model's developers); empty for an organisation. */
  organisations: string[];
  /** Its date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), if any. */
  date?: string;
}

export interface RecordFacts {
  name: string;
  /** Other names the record gives (an abbreviation in brackets: "Carnegie Mellon University (CMU)"). */
  alternates?: string[];
  /** The notes of its organisations, where known; undefined when one of them is not settled yet. */
  organisations?: string[];
  date?: string;
}

export type Proposal = { entry: Entry; why: string };

const year = (d: string | undefined) => (d ? Number(d.slice(0, 4)) : undefined);

/**
 * What the importer proposes for a record no entry settles: the note whose name it is, when exactly one note answers
 * to it and nothing speaks against it (organisations that differ, dates years apart); a question when a note answers
 * to it but something does, or when a note of the same organisation has a look-alike name; otherwise a new note.
 */
export function propose(record: RecordFacts, candidates: readonly Candidate[], byKey: ReadonlyMap<string, Candidate[]>, alike: (a: string, b: string) => boolean = looksAlike): Proposal {
  const keys = [record.name, ...(record.alternates ?? [])].map(nameKey).filter(Boolean);
  const exact = [...new Set(keys.flatMap((k) => byKey.get(k) ?? []))];
  const sameOrg = (c: Candidate) => record.organisations !== undefined && c.organisations.some((o) => record.organisations!.includes(o));
  if (exact.length === 1) {
    const c = exact[0];
    const orgsKnown = !!record.organisations?.length && c.organisations.length > 0;
    const y1 = year(record.date);
    const y2 = year(c.date);
    if (y1 !== undefined && y2 !== undefined && Math.abs(y1 - y2) > 1) return { entry: { ask: [c.slug] }, why: `\`${c.slug}\` has this name, but its date (${c.date}) is years from the record's (${record.date})` };
    if (!orgsKnown) return c.organisations.length || record.organisations?.length ? { entry: { ask: [c.slug] }, why: `\`${c.slug}\` has this name; one of the two names no organisation to compare` } : { entry: { note: c.slug }, why: "the same name" };
    if (!sameOrg(c)) return { entry: { ask: [c.slug] }, why: `\`${c.slug}\` has this name, but another organisation` };
    return { entry: { note: c.slug }, why: "the same name and organisation" };
  }
  if (exact.length > 1) return { entry: { ask: exact.map((c) => c.slug).sort() }, why: "several notes have this name" };
  const similar = candidates.filter((c) => (record.organisations?.length ? sameOrg(c) : true) && c.names.some((n) => [record.name, ...(record.alternates ?? [])].some((r) => alike(n, r))));
  if (similar.length) return { entry: { ask: similar.map((c) => c.slug).sort() }, why: `a look-alike name (${similar.map((c) => c.slug).join(", ")})${record.organisations?.length ? " of the same organisation" : ""}` };
  return { entry: { new: true }, why: "no note has this name" };
}

/** Candidates indexed by the keys of their names. */
export function candidateIndex(candidates: readonly Candidate[]): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  for (const c of candidates) {
    for (const k of new Set(c.names.map(nameKey).filter(Boolean))) {
      const list = out.get(k) ?? [];
      if (!list.includes(c)) list.push(c);
      out.set(k, list);
    }
  }
  return out;
}
