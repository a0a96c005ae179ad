/**
 * An Obsidian vault's attachments (images, audio, video, PDFs), copied into the site at `files/<folders>/<name>`
 * (slugged addresses, src/lib/slugs.ts) from the vault as they are. Other files are not published.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { APIRoute } from "astro";
import { site } from "virtual:atlas/site";

export async function getStaticPaths() {
  const { vault } = await site();
  return [...vault.attachments.values()].filter((a) => a.kind !== "other").map((a) => ({ params: { path: a.url }, props: { path: a.path } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { vault } = await site();
  return new Response(new Uint8Array(await readFile(join(vault.dir, (props as { path: string }).path))));
};
