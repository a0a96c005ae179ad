/**
 * The parse floor: how long a bare Markdown parse of a whole vault takes on this machine, right now. `npm run bench`
 * divides build times by it, so its targets hold on machines of any speed.
 *
 *   node scripts/bench-parse.ts <vault-dir>
 *
 * Reads every note under the folder into memory first (`.md` files, chosen as the vault loader chooses them: not
 * README.md, nothing under a hidden or `_`-prefixed name), strips the YAML frontmatter (from a first line `---` to
 * the next `---` line), then times `unified().use(remarkParse).parse(body)` of every body: one warm-up pass, then
 * three timed passes. Only the parsing is timed, not the reading. Prints on stdout
 * `{ "notes": N, "fastestMs": ms, "runsMs": [ms, ms, ms] }`; progress on stderr.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import remarkParse from "remark-parse";
import { unified } from "unified";

const PASSES = 3;

/** The note files under `dir`, sorted, as src/lib/vault.ts lists them. */
function noteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md") && e.name.toLowerCase() !== "readme.md")
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !relative(dir, p).split(/[\\/]/).some((part) => part.startsWith(".") || part.startsWith("_")))
    .sort();
}

/** The text after the frontmatter: everything after the second `---` line when the first line is `---`. */
export function stripFrontmatter(text: string): string {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const open = /^---[ \t]*\r?\n/.exec(src);
  if (!open) return src;
  const close = /^---[ \t]*(?:\r?\n|$)/m.exec(src.slice(open[0].length));
  return close ? src.slice(open[0].length + close.index + close[0].length) : src;
}

if (import.meta.main) {
  const arg = process.argv[2];
  if (!arg) {
    console.error("usage: node scripts/bench-parse.ts <vault-dir>");
    process.exit(2);
  }
  const dir = resolve(arg);
  const bodies = noteFiles(dir).map((file) => stripFrontmatter(readFileSync(file, "utf8")));
  if (!bodies.length) {
    console.error(`bench-parse: no notes under ${dir}`);
    process.exit(1);
  }
  const processor = unified().use(remarkParse).freeze();
  let nodes = 0; // used below, so no pass can be optimised away
  const pass = () => {
    const t = performance.now();
    for (const body of bodies) nodes += processor.parse(body).children.length;
    return performance.now() - t;
  };
  const label = `bench-parse: ${bodies.length.toLocaleString("en")} notes`;
  console.error(`${label}, warm-up ${(pass() / 1000).toFixed(2)} s`);
  const runsMs: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    runsMs.push(Math.round(pass() * 10) / 10);
    console.error(`${label}, pass ${i + 1}/${PASSES} ${(runsMs[i] / 1000).toFixed(2)} s`);
  }
  if (!nodes) console.error("bench-parse: every note parsed to an empty tree");
  console.log(JSON.stringify({ notes: bodies.length, fastestMs: Math.min(...runsMs), runsMs }));
}
