/** The whole graph in graphology's JSON format, with layout positions: `Graph.from(await res.json())`. */
import type { APIRoute } from "astro";
import { exportResponse } from "./_export.ts";

export const GET: APIRoute = () => exportResponse("exports/atlas-graph.json");
