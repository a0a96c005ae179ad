/**
 * A heap limit sized to the vault. V8 lets the heap grow towards its default limit (about 4 GB on these machines)
 * before it collects in earnest, so a build of 50,000 notes held 4 GB, most of it garbage. `npm run build` runs with
 * `--max-old-space-size` set to about twice what a vault of its size keeps alive (measured: about 20 KB per note plus
 * Astro's own), and never below 1 GiB: the first process starts a second with the flag and passes on its exit code.
 * The young generation gets 8 MiB semi-spaces instead of V8's 16. Measured at 10,000 notes (cold builds taking turns,
 * each with its caches empty): peak RSS 931, 959, 978 and 991 MiB with 8; 924, 987, 994, 996 and 1,022 MiB with 16;
 * 1,034, 1,062 and 1,118 MiB with the 32 this used before. It may cost a few per cent of CPU (two pairs against 16:
 * 85 s against 80 s of user time, and 74.9 s against 74.2 s); the memory target is the one near its line.
 *
 * The second process also gets `MIMALLOC_ALLOW_THP=0` (unless set already). Rolldown, which bundles the site's code
 * at the start of the build, allocates with mimalloc, which asks the kernel for transparent huge pages on its 1 GiB
 * arena; the 2 MiB pages it touches stay resident after the bundle is written. Measured at 10,000 notes: that arena
 * held 166 MiB for the rest of the build with huge pages, and 53 MiB without.
 */
import { spawnSync } from "node:child_process";
import { readdir } from "node:fs/promises";
import { resolve } from "node:path";
import { readEnv } from "../../src/lib/env.ts";

/** MiB of heap for a vault of `notes` notes. */
export function heapFor(notes: number): number {
  return Math.round(Math.min(16_384, Math.max(1024, 600 + notes * 0.02)));
}

/**
 * About how many notes the vault (`CONTENT_DIR`) holds: its Markdown files outside hidden folders. Enough to size the
 * heap, and cheap: the engine (which lists notes exactly, src/lib/vault.ts) is not loaded for it. A folder that is
 * not there counts none; the real build says what is wrong with it.
 */
async function countNotes(): Promise<number> {
  const dir = resolve(import.meta.dirname, "../..", readEnv().options.contentDir);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && e.name.endsWith(".md") && !/(^|[\\/])\./.test(e.parentPath.slice(dir.length))).length;
}

/** Re-runs this script with the heap limit for the vault's notes, unless it is already running with it. */
export async function runWithHeapFor(): Promise<void> {
  if (process.env.ATLAS_HEAP_MIB) return;
  const mib = heapFor(await countNotes());
  const r = spawnSync(process.execPath, [`--max-old-space-size=${mib}`, "--max-semi-space-size=8", ...process.execArgv, process.argv[1], ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, ATLAS_HEAP_MIB: String(mib), MIMALLOC_ALLOW_THP: process.env.MIMALLOC_ALLOW_THP ?? "0" },
  });
  process.exit(r.status ?? 1);
}
