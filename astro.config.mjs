// @ts-check
import { defineConfig } from "astro/config";
import atlas from "./src/integration/index.ts";
import { integrationOptionsFromEnv } from "./src/lib/env.ts";

// The site's identity (title, description, origin, language, repository, home note) is the vault's: its atlas.yml.
// The environment says which vault and how to treat it (src/lib/env.ts, read the same way by every command):
// CONTENT_DIR (default `content/`), ATLAS_RAW_HTML=refuse|sanitize, ATLAS_ALLOW_ERRORS=1, ATLAS_SEARCH_SHARD_NOTES.
export default defineConfig({
  integrations: [atlas(integrationOptionsFromEnv())],
  trailingSlash: "always",
  build: { format: "directory", concurrency: 8 },
  devToolbar: { enabled: false },
});
