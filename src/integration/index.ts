/**
 * `atlas()`, the Astro integration that makes a vault a site (in the manner of Starlight's):
 * - loads and checks the vault when Astro starts (through the parse cache), and refuses to build one with errors,
 *   printing every diagnostic as `npm run check` does;
 * - hands the site model to the pages through the `virtual:atlas/site` module;
 * - in `astro dev`, re-reads just the note that changed, replaces the site and reloads the browser;
 * - builds the Pagefind search index from the notes while the pages render, and puts it in the site when the
 *   build is done (`astro:build:done`).
 * So `astro build` and `astro dev` work on their own; `npm run build` adds the atomic swap into `dist/`.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { relative, resolve, join, sep } from "node:path";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { AstroError } from "astro/errors";
import type { Plugin } from "vite";
import { formatDiagnostic, summarize } from "../lib/diagnostics.ts";
import { cacheRoot, projectCache } from "../lib/parse-cache.ts";
import { Site } from "../lib/site.ts";
import { loadConfig, type RawHtmlPolicy } from "../lib/config.ts";
import type { Vault } from "../lib/types.ts";
import { REGISTRY, type RelationKind, type TypeEntry } from "../lib/registry.ts";
import { releaseCheckData, VaultLoader } from "../lib/vault.ts";
import { attachmentMiddleware } from "./attachments.ts";
import { moveSearchIndex, writeSearchIndex } from "./pagefind.ts";
import { lastCommitDates, repositoryOf } from "../lib/git.ts";
import { NoteSources, repositoryConfig, type RepositoryConfig } from "../lib/note-source.ts";
import { recordStage, setNoteSources, setSite, site as currentSite } from "./store.ts";

export interface AtlasOptions {
  /** The vault folder, relative to the project root. Default `content`. */
  contentDir?: string;
  /** Build even when the vault has errors (broken links are then marked on the pages). Default: only in dev. */
  allowErrors?: boolean;
  /**
   * The repository the site is edited in, for each note page's "Edit this page" and "History" links:
   * `{ url: "https://github.com/owner/atlas", branch: "main" }` (or just the URL). None: no such links.
   */
  repository?: RepositoryConfig | string;
  /** Notes per search-index shard (one Pagefind process each, one after another). Default 10,000. */
  searchShardNotes?: number;
  /**
   * Raw HTML in notes is sanitized either way; what the sanitizer removes is an error that stops the build
   * (`"refuse"`: a wiki reviewed through pull requests) or a warning (`"sanitize"`: a vault from elsewhere). Default:
   * the vault's `atlas.yml` (`rawHtml`), else refuse in a typed vault and sanitize in an Obsidian one.
   */
  rawHtml?: RawHtmlPolicy;
  /**
   * Note types beyond the wiki's (registry.ts), each its schema plus one registry entry, and the relation kinds their
   * fields introduce, each with its label. The vault is read, checked and published with them.
   */
  types?: readonly TypeEntry[];
  relationKinds?: readonly RelationKind[];
}

const VIRTUAL_ID = "virtual:atlas/site";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const STORE_URL = pathToFileURL(fileURLToPath(new URL("./store.ts", import.meta.url))).href;

/** A vault another part of this process already loaded and checked (`npm run build` checks before Astro starts). */
let preloaded: { dir: string; loader: VaultLoader; vault: Vault } | undefined;
export function preloadVault(dir: string, loader: VaultLoader, vault: Vault): void {
  preloaded = { dir, loader, vault };
}

