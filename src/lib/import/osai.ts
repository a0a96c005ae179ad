/**
 * Reads a checkout of the European Open Source AI Index's database (github.com/Language-Technology-Assessment/
 * main-database): one YAML file per system, each with the system's facts, its organisation and a class, links and
 * notes for each of the twelve openness parameters. Only facts and links are read: the index's own prose (`notes`)
 * is its words, not ours, and never leaves this module. Pure but for `readIndexDir`, which lists and reads the files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, LineCounter } from "yaml";
import type { Dataset } from "../datasets.ts";
import { licenceId } from "../licences.ts";
import { OPENNESS_DIMENSIONS, type OpennessKey } from "../openness.ts";
import { webUrl } from "../schema.ts";

/** The classes the index gives; an empty class means "not applicable". */
export const INDEX_CLASSES = ["open", "partial", "closed"] as const;
export type IndexClass = (typeof INDEX_CLASSES)[number];

export interface IndexCell {
  status: IndexClass;
  /** Evidence links, as the index gives them (web addresses only). */
  links: string[];
}

/** One system of the index, as facts. */
export interface IndexSystem {
  /** Its file in the checkout: the record's name. */
  file: string;
  /** The index's name for the system (`Llama 4`). */
  name: string;
  /** Kinds of system (`text`, `code`, `image`, `video`, `audio`), from `type`. */
  modality: string[];
  performance?: string;
  /** The base model and the end model it rates (the release a reader gets), without a question mark the index puts after them. */
  base?: string;
  end?: string;
  /** Which of the two names the index gives with a question mark ("MiniMax-Text-01?"): a flag, not part of the name. */
  uncertain?: ("rates" | "base")[];
  /** The end-model licence as the index writes it (see `indexLicence` for the value a note gets). */
  licence?: string;
  /** `YYYY-MM` (or `YYYY`, `YYYY-MM-DD`): as precise as the index gives it. */
  released?: string;
  organisation: string;
  cells: Partial<Record<OpennessKey, IndexCell>>;
}

/** Something in a file the importer leaves out, and why: reported, never silent. */
export interface IndexNotice {
  file: string;
  line?: number;
  message: string;
}

/** A file that cannot be read as a record of the index: the whole import stops, and nothing is written. */
export class IndexFileError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, line: number | undefined, message: string) {
    super(`${file}${line ? `:${line}` : ""}: ${message}`);
    this.file = file;
    this.line = line;
  }
}

/** The index's parameter name (`weights_endmodel`) → our openness dimension (`end_weights`). */
const BY_PARAMETER = new Map<string, OpennessKey>(OPENNESS_DIMENSIONS.flatMap((d) => ("index" in d ? [[d.index, d.key] as [string, OpennessKey]] : [])));

/** Names the index uses where it has none: not a name, so neither an alias nor a base model. */
const NO_NAME = /^(unknown|undisclosed|n\/?a|none|-|\?)?$/i;
/** Licences the index gives as unknown: no licence value (the licence cell still carries its class). */
const NO_LICENCE = /^(unknown|undisclosed)?$/i;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const text = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  const s = String(v).replace(/\s+/g, " ").trim();
  return s || undefined;
};
const name = (v: unknown) => {
  const s = text(v);
  return s && !NO_NAME.test(s) ? s : undefined;
};

/**
 * A name or licence the index gives with a question mark: "MiniMax-Text-01?", "Command A?", "Unknown (Apache-2.0?)"
 * (unknown, perhaps Apache-2.0). The text without the mark, and whether it was there.
 */
export function questionMark(s: string): { text: string; uncertain: boolean } {
  const m = /^unknown\s*\((.+?)\s*\?\s*\)$/i.exec(s) ?? /^(.+?)\s*\?$/.exec(s);
  return m ? { text: m[1].trim(), uncertain: true } : { text: s, uncertain: false };
}

/**
 * The licence value of a licence the index writes: its SPDX identifier where it has one ("Apache 2.0" is Apache-2.0,
 * "MIT License" is MIT; licences.ts), else as written; without a question mark, which becomes `uncertain`.
 */
export function indexLicence(written: string): { value: string; uncertain: boolean } {
  const { text: t, uncertain } = questionMark(written);
  return { value: licenceId(t) ?? t, uncertain };
}

/** `2024-10`, `2024 OCT`, `2024-10-03`, `2024` → the same precision as ISO (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). */
export function indexDate(v: unknown): string | undefined {
  const s = text(v);
  if (!s) return undefined;
  if (/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(s)) return s;
  const m = /^(\d{4})[ -]([A-Za-z]{3})[a-z]*\.?$/.exec(s);
  const month = m ? MONTHS.indexOf(m[2].toLowerCase()) : -1;
  return m && month >= 0 ? `${m[1]}-${String(month + 1).padStart(2, "0")}` : undefined;
}

