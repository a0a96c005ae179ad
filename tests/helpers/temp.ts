/**
 * Temporary folders for tests, removed when their test file is done: `tempDir(prefix)` makes one (under the system's
 * temporary folder unless given another parent) and keeps its name; tests/helpers/remove-temp-dirs.ts, a Vitest
 * setup file, removes every folder made in a test file after that file's own `afterAll` hooks (servers stopped).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
