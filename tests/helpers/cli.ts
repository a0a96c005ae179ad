/** Runs the project's real commands (as `npm run check` / `npm run build` do) and serves a built site. */
import { spawn, spawnSync } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { tempDir } from "./temp.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
/** The project's pinned Node (the `node` devDependency), whatever Node runs the tests. */
export const NODE = existsSync(join(ROOT, "node_modules/.bin/node")) ? join(ROOT, "node_modules/.bin/node") : process.execPath;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node scripts/<name>.ts args` with the given environment, from the repository root. */
export function runScript(name: string, args: string[], env: Record<string, string>): RunResult {
  const r = spawnSync(NODE, [join(ROOT, "scripts", `${name}.ts`), ...args], {
    cwd: ROOT,
    env: { ...cleanEnv(), CI: "true", ASTRO_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Builds the vault in `contentDir` into a fresh folder (removed after the test file: temp.ts) through the real build
 * command; throws with its output on failure.
 */
export function buildSite(contentDir: string, env: Record<string, string> = {}): string {
  const out = join(tempDir("atlas-site-"), "dist");
  const r = runScript("build", [], { CONTENT_DIR: contentDir, OUT_DIR: out, ...env });
  if (r.code !== 0) throw new Error(`build failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

/**
 * The environment without the test runner's own variables (NODE_ENV=test, VITEST...), as a person's shell has it;
 * nor GitHub Actions' marker, which would switch the checker to annotations in CI (a test sets it when it means to).
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("VITEST") || k === "NODE_ENV" || k === "TEST" || k === "GITHUB_ACTIONS") delete env[k];
  return env;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};

/** A static file server for a built site on a free loopback port, like any static host. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      createReadStream(join(dir, "404.html")).pipe(res);
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Starts `astro dev` on a vault and waits until it answers; its log comes back as plain text (without colour codes) (`--ignore-lock`: beside any dev server already running, in the foreground). */
export async function startDevServer(contentDir: string): Promise<{ url: string; stop: () => void; log: () => string }> {
  const port = 4400 + Math.floor(Math.random() * 500);
  const child = spawn(NODE, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "dev", "--ignore-lock", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...cleanEnv(), CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: "1" },
    stdio: "pipe",
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500));
    if (child.exitCode !== null) throw new Error(`astro dev exited:\n${log}`);
    try {
      if ((await fetch(`${url}/`, { signal: AbortSignal.timeout(20_000) })).ok) return { url, stop: () => child.kill(), log: () => stripVTControlCharacters(log) };
    } catch {
      /* not up yet */
    }
  }
  child.kill();
  throw new Error(`astro dev did not answer within 60 s:\n${log}`);
}
