/**
 * The vault's own settings: `atlas.yml` at the vault's root says how its notes are read. Without it, a folder is read
 * as Obsidian reads a vault (notes need no frontmatter and no `type`; raw HTML is sanitized). The Atlas wiki's
 * `content/atlas.yml` says `notes: typed`: every note has a type and follows its schema, and unsafe raw HTML is
 * refused. The same file gives the site its identity (title, description, origin, language, repository, home note…):
 * nothing in the engine names the wiki it publishes, and a vault without the file speaks with its folder's name.
 * The file is YAML, validated with zod; a problem in it is reported at `atlas.yml:line:col`, in prose, like any other.
 */
import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { z } from "astro/zod";
import { LineCounter, parseDocument } from "yaml";
import { DATASET_IDS, type DatasetId } from "./datasets.ts";

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

/**
 * The site's own identity, as `atlas.yml` gives it (each optional; the defaults come from the vault, `siteIdentity`):
 * nothing in the engine names the wiki it publishes.
 */
export interface SiteSettings {
  /** The site's name: every page's title ends with it, the header and the feed carry it. Default: the vault's folder. */
  title?: string;
  /** A sentence or two on what the site is: the home page, `llms.txt`, the feed's subtitle, meta descriptions. */
  description?: string;
  /**
   * Where the site is published (`https://host`, scheme and host only): canonical links, `og:url`, the sitemap and
   * absolute addresses in the feed and JSON-LD. None: the site links relatively and claims no address.
   */
  origin?: string;
  /** The path the site is served under (`/wiki/`); default `/`. */
  base?: string;
  /** The pages' language (BCP 47, `en`, `de-CH`); default `en`. */
  language?: string;
  /** The repository the notes are edited in (`https://github.com/owner/repo`): "Edit this page" and "History". */
  repository?: string;
  /** The branch edits are proposed against; default `main`. */
  branch?: string;
  /**
   * The note the home page leads with, as a link names it (`Home`, `folder/Start`, a typed note's slug). Default:
   * an Obsidian vault's `index.md`, `README.md` or `Home.md` at its root, when it has one.
   */
  home?: string;
  /** A line for every page's footer (plain text). Default: none. */
  footer?: string;
  /** Who the site is by, for the feed's author. Default: "<title> contributors". */
  author?: string;
  /**
   * Each imported dataset's source note in this vault, by the dataset's id (`datasets: { osai: <slug> }`): the note
   * every value `npm run import` writes cites, and the one whose citation earns a page the dataset's credit.
   */
  datasets?: Record<string, string>;
}

/** A setting's place in `atlas.yml`, for messages about its value (a `home` that names no note). */
export interface SettingPosition {
  line: number;
  column: number;
}

const httpUrl = (what: string) =>
  z.string().refine((v) => {
    try {
      return ["http:", "https:"].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `is not a web address; write ${what}`);

const text = z.string().trim().min(1, "is empty; write the text, or leave the setting out");

const schema = z.strictObject({
  notes: z.enum(NOTE_MODES).optional(),
  rawHtml: z.enum(RAW_HTML_POLICIES).optional(),
  title: text.optional(),
  description: text.optional(),
  origin: httpUrl("the address the site is published at, e.g. `https://example.org`")
    .refine((v) => {
      if (!URL.canParse(v)) return true; // said above
      const u = new URL(v);
      return (u.pathname === "/" || u.pathname === "") && !u.search && !u.hash;
    }, "has a path; `origin` is the scheme and host only (`https://example.org`), and the path goes in `base` (`base: /wiki/`)")
    .optional(),
  base: z.string().regex(/^\/(?:[A-Za-z0-9._~-]+\/?)*$/, "is not a path; write it as `/` or `/wiki/`").optional(),
  language: z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "is not a language tag; write one such as `en`, `fr` or `de-CH`").optional(),
  repository: httpUrl("the repository's web address, e.g. `https://github.com/owner/wiki`").optional(),
  branch: text.optional(),
  home: text.optional(),
  footer: text.optional(),
  author: text.optional(),
  datasets: z.strictObject(Object.fromEntries(DATASET_IDS.map((id) => [id, text.optional()])) as Record<DatasetId, z.ZodOptional<typeof text>>).optional(),
});

/** What each setting is for, in the hint of a message about it. */
const HINTS: Record<string, string> = {
  notes: "`typed`: every note has a type and follows its schema; `obsidian`: notes are read as Obsidian reads them",
  rawHtml: "`refuse`: unsafe raw HTML is an error; `sanitize`: it is removed from the page with a warning",
  title: "the site's name, as plain text (`title: My notes`)",
  description: "a sentence or two on what the site is, as plain text",
  origin: "the scheme and host the site is published at (`origin: https://example.org`); leave it out for relative links",
  base: "the path the site is served under, starting and ending with `/` (`base: /wiki/`)",
  language: "a BCP 47 language tag (`language: en`)",
  repository: "the web address of the repository the notes are edited in (`repository: https://github.com/owner/wiki`)",
  branch: "the branch edits are proposed against (`branch: main`)",
  home: "the note the home page leads with, as a wikilink names it (`home: Start here`)",
  footer: "a line of plain text for every page's footer",
  author: "who the site is by, as plain text",
  datasets: `each imported dataset's source note, by the dataset's id (\`datasets: { osai: <the source note's slug> }\`); the datasets are ${DATASET_IDS.join(", ")}`,
};

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
  /** The site's identity as the file gives it (valid settings only). */
  site: SiteSettings;
  /** Where each setting's value is in the file. */
  positions: Record<string, SettingPosition>;
  /** The file's path when the vault has one. */
  file?: string;
  problems: ConfigProblem[];
}

