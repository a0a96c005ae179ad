/**
 * What an Obsidian vault's own settings (`.obsidian/app.json`, written by the app's Settings → Files and links) say
 * about reading it, so that the site shows the vault as its owner sees it:
 *
 * - `userIgnoreFilters` ("Excluded files"): paths that start with one of them, or match one written as `/regex/`, are
 *   not published; a link to such a file is shown as text, and is no broken link (the file is there, only private);
 * - `attachmentFolderPath` ("Default location for new attachments": `/` the vault's root, `./` the note's folder,
 *   `./name` a folder under it, or a folder path): among same-named files, a link prefers the one there, after one
 *   in the linking note's own folder, as the app does;
 * - `newLinkFormat` (`shortest`, `relative`, `absolute`): with `relative`, `[[sub/Note]]` is first read from the
 *   linking note's folder (the app writes relative links without `./`); with `absolute`, from the vault's root (our
 *   default for a path); `shortest` names files by their shortest unique path (the default).
 *
 * A file that is not valid JSON, or a setting of the wrong shape, is an `obsidian-settings` warning at its place in
 * the file, and that setting keeps the app's default.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseJson, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { ConfigProblem } from "./config.ts";

export const OBSIDIAN_APP_FILE = ".obsidian/app.json";

export type LinkFormat = "shortest" | "relative" | "absolute";

export interface ObsidianApp {
  /** Whether a path in the vault (`Folder/Note.md`) is among the excluded files. */
  excluded(path: string): boolean;
  /** The filters as written (for messages). */
  filters: string[];
  /** The attachment folder as written (`/`, `./`, `./assets`, `Attachments`); undefined: the vault's root. */
  attachmentFolder?: string;
  linkFormat: LinkFormat;
  /**
   * Each property's type as the app's Properties view set it (`.obsidian/types.json`: `multitext`, `number`, `date`,
   * `checkbox`, `tags`, `aliases` …). A base reads a `multitext` property written as one value as a list of one, as
   * the app does.
   */
  propertyTypes: Record<string, string>;
}

export const OBSIDIAN_TYPES_FILE = ".obsidian/types.json";

export const DEFAULT_OBSIDIAN_APP: ObsidianApp = { excluded: () => false, filters: [], linkFormat: "shortest", propertyTypes: {} };

/** The property types the app keeps as lists. */
export const LIST_PROPERTY_TYPES = new Set(["multitext", "tags", "aliases"]);

/**
 * Reads `.obsidian/app.json` and `.obsidian/types.json` under `dir`; a vault without them gets the app's defaults and
 * no problems. A problem in types.json is named with its file.
 */
export async function readObsidianApp(dir: string): Promise<{ app: ObsidianApp; problems: (ConfigProblem & { file?: string })[] }> {
  const read = (file: string) => readFile(join(dir, file), "utf8").catch(() => undefined);
  const [appText, typesText] = await Promise.all([read(OBSIDIAN_APP_FILE), read(OBSIDIAN_TYPES_FILE)]);
  const { app, problems } = appText === undefined ? { app: { ...DEFAULT_OBSIDIAN_APP }, problems: [] } : parseObsidianApp(appText);
  if (typesText === undefined) return { app, problems };
  const types = parseObsidianTypes(typesText);
  return { app: { ...app, propertyTypes: types.types }, problems: [...problems, ...types.problems.map((p) => ({ ...p, file: OBSIDIAN_TYPES_FILE }))] };
}

/** `.obsidian/types.json`: `{ "types": { "property": "type", … } }`. */
export function parseObsidianTypes(text: string): { types: Record<string, string>; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const data = parseJson(text, errors, { allowTrailingComma: false, disallowComments: true }) as { types?: unknown } | undefined;
  if (errors.length) return { types: {}, problems: [{ ...lineColumn(text, errors[0].offset), message: `\`${OBSIDIAN_TYPES_FILE}\` is not valid JSON (${readableJsonError(printParseErrorCode(errors[0].error))})`, hint: "fix it, or open the vault in Obsidian and change a property's type so the app writes the file again; until then properties are read as written" }] };
  const types = data && typeof data === "object" && data.types && typeof data.types === "object" && !Array.isArray(data.types) ? (data.types as Record<string, unknown>) : undefined;
  if (!types) return { types: {}, problems: [{ line: 1, column: 1, message: `\`${OBSIDIAN_TYPES_FILE}\` has no \`types\` map of properties to their types`, hint: "Obsidian writes `{ \"types\": { \"property\": \"text\" } }` here; properties are read as written meanwhile" }] };
  return { types: Object.fromEntries(Object.entries(types).filter((e): e is [string, string] => typeof e[1] === "string")), problems: [] };
}

