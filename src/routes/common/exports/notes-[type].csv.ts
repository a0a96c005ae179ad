/** One CSV of notes per type: /exports/notes-model.csv and so on. */
import type { APIRoute } from "astro";
import { site } from "virtual:atlas/site";
import { exportResponse } from "./_export.ts";

export async function getStaticPaths() {
  return (await site()).types.map((t) => ({ params: { type: t.type } }));
}

export const GET: APIRoute = ({ params }) => exportResponse(`exports/notes-${params.type}.csv`);
