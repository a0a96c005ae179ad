/**
 * A vault as it was at a commit: its folder exported with `git archive` into a temporary folder (no worktree, nothing
 * in the repository changes), loaded and checked like any vault (through the parse cache, so the notes the branch did
 * not touch are not parsed again), and the copy removed.
 */
import { rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { exportTree } from "./git.ts";
import type { ParseCache } from "./parse-cache.ts";
import type { Vault } from "./types.ts";
import { VaultLoader } from "./vault.ts";

/**
 * The vault in `sub` (relative to the repository `root`) at `commit`, or undefined when the folder did not exist then.
 * Its files' `file` paths are relative to the repository root (`content/models/x.md`).
 */
export async function loadVaultAt(root: string, commit: string, sub: string, cache: ParseCache | null): Promise<Vault | undefined> {
  let dir: string;
  try {
    dir = exportTree(root, commit, sub);
  } catch {
    return undefined; // the folder is not in that commit
  }
  const top = sub ? dir.slice(0, dir.length - sub.length - 1) : dir;
  try {
    if (!existsSync(dir)) return undefined;
    return await new VaultLoader(dir, { cache, cwd: top, packScope: join(root, sub || ".", ".atlas-base") }).load();
  } finally {
    await rm(top, { recursive: true, force: true });
  }
}
