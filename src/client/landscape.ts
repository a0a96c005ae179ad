/** Fetches and decodes the global payload once per page, whoever asks first (search box, global view). */
import type { GlobalPayload } from "../lib/graph/payload.ts";
import { decodeGlobal, type LandscapeData } from "../lib/graph/query.ts";
import { siteUrls } from "../lib/urls.ts";

const loaded = new Map<string, Promise<LandscapeData>>();

export function loadLandscape(url: string): Promise<LandscapeData> {
  let p = loaded.get(url);
  if (!p) {
    p = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`Could not load the graph data (${res.status} ${url})`);
      return decodeGlobal((await res.json()) as GlobalPayload);
    });
    p.catch(() => loaded.delete(url)); // a later attempt may succeed
    loaded.set(url, p);
  }
  return p;
}

/** A note's address from the site base: the same module builds it on the server. */
export const noteUrl = (base: string, slug: string) => siteUrls(base).note(slug);
