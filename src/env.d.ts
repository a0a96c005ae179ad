/// <reference types="astro/client" />

/** The site model the `atlas()` integration loaded (src/integration/index.ts). */
declare module "virtual:atlas/site" {
  export function site(): Promise<import("./lib/site.ts").Site>;
  export function noteSources(): import("./lib/note-source.ts").NoteSources;
}