const KEYS = Object.keys(schema.shape);
const SITE_KEYS = KEYS.filter((k) => k !== "notes" && k !== "rawHtml") as (keyof SiteSettings)[];

/** Reads `text` as an `atlas.yml`; a file with problems gives the settings of the fields that are valid. */
export function parseConfig(text: string): { config: VaultConfig; site: SiteSettings; positions: Record<string, SettingPosition>; problems: ConfigProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number) => {
    const p = counter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problems: ConfigProblem[] = doc.errors.map((e) => ({ ...pos(e.pos[0]), message: `invalid YAML: ${e.message.split("\n")[0]}`, hint: "write one `key: value` per line" }));
  if (problems.length) return { config: completeConfig({}), site: {}, positions: {}, problems };
  const data = doc.toJS() ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    return { config: completeConfig({}), site: {}, positions: {}, problems: [{ line: 1, column: 1, message: `${CONFIG_FILE} is not a set of \`key: value\` settings`, hint: `write for example \`notes: typed\`; the settings are ${KEYS.join(", ")}` }] };
  }
  const items = (doc.contents as null | { items?: { key: { value?: unknown; range?: [number, number, number] }; value?: { range?: [number, number, number] } }[] })?.items ?? [];
  const keyAt = (k: PropertyKey) => {
    const pair = items.find((p) => p.key?.value === k);
    return pair?.key.range ? pos(pair.key.range[0]) : { line: 1, column: 1 };
  };
  const positions: Record<string, SettingPosition> = {};
  for (const p of items) {
    const range = p.value?.range ?? p.key?.range;
    if (typeof p.key?.value === "string" && range) positions[p.key.value] = pos(range[0]);
  }
  const result = schema.safeParse(data);
  const valid: Record<string, unknown> = { ...data };
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys" && issue.path.length) {
        const key = String(issue.path[0]);
        for (const k of issue.keys) problems.push({ ...(positions[key] ?? keyAt(key)), message: `\`${key}\` has \`${k}\`, which is not one of its keys`, hint: HINTS[key] ?? "" });
        delete valid[key];
        continue;
      }
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) {
          problems.push({ ...keyAt(k), message: `unknown setting \`${k}\``, hint: `the settings are ${KEYS.join(", ")}` });
          delete valid[k];
        }
        continue;
      }
      const key = String(issue.path[0]);
      if (!(key in valid)) continue; // one message per setting
      const shown = JSON.stringify(valid[key]);
      const message =
        issue.code === "invalid_value" && (key === "notes" || key === "rawHtml")
          ? `\`${key}\` is ${shown}, which is not one of ${(key === "notes" ? NOTE_MODES : RAW_HTML_POLICIES).map((a) => `\`${a}\``).join(", ")}`
          : valid[key] === null
            ? `\`${key}\` is empty`
            : issue.code === "invalid_type"
            ? `\`${key}\` is ${shown}, which is not ${issue.expected === "string" ? "text" : `a ${issue.expected}`}`
            : `\`${key}\` is ${shown}, which ${issue.message}`;
      problems.push({ ...(positions[key] ?? keyAt(key)), message, hint: HINTS[key] ?? `the settings are ${KEYS.join(", ")}` });
      delete valid[key];
    }
  }
  const parsed = (result.success ? result.data : schema.partial().safeParse(valid).data ?? {}) as Record<string, unknown>;
  const site: SiteSettings = {};
  for (const k of SITE_KEYS) if (parsed[k] !== undefined) (site as Record<string, unknown>)[k] = parsed[k];
  if (site.origin) site.origin = new URL(site.origin).origin;
  if (site.base) site.base = site.base.endsWith("/") ? site.base : `${site.base}/`;
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { config: completeConfig(parsed as Partial<VaultConfig>), site, positions, problems };
}

/** The settings of the vault in `dir`: its `atlas.yml`, or an Obsidian vault's when it has none. */
export async function loadConfig(dir: string): Promise<LoadedConfig> {
  const file = join(dir, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { config: { ...OBSIDIAN_DEFAULTS }, site: {}, positions: {}, problems: [] };
    return { config: { ...OBSIDIAN_DEFAULTS }, site: {}, positions: {}, file, problems: [{ line: 1, column: 1, message: `${CONFIG_FILE} could not be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, hint: "check its permissions" }] };
  }
  return { file, ...parseConfig(text) };
}

/** The site's identity with every default filled in from the vault (its folder's name), for the pages. */
export interface SiteIdentity {
  title: string;
  description?: string;
  origin?: string;
  base: string;
  language: string;
  repository?: { url: string; branch: string };
  home?: string;
  footer?: string;
  author: string;
}

/** The identity a vault's pages speak with: its `atlas.yml`'s settings, else defaults taken from the vault's folder. */
export function siteIdentity(site: SiteSettings, vaultDir: string): SiteIdentity {
  const title = site.title ?? (basename(resolve(vaultDir)) || "Notes");
  const repository = site.repository ? { url: site.repository.replace(/\/+$/, "").replace(/\.git$/, ""), branch: site.branch ?? "main" } : undefined;
  return {
    title,
    description: site.description,
    origin: site.origin,
    base: site.base ?? "/",
    language: site.language ?? "en",
    repository,
    home: site.home,
    footer: site.footer,
    author: site.author ?? `${title} contributors`,
  };
}
