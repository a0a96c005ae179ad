/** One CSV of notes per type: /exports/notes-model.csv and so on. */
import type { APIRoute } from "astro";
import { NOTE_TYPES } from "../../lib/schema.ts";
import { exportResponse } from "./_export.ts";

export function getStaticPaths() {
  return NOTE_TYPES.map((type) => ({ params: { type } }));
}

export const GET: APIRoute = ({ params }) => exportResponse(`exports/notes-${params.type}.csv`);
