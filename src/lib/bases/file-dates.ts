/**
 * `file.ctime`, `file.mtime` and `file.size` for a base: when a file was created and last changed, from git where it
 * has history (its first and its last commit: one `git log` for the whole vault, made on the first question), else
 * the file's own times; its size from the file system. Each answer is read once per build.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { commitDates } from "../git.ts";

export interface FileDates {
  /** ISO date-times, by the file's path in the vault. */
  dates(path: string): { ctime?: string; mtime?: string };
  size(path: string): number | null;
}

const byDir = new Map<string, FileDates>();

/** The dates of a vault's files (one per folder per process: git's history does not change during a build). */
export function fileDates(dir: string): FileDates {
  let d = byDir.get(dir);
  if (!d) byDir.set(dir, (d = new VaultFileDates(dir)));
  return d;
}

class VaultFileDates implements FileDates {
  readonly #dir: string;
  #git?: Map<string, { first: string; last: string }>;
  readonly #stats = new Map<string, { birth?: string; mtime?: string; size: number | null }>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  dates(path: string): { ctime?: string; mtime?: string } {
    const g = this.#history().get(path);
    if (g) return { ctime: g.first, mtime: g.last };
    const s = this.#stat(path);
    return { ctime: s.birth ?? s.mtime, mtime: s.mtime };
  }

  size(path: string): number | null {
    return this.#stat(path).size;
  }

  #stat(path: string) {
    let s = this.#stats.get(path);
    if (!s) {
      try {
        const st = statSync(join(this.#dir, path));
        s = { birth: st.birthtimeMs > 0 ? st.birthtime.toISOString() : undefined, mtime: st.mtime.toISOString(), size: st.size };
      } catch {
        s = { size: null };
      }
      this.#stats.set(path, s);
    }
    return s;
  }

  /** Each file's first and last commit under the vault (newest first in the log: the first date seen is the last). */
  #history(): Map<string, { first: string; last: string }> {
    return (this.#git ??= commitDates(this.#dir));
  }
}
