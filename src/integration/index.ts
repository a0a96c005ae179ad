/**
 * `atlas()`, the Astro integration that makes a vault a site (in the manner of Starlight's):
 * - one build context (src/lib/context.ts) holds the vault's settings, the vault loaded and checked once, and the
 *   site model; `npm run build` hands the integration its own context (so the check and the render share one load),
 *   and `astro build` or `astro dev` alone get one made here;
 * - injects the routes of the vault's kind (routes.ts: a typed wiki's, or an Obsidian vault's), sets Astro's `site`
 *   and `base` from the vault's `atlas.yml`, and refuses to build a vault with errors, printing them;
 * - hands the site model and settings to the pages through the `virtual:atlas/site` module (bridge.ts);
 * - in `astro dev`, re-reads just the note that changed, replaces the site and reloads the browser;
 * - builds the Pagefind search index from the notes while the pages render, and puts it in the site when the
 *   build is done (`astro:build:done`).
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { join, resolve } from "node:path";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { AstroError } from "astro/errors";
import type { Plugin } from "vite";
import { formatDiagnostic, summarize } from "../lib/diagnostics.ts";
import { BuildContext, VaultRefused, type ContextOptions } from "../lib/context.ts";
import type { SiteIdentity } from "../lib/config.ts";
import type { Vault } from "../lib/types.ts";
import { attachmentMiddleware } from "./attachments.ts";
import { register, unregister } from "./bridge.ts";
import { moveSearchIndex, writeSearchIndex, type SearchIndexResult } from "./pagefind.ts";
import { pageKeys } from "../lib/pages/keys.ts";
import { routesFor } from "./routes.ts";

export interface AtlasOptions extends Partial<ContextOptions> {
  /** A context made by the caller (`npm run build`, which has already loaded and checked the vault with it). */
  context?: BuildContext;
}

const VIRTUAL_ID = "virtual:atlas/site";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const BRIDGE_URL = pathToFileURL(fileURLToPath(new URL("./bridge.ts", import.meta.url))).href;
const CONTEXT = Symbol.for("atlas.context");

/** The build context of the `atlas()` integration in an Astro config (made on first ask, rooted at `root`). */
export function atlasContext(config: { integrations?: unknown[] }, root: string): BuildContext {
  const integration = (config.integrations ?? []).flat(Infinity).find((i) => (i as { name?: string })?.name === "atlas") as { [CONTEXT]?: (root: string) => BuildContext } | undefined;
  if (!integration?.[CONTEXT]) throw new Error("atlas: astro.config.mjs has no `atlas()` integration");
  return integration[CONTEXT](root);
}

