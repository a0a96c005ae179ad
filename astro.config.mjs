// @ts-check
import { defineConfig } from "astro/config";
import atlas from "./src/integration/index.ts";

export default defineConfig({
  integrations: [
    // The vault: `content/`, or the folder CONTENT_DIR names (relative to this project).
    // ATLAS_SEARCH_SHARD_NOTES: notes per search-index shard (default 10,000; the tests make it small).
    atlas({ contentDir: process.env.CONTENT_DIR, searchShardNotes: Number(process.env.ATLAS_SEARCH_SHARD_NOTES) || undefined }),
  ],
  trailingSlash: "always",
  build: { format: "directory", concurrency: 8 },
  devToolbar: { enabled: false },
});
