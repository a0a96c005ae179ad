/// <reference types="astro/client" />

/** What the `atlas()` integration hands its pages (src/integration/index.ts, bridge.ts). */
declare module "virtual:atlas/site" {
  /** The site's identity: atlas.yml's settings with the vault's defaults (src/lib/config.ts). */
  export const settings: import("./lib/config.ts").SiteIdentity;
  /** The site model of the loaded, checked vault. */
  export function site(): Promise<import("./lib/site.ts").Site>;
  /** Counts a rendered page, for the build's progress. */
  export function pageRendered(): void;
  /** The incremental build's page cache (src/lib/page-cache.ts): none in the dev server or with the cache off. */
  export function pageCache(): import("./lib/page-cache.ts").PageCache | undefined;
}
