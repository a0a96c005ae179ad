/**
 * The parse cache: a parsed note (parse-note.ts) on disk, keyed by a hash of the engine version and the file's text,
 * so a warm check or build of an unchanged vault parses nothing and a changed file is parsed again whatever its
 * timestamp says. The engine version is a hash of the parsing code itself and the lock file: changing either
 * invalidates every entry, with no version number to forget to bump.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
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

export class ParseCache {
  readonly dir: string;
  readonly engine: string;

  constructor(dir: string, engine = engineVersion()) {
    this.dir = dir;
    this.engine = engine;
  }

  key(text: string): string {
    return createHash("sha256").update(this.engine).update("\0").update(text).digest("hex").slice(0, 32);
  }

  #path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<ParsedNote | undefined> {
    try {
      return JSON.parse(await readFile(this.#path(key), "utf8")) as ParsedNote;
    } catch {
      return undefined; // missing or unreadable: parse again
    }
  }

  /** Looks up many keys at once (reads in parallel batches); a miss is undefined. */
  async getMany(keys: readonly string[]): Promise<(ParsedNote | undefined)[]> {
    const out: (ParsedNote | undefined)[] = new Array(keys.length);
    const BATCH = 256;
    for (let i = 0; i < keys.length; i += BATCH) {
      const found = await Promise.all(keys.slice(i, i + BATCH).map((k) => this.get(k)));
      found.forEach((p, j) => (out[i + j] = p));
    }
    return out;
  }

  /** Writes entries; each file appears whole or not at all (written beside, then renamed). */
  async setMany(entries: readonly [key: string, parsed: ParsedNote][]): Promise<void> {
    const BATCH = 128;
    for (let i = 0; i < entries.length; i += BATCH) {
      await Promise.all(
        entries.slice(i, i + BATCH).map(async ([key, parsed]) => {
          const path = this.#path(key);
          await mkdir(dirname(path), { recursive: true });
          const tmp = `${path}.${process.pid}.tmp`;
          await writeFile(tmp, JSON.stringify(parsed));
          await rename(tmp, path);
        }),
      );
    }
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
