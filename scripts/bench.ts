/**
 * `npm run bench`: generates 1,000- and 10,000-note vaults with ../shared/bench/gen-vault.mjs (unchanged), runs the
 * real check and build commands on them, and writes bench/RESULTS.md (median wall time, peak RSS, pages, output
 * size, with the machine, Node and commit). A benchmark, not a test: it asserts nothing about time.
 *
 * BENCH_SIZES=1000,10000 and BENCH_RUNS=3 change what is measured; CONTENT_DIR adds that vault as a row.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, freemem, totalmem, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ROOT } from "./lib/cli.ts";

const GEN = join(ROOT, "../shared/bench/gen-vault.mjs");
const SIZES = (process.env.BENCH_SIZES || "1000,10000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
if (!existsSync(GEN)) throw new Error(`${GEN} not found: the bench needs ../shared beside the checkout`);

interface Run {
  seconds: number;
  peakMiB: number | null;
  code: number;
  out: string;
}

/** Runs a project script; wall time measured here, peak RSS by GNU time (the whole process tree's largest). */
function run(script: string, env: Record<string, string>, args: string[] = []): Run {
  const node = join(ROOT, "node_modules/.bin/node");
  const cmd = TIME ? [TIME, "-f", "BENCH_RSS_KB=%M", node] : [node];
  const started = performance.now();
  const r = spawnSync(cmd[0], [...cmd.slice(1), join(ROOT, "scripts", script), ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: "true", ASTRO_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = /BENCH_RSS_KB=(\d+)/.exec(r.stderr)?.[1];
  return { seconds, peakMiB: rss ? Number(rss) / 1024 : null, code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function walk(dir: string): { files: number; html: number; bytes: number } {
  let files = 0, html = 0, bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    if (e.name.endsWith(".html")) html++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, html, bytes };
}

const rows: string[] = [];
let largest: { vault: string; out: string } | undefined;
const work = mkdtempSync(join(tmpdir(), "atlas-bench-"));
// The generated vaults, then the vault CONTENT_DIR names, if any (measured as it is).
const vaults: { label: string; dir: string; generate?: number }[] = SIZES.map((n) => ({ label: n.toLocaleString("en"), dir: join(work, `vault-${n}`), generate: n }));
if (process.env.CONTENT_DIR) vaults.push({ label: `\`${process.env.CONTENT_DIR}\``, dir: resolve(process.env.CONTENT_DIR) });
for (const { label, dir: vault, generate } of vaults) {
  if (generate) execFileSync(join(ROOT, "node_modules/.bin/node"), [GEN, "--notes", String(generate), "--out", vault], { stdio: "ignore" });
  const checks: Run[] = [];
  const builds: Run[] = [];
  let out = "";
  for (let i = 0; i < RUNS; i++) {
    process.stderr.write(`bench: ${label}, run ${i + 1}/${RUNS}: check`);
    const c = run("check.ts", { CONTENT_DIR: vault });
    if (c.code !== 0) throw new Error(`check failed on ${label}:\n${c.out.slice(-3000)}`);
    checks.push(c);
    process.stderr.write(` ${c.seconds.toFixed(1)} s, build`);
    out = join(work, `dist-${generate ?? "content"}`);
    const b = run("build.ts", { CONTENT_DIR: vault, OUT_DIR: out });
    if (b.code !== 0) throw new Error(`build failed on ${label}:\n${b.out.slice(-3000)}`);
    builds.push(b);
    process.stderr.write(` ${b.seconds.toFixed(1)} s\n`);
  }
  const size = walk(out);
  const errors = /✔ 0 errors/.test(checks[0].out) ? 0 : "?";
  const fmt = (rs: Run[]) =>
    `${median(rs.map((r) => r.seconds)).toFixed(2)} s | ${rs.every((r) => r.peakMiB) ? `${median(rs.map((r) => r.peakMiB!)).toFixed(0)} MiB` : "n/a"}`;
  rows.push(`| ${label} | check | ${fmt(checks)} | ${errors} errors | |`);
  rows.push(`| ${label} | build | ${fmt(builds)} | ${size.html.toLocaleString("en")} pages | ${(size.bytes / 1024 / 1024).toFixed(1)} MiB in ${size.files.toLocaleString("en")} files |`);
  if (generate === Math.max(...SIZES)) largest = { vault, out };
}

// The graph measurements (layout time, payload sizes, first frame in Chromium), when the graph module provides them.
let graphSection = "";
if (largest && existsSync(join(ROOT, "scripts/bench-graph.ts"))) {
  const g = spawnSync(join(ROOT, "node_modules/.bin/node"), [join(ROOT, "scripts/bench-graph.ts"), largest.vault, largest.out], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } });
  graphSection = g.status === 0 ? g.stdout : `Graph bench failed:\n\n\`\`\`\n${(g.stdout + g.stderr).slice(-2000)}\n\`\`\`\n`;
}

const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" }).stdout.trim() ? " (with uncommitted changes)" : "";
const nodeVersion = execFileSync(join(ROOT, "node_modules/.bin/node"), ["--version"], { encoding: "utf8" }).trim();
const md = `# Benchmark results

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.

- Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end)
- Node ${nodeVersion} (the project's pinned Node), commit \`${commit}\`${dirty}
- Vaults: \`../shared/bench/gen-vault.mjs --notes N\` (seed 1, unmodified). Median of ${RUNS} runs of the real commands
  (\`scripts/check.ts\`, \`scripts/build.ts\`: check + Astro + Pagefind + atomic swap). Peak RSS from GNU time: the
  largest process of the run.
- Targets: 10,000 notes build in < 60 s with peak RSS < 2 GiB; check in < 5 s; zero errors.

| notes | command | median wall time | peak RSS | result | output |
| --- | --- | --- | --- | --- | --- |
${rows.join("\n")}

${graphSection}`;
mkdirSync(join(ROOT, "bench"), { recursive: true });
writeFileSync(join(ROOT, "bench/RESULTS.md"), md);
rmSync(work, { recursive: true, force: true });
console.log(md);
