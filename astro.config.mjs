// @ts-check
import { defineConfig } from "astro/config";
import atlas from "./src/integration/index.ts";

export default defineConfig({
  integrations: [
    // The vault: `content/`, or the folder CONTENT_DIR names (relative to this project).
    // ATLAS_SEARCH_SHARD_NOTES: notes per search-index shard (default 10,000; the tests make it small).
    // ATLAS_ALLOW_ERRORS=1: `astro build` renders a vault that has errors (the tests build hostile vaults this way).
    // ATLAS_RAW_HTML=sanitize|refuse: raw HTML the sanitizer removes is a warning or an error (as for `npm run check`),
    // whatever the vault's atlas.yml says (`rawHtml`; unset, its default: refuse in a typed vault, sanitize in an
    // Obsidian one).
    // `repository`: where the wiki is edited, for every note page's "Edit this page" and "History" links (the one
    // place it is set; a fork changes it here).
    atlas({
      contentDir: process.env.CONTENT_DIR,
      searchShardNotes: Number(process.env.ATLAS_SEARCH_SHARD_NOTES) || undefined,
      allowErrors: process.env.ATLAS_ALLOW_ERRORS === "1",
      rawHtml: process.env.ATLAS_RAW_HTML === "sanitize" ? "sanitize" : process.env.ATLAS_RAW_HTML === "refuse" ? "refuse" : undefined,
      repository: { url: "https://github.com/atlas-wiki/atlas", branch: "main" },
    }),
  ],
  // The address the site is published at: canonical links, the sitemap, the feed, JSON-LD (a fork changes it here, or
  // sets SITE_URL).
  site: process.env.SITE_URL || "https://atlas-wiki.github.io",
  trailingSlash: "always",
  build: { format: "directory", concurrency: 8 },
  devToolbar: { enabled: false },
});
