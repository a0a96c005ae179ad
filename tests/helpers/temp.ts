/**
 * Temporary folders for tests, removed when their test file is done: `tempDir(prefix)` makes one (under the system's
 * temporary folder unless given another parent) and keeps its name; tests/helpers/remove-temp-dirs.ts, a Vitest
 * setup file, removes every folder made in a test file after that file's own `afterAll` hooks (servers stopped).
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const made = new Set<string>();

/** A new empty folder named `<prefix><random>`, removed after the test file. */
export function tempDir(prefix: string, parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder `tempDir` made so far (retrying while a process that wrote there lets go of it). */
export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  made.clear();
}

/** A copy of the folder `from` (a fixture vault) in a new temporary folder, to change freely. */
export function tempCopy(from: string, prefix: string): string {
  const dir = join(tempDir(prefix), "copy");
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` by its relative path, with a hash of its bytes: equal maps, byte-identical folders. */
export function fileHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}
