/**
 * Graph benchmark: layout time, global and per-page payload sizes, and the time from navigation to the first drawn
 * frame of /graph/ in headless Chromium (SwiftShader). Prints a Markdown section; a benchmark, it asserts nothing.
 *
 *   node scripts/bench-graph.ts <content-dir> <dist-dir> [runs]
 *
 * `npm run bench` can import `benchGraph` instead and add the section to bench/RESULTS.md.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "./lib/browser.ts";
import { serveDir } from "./lib/serve.ts";
import { buildLandscapeGraph, edgeKinds } from "../src/lib/graph/build.ts";
import { computeLayout, defaultIterations } from "../src/lib/graph/layout.ts";
import { localPayload } from "../src/lib/graph/local.ts";
import { encodeGlobalPayload } from "../src/lib/graph/serialize.ts";
import { buildUndirectedIndex } from "../src/lib/graph/undirected.ts";
import { loadVault } from "../src/lib/vault.ts";

export interface GraphBench {
  notes: number;
  edges: number;
  iterations: number;
  graphMs: number;
  layoutMs: number;
  localAllMs: number;
  globalBytes: number;
  globalGzipBytes: number;
  local: { pages: number; medianBytes: number; p95Bytes: number; maxBytes: number; over5k: number; source: "pages" | "computed" };
  firstFrameMs: number[];
  edgesMs: number[];
  graphJsGzipBytes: number;
}

const LOCAL_RE = /<script type="application\/json" data-local-graph-data>([^<]*)<\/script>/;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10240 ? 2 : 0)} KB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Navigation start to the first frame with nodes, and to the frame with edges, over `runs` fresh visits. */
async function firstFrames(distDir: string, runs: number): Promise<{ first: number[]; edges: number[]; jsGzip: number }> {
  const site = await serveDir(distDir);
  const browser = await launchBrowser();
  const first: number[] = [], edges: number[] = [];
  let jsGzip = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } }); // empty cache: a first visit
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on("response", (r) => r.url().endsWith(".js") && scripts.push(r.url()));
      await page.goto(`${site.url}/graph/`);
      await page.locator("[data-graph-page][data-edges]").waitFor({ timeout: 60_000 });
      const marks = await page.evaluate(() => ["atlas-graph-first-frame", "atlas-graph-edges"].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN));
      first.push(marks[0]);
      edges.push(marks[1]);
      if (i === 0) for (const u of scripts) jsGzip += gzipSync(readFileSync(join(distDir, new URL(u).pathname))).length;
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return { first, edges, jsGzip };
}

function localSizesFromPages(distDir: string): number[] {
  const sizes: number[] = [];
  for (const e of readdirSync(distDir, { withFileTypes: true })) {
    const html = join(distDir, e.name, "index.html");
    if (!e.isDirectory() || !existsSync(html)) continue;
    const m = LOCAL_RE.exec(readFileSync(html, "utf8"));
    if (m) sizes.push(Buffer.byteLength(m[1]));
  }
  return sizes;
}

export async function benchGraph(contentDir: string, distDir: string, runs = 5): Promise<{ figures: GraphBench; markdown: string }> {
  const vault = await loadVault(resolve(contentDir));
  let t = performance.now();
  const graph = buildLandscapeGraph(vault);
  const graphMs = performance.now() - t;
  t = performance.now();
  const layout = computeLayout(graph); // fresh, never from the cache
  const layoutMs = performance.now() - t;
  const kinds = edgeKinds(graph);
  const undirected = buildUndirectedIndex(graph, kinds);
  t = performance.now();
  const computed = graph.nodes().map((slug) => Buffer.byteLength(localPayload(graph, undirected, slug, kinds).json));
  const localAllMs = performance.now() - t;

  const dist = resolve(distDir);
  const globalFile = readdirSync(join(dist, "graph")).find((f) => /^landscape\.[0-9a-f]+\.json$/.test(f));
  const globalJson = globalFile ? readFileSync(join(dist, "graph", globalFile)) : Buffer.from(JSON.stringify(encodeGlobalPayload(graph, layout, undefined, kinds, undirected)));
  const fromPages = localSizesFromPages(dist);
  const sizes = fromPages.length ? fromPages : computed;
  const frames = await firstFrames(dist, runs);

  const figures: GraphBench = {
    notes: graph.order,
    edges: graph.size,
    iterations: defaultIterations(graph.order),
    graphMs,
    layoutMs,
    localAllMs,
    globalBytes: globalJson.length,
    globalGzipBytes: gzipSync(globalJson, { level: 9 }).length,
    local: { pages: sizes.length, medianBytes: median(sizes), p95Bytes: quantile(sizes, 0.95), maxBytes: Math.max(...sizes), over5k: sizes.filter((s) => s > 5120).length, source: fromPages.length ? "pages" : "computed" },
    firstFrameMs: frames.first,
    edgesMs: frames.edges,
    graphJsGzipBytes: frames.jsGzip,
  };
  const f = figures;
  const markdown = [
    `### Graph (${f.notes.toLocaleString("en")} notes, ${f.edges.toLocaleString("en")} directed edges)`,
    ``,
    `| measure | value | target |`,
    `| --- | --- | --- |`,
    `| build the graph from the vault | ${sec(f.graphMs)} | |`,
    `| layout, uncached (Louvain seeding, ForceAtlas2 × ${f.iterations}, noverlap) | ${sec(f.layoutMs)} | cached by graph hash after the first build |`,
    `| every note's local payload | ${sec(f.localAllMs)} | |`,
    `| global payload \`${globalFile ?? "(not in dist)"}\` | ${kb(f.globalBytes)} raw, **${kb(f.globalGzipBytes)} gzip** | < 400 KB gzip |`,
    `| local payload per note page (${f.local.source === "pages" ? `${f.local.pages.toLocaleString("en")} pages` : "computed; not found in the pages"}) | median ${kb(f.local.medianBytes)}, p95 ${kb(f.local.p95Bytes)}, **max ${kb(f.local.maxBytes)}**; ${f.local.over5k} over 5 KB | < 5 KB |`,
    `| /graph/ navigation → first frame (nodes), median of ${f.firstFrameMs.length} | **${sec(median(f.firstFrameMs))}** (max ${sec(Math.max(...f.firstFrameMs))}) | < 1.5 s, SwiftShader |`,
    `| /graph/ navigation → edges drawn, median | ${sec(median(f.edgesMs))} | |`,
    `| /graph/ JavaScript, gzip | ${kb(f.graphJsGzipBytes)} | |`,
    ``,
  ].join("\n");
  return { figures, markdown };
}

if (import.meta.main) {
  const [contentDir, distDir, runs] = process.argv.slice(2);
  if (!contentDir || !distDir) {
    console.error("usage: node scripts/bench-graph.ts <content-dir> <dist-dir> [runs]");
    process.exit(2);
  }
  const { markdown } = await benchGraph(contentDir, distDir, runs ? Number(runs) : 5);
  console.log(markdown);
}
