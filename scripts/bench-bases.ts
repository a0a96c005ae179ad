/**
 * Bases benchmark: one base with a filter, a formula, a sort and a summary, evaluated over every note of a vault and
 * rendered as its page would show it (src/lib/bases/), timed apart from the build. `npm run bench` runs it on the
 * generated 10,000-note vault and reports the time as a share of that vault's cold build (target ≤ 5%).
 *
 *   node scripts/bench-bases.ts <content-dir> [runs]      prints one line of JSON: BasesBench
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Bases } from "../src/lib/bases/index.ts";
import { runBase } from "../src/lib/bases/evaluate.ts";
import { parseBase } from "../src/lib/bases/parse.ts";
import { renderRun } from "../src/lib/bases/render.ts";
import type { Vault } from "../src/lib/types.ts";
import { loadVault } from "../src/lib/vault.ts";

/** The base timed: a filter over every note, a formula per matching note, a two-key sort, two summaries. */
export const BENCH_BASE = `filters:
  or:
    - 'type == "model"'
    - file.hasTag("topic-1")
formulas:
  words: 'summary.split(" ").length + tags.length'
views:
  - type: table
    name: Models and topic 1
    order: [file.name, type, formula.words, updated]
    sort:
      - property: formula.words
        direction: DESC
      - property: file.name
        direction: ASC
    summaries:
      formula.words: Average
      updated: Latest
`;

export interface BasesBench {
  notes: number;
  /** Notes the filter kept. */
  matched: number;
  /** Problems met while evaluating (0 for a vault of the generator's shape). */
  errors: number;
  /** Each run's time (a fresh world each time: notes made into files, the filter, formulas, sort, summaries, HTML), ms. */
  runsMs: number[];
  /** The median run, ms. */
  ms: number;
  htmlBytes: number;
}

/** Times the bench base over a loaded vault, `runs` times, each with a fresh world (nothing carried between runs). */
export function benchBases(vault: Vault, runs = 3): BasesBench {
  const spec = parseBase(BENCH_BASE);
  if (spec.problems.length) throw new Error(`the bench base does not read: ${spec.problems[0].message}`);
  const runsMs: number[] = [];
  let matched = 0;
  let errors = 0;
  let htmlBytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const bases = new Bases(vault, { href: (slug) => `/${slug}/` });
    const run = runBase(spec, bases.world, { view: "all" });
    const html = renderRun(run, bases.world, { headings: true });
    runsMs.push(performance.now() - started);
    matched = run.views[0]?.matched ?? 0;
    errors = run.errors.length;
    htmlBytes = html.length;
  }
  const ms = [...runsMs].sort((a, b) => a - b)[Math.floor(runsMs.length / 2)];
  return { notes: vault.notes.length, matched, errors, runsMs, ms, htmlBytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = resolve(process.argv[2] ?? "content");
  const runs = Number(process.argv[3] ?? 3);
  const vault = await loadVault(dir, { html: false });
  console.log(JSON.stringify(benchBases(vault, runs)));
}