/** The settings from the file's text (pure; tested on its own). */
export function parseObsidianApp(text: string): { app: ObsidianApp; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  // jsonc-parser (Microsoft's, VS Code's) reports where a syntax error is; JSON.parse's messages often do not.
  const errors: ParseError[] = [];
  const data: unknown = parseJson(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length) {
    const first = errors[0];
    problems.push({ ...lineColumn(text, first.offset), message: `\`${OBSIDIAN_APP_FILE}\` is not valid JSON (${readableJsonError(printParseErrorCode(first.error))})`, hint: "fix it in a text editor, or open the vault in Obsidian and change any setting so the app writes the file again; until then the vault is read with Obsidian's default settings" });
    return { app: DEFAULT_OBSIDIAN_APP, problems };
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    problems.push({ line: 1, column: 1, message: `\`${OBSIDIAN_APP_FILE}\` is not a JSON object of settings`, hint: "Obsidian writes `{ \"setting\": value, … }` here; the vault is read with the default settings" });
    return { app: DEFAULT_OBSIDIAN_APP, problems };
  }
  const settings = data as Record<string, unknown>;
  const where = (key: string) => lineColumn(text, Math.max(0, text.indexOf(`"${key}"`)));
  const app: ObsidianApp = { ...DEFAULT_OBSIDIAN_APP, propertyTypes: {} };

  const filters = settings.userIgnoreFilters;
  if (filters !== undefined && filters !== null) {
    if (!Array.isArray(filters) || filters.some((f) => typeof f !== "string")) {
      problems.push({ ...where("userIgnoreFilters"), message: "`userIgnoreFilters` (Excluded files) is not a list of paths", hint: "write a list of paths or `/regular expressions/`; no file is excluded meanwhile" });
    } else {
      const tests: ((path: string) => boolean)[] = [];
      for (const f of (filters as string[]).map((s) => s.trim()).filter(Boolean)) {
        const regex = /^\/(.+)\/([a-z]*)$/.exec(f);
        if (!regex) {
          tests.push((path) => path.startsWith(f));
          continue;
        }
        try {
          const re = new RegExp(regex[1], regex[2]);
          tests.push((path) => re.test(path));
        } catch (e) {
          problems.push({ ...where("userIgnoreFilters"), message: `the excluded-files filter \`${f}\` is not a valid regular expression (${(e as Error).message})`, hint: "fix the expression in Settings → Files and links → Excluded files; it excludes nothing meanwhile" });
        }
      }
      app.filters = filters as string[];
      if (tests.length) app.excluded = (path) => tests.some((t) => t(path));
    }
  }

  const folder = settings.attachmentFolderPath;
  if (folder !== undefined && folder !== null) {
    if (typeof folder !== "string") problems.push({ ...where("attachmentFolderPath"), message: "`attachmentFolderPath` is not a folder path", hint: "write `/`, `./`, `./name` or a folder's path; the vault's root is used meanwhile" });
    else if (folder.trim()) app.attachmentFolder = folder.trim();
  }

  const format = settings.newLinkFormat;
  if (format !== undefined && format !== null) {
    if (format === "shortest" || format === "relative" || format === "absolute") app.linkFormat = format;
    else problems.push({ ...where("newLinkFormat"), message: `\`newLinkFormat\` is ${JSON.stringify(format)}, not one of "shortest", "relative", "absolute"`, hint: "choose one in Settings → Files and links → New link format; links are read as `shortest` meanwhile" });
  }
  return { app, problems };
}

/**
 * The folder (vault path, no slashes around) where the app puts a note's attachments: `from` is the linking note's
 * path. `/` or nothing is the root (""); `./` the note's folder; `./x` a folder under it.
 */
export function attachmentFolderFor(app: Pick<ObsidianApp, "attachmentFolder">, from: string): string {
  const f = app.attachmentFolder;
  if (!f || f === "/") return "";
  const noteDir = from.includes("/") ? from.slice(0, from.lastIndexOf("/")) : "";
  if (f === "." || f === "./") return noteDir;
  if (f.startsWith("./")) return [noteDir, f.slice(2)].filter(Boolean).join("/").replace(/\/+$/, "");
  return f.replace(/^\/+|\/+$/g, "");
}

/** `ValueExpected` → "value expected". */
function readableJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
