/**
 * The environment variables Atlas reads, read here and nowhere else, and checked once: every command (scripts/) and
 * `astro.config.mjs` take their settings from `readEnv`, so `npm run check`, `npm run build` and `npx astro build`
 * can never read one variable two ways. A bad value is a problem in prose, naming the variable and what it takes.
 */
import { RAW_HTML_POLICIES, type RawHtmlPolicy } from "./config.ts";

export interface AtlasEnv {
  /** `CONTENT_DIR`: the vault, relative to the project (default `content`). */
  contentDir: string;
  /** `ATLAS_RAW_HTML`: overrides the vault's `rawHtml` setting. */
  rawHtml?: RawHtmlPolicy;
  /** `ATLAS_ALLOW_ERRORS=1`: render a vault that has errors (the tests look at hostile notes this way). */
  allowErrors: boolean;
  /** `ATLAS_SEARCH_SHARD_NOTES`: notes per search-index shard. */
  searchShardNotes?: number;
  /** `OUT_DIR`: where `npm run build` puts the site (default `dist/`). */
  outDir?: string;
  /** `ATLAS_VERBOSE=1` (or `--verbose`): Astro's own per-route lines in the build log. */
  verbose: boolean;
}

/** The variables as settings, and a sentence for each one whose value is not allowed (that one is then left unset). */
export function readEnv(env: NodeJS.ProcessEnv = process.env): { options: AtlasEnv; problems: string[] } {
  const problems: string[] = [];
  const options: AtlasEnv = { contentDir: env.CONTENT_DIR || "content", allowErrors: false, verbose: false };
  const raw = env.ATLAS_RAW_HTML;
  if (raw) {
    if ((RAW_HTML_POLICIES as readonly string[]).includes(raw)) options.rawHtml = raw as RawHtmlPolicy;
    else problems.push(`ATLAS_RAW_HTML is one of ${RAW_HTML_POLICIES.join(", ")}, not \`${raw}\``);
  }
  const flag = (name: string): boolean => {
    const v = env[name];
    if (!v || v === "0") return false;
    if (v === "1") return true;
    problems.push(`${name} is 1 (on) or 0 (off), not \`${v}\``);
    return false;
  };
  options.allowErrors = flag("ATLAS_ALLOW_ERRORS");
  options.verbose = flag("ATLAS_VERBOSE");
  const shard = env.ATLAS_SEARCH_SHARD_NOTES;
  if (shard) {
    const n = Number(shard);
    if (Number.isInteger(n) && n > 0) options.searchShardNotes = n;
    else problems.push(`ATLAS_SEARCH_SHARD_NOTES is a whole number of notes above 0, not \`${shard}\``);
  }
  if (env.OUT_DIR) options.outDir = env.OUT_DIR;
  return { options, problems };
}

/**
 * The `atlas()` integration's options from the environment, for astro.config.mjs: a bad value stops Astro with the
 * same sentence the commands print.
 */
export function integrationOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<AtlasEnv, "contentDir" | "rawHtml" | "allowErrors" | "searchShardNotes"> {
  const { options, problems } = readEnv(env);
  if (problems.length) throw new Error(`atlas: ${problems.join("; ")}`);
  const { contentDir, rawHtml, allowErrors, searchShardNotes } = options;
  return { contentDir, rawHtml, allowErrors, searchShardNotes };
}