export default function atlas(options: AtlasOptions = {}): AstroIntegration {
  let context = options.context;
  const contextFor = (root: string) => (context ??= new BuildContext({ ...options, root }));
  let search: { dir: string; done: Promise<SearchIndexResult>; started: number } | undefined;
  let bridgeId: string | undefined;

  const integration: AstroIntegration & { [CONTEXT]: typeof contextFor } = {
    name: "atlas",
    [CONTEXT]: contextFor,
    hooks: {
      "astro:config:setup": async ({ config, command, updateConfig, injectRoute, logger }) => {
        const ctx = contextFor(fileURLToPath(config.root));
        const loaded = await ctx.config();
        const identity = await ctx.identity();
        bridgeId = register(ctx);
        updateConfig({
          vite: { plugins: [virtualSite(bridgeId, identity)] },
          ...(identity.origin ? { site: identity.origin } : {}),
          ...(identity.base !== "/" ? { base: identity.base } : {}),
        });
        for (const route of routesFor(loaded.config.notes, identity)) injectRoute(route);
        if (command !== "build" && command !== "dev") return;
        ctx.setBase(identity.base !== "/" ? identity.base : config.base);
        const load = async (): Promise<Vault> => {
          // A context the CLI made has loaded (and reported) the vault already.
          const fresh = ctx.loads === 0;
          ctx.progress ??= progressLogger(logger);
          const vault = await ctx.load();
          if (fresh) report(vault, logger, command === "dev");
          return vault;
        };
        if (command === "dev") {
          // The dev server starts while the vault loads; the first page waits for it. What every note page needs
          // from the whole vault (its graph, the index of unlinked mentions) is made as soon as the vault is in.
          void load()
            .then(() => ctx.site())
            .then(
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
        if (ctx.renderWhileLoading) {
          // `npm run build` loads, checks and reports the vault itself, while Astro bundles the pages: the pages wait
          // for the site (`renderSite`), which is refused there if the vault has errors.
          ctx.readyForRender().catch(() => undefined); // the render meets the same error, and the CLI reports it
          return;
        }
        await load();
        await ctx.readyForRender().catch((err: unknown) => {
          if (!(err instanceof VaultRefused)) throw err;
          // A user error: Astro prints its message and hint; the stack would only point into this file.
          const refusal = new AstroError(err.message, err.hint);
          refusal.stack = "";
          throw refusal;
        });
      },

      "astro:server:setup": ({ server, logger }) => {
        const ctx = context!;
        const base = server.config.base;
        server.middlewares.use(attachmentMiddleware(() => ctx.site(), base)); // an Obsidian vault's files (attachments.ts)
        server.watcher.add(ctx.contentDir);
        let pending = new Set<string>();
        let timer: NodeJS.Timeout | undefined;
        const flush = async () => {
          const paths = [...pending];
          pending = new Set();
          const started = performance.now();
          // Patch the previous graph and keep its layout: a note's edit should not move the whole graph.
          const next = await ctx.update(paths);
          const vault = next.vault;
          const errors = vault.diagnostics.filter((d) => d.severity === "error");
          const mine = vault.diagnostics.filter((d) => paths.some((p) => resolve(ctx.root, d.file) === p));
          for (const d of mine) (d.severity === "error" ? logger.error : logger.warn).call(logger, formatDiagnostic(d));
          logger.info(`${paths.map((p) => p.slice(ctx.contentDir.length + 1)).join(", ")} updated in ${Math.round(performance.now() - started)} ms; ${errors.length} error(s) in the vault`);
          // Astro keeps each route's getStaticPaths() in a cache that only its own content layer clears: a note added,
          // removed, or whose frontmatter broke or was fixed would keep (or never get) its page until a restart.
          // The message Astro's content layer sends makes the dev app drop that cache.
          for (const name of ["ssr", "prerender"]) server.environments[name]?.hot.send("astro:content-changed", {});
          server.ws.send({ type: "full-reload" });
          collectSoon();
        };
        // Saves close together are taken as one update, and updates run one after another (after the first load),
        // never at once.
        let running: Promise<unknown> = ctx.site().catch(() => undefined);
        const onFile = (file: string) => {
          if (!file.startsWith(ctx.contentDir) || !file.endsWith(".md")) return;
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

      "astro:config:done": ({ config }) => {
        // Where the pages go, for the page cache's links (made as soon as the routes name the unchanged pages).
        context?.setOutput(fileURLToPath(config.outDir));
      },

      "astro:build:start": ({ logger }) => {
        const ctx = context!;
        // Once the vault is in (at once, or after the load `npm run build` runs beside Astro's bundling): the graph
        // layout on a worker thread and the search index on another, while the pages render.
        const dir = join(ctx.root, ".atlas", `pagefind-${process.pid}`);
        const started = performance.now();
        ctx
          .checkedSite()
          .then((site) => {
            const layoutStarted = performance.now();
            return site.graph().layout().then(() => ctx.record("graph layout (on a worker, beside the render)", performance.now() - layoutStarted));
          })
          .catch(() => {}); // a refused vault is reported by the render; a failed layout, by the pages that await it
        // The search index once the site is readied for the render (its mention index and page cache read), so that it
        // knows, as the pages do, which notes a change since the last build can reach (src/lib/pages/affected.ts).
        const done = ctx.readyForRender().then((site) => {
          logger.info("indexing the notes for search (Pagefind), beside the render");
          const searchStarted = performance.now();
          return writeSearchIndex(site, dir, ctx.searchCacheDir(), ctx.pageCache && pageKeys(site, ctx.pageCache)).then((n) => (ctx.record("pagefind (its process, beside the render)", performance.now() - searchStarted), n));
        });
        search = { dir, started, done };
        search.done.catch(() => {}); // awaited in astro:build:done; an early failure must not go unhandled
      },

      "astro:build:done": async ({ dir, pages, logger }) => {
        const ctx = context!;
        // The pages Astro rendered (the cache's are not among them).
        ctx.rendered = pages.length;
        if (ctx.pageCache) {
          const started = performance.now();
          const { reused, reusedPages } = await ctx.pageCache.finish(fileURLToPath(dir));
          ctx.record("page cache (link and store)", performance.now() - started);
          ctx.copied = reusedPages;
          ctx.copiedFiles = reused - reusedPages;
          logger.info(`${reusedPages} unchanged pages and ${reused - reusedPages} other files linked from the last build`);
        }
        if (search) {
          const waited = performance.now();
          const result = await search.done;
          ctx.indexed = result;
          await moveSearchIndex(search.dir, join(fileURLToPath(dir), "pagefind"));
          ctx.record("pagefind (after render)", performance.now() - waited);
          logger.info(`indexed ${result.indexedNotes} of ${result.notes} notes for search in ${((performance.now() - search.started) / 1000).toFixed(1)} s`);
          search = undefined;
        }
        ctx.releaseBuildCaches();
        if (bridgeId) unregister(bridgeId);
      },
    },
  };
  return integration;
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
 * The pages' way to the site: the settings as data (as Starlight hands its config to its components), and the site
 * model from this integration's build context, found through the bridge. The module imports the bridge natively
 * (`import()` built at run time, which Vite leaves alone) rather than through Vite's module graph, so pages and
 * integration share one instance of it.
 */
function virtualSite(id: string, identity: SiteIdentity): Plugin {
  return {
    name: "atlas:virtual-site",
    enforce: "pre",
    resolveId: (source) => (source === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load: (source) =>
      source === RESOLVED_ID
        ? [
            `const bridge = await new Function("u", "return import(u)")(${JSON.stringify(BRIDGE_URL)});`,
            `const context = bridge.contextById(${JSON.stringify(id)});`,
            `export const settings = ${JSON.stringify(identity)};`,
            `export const site = () => context.renderSite();`,
            `export const pageRendered = () => context.pageRendered();`,
            `export const pageCache = () => context.pageCache;`,
            "",
          ].join("\n")
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
