/**
 * The parse cache: parsed notes (parse-note.ts) on disk, keyed by a hash of the engine version and the file's text,
 * so a warm check or build of an unchanged vault parses nothing and a changed file is parsed again whatever its
 * timestamp says. The engine version is a hash of the parsing code itself and the lock file: changing either
 * invalidates every entry, with no version number to forget to bump.
 *
 * Two shapes on disk. A whole load of a vault keeps its entries in one pack file per vault (`<scope>.pack`: a line
 * per note, `key<TAB>json`), read in one go and rewritten only when something changed; ten thousand small files
 * cost more to open than to parse. Single notes saved in the dev server go to loose files (`ab/abcd….json`), which
 * the next whole load folds into the pack.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { mapInBatches } from "./batches.ts";
import { writeWhole } from "./rename-or-copy.ts";
import type { ParsedNote } from "./parse-note.ts";

const LIB = import.meta.dirname;

/** Hash of every module under src/lib and the lock file (what decides how a note parses). */
export function engineVersion(root = resolve(LIB, "../..")): string {
  const h = createHash("sha256");
  const files = readdirSync(LIB, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const f of files) h.update(f.slice(LIB.length)).update(readFileSync(f));
  const lock = join(root, "package-lock.json");
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest("hex").slice(0, 16);
}

/** A cached note: the parsed data, and its JSON as stored (so that rewriting a pack does not serialize it again). */
export interface CacheEntry {
  parsed: ParsedNote;
  json: string;
}

export class ParseCache {
  readonly dir: string;
  readonly engine: string;

  constructor(dir: string, engine = engineVersion()) {
    this.dir = dir;
    this.engine = engine;
  }

  /** `variant` names how the text is parsed (an Obsidian vault's notes: "obsidian"), when not as a typed note. */
  key(text: string, variant = ""): string {
    const h = createHash("sha256").update(this.engine).update("\0");
    if (variant) h.update(variant).update("\0");
    return h.update(text).digest("hex").slice(0, 32);
  }

  #loose(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  #pack(scope: string): string {
    return join(this.dir, `${createHash("sha256").update(resolve(scope)).digest("hex").slice(0, 16)}.pack`);
  }

  /** Whether a whole load of `scope` has left a pack: without one, a load of it is expected to parse cold. */
  hasPack(scope: string): boolean {
    return existsSync(this.#pack(scope));
  }

  /**
   * Looks up many keys at once: in the pack `scope` (a vault's folder) last saved, then in loose files. A miss, or an
   * entry that does not parse, is undefined. `packExact`: the pack holds exactly these keys (it needs no rewrite when
   * nothing was missing); `loose`: the keys found in loose files.
   */
  async getMany(keys: readonly string[], scope?: string): Promise<{ entries: (CacheEntry | undefined)[]; packExact: boolean; loose: string[] }> {
    const wanted = new Map<string, number[]>();
    keys.forEach((k, i) => wanted.set(k, [...(wanted.get(k) ?? []), i]));
    const entries: (CacheEntry | undefined)[] = new Array(keys.length);
    let fromPack = 0;
    let lines = 0;
    if (scope) {
      const pack = await readFile(this.#pack(scope)).catch(() => undefined);
      // Each line is `key<TAB>json`; only wanted keys are decoded.
      for (let at = 0; pack && at < pack.length; ) {
        const end = pack.indexOf(10, at);
        const stop = end < 0 ? pack.length : end;
        const key = pack.toString("latin1", at, Math.min(at + 32, stop));
        const slots = wanted.get(key);
        lines++;
        if (slots && pack[at + 32] === 9) {
          const entry = decode(pack.toString("utf8", at + 33, stop));
          if (entry) {
            for (const i of slots) entries[i] = entry;
            fromPack += slots.length;
          }
        }
        at = stop + 1;
      }
    }
    // Only keys that have a loose file are read: one listing of the folder, not a failed open per note of a cold load.
    const onDisk = await this.#looseKeys();
    const missing = keys.map((_k, i) => i).filter((i) => !entries[i] && onDisk.has(keys[i]));
    const loose: string[] = [];
    await mapInBatches(missing, 256, async (slot) => {
      const json = await readFile(this.#loose(keys[slot]), "utf8").catch(() => undefined);
      entries[slot] = json === undefined ? undefined : decode(json);
      if (entries[slot]) loose.push(keys[slot]);
    });
    return { entries, packExact: fromPack === keys.length && lines === wanted.size, loose };
  }

  /** The keys that have a loose file. */
  async #looseKeys(): Promise<Set<string>> {
    const names = await readdir(this.dir, { recursive: true }).catch(() => [] as string[]);
    return new Set(names.filter((n) => n.endsWith(".json")).map((n) => basename(n, ".json")));
  }

  /** Writes single entries as loose files, each whole or not at all (written beside, then renamed). */
  async setMany(entries: readonly [key: string, json: string][]): Promise<void> {
    await mapInBatches(entries, 128, ([key, json]) => writeWhole(this.#loose(key), json));
  }

  /**
   * Replaces the pack of `scope` by exactly these entries (a whole vault's), written beside and renamed into place,
   * then removes the loose files it now holds.
   */
  async savePack(scope: string, entries: readonly [key: string, json: string][], folded: readonly string[] = []): Promise<void> {
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const [key, json] of entries) {
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`${key}\t${json}\n`);
    }
    await writeWhole(this.#pack(scope), lines);
    await Promise.all(folded.map((key) => rm(this.#loose(key), { force: true })));
  }
}

function decode(json: string): CacheEntry | undefined {
  try {
    return { parsed: JSON.parse(json) as ParsedNote, json };
  } catch {
    return undefined; // unreadable: parse again
  }
}

/** Where a project keeps its caches (parse, graph layout): `ATLAS_CACHE_DIR`, else `node_modules/.cache/atlas`. */
export function cacheRoot(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.ATLAS_CACHE_DIR ? resolve(env.ATLAS_CACHE_DIR) : join(root, "node_modules/.cache/atlas");
}

/** The parse cache a project uses (none with `ATLAS_CACHE=off`). */
export function projectCache(root: string, env: NodeJS.ProcessEnv = process.env): ParseCache | null {
  if (env.ATLAS_CACHE === "off") return null;
  return new ParseCache(join(cacheRoot(root, env), "parse"));
}
