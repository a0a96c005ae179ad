/**
 * The routes the integration injects (as Starlight injects `[...slug]` and `404`): the site's pages are not in the
 * project's `src/pages/`, so a vault's site has exactly the pages its kind of vault has, and no page needs to ask
 * which kind it is in. `src/routes/common/` holds what every site has (notes, type indexes, tags, graph, search, web
 * files, exports); `src/routes/typed/` what a typed wiki adds (its home, `/landscape/`, `/openness/`, `/timeline/`);
 * `src/routes/obsidian/` what an Obsidian vault adds (its home, its attachments under `/files/`). A route's address is
 * its file's path, as in `src/pages/` (`index` and the extension dropped, `home` is `/`, `_` files are helpers).
 * A site with no origin (`origin` in atlas.yml) has no sitemap, which can only list absolute addresses.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, relative, sep } from "node:path";
import type { NoteMode } from "../lib/config.ts";

const ROUTES = fileURLToPath(new URL("../routes/", import.meta.url));

export interface InjectedRoute {
  pattern: string;
  entrypoint: string;
}

/** The routes of a site whose vault is read as `mode` says. */
export function routesFor(mode: NoteMode, options: { origin?: string } = {}): InjectedRoute[] {
  const all = [...folderRoutes(join(ROUTES, "common")), ...folderRoutes(join(ROUTES, mode))];
  return options.origin ? all : all.filter((r) => r.pattern !== "/sitemap.xml");
}

function folderRoutes(dir: string): InjectedRoute[] {
  const out: InjectedRoute[] = [];
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name.startsWith("_") || !/\.(astro|ts)$/.test(e.name)) continue;
    const file = join(e.parentPath, e.name);
    const path = relative(dir, file).split(sep).join("/").replace(/\.(astro|ts)$/, "");
    const route = path === "home" ? "" : path.replace(/(^|\/)index$/, "");
    out.push({ pattern: `/${route}`, entrypoint: file });
  }
  return out.sort((a, b) => (a.pattern < b.pattern ? -1 : 1));
}