/** One record of the index from its text; throws IndexFileError when it is not a record at all. */
export function parseIndexFile(file: string, source: string, notices: IndexNotice[]): IndexSystem {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? (e.pos ? lines.linePos(e.pos[0]).line : undefined);
    throw new IndexFileError(file, line, `not valid YAML: ${e.message.split("\n")[0]}`);
  }
  const data = doc.toJS() as Record<string, unknown> | null;
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new IndexFileError(file, 1, "not a record of the index: expected `system:`, `org:` and the openness parameters");
  const system = (data.system ?? {}) as Record<string, unknown>;
  const org = (data.org ?? {}) as Record<string, unknown>;
  const systemName = text(system.name);
  if (!systemName) throw new IndexFileError(file, 1, "the record has no `system.name`");
  const organisation = text(org.name);
  if (!organisation) throw new IndexFileError(file, 1, "the record has no `org.name`");
  const note = (message: string) => notices.push({ file, message });

  const released = indexDate(system.releasedate);
  if (system.releasedate != null && text(system.releasedate) && !released) note(`release date \`${text(system.releasedate)}\` is not a date the importer reads; left out`);
  // The index writes the licence key two ways.
  const licenceText = text(system.endmodellicense ?? system["endmodel license"]);
  const cells: IndexSystem["cells"] = {};
  for (const [parameter, key] of BY_PARAMETER) {
    const raw = data[parameter];
    if (raw === undefined) {
      note(`has no \`${parameter}\` parameter: left unrated`);
      continue;
    }
    const cell = (raw ?? {}) as Record<string, unknown>;
    const cls = text(cell.class)?.toLowerCase();
    if (!cls) {
      note(`\`${parameter}\` has no class (the index's "not applicable"): left unrated`);
      continue;
    }
    if (!(INDEX_CLASSES as readonly string[]).includes(cls)) {
      note(`\`${parameter}\` has the class \`${cls}\`, not open, partial or closed: left unrated`);
      continue;
    }
    const links: string[] = [];
    for (const l of Array.isArray(cell.link) ? cell.link : [cell.link]) {
      const url = text(l);
      if (!url) continue;
      if (webUrl.safeParse(url).success) {
        if (!links.includes(url)) links.push(url);
      } else note(`\`${parameter}\` links \`${url.slice(0, 80)}\`, which is not a web address: left out`);
    }
    cells[key] = { status: cls as IndexClass, links };
  }
  // A question mark after a name is the index's doubt about it: a flag, not part of the name.
  const markedName = (v: unknown) => {
    const s = name(v);
    const q = s ? questionMark(s) : undefined;
    return q && name(q.text) ? q : undefined;
  };
  const marked = { base: markedName(system.basemodelname), end: markedName(system.endmodelname) };
  const uncertain = [...(marked.end?.uncertain ? ["rates" as const] : []), ...(marked.base?.uncertain ? ["base" as const] : [])];
  return {
    file,
    name: systemName,
    modality: [...new Set((text(system.type) ?? "").toLowerCase().split(/[,/;&]|\band\b/).map((t) => t.trim()).filter(Boolean))],
    performance: text(system.performanceclass)?.toLowerCase(),
    base: marked.base?.text,
    end: marked.end?.text,
    ...(uncertain.length ? { uncertain } : {}),
    licence: licenceText && !NO_LICENCE.test(questionMark(licenceText).text) ? licenceText : undefined,
    released,
    organisation,
    cells,
  };
}

/** The record files of a checkout: its top-level YAML files, but for the parameter lists (`_…`) and the dataset's `skip`. */
export function indexFiles(names: readonly string[], d: Dataset): string[] {
  return names.filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith("_") && !f.startsWith(".") && !d.skip.includes(f)).sort();
}

/** Every record of a checkout; every file that is not a record is an error (all of them, not just the first). */
export function readIndexDir(dir: string, d: Dataset): { systems: IndexSystem[]; notices: IndexNotice[]; errors: IndexFileError[] } {
  const notices: IndexNotice[] = [];
  const errors: IndexFileError[] = [];
  const systems: IndexSystem[] = [];
  for (const file of indexFiles(readdirSync(dir), d)) {
    try {
      systems.push(parseIndexFile(file, readFileSync(join(dir, file), "utf8"), notices));
    } catch (err) {
      if (err instanceof IndexFileError) errors.push(err);
      else throw err;
    }
  }
  return { systems, notices, errors };
}
