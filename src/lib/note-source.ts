/**
 * Where a note's page came from, for its footer: "Edit this page" and "History" (the file in the repository, from
 * the vault's `repository` setting in atlas.yml) and "last updated" (the file's last commit, from one `git log` per
 * build, see git.ts; else the note's frontmatter `updated`; else the file's modification time). The dates come in as
 * a map and a function that reads a file's time.
 */

/** The repository the site is edited in: `repository` and `branch` in the vault's atlas.yml. */
export interface RepositoryConfig {
  /** The repository's web address, e.g. `https://github.com/owner/atlas`. */
  url: string;
  /** The branch edits are proposed against. Default `main`. */
  branch?: string;
}

export interface NoteSource {
  /** The note's file, from the repository's root (`content/models/x.md`). */
  file: string;
  edit?: string;
  history?: string;
  /** The day shown; `at`, the commit's full time when it comes from git. */
  updated?: { date: string; from: "git" | "frontmatter" | "file"; at?: string };
}

export class NoteSources {
  readonly #repository?: Required<RepositoryConfig>;
  readonly #prefix: string;
  readonly #dates: ReadonlyMap<string, string>;
  readonly #fileDate?: (path: string) => string | undefined;

  /**
   * `prefix`: the vault folder's path from the repository root (`content`); `dates`: each note file's last commit
   * (ISO), by its path in the vault.
   */
  constructor(options: { repository?: Required<RepositoryConfig>; prefix: string; dates: ReadonlyMap<string, string>; fileDate?: (path: string) => string | undefined }) {
    this.#repository = options.repository;
    this.#fileDate = options.fileDate;
    this.#prefix = options.prefix.replace(/^\/+|\/+$/g, "");
    this.#dates = options.dates;
  }

  /** The links and date for the note at `path` (relative to the vault) whose frontmatter says `updated`. */
  forNote(path: string, updated?: string): NoteSource {
    const file = this.#prefix ? `${this.#prefix}/${path}` : path;
    const out: NoteSource = { file };
    if (this.#repository) {
      const { url, branch } = this.#repository;
      const tail = `${encodeURIComponent(branch)}/${file.split("/").map(encodeURIComponent).join("/")}`;
      out.edit = `${url}/edit/${tail}`;
      out.history = `${url}/commits/${tail}`;
    }
    const committed = this.#dates.get(path);
    if (committed) out.updated = { date: committed.slice(0, 10), from: "git", at: committed };
    else if (updated) out.updated = { date: updated, from: "frontmatter" };
    else {
      const at = this.#fileDate?.(path);
      if (at) out.updated = { date: at.slice(0, 10), from: "file", at };
    }
    return out;
  }
}

/** `2026-01-02` → `2 January 2026` (`2026-01` → `January 2026`, `2026` as is), the way the site writes dates. */
export function readableDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  if (!m) return String(y);
  const month = MONTHS.format(new Date(Date.UTC(y, m - 1, 1)));
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}

// One formatter for every date: `toLocaleString` with options makes a new one per call, 2.4 s of a 10,000-note build.
const MONTHS = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });
