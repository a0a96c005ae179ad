/**
 * One build's shared state, passed explicitly (as Quartz passes its `BuildCtx`): where the vault is, its settings
 * (`atlas.yml`, read once), the loader, the vault loaded and checked once, each note's origin (edit and history
 * links, last-change dates: one `git log`), and the site model made from them. The CLI commands and the `atlas()`
 * integration share one such object, so `npm run build` checks the vault and renders it from the same load; the
 * integration creates its own when Astro runs alone. No Astro import: the context is plain TypeScript.
 */
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { loadConfig, siteIdentity, type LoadedConfig, type RawHtmlPolicy, type SiteIdentity } from "./config.ts";
import type { GraphArtifactOptions } from "./graph/artifacts.ts";
import { lastCommitDates, repositoryOf } from "./git.ts";
import { NoteSources } from "./note-source.ts";
import { cacheRoot, projectCache, type ParseCache } from "./parse-cache.ts";
import type { Site } from "./site.ts";
import type { PageCache } from "./page-cache.ts";
import { REGISTRY, type RelationKind, type TypeEntry } from "./registry.ts";
import type { Registry } from "./type-registry.ts";
import type { Vault } from "./types.ts";
import { releaseCheckData, VaultLoader, type LoadOptions, type Progress } from "./vault.ts";

export interface ContextOptions {
  /** The project's folder (where `astro.config.mjs` is); the vault and the caches are found from it. */
  root: string;
  /** The vault, relative to `root` (or absolute). Default `content`. */
  contentDir?: string;
  /** Overrides the vault's `rawHtml` setting (`ATLAS_RAW_HTML`). */
  rawHtml?: RawHtmlPolicy;
  /** Render a vault with errors (the dev server always does). */
  allowErrors?: boolean;
  /** Notes per search-index shard. */
  searchShardNotes?: number;
  /** How the loader parses, beyond the defaults: `npm run check` needs no page HTML, `--mentions` wants prose. */
  parse?: Pick<LoadOptions, "html" | "prose" | "workers">;
  /** The parse cache and graph-layout cache: on unless `ATLAS_CACHE=off`. */
  cache?: boolean;
  /**
   * Note types beyond the wiki's (registry.ts), each its schema plus one registry entry, and the relation kinds their
   * fields introduce, each with its label (`atlas({ types, relationKinds })`). The vault is read, checked and
   * published with them.
   */
  types?: readonly TypeEntry[];
  relationKinds?: readonly RelationKind[];
}

/** A build of a vault with errors, refused (the errors are listed by whoever loaded it). */
export class VaultRefused extends Error {
  readonly hint = "Fix them (`npm run check` lists them with hints) and build again; nothing was built.";
  readonly errors: number;
  constructor(dir: string, errors: number) {
    super(`The vault in ${dir} has ${errors} error(s), listed above.`);
    this.errors = errors;
    this.name = "VaultRefused";
    // A user error: the stack would only point into this file.
    this.stack = "";
  }
}

/** Build caches kept (per vault folder): the most recently used; others (a test's temporary vaults) are removed. */
const KEEP_BUILD_CACHES = 12;

