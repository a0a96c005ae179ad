/**
 * The vault's own settings: `atlas.yml` at the vault's root says how its notes are read. Without it, a folder is read
 * as Obsidian reads a vault (notes need no frontmatter and no `type`; raw HTML is sanitized). The Atlas wiki's
 * `content/atlas.yml` says `notes: typed`: every note has a type and follows its schema, and unsafe raw HTML is
 * refused. The file is YAML, validated with zod; a problem in it is reported at `atlas.yml:line:col` like any other.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "astro/zod";
import { LineCounter, parseDocument } from "yaml";

export const CONFIG_FILE = "atlas.yml";

export const NOTE_MODES = ["typed", "obsidian"] as const;
export const RAW_HTML_POLICIES = ["refuse", "sanitize"] as const;
export type NoteMode = (typeof NOTE_MODES)[number];
export type RawHtmlPolicy = (typeof RAW_HTML_POLICIES)[number];

export interface VaultConfig {
  /** `typed`: every note has a `type` and follows its schema; `obsidian`: notes are read as Obsidian reads them. */
  notes: NoteMode;
  /** `refuse`: unsafe raw HTML is an error; `sanitize`: it is removed from the page (the loader's `rawHtml` option). */
  rawHtml: RawHtmlPolicy;
}

const schema = z.strictObject({
  notes: z.enum(NOTE_MODES).optional(),
  rawHtml: z.enum(RAW_HTML_POLICIES).optional(),
});

/** The settings of a folder with no `atlas.yml`: an Obsidian vault. */
export const OBSIDIAN_DEFAULTS: VaultConfig = { notes: "obsidian", rawHtml: "sanitize" };

/** Fills in what the file leaves out: raw HTML is refused in a typed vault and sanitized in an Obsidian one. */
export function completeConfig(partial: { notes?: NoteMode; rawHtml?: RawHtmlPolicy }): VaultConfig {
  const notes = partial.notes ?? "obsidian";
  return { notes, rawHtml: partial.rawHtml ?? (notes === "typed" ? "refuse" : "sanitize") };
}

export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
  hint: string;
}

export interface LoadedConfig {
  config: VaultConfig;
  /** The file's path when the vault has one. */
  file?: string;
  problems: ConfigProblem[];
}

const KEYS = Object.keys(schema.shape);

/** Reads `text` as an `atlas.yml`; a file with problems gives the settings of the fields that are valid. */
export function parseConfig(text: string): { config: VaultConfig; problems: ConfigProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number) => {
    const p = counter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problems: ConfigProblem[] = doc.errors.map((e) => ({ ...pos(e.pos[0]), message: `invalid YAML: ${e.message.split("\n")[0]}`, hint: "write one `key: value` per line" }));
  if (problems.length) return { config: completeConfig({}), problems };
  const data = doc.toJS() ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    return { config: completeConfig({}), problems: [{ line: 1, column: 1, message: `${CONFIG_FILE} is not a set of \`key: value\` settings`, hint: `write for example \`notes: typed\`; the settings are ${KEYS.join(", ")}` }] };
  }
  const result = schema.safeParse(data);
  if (result.success) return { config: completeConfig(result.data), problems };
  const valid: Record<string, unknown> = { ...data };
  const keyAt = (k: PropertyKey) => {
    const pair = (doc.contents as { items?: { key: { value?: unknown; range?: [number, number, number] } }[] }).items?.find((p) => p.key?.value === k);
    return pair?.key.range ? pos(pair.key.range[0]) : { line: 1, column: 1 };
  };
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) {
        problems.push({ ...keyAt(k), message: `unknown setting \`${k}\``, hint: `the settings are ${KEYS.join(", ")}` });
        delete valid[k];
      }
      continue;
    }
    const key = String(issue.path[0]);
    const value = doc.getIn([key], true) as { range?: [number, number, number] } | undefined;
    const allowed = key === "notes" ? NOTE_MODES : RAW_HTML_POLICIES;
    problems.push({
      ...(value?.range ? pos(value.range[0]) : keyAt(key)),
      message: `\`${key}\` is ${JSON.stringify(valid[key])}, which is not one of ${allowed.map((a) => `\`${a}\``).join(", ")}`,
      hint: key === "notes" ? "`typed`: every note has a type and follows its schema; `obsidian`: notes are read as Obsidian reads them" : "`refuse`: unsafe raw HTML is an error; `sanitize`: it is removed from the page with a warning",
    });
    delete valid[key];
  }
  return { config: completeConfig(valid as Partial<VaultConfig>), problems };
}

/** The settings of the vault in `dir`: its `atlas.yml`, or an Obsidian vault's when it has none. */
export async function loadConfig(dir: string): Promise<LoadedConfig> {
  const file = join(dir, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { config: { ...OBSIDIAN_DEFAULTS }, problems: [] };
    return { config: { ...OBSIDIAN_DEFAULTS }, file, problems: [{ line: 1, column: 1, message: `${CONFIG_FILE} could not be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, hint: "check its permissions" }] };
  }
  return { file, ...parseConfig(text) };
}
