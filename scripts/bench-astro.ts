/**
 * What Astro alone costs for N pages (part of `npm run bench`): a throwaway Astro project, beside the bench's vaults,
 * whose one route renders N trivial pages (a title and a line) with this project's Astro and settings (directory
 * format, eight at a time), built once to warm the disk and then timed. Our build can be no faster than this; the
 * bench reports it as a multiple of the same parse floor, so it shows how much of a target Astro itself takes.
 *
 *   node scripts/bench-astro.ts <pages> <work folder>   prints `{"pages":N,"ms":…}`
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./lib/cli.ts";

const [pagesArg, work] = process.argv.slice(2);
const pages = Number(pagesArg);
if (!Number.isInteger(pages) || pages < 1 || !work) throw new Error("usage: node scripts/bench-astro.ts <pages> <work folder>");
const dir = join(work, `astro-floor-${pages}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, "src/pages"), { recursive: true });
symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "astro-floor", private: true, type: "module" }));
writeFileSync(
  join(dir, "astro.config.mjs"),
  `import { defineConfig } from "astro/config";\nexport default defineConfig({ trailingSlash: "always", build: { format: "directory", concurrency: 8 }, devToolbar: { enabled: false } });\n`,
);
writeFileSync(
  join(dir, "src/pages/[slug].astro"),
  `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { slug: \`note-\${i}\` } })); }\nconst { slug } = Astro.params;\n---\n<html lang="en"><head><title>{slug}</title></head><body><main><h1>{slug}</h1><p>A page of {slug}.</p></main></body></html>\n`,
);
const build = () => {
  rmSync(join(dir, "dist"), { recursive: true, force: true });
  const t = performance.now();
  const r = spawnSync(join(ROOT, "node_modules/.bin/node"), [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build", "--silent"], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`astro build of the floor project failed:\n${r.stdout}\n${r.stderr}`);
  return performance.now() - t;
};
build();
const ms = Math.min(build(), build());
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ pages, ms }));
