/**
 * Reads Epoch AI's Notable AI Models (a CSV of one row per model; cells hold line breaks and commas, so it is read
 * with csv-parse, not split by hand): the facts and links of each row, never its sentences. The `Abstract`, the
 * `… notes` columns and the other free-text columns are other people's words and never leave this module; what a note
 * column tells as a fact (that a parameter count is a mixture of experts' total, beside an active count) becomes a
 * flag. Pure but for `readEpochFile`.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { webUrl } from "../schema.ts";

/** One organisation of a row, with the country and category the row gives it (same position in their lists). */
export interface EpochOrganisation {
  name: string;
  country?: string;
  /** `Industry`, `Academia`, `Government`, `Research collective`: Epoch AI's category. */
  category?: string;
}

/** One row: a model, as facts. */
export interface EpochModel {
  /** The row's line in the file (its first line), for messages. */
  line: number;
  /** Epoch AI's name for the model: the row's identity. */
  name: string;
  organisations: EpochOrganisation[];
  /** `YYYY-MM-DD` (the publication date). */
  published?: string;
  domain: string[];
  task: string[];
  parameters?: number;
  /** The parameter notes speak of active as well as total parameters (a mixture of experts). */
  parametersMoe?: boolean;
  /** FLOP. */
  compute?: number;
  /** Epoch AI's confidence in its compute figure (`Confident`, `Likely`, `Speculative`). */
  confidence?: string;
  /** Datapoints the model was trained on (tokens for a language model). */
  datasetSize?: number;
  /** In Epoch AI's terms: `Open weights (unrestricted)`, `API access`, `Unreleased` … */
  accessibility?: string;
  trainingCode?: string;
  /** Names of the models it was fine-tuned from. */
  base: string[];
  link?: string;
  frontier: boolean;
}

export interface EpochNotice {
  line: number;
  model?: string;
  message: string;
}

export class EpochFileError extends Error {}

/** The columns the reader needs; a file without one of them is not this dataset. */
export const EPOCH_COLUMNS = {
  name: "Model",
  organisation: "Organization",
  published: "Publication date",
  domain: "Domain",
  task: "Task",
  parameters: "Parameters",
  parameterNotes: "Parameters notes",
  compute: "Training compute (FLOP)",
  datasetSize: "Training dataset size (gradients)",
  confidence: "Confidence",
  link: "Link",
  category: "Organization categorization",
  country: "Country (of organization)",
  base: "Base model",
  accessibility: "Model accessibility",
  trainingCode: "Training code accessibility",
  frontier: "Frontier model",
} as const;

const clean = (v: string | undefined) => (v ?? "").replace(/\s+/g, " ").trim();
/** A list cell: `Language,Vision` (Epoch AI separates by commas, with no spaces, inside one cell). */
const list = (v: string | undefined) => [...new Set(clean(v).split(",").map((x) => x.trim()).filter(Boolean))];

function number(v: string | undefined, what: string, row: { line: number; name: string }, notices: EpochNotice[]): number | undefined {
  const s = clean(v);
  if (!s) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n) || n < 0) {
    notices.push({ line: row.line, model: row.name, message: `${what} \`${s.slice(0, 40)}\` is not a number: left out` });
    return undefined;
  }
  return n;
}

