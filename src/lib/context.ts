/**
 * One build's shared state, passed explicitly (as Quartz passes its `BuildCtx`): where the vault is, its settings
 * (`atlas.yml`, read once), the loader, the vault loaded and checked once, each note's origin (edit and history
 * links, last-change dates: one `git log`), and the site model made from them. The CLI commands and the `atlas()`
 * integration share one such object, so `npm run build` checks the vault and renders it from the same load; the
 * integration creates its own when Astro runs alone. No Astro import: the context is plain TypeScript.
 */
import { statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { loadConfig, siteIdentity, type LoadedConfig, type RawHtmlPolicy, type SiteIdentity } from "./config.ts";
import type { GraphArtifactOptions } from "./graph/artifacts.ts";
import { lastCommitDates, repositoryOf } from "./git.ts";
import { NoteSources } from "./note-source.ts";
import { cacheRoot, projectCache } from "./parse-cache.ts";
import type { Site } from "./site.ts";
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
  /** Notes indexed for search (set by the integration when Pagefind is done). */
  indexed = 0;

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

  get loader(): VaultLoader {
    return (this.#loader ??= new VaultLoader(this.contentDir, {
      cwd: process.cwd(),
      cache: this.options.cache === false ? null : projectCache(this.root),
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
   */
  async prepareRender(): Promise<Site> {
    releaseCheckData(await this.load());
    const site = await this.site();
    const started = performance.now();
    site.indexMentionsAndRelease();
    this.record("mentions", performance.now() - started);
    return site;
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
    };
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
