// @ts-check
import { defineConfig } from "astro/config";
import atlas from "./src/integration/index.ts";

export default defineConfig({
  integrations: [
    // The vault: `content/`, or the folder CONTENT_DIR names (relative to this project).
    // ATLAS_SEARCH_SHARD_NOTES: notes per search-index shard (default 10,000; the tests make it small).
    // ATLAS_ALLOW_ERRORS=1: `astro build` renders a vault that has errors (the tests build hostile vaults this way).
    // ATLAS_RAW_HTML=sanitize: raw HTML the sanitizer removes is a warning, not an error (as for `npm run check`).
    // `repository`: where the wiki is edited, for every note page's "Edit this page" and "History" links (the one
    // place it is set; a fork changes it here).
    atlas({
      contentDir: process.env.CONTENT_DIR,
      searchShardNotes: Number(process.env.ATLAS_SEARCH_SHARD_NOTES) || undefined,
      allowErrors: process.env.ATLAS_ALLOW_ERRORS === "1",
      rawHtml: process.env.ATLAS_RAW_HTML === "sanitize" ? "sanitize" : "refuse",
      repository: { url: "https://github.com/atlas-wiki/atlas", branch: "main" },
    }),
  ],
  trailingSlash: "always",
  build: { format: "directory", concurrency: 8 },
  devToolbar: { enabled: false },
});
