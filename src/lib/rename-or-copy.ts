/**
 * Moving a file or folder where `rename` cannot: across file systems (`EXDEV`: a build whose output or scratch folder
 * is on another disk or a tmpfs) it is copied, then the original removed. For the build's swap into `dist/`
 * (scripts/build.ts) and the search index's move into the site (integration/pagefind.ts). And writing a file whole or
 * not at all (`writeWhole`: the caches' files), and reading one that may not be there (`readIfThere`).
 */
import { copyFile, cp, link, mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Renames `from` to `to`, atomically when both are on one file system; across two, copies then removes `from`. A copy
 * that fails is removed, so `to` is never left half written by it. Any other error of `rename` is thrown as it is.
 */
export async function renameOrCopy(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
    try {
      await cp(from, to, { recursive: true });
    } catch (copyErr) {
      await rm(to, { recursive: true, force: true }).catch(() => {});
      throw copyErr;
    }
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * A hard link from `from` to `to` where the file system allows one, else a copy (the incremental build's caches:
 * src/lib/page-cache.ts, integration/pagefind.ts). Nothing writes such a file in place: a file that changes is
 * removed and made again, so the cache and the site that share it never see each other's edits.
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await link(from, to).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== "EXDEV" && err.code !== "EPERM" && err.code !== "EMLINK") throw err;
    await copyFile(from, to);
  });
}

/** Writes a file whole or not at all (beside, then renamed); lines are written in slices, never as one huge string. */
export async function writeWhole(path: string, data: string | string[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  if (typeof data === "string") await writeFile(tmp, data);
  else {
    const file = await open(tmp, "w");
    try {
      for (let i = 0; i < data.length; i += 2000) await file.write(data.slice(i, i + 2000).join(""));
    } finally {
      await file.close();
    }
  }
  await rename(tmp, path);
}

/** A file's bytes, or undefined when it cannot be read (not there, a folder): a cache's file that was never written. */
export function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
