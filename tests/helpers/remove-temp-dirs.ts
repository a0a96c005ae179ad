/**
 * Vitest setup file (vitest.config.ts `setupFiles`): it runs before each test file, so this hook is that file's first
 * `afterAll`, and hooks run in reverse order: it removes the file's temporary folders (tests/helpers/temp.ts) last,
 * after the file's own hooks have stopped the servers and processes that used them.
 */
import { afterAll } from "vitest";
import { removeTempDirs } from "./temp.ts";

afterAll(removeTempDirs);
