/** Temporary git repositories with real commits, for the commands that compare a branch with its base. */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "./temp.ts";

const ENV = { GIT_AUTHOR_NAME: "Ada Tester", GIT_AUTHOR_EMAIL: "ada@example.org", GIT_COMMITTER_NAME: "Ada Tester", GIT_COMMITTER_EMAIL: "ada@example.org" };

export function git(repo: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, ...ENV } });
}

/**
 * A repository with `files` (paths → text; `null` deletes) committed on `main`; returns its folder. A vault in its
 * `content/` is a typed one (its `atlas.yml` says so, as the project's own does) unless `files` give another. The
 * folder is removed after the test file (temp.ts).
 */
export function gitRepo(files: Record<string, string>): string {
  const repo = tempDir("atlas-repo-");
  git(repo, "init", "-q", "-b", "main");
  const typed: Record<string, string> = Object.keys(files).some((p) => p.startsWith("content/")) ? { "content/atlas.yml": "notes: typed\n" } : {};
  write(repo, { ...typed, ...files });
  commit(repo, "base");
  return repo;
}

export function write(repo: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    const file = join(repo, path);
    if (text === null) rmSync(file);
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
}

/** Commits everything in the working tree, with the given date (ISO) when one is given. */
export function commit(repo: string, message: string, date?: string): void {
  git(repo, "add", "-A");
  execFileSync("git", ["commit", "-q", "-m", message], { cwd: repo, env: { ...process.env, ...ENV, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) } });
}

/** A note's text. */
export function note(type: string, title: string, body: string, extra = ""): string {
  return `---\ntitle: ${title}\ntype: ${type}\nsummary: ${title}, for a test.\n${extra}---\n${body}\n`;
}