export default function atlas(options: AtlasOptions = {}): AstroIntegration {
  const repository = repositoryConfig(options.repository);
  // The wiki's types, plus any the project adds. `npm run build` preloads a vault with the wiki's alone.
  const addsTypes = !!(options.types?.length || options.relationKinds?.length);
  const registry = addsTypes ? REGISTRY.withTypes(options.types ?? [], options.relationKinds) : REGISTRY;
  let root = process.cwd();
  let contentDir = "";
  let base = "/";
  let loader: VaultLoader | undefined;
  let search: { dir: string; done: Promise<number>; started: number } | undefined;
  let initial: Promise<Site> | undefined;

  const graphOptions = () => ({ cacheDir: process.env.ATLAS_CACHE === "off" ? null : join(cacheRoot(root), "graph-layout") });

  return {
    name: "atlas",
    hooks: {
      "astro:config:setup": async ({ config, command, updateConfig, injectRoute, logger }) => {
        root = fileURLToPath(config.root);
        contentDir = resolve(root, options.contentDir || "content");
        base = config.base;
        updateConfig({ vite: { plugins: [virtualSite()] } });
        // The landscape's own views (src/routes/): only a typed vault has models to rate and a registry's dates to
        // order; an Obsidian vault's site has no such pages (nor links to them).
        if ((await loadConfig(contentDir)).config.notes === "typed") {
          for (const page of ["openness", "timeline"]) injectRoute({ pattern: `/${page}`, entrypoint: fileURLToPath(new URL(`../routes/${page}.astro`, import.meta.url)) });
        }
        if (command !== "build" && command !== "dev") return;
        // Each note's file in the repository and its last commit: one `git log` for the whole vault.
        const gitStarted = performance.now();
        const repo = repositoryOf(contentDir);
        // A vault outside any repository has no file to edit: its pages get the frontmatter's dates only.
        const prefix = repo ? relative(repo.root, contentDir).split(sep).join("/") : "";
        setNoteSources(new NoteSources({ repository: repo ? repository : undefined, prefix, dates: repo ? lastCommitDates(contentDir) : new Map() }));
        recordStage("git dates", performance.now() - gitStarted);
        const load = async (): Promise<Vault> => {
          if (preloaded && preloaded.dir === contentDir && !addsTypes && (!options.rawHtml || preloaded.vault.config.rawHtml === options.rawHtml)) {
            loader = preloaded.loader;
            return preloaded.vault;
          }
          loader = new VaultLoader(contentDir, { cwd: root, cache: projectCache(root), onProgress: progressLogger(logger), rawHtml: options.rawHtml, registry });
          const vault = await loader.load();
          report(vault, logger, command === "dev");
          recordStage("read+parse", loader.timings!.readAndParseMs);
          recordStage("check", loader.timings!.checkMs);
          return vault;
        };
        if (command === "dev") {
          // The dev server starts while the vault loads; the first page waits for it.
          initial = load().then((vault) => new Site(vault, { base, graph: graphOptions(), searchShardNotes: options.searchShardNotes }));
          setSite(initial);
          // What every note page needs from the whole vault (its graph, the index of unlinked mentions), made as soon
          // as the vault is in, rather than by the first page asked for.
          void initial.then(
            (s) =>
              setTimeout(() => {
                try {
                  s.graph();
                  s.indexMentions();
                } catch {
                  // A page that needs them will meet the same error, and show it.
                }
              }),
            () => undefined, // a vault that fails to load fails the first page, with its message
          );
          return;
        }
        const vault = await load();
        const errors = vault.diagnostics.filter((d) => d.severity === "error").length;
        if (errors && !options.allowErrors) {
          // A user error: Astro prints its message and hint; the stack would only point into this file.
          const refusal = new AstroError(`The vault in ${contentDir} has ${errors} error(s), listed above.`, "Fix them (`npm run check` lists them with hints) and build again; nothing was built.");
          refusal.stack = "";
          throw refusal;
        }
        releaseCheckData(vault);
        setSite(new Site(vault, { base, graph: graphOptions(), searchShardNotes: options.searchShardNotes }));
      },

      "astro:server:setup": ({ server, logger }) => {
        server.middlewares.use(attachmentMiddleware(currentSite, base)); // an Obsidian vault's files (attachments.ts)
        server.watcher.add(contentDir);
        let pending = new Set<string>();
        let timer: NodeJS.Timeout | undefined;
        const flush = async () => {
          const paths = [...pending];
          pending = new Set();
          const started = performance.now();
          const previous = await currentSite();
          const vault = await loader!.update(paths);
          // Patch the previous graph and keep its layout: a note's edit should not move the whole graph (and a layout
          // takes seconds).
          setSite(new Site(vault, { base, graph: { ...graphOptions(), update: previous.graphIfBuilt() }, searchShardNotes: options.searchShardNotes, mentions: previous.mentionCache() }));
          const errors = vault.diagnostics.filter((d) => d.severity === "error");
          const mine = vault.diagnostics.filter((d) => paths.some((p) => resolve(root, d.file) === p));
          for (const d of mine) (d.severity === "error" ? logger.error : logger.warn).call(logger, formatDiagnostic(d));
          logger.info(`${paths.map((p) => p.slice(contentDir.length + 1)).join(", ")} updated in ${Math.round(performance.now() - started)} ms; ${errors.length} error(s) in the vault`);
          // Astro keeps each route's getStaticPaths() in a cache that only its own content layer clears: a note added,
          // removed, or whose frontmatter broke or was fixed would keep (or never get) its page until a restart.
          // The message Astro's content layer sends makes the dev app drop that cache.
          for (const name of ["ssr", "prerender"]) server.environments[name]?.hot.send("astro:content-changed", {});
          server.ws.send({ type: "full-reload" });
          collectSoon();
        };
        // Saves close together are taken as one update, and updates run one after another (after the first load),
        // never at once.
        let running: Promise<unknown> = initial ?? Promise.resolve();
        const onFile = (file: string) => {
          if (!file.startsWith(contentDir) || !file.endsWith(".md")) return;
          pending.add(file);
          clearTimeout(timer);
          timer = setTimeout(() => {
            running = running.then(() => (pending.size ? flush() : undefined)).catch((err) => logger.error(String(err?.stack ?? err)));
          }, 30);
        };
        server.watcher.on("change", onFile);
        server.watcher.on("add", onFile);
        server.watcher.on("unlink", onFile);
      },

      "astro:build:start": async ({ logger }) => {
        const site = await currentSite();
        // The graph layout runs on a worker thread while the pages render; the pages that draw it wait for it.
        const layoutStarted = performance.now();
        void site.graph().layout().then(() => recordStage("graph layout (on a worker, beside the render)", performance.now() - layoutStarted));
        const dir = join(root, ".atlas", `pagefind-${process.pid}`);
        logger.info("indexing the notes for search (Pagefind), beside the render");
        const searchStarted = performance.now();
        search = { dir, started: searchStarted, done: writeSearchIndex(site, dir).then((n) => (recordStage("pagefind (its process, beside the render)", performance.now() - searchStarted), n)) };
        search.done.catch(() => {}); // awaited in astro:build:done; an early failure must not go unhandled
      },

      "astro:build:done": async ({ dir, logger }) => {
        if (!search) return;
        const waited = performance.now();
        const pages = await search.done;
        await moveSearchIndex(search.dir, join(fileURLToPath(dir), "pagefind"));
        recordStage("pagefind (after render)", performance.now() - waited);
        logger.info(`indexed ${pages} notes for search in ${((performance.now() - search.started) / 1000).toFixed(1)} s`);
        search = undefined;
      },
    },
  };
}

