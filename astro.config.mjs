// @ts-check
import { defineConfig } from "astro/config";
import atlas from "./src/integration/index.ts";

export default defineConfig({
  integrations: [
    // The vault: `content/`, or the folder CONTENT_DIR names (relative to this project).
    atlas({ contentDir: process.env.CONTENT_DIR }),
  ],
  trailingSlash: "always",
  build: { format: "directory", concurrency: 8 },
  devToolbar: { enabled: false },
});
