/**
 * The dev server's loop on a vault, as a contributor lives it (part of `npm run bench`): `astro dev` is started with a
 * warm parse cache (a contributor has built or checked before), and timed until a note's page first answers; then a
 * note is saved `EDITS` times, a second apart, and each save timed until its page shows the new text; the server's
 * memory (RSS) is read before the first edit and after the last, and its log is searched for errors.
 *
 *   node scripts/bench-dev.ts <vault> <cache dir>   prints a Markdown section on stdout
 *   BENCH_DEV_EDITS=50                             edits (default 50)
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./lib/cli.ts";

const [vault, cacheDir] = process.argv.slice(2);
if (!vault || !cacheDir) throw new Error("usage: node scripts/bench-dev.ts <vault> <cache dir>");
const EDITS = Number(process.env.BENCH_DEV_EDITS || 50);
const NODE = join(ROOT, "node_modules/.bin/node");
const say = (s: string) => process.stderr.write(s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const folder = readdirSync(vault).find((d) => d === "concepts") ?? readdirSync(vault)[0];
const files = readdirSync(join(vault, folder)).filter((f) => f.endsWith(".md")).sort();
const slug = files[0].replace(/\.md$/, "");
const file = join(vault, folder, files[0]);
const original = readFileSync(file, "utf8");

const port = 4900 + Math.floor(Math.random() * 90);
const url = `http://127.0.0.1:${port}`;
const started = performance.now();
const child = spawn(NODE, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "dev", "--ignore-lock", "--port", String(port), "--host", "127.0.0.1"], {
  cwd: ROOT,
  env: { ...process.env, CONTENT_DIR: vault, ATLAS_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "pipe", "pipe"],
});
let log = "";
child.stdout!.on("data", (d) => (log += d));
child.stderr!.on("data", (d) => (log += d));

const rssMiB = () => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};
async function page(): Promise<string | undefined> {
  try {
    const r = await fetch(`${url}/${slug}/`, { signal: AbortSignal.timeout(30_000) });
    return r.ok ? await r.text() : undefined;
  } catch {
    return undefined;
  }
}

try {
  let first: number | undefined;
  for (let i = 0; i < 1200 && first === undefined; i++) {
    if (child.exitCode !== null) throw new Error(`astro dev exited:\n${log.slice(-3000)}`);
    if ((await page())?.includes("<article")) first = performance.now() - started;
    else await sleep(50);
  }
  if (first === undefined) throw new Error(`no page within a minute:\n${log.slice(-3000)}`);
  say(`bench-dev: first page ${(first / 1000).toFixed(2)} s\n`);
  await sleep(2000); // the graph layout and the first collections settle
  const rssBefore = rssMiB();
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const marker = `Edited for the bench, round ${i}.`;
    const t = performance.now();
    writeFileSync(file, original.replace(/\n---\n/, `\n---\n${marker}\n\n`));
    for (let k = 0; k < 400; k++) {
      if ((await page())?.includes(marker)) break;
      await sleep(20);
    }
    times.push(performance.now() - t);
    await sleep(1000);
  }
  await sleep(2000); // the collection the server runs once edits pause
  const rssAfter = rssMiB();
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const errors = (log.match(/\[ERROR\]/g) ?? []).length;
  const notes = readdirSync(vault, { recursive: true }).filter((f) => String(f).endsWith(".md")).length;
  console.log(`### Dev server (\`astro dev\` on the generated ${notes.toLocaleString("en")}-note vault, warm parse cache)

| measure | value | target |
| --- | --- | --- |
| start to first note page | **${(first / 1000).toFixed(2)} s** | < 5 s |
| save to updated page, median of ${EDITS} saves a second apart | **${(median / 1000).toFixed(2)} s** (max ${(sorted[sorted.length - 1] / 1000).toFixed(2)} s) | < 1 s |
| RSS growth over the ${EDITS} saves | **${(rssAfter - rssBefore).toFixed(0)} MiB** (${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MiB) | < 100 MiB |
| \`[ERROR]\` lines in the log | **${errors}** | 0 |
`);
} finally {
  writeFileSync(file, original);
  child.kill();
}