/**
 * Each save replaces the vault, leaving the old one as garbage; V8 would rather grow the heap than collect it, and a
 * dev server open all day grows by hundreds of megabytes. So once editing pauses, one full collection runs.
 */
let collector: (() => void) | undefined;
let gcTimer: NodeJS.Timeout | undefined;
function collectSoon(): void {
  if (!collector) {
    setFlagsFromString("--expose-gc");
    collector = runInNewContext("gc") as () => void;
  }
  clearTimeout(gcTimer);
  gcTimer = setTimeout(() => collector!(), 500);
  gcTimer.unref();
}

/**
 * The pages' way to the site. The module's code imports the store natively (`import()` built at run time, which
 * Vite leaves alone) rather than through Vite's module graph, so pages and integration share one instance: Vite
 * would otherwise load a second copy of the store in dev, and the pages would see no site.
 */
function virtualSite(): Plugin {
  return {
    name: "atlas:virtual-site",
    enforce: "pre",
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load: (id) =>
      id === RESOLVED_ID
        ? `const store = await new Function("u", "return import(u)")(${JSON.stringify(STORE_URL)});\nexport const site = store.site;\nexport const noteSources = store.noteSources;\n`
        : undefined,
  };
}

function progressLogger(logger: AstroIntegrationLogger) {
  return (stage: string, done: number, total: number) => {
    if (done === total) logger.info(`${stage} ${done}/${total}`);
  };
}

/** The check's findings in Astro's log: errors one by one, warnings counted (or listed in dev, where they help). */
function report(vault: Vault, logger: AstroIntegrationLogger, dev: boolean): void {
  const { errors, warnings } = summarize(vault.diagnostics, false);
  for (const d of vault.diagnostics) {
    if (d.severity === "error") logger.error(formatDiagnostic(d));
    else if (dev && warnings <= 50) logger.warn(formatDiagnostic(d));
  }
  logger.info(`checked ${vault.files.length} notes: ${errors} error(s), ${warnings} warning(s)`);
}
