/**
 * Moving the built site and the search index into place (src/lib/rename-or-copy.ts): a rename on one file system, a
 * copy then removal across two (from /dev/shm, a tmpfs, where there is one), other errors thrown.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renameOrCopy } from "../../src/lib/rename-or-copy.ts";
import { tempDir } from "../helpers/temp.ts";

const PREFIX = "atlas-rename-or-copy-";

/** A small site: a page and a nested file. */
function site(parent: string): string {
  const dir = join(parent, "built");
  mkdirSync(join(dir, "pagefind"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<h1>home</h1>");
  writeFileSync(join(dir, "pagefind", "pagefind.js"), "// index");
  return dir;
}

const otherFileSystem = existsSync("/dev/shm") && statSync("/dev/shm").dev !== statSync(tmpdir()).dev;

describe("renameOrCopy", () => {
  it("renames on one file system (the same inode: nothing copied)", async () => {
    const root = tempDir(PREFIX);
    const from = site(root);
    const inode = statSync(join(from, "index.html")).ino;
    await renameOrCopy(from, join(root, "dist"));
    expect(existsSync(from)).toBe(false);
    expect(statSync(join(root, "dist", "index.html")).ino).toBe(inode);
    expect(readFileSync(join(root, "dist", "pagefind", "pagefind.js"), "utf8")).toBe("// index");
  });

  it.runIf(otherFileSystem)("copies then removes across file systems, where rename fails with EXDEV", async () => {
    const from = site(tempDir(PREFIX, "/dev/shm"));
    const to = join(tempDir(PREFIX), "dist");
    await renameOrCopy(from, to);
    expect(existsSync(from)).toBe(false);
    expect(readFileSync(join(to, "index.html"), "utf8")).toBe("<h1>home</h1>");
    expect(readFileSync(join(to, "pagefind", "pagefind.js"), "utf8")).toBe("// index");
  });

  it("throws any other error of rename, and copies nothing", async () => {
    const root = tempDir(PREFIX);
    await expect(renameOrCopy(join(root, "missing"), join(root, "dist"))).rejects.toMatchObject({ code: "ENOENT" });
    expect(existsSync(join(root, "dist"))).toBe(false);
  });
});
