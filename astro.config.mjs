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
  // Astro 7.4's experimental.parallelPrerender is not used: measured on this 2-core machine (Astro 7.4.8, 2026-12-07)
  // Astro alone on 10,000 trivial pages took 11.3 s with it (one worker) against 6.5 s without, and its workers
  // would each need the vault again (they do not share the build context the pages read: src/integration/bridge.ts).
  build: { format: "directory", concurrency: 8 },
  // Astro's experimental.incrementalBuild is not used: it visits every page to copy it from its cache; the atlas()
  // integration's own page cache (src/lib/page-cache.ts) hands Astro only the pages that changed.
  devToolbar: { enabled: false },
});