/** Removes the build caches of vaults not built lately, beyond `KEEP_BUILD_CACHES`, unless a build holds them. */
function pruneBuildCaches(root: string, mine: string): void {
  try {
    const dirs = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && join(root, e.name) !== mine)
      .map((e) => ({ dir: join(root, e.name), used: statSync(join(root, e.name)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const { dir } of dirs.slice(KEEP_BUILD_CACHES - 1)) {
      if (!existsSync(join(dir, "lock"))) rmSync(dir, { recursive: true, force: true });
    }
  } catch {
    // Pruning is housekeeping: a failure must not fail the build.
  }
}

/** Whether a process with this id is running. */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A short name for a vault's folder, for its caches. */
const vaultKey = (dir: string) => createHash("sha1").update(dir).digest("hex").slice(0, 12);

const ENGINE_DIR = fileURLToPath(new URL("../", import.meta.url));

export class BuildContext {
  readonly root: string;
  readonly contentDir: string;
  readonly options: Readonly<ContextOptions>;
  /** How many times this context read and checked the whole vault: a build does it once. */
  loads = 0;
  /** Time spent per stage, in ms (for `npm run bench` and the build's summary). */
  readonly stages: Record<string, number> = {};
  #config?: Promise<LoadedConfig>;
  #loader?: VaultLoader;
  #vault?: Promise<Vault>;
  #site?: Promise<Site>;
  #sources?: Promise<NoteSources>;
  #base = "/";
  /** Where the stages report progress (reading, parsing, checking, then each page rendered); set by whoever shows it. */
  progress?: Progress;
  /** Pages rendered so far (each page's layout reports itself, `pageRendered`). */
  rendered = 0;
  /** The search index: notes in it, shards, and the shards (and notes) indexed again (set by the integration). */
  indexed = { notes: 0, shards: 0, indexedShards: 0, indexedNotes: 0 };
  /** Pages of the last build taken from its cache, not rendered again, and other files (set by the integration). */
  copied = 0;
  copiedFiles = 0;

  constructor(options: ContextOptions) {
    this.options = options;
    this.root = resolve(options.root);
    this.contentDir = resolve(this.root, options.contentDir || "content");
  }

  /** `atlas.yml`, read once. */
  config(): Promise<LoadedConfig> {
    return (this.#config ??= loadConfig(this.contentDir).then((c) => (this.options.rawHtml ? { ...c, config: { ...c.config, rawHtml: this.options.rawHtml } } : c)));
  }

  /** The site's identity: the vault's settings with the defaults filled in. */
  async identity(): Promise<SiteIdentity> {
    return siteIdentity((await this.config()).site, this.contentDir);
  }

  /** The note types and relation kinds of this build: the wiki's, and any the project adds. */
  get registry(): Registry {
    const { types, relationKinds } = this.options;
    return (this.#registry ??= types?.length || relationKinds?.length ? REGISTRY.withTypes(types ?? [], relationKinds) : REGISTRY);
  }
  #registry?: Registry;

  /** The parse cache (parse-cache.ts), none with the cache off. */
  get parseCache(): ParseCache | null {
    if (this.#parseCache === undefined) this.#parseCache = this.options.cache === false ? null : projectCache(this.root);
    return this.#parseCache;
  }
  #parseCache?: ParseCache | null;

  get loader(): VaultLoader {
    return (this.#loader ??= new VaultLoader(this.contentDir, {
      cwd: process.cwd(),
      cache: this.parseCache,
      onProgress: (stage, done, total) => this.progress?.(stage, done, total),
      rawHtml: this.options.rawHtml,
      config: this.config(),
      registry: this.registry,
      ...this.options.parse,
    }));
  }

  /** The vault, read, parsed and checked on the first call; every later call gets the same one. */
  load(): Promise<Vault> {
    return (this.#vault ??= (async () => {
      await this.config();
      this.loads++;
      const vault = await this.loader.load();
      this.record("read+parse", this.loader.timings!.readAndParseMs);
      this.record("check", this.loader.timings!.checkMs);
      return vault;
    })());
  }

  /** The vault's errors (a build refuses to render any unless `allowErrors`). */
  async errors(): Promise<number> {
    return (await this.load()).diagnostics.filter((d) => d.severity === "error").length;
  }

  /**
   * Readies a checked vault for a build's render: drops what only the check reads (`releaseCheckData`), makes the
   * site model and its index of unlinked mentions, then drops the prose only that index reads. What every page needs
   * from the whole vault is made once, before the first page, and the render keeps no more of the vault than it shows.
   * With the build's caches, the mention index reads again only the notes whose text or links changed since the last
   * build (`mentions.json`, made by the same engine: the parse cache's version of it).
   */
  async prepareRender(): Promise<Site> {
    releaseCheckData(await this.load());
    const site = await this.site();
    const started = performance.now();
    const file = this.buildCaches()?.mentions;
    const engine = this.parseCache?.engine;
    const { readMentionCache, writeMentionCache } = await import("./views/mention-index.ts");
    if (file && engine) site.useMentionCache(readMentionCache(file, engine));
    site.indexMentionsAndRelease();
    const cache = site.mentionCache();
    if (file && engine && cache?.changed) await writeMentionCache(file, engine, cache);
    this.record("mentions", performance.now() - started);
    return site;
  }

  /**
   * Set by `npm run build`, which loads and reports the vault while Astro bundles the pages: the integration then
   * does not wait for the load before Astro starts (the pages wait for `renderSite`).
   */
  renderWhileLoading = false;
  #render?: Promise<Site>;

  /**
   * The site, readied for a build's render: the vault loaded and checked (refused if it has errors, unless they are
   * allowed), `prepareRender`, and the page cache read. Made once.
   */
  readyForRender(): Promise<Site> {
    return (this.#render ??= (async () => {
      await this.checkedSite();
      const site = await this.prepareRender();
      await this.usePageCache();
      return site;
    })());
  }

  /** The site model once the vault is loaded and not refused (what the search index needs; not yet `prepareRender`). */
  async checkedSite(): Promise<Site> {
    const errors = await this.errors();
    if (errors && !this.options.allowErrors) throw new VaultRefused(this.contentDir, errors);
    return this.site();
  }

  /** The site the pages render: the one readied for a build, else (the dev server) the current one. */
  renderSite(): Promise<Site> {
    return this.#render ?? this.site();
  }

  /** The base path the site is served under (Astro's `base`), set by the integration before any page is made. */
  setBase(base: string): void {
    this.#base = base;
  }

  /** The site model of the loaded vault, made once (and again after each dev save, `update`). */
  site(): Promise<Site> {
    // The site model (and the graph, views and pages behind it) is imported only by what renders: `npm run check`
    // starts without it.
    return (this.#site ??= this.load().then(async (vault) => new (await import("./site.ts")).Site(vault, await this.#siteOptions())));
  }

  /** The site if one is made or being made, else undefined (the dev server's middleware before the first load). */
  siteIfStarted(): Promise<Site> | undefined {
    return this.#site;
  }

  /** Re-reads these files (a dev save) and makes the next site, keeping the graph's layout and the mention index. */
  async update(paths: readonly string[]): Promise<Site> {
    const previous = await this.site();
    const vault = await this.loader.update(paths);
    const options = await this.#siteOptions();
    const { Site } = await import("./site.ts");
    const next = new Site(vault, { ...options, graph: { ...options.graph, update: previous.graphIfBuilt() }, mentions: previous.mentionCache() });
    this.#site = Promise.resolve(next);
    return next;
  }

  async #siteOptions() {
    return {
      base: this.#base,
      identity: await this.identity(),
      sources: await this.noteSources(),
      graph: this.graphOptions(),
      searchShardNotes: this.options.searchShardNotes,
      // The engine's own folder, as this module (loaded natively, not bundled) finds it: what the pages' keys hash.
      engineDir: ENGINE_DIR,
    };
  }

  /**
   * The incremental build's caches of this vault (its pages' files and keys, its search shards, its mention index),
   * taken for this build alone: a lock file says a build is using them, and a second build of the same vault at the
   * same time (tests do that) renders everything without them rather than read files the first is replacing. None
   * with the cache off.
   */
  buildCaches(): { pages: string; search: string; mentions: string } | null {
    if (this.#caches !== undefined) return this.#caches;
    if (this.options.cache === false || process.env.ATLAS_CACHE === "off") return (this.#caches = null);
    const dir = join(cacheRoot(this.root), "builds", vaultKey(this.contentDir));
    mkdirSync(dir, { recursive: true });
    const lock = join(dir, "lock");
    // Its time says when the vault was last built (what pruning keeps).
    utimesSync(dir, new Date(), new Date());
    const take = () => {
      try {
        writeFileSync(lock, String(process.pid), { flag: "wx" });
        return true;
      } catch {
        return false;
      }
    };
    let taken = take();
    if (!taken) {
      // A lock left by a build that died is taken over.
      const holder = Number(readFileSync(lock, "utf8"));
      if (!isAlive(holder)) {
        rmSync(lock, { force: true });
        taken = take();
      }
    }
    if (!taken) return (this.#caches = null);
    this.#lock = lock;
    pruneBuildCaches(dirname(dir), dir);
    process.once("exit", () => this.releaseBuildCaches());
    return (this.#caches = { pages: join(dir, "pages"), search: join(dir, "search"), mentions: join(dir, "mentions.json") });
  }
  #caches?: { pages: string; search: string; mentions: string } | null;
  #lock?: string;

  /** Lets the next build use the caches (at the end of the build, or when the process ends). */
  releaseBuildCaches(): void {
    if (this.#lock) rmSync(this.#lock, { force: true });
    this.#lock = undefined;
  }

  /** Where each search shard's index is kept for the next build (none without the build's caches). */
  searchCacheDir(): string | null {
    return this.buildCaches()?.search ?? null;
  }

  /** The incremental build's page cache (page-cache.ts), per vault; set by `usePageCache` for a build with caches. */
  pageCache?: PageCache;

  /** Starts using the page cache (a build with its caches): reads what the last build left. */
  async usePageCache(): Promise<void> {
    const caches = this.buildCaches();
    if (!caches) return;
    const { PageCache } = await import("./page-cache.ts");
    const cache = new PageCache(caches.pages);
    if (this.#output) cache.output(this.#output);
    await cache.load();
    this.pageCache = cache;
  }

  #output?: string;
  /** The folder a build writes the site into (Astro's `outDir`). */
  setOutput(dir: string): void {
    this.#output = dir;
    this.pageCache?.output(dir);
  }

  /** Where the graph's layout is cached (none with the cache off). */
  graphOptions(): GraphArtifactOptions {
    return { cacheDir: this.options.cache === false || process.env.ATLAS_CACHE === "off" ? null : join(cacheRoot(this.root), "graph-layout") };
  }

  /**
   * Each note's file in the repository, its edit and history links (the `repository` setting) and its last change:
   * its last commit (one `git log` for the vault), else its frontmatter's `updated`, else the file's own time.
   */
  noteSources(): Promise<NoteSources> {
    return (this.#sources ??= this.identity().then((identity) => {
      const started = performance.now();
      const repo = repositoryOf(this.contentDir);
      const prefix = repo ? relative(repo.root, this.contentDir).split(sep).join("/") : "";
      const dates = repo ? lastCommitDates(this.contentDir) : new Map<string, string>();
      const dir = this.contentDir;
      const fileDate = (path: string): string | undefined => {
        try {
          return statSync(join(dir, path)).mtime.toISOString();
        } catch {
          return undefined;
        }
      };
      // A vault outside any repository has no file to edit.
      const sources = new NoteSources({ repository: repo ? identity.repository : undefined, prefix, dates, fileDate });
      this.record("git dates", performance.now() - started);
      return sources;
    }));
  }

  /** A page was rendered: counted, for the render's progress (a total of 0: how many there will be is not known). */
  pageRendered(): void {
    this.progress?.("render", ++this.rendered, 0);
  }

  record(stage: string, ms: number): void {
    this.stages[stage] = (this.stages[stage] ?? 0) + ms;
  }
}
