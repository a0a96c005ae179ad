// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import { contentDirFrom } from "./src/lib/content-dir.ts";
import { invalidateSite } from "./src/lib/site.ts";

const contentDir = contentDirFrom(process.env, fileURLToPath(new URL(".", import.meta.url)));

/** Dev server: notes live outside src/, so watch them and reload every page when one changes. */
function watchContent() {
  return {
    name: "atlas-watch-content",
    /** @param {import("vite").ViteDevServer} server */
    configureServer(server) {
      server.watcher.add(contentDir);
      const reload = (/** @type {string} */ file) => {
        if (!file.startsWith(contentDir) || !file.endsWith(".md")) return;
        invalidateSite(); // the site lives on globalThis, shared with the pages' module instance
        server.ws.send({ type: "full-reload" });
      };
      server.watcher.on("change", reload);
      server.watcher.on("add", reload);
      server.watcher.on("unlink", reload);
    },
  };
}

export default defineConfig({
  // The build script (scripts/build.ts) writes to a temporary folder and swaps it in only when everything succeeded.
  outDir: process.env.ATLAS_OUT_DIR || "dist",
  trailingSlash: "always",
  build: { format: "directory" },
  devToolbar: { enabled: false },
  vite: { plugins: [watchContent()] },
});
