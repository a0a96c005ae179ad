/**
 * An Obsidian vault's attachments in `astro dev`. The build writes them through src/pages/files/[...path].ts; the dev
 * server would answer those addresses only with a trailing slash (`trailingSlash: "always"`, and a route whose name
 * has no extension is a page to it), so it serves them here, from the site it already has: no other file is ever
 * served, only an attachment the vault lists, by its slugged address.
 */
import { createReadStream } from "node:fs";
import { join } from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Site } from "../lib/site.ts";

const TYPES: Record<string, string> = {
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", svg: "image/svg+xml", avif: "image/avif", bmp: "image/bmp",
  mp3: "audio/mpeg", wav: "audio/wav", m4a: "audio/mp4", ogg: "audio/ogg", oga: "audio/ogg", flac: "audio/flac", "3gp": "audio/3gpp",
  mp4: "video/mp4", webm: "video/webm", ogv: "video/ogg", mov: "video/quicktime", mkv: "video/x-matroska", pdf: "application/pdf",
};

/** A connect middleware answering `<base>files/<address>` with the attachment's bytes; anything else goes on. */
export function attachmentMiddleware(site: () => Promise<Site>, base: string) {
  const prefix = `${base}files/`;
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = decodeURIComponent((req.url ?? "").split("?")[0]);
    if (!path.startsWith(prefix)) return next();
    void site().then((s) => {
      const url = path.slice(prefix.length);
      const file = [...s.vault.attachments.values()].find((a) => a.url === url && a.kind !== "other");
      if (!file) return next();
      res.setHeader("content-type", TYPES[url.slice(url.lastIndexOf(".") + 1)] ?? "application/octet-stream");
      createReadStream(join(s.vault.dir, file.path)).pipe(res);
    }, next);
  };
}
