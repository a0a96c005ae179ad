/**
 * What the contributor commands ask of git: the repository a vault is in, the base a branch started from, which
 * notes changed since then, a copy of the vault as it was at a commit, and when each file was last committed.
 * Each is one `git` process (the dates too: one `git log` for the whole vault, not one per page).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";

export class GitError extends Error {}

function git(cwd: string, args: string[], input?: Buffer): string {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, input });
  if (r.error) throw new GitError(`git could not be run (${r.error.message}): install git`);
  if (r.status !== 0) throw new GitError(`git ${args.join(" ")}: ${r.stderr.trim() || `exit ${r.status}`}`);
  return r.stdout;
}

/** The repository holding `dir` and `dir`'s path inside it (`content`, or `` for the root), or null outside git. */
export function repositoryOf(dir: string): { root: string; sub: string } | null {
  const r = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) return null;
  const root = r.stdout.trim();
  return { root, sub: relative(root, resolve(dir)).split(sep).join("/") };
}

/**
 * The commit a branch is compared with: where it left `ref` (or `origin/<ref>` when only the remote has it), or (no
 * ref given) where it left the first of `origin/HEAD`, `origin/main`, `main`, `origin/master`, `master` that exists.
 */
export function baseCommit(root: string, ref?: string): { ref: string; commit: string } {
  // A branch named as a clone has it: `main` may exist only as `origin/main`.
  const candidates = ref ? [ref, ...(ref.includes("/") ? [] : [`origin/${ref}`])] : ["origin/HEAD", "origin/main", "main", "origin/master", "master"];
  for (const c of candidates) {
    const r = spawnSync("git", ["rev-parse", "--verify", "--quiet", `${c}^{commit}`], { cwd: root, encoding: "utf8" });
    if (r.status !== 0) continue;
    const mb = spawnSync("git", ["merge-base", r.stdout.trim(), "HEAD"], { cwd: root, encoding: "utf8" });
    return { ref: c, commit: mb.status === 0 ? mb.stdout.trim() : r.stdout.trim() };
  }
  throw new GitError(ref ? `\`${ref}\` is not a commit, branch or tag in ${root}` : `none of ${candidates.join(", ")} exists in ${root}`);
}

export interface ChangedPath {
  status: "added" | "modified" | "deleted" | "renamed";
  /** Path relative to `sub` (the vault), with `/`. */
  path: string;
  /** A renamed file's path at the base. */
  from?: string;
}

/**
 * Files under `sub` that differ between `base` and the working tree (committed, staged or not, and untracked files),
 * as paths relative to `sub`. Renames are found as git finds them (similar content).
 */
export function changedPaths(root: string, base: string, sub: string): ChangedPath[] {
  const spec = sub ? [sub] : ["."];
  const strip = (p: string) => (sub ? p.slice(sub.length + 1) : p);
  const out: ChangedPath[] = [];
  const fields = git(root, ["diff", "--name-status", "-z", "--find-renames", base, "--", ...spec]).split("\0").filter(Boolean);
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++];
    if (code.startsWith("R")) {
      const from = fields[i++];
      out.push({ status: "renamed", from: strip(from), path: strip(fields[i++]) });
    } else {
      const status = code.startsWith("A") ? "added" : code.startsWith("D") ? "deleted" : "modified";
      out.push({ status, path: strip(fields[i++]) });
    }
  }
  for (const p of git(root, ["ls-files", "--others", "--exclude-standard", "-z", "--", ...spec]).split("\0").filter(Boolean)) {
    out.push({ status: "added", path: strip(p) });
  }
  return out;
}

/** Writes `sub` as it was at `commit` into a new temporary folder (`git archive`, no worktree); returns that folder. */
export function exportTree(root: string, commit: string, sub: string): string {
  const dest = mkdtempSync(join(tmpdir(), "atlas-base-"));
  const tar = execFileSync("git", ["archive", "--format=tar", commit, "--", sub || "."], { cwd: root, maxBuffer: 1024 * 1024 * 1024 });
  mkdirSync(dest, { recursive: true });
  const r = spawnSync("tar", ["-x", "-f", "-", "-C", dest], { input: tar });
  if (r.status !== 0) throw new GitError(`tar could not unpack ${commit}:${sub}: ${r.stderr?.toString().trim()}`);
  return sub ? join(dest, sub) : dest;
}

/** The short name of a commit, for messages. */
export function shortCommit(root: string, commit: string): string {
  return git(root, ["rev-parse", "--short", commit]).trim();
}

/**
 * When each file under `sub` was last committed (ISO date-time), by path relative to `sub`: one `git log` over the
 * whole history, newest first, so the first date seen for a path is its last change. Files that were renamed keep the
 * date of the rename. Returns an empty map outside a repository or in a shallow clone's missing history.
 */
export function lastCommitDates(dir: string): Map<string, string> {
  return new Map([...commitDates(dir)].map(([path, d]) => [path, d.last]));
}

/**
 * Each file's first and last commit date under `dir` (paths relative to it), from one `git log` walk (newest first:
 * the first date seen is the last commit, the last seen the first). Empty outside a repository.
 */
export function commitDates(dir: string): Map<string, { first: string; last: string }> {
  const repo = repositoryOf(dir);
  const dates = new Map<string, { first: string; last: string }>();
  if (!repo) return dates;
  let out: string;
  try {
    out = git(repo.root, ["log", "--format=%x00%cI", "--name-only", "--no-renames", "-z", "--", repo.sub || "."]);
  } catch {
    return dates;
  }
  // With -z: NUL, date, newline, then NUL-separated names; each commit starts with the NUL of the format.
  let date = "";
  for (const field of out.split("\0")) {
    const f = field.replace(/^\n/, "");
    if (!f) continue;
    if (/^\d{4}-\d\d-\d\dT/.test(f)) {
      const [d, name] = f.split("\n");
      date = d;
      if (name) record(name);
    } else record(f);
  }
  function record(name: string) {
    const rel = repo!.sub ? (name.startsWith(`${repo!.sub}/`) ? name.slice(repo!.sub.length + 1) : null) : name;
    if (!rel) return;
    const seen = dates.get(rel);
    if (seen) seen.first = date;
    else dates.set(rel, { first: date, last: date });
  }
  return dates;
}
