/** The whole graph as GEXF 1.2, with positions, sizes and type colours: opens in Gephi. */
import type { APIRoute } from "astro";
import { exportResponse } from "./_export.ts";

export const GET: APIRoute = () => exportResponse("exports/atlas-graph.gexf");
