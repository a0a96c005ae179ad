/**
 * Moving a file or folder where `rename` cannot: across file systems (`EXDEV`: a build whose output or scratch folder
 * is on another disk or a tmpfs) it is copied, then the original removed. For the build's swap into `dist/`
 * (scripts/build.ts) and the search index's move into the site (integration/pagefind.ts).
 */
import { copyFile, cp, link, rename, rm } from "node:fs/promises";

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