/** The rows of the CSV's text; throws EpochFileError when it is not Epoch AI's table at all. */
export function parseEpochCsv(text: string, notices: EpochNotice[] = []): EpochModel[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false, info: true });
  } catch (err) {
    const e = err as { message: string; lines?: number };
    throw new EpochFileError(`${e.lines ? `line ${e.lines}: ` : ""}not a CSV file the importer can read: ${e.message.split("\n")[0]}`);
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = Object.values(EPOCH_COLUMNS).filter((c) => !header.includes(c));
  if (missing.length) throw new EpochFileError(`not Epoch AI's Notable AI Models: no ${missing.map((m) => `\`${m}\``).join(", ")} column${missing.length === 1 ? "" : "s"}`);
  const seen = new Map<string, number>();
  const out: EpochModel[] = [];
  let line = 2; // after the header; csv-parse counts lines up to the end of each record
  for (const { record: r, info } of records) {
    const start = line;
    line = info.lines + 1;
    const name = clean(r[EPOCH_COLUMNS.name]);
    if (!name) {
      notices.push({ line: start, message: "a row with no model name: left out" });
      continue;
    }
    if (seen.has(name)) {
      notices.push({ line: start, model: name, message: `a second row for \`${name}\` (the first is on line ${seen.get(name)}): left out` });
      continue;
    }
    seen.set(name, start);
    const row = { line: start, name };
    const orgs = list(r[EPOCH_COLUMNS.organisation]);
    const countries = list(r[EPOCH_COLUMNS.country]).length ? clean(r[EPOCH_COLUMNS.country]).split(",").map((x) => x.trim()) : [];
    const categories = clean(r[EPOCH_COLUMNS.category]) ? clean(r[EPOCH_COLUMNS.category]).split(",").map((x) => x.trim()) : [];
    const rawOrgs = clean(r[EPOCH_COLUMNS.organisation]).split(",").map((x) => x.trim()).filter(Boolean);
    // Countries and categories are listed per organisation, in the same order; when the counts differ, no pairing.
    const paired = countries.length === rawOrgs.length;
    const pairedCategories = categories.length === rawOrgs.length;
    if (countries.length && !paired) notices.push({ line: start, model: name, message: `${countries.length} countries for ${rawOrgs.length} organisations: countries left out` });
    const organisations: EpochOrganisation[] = orgs.map((o) => {
      const i = rawOrgs.indexOf(o);
      return { name: o, ...(paired && countries[i] ? { country: countries[i] } : {}), ...(pairedCategories && categories[i] ? { category: categories[i] } : {}) };
    });
    const published = clean(r[EPOCH_COLUMNS.published]);
    if (published && !/^\d{4}-\d\d-\d\d$/.test(published)) notices.push({ line: start, model: name, message: `publication date \`${published}\` is not YYYY-MM-DD: left out` });
    const link = clean(r[EPOCH_COLUMNS.link]).split(/\s+/)[0];
    if (link && !webUrl.safeParse(link).success) notices.push({ line: start, model: name, message: `link \`${link.slice(0, 60)}\` is not a web address: left out` });
    const accessibility = clean(r[EPOCH_COLUMNS.accessibility]);
    const trainingCode = clean(r[EPOCH_COLUMNS.trainingCode]);
    const confidence = clean(r[EPOCH_COLUMNS.confidence]);
    const parameters = number(r[EPOCH_COLUMNS.parameters], "the parameter count", row, notices);
    out.push({
      line: start,
      name,
      organisations,
      published: /^\d{4}-\d\d-\d\d$/.test(published) ? published : undefined,
      domain: list(r[EPOCH_COLUMNS.domain]),
      task: list(r[EPOCH_COLUMNS.task]),
      parameters,
      parametersMoe: parameters !== undefined && /\bactive\b/i.test(r[EPOCH_COLUMNS.parameterNotes] ?? "") && /\btotal\b|\bMoE\b|mixture[- ]of[- ]experts/i.test(r[EPOCH_COLUMNS.parameterNotes] ?? ""),
      compute: number(r[EPOCH_COLUMNS.compute], "the training compute", row, notices),
      confidence: confidence && confidence !== "Unknown" ? confidence : undefined,
      datasetSize: number(r[EPOCH_COLUMNS.datasetSize], "the dataset size", row, notices),
      accessibility: accessibility || undefined,
      trainingCode: trainingCode || undefined,
      base: list(r[EPOCH_COLUMNS.base]),
      link: link && webUrl.safeParse(link).success ? link : undefined,
      frontier: /^(true|yes|1|checked)$/i.test(clean(r[EPOCH_COLUMNS.frontier])),
    });
  }
  return out;
}

/** The rows of a CSV file (`file` as the user gave it, for messages). */
export function readEpochFile(file: string): { models: EpochModel[]; notices: EpochNotice[] } {
  const notices: EpochNotice[] = [];
  return { models: parseEpochCsv(readFileSync(file, "utf8"), notices), notices };
}
