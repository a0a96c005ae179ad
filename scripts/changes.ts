/**
 * `npm run changes -- [<base-ref>]`: what this branch changes in the wiki, as Markdown for its reviewers (CI writes
 * it to the pull request's job summary). Loads the vault as it was where the branch left <base-ref> (default: main's
 * remote or local branch; exported with `git archive`, nothing in the checkout changes) and as it is now in the
 * working tree, and compares the two (src/lib/changes.ts). `--json` prints the same summary as data.
 */
import { parseArgs } from "node:util";
import { loadVaultAt } from "../src/lib/base-vault.ts";
import { diffVaults } from "../src/lib/changes.ts";
import { changesMarkdown } from "../src/lib/changes-markdown.ts";
import { baseCommit, changedPaths, GitError, repositoryOf, shortCommit } from "../src/lib/git.ts";
import { projectCache } from "../src/lib/parse-cache.ts";
import { Site } from "../src/lib/site.ts";
import { VaultLoader } from "../src/lib/vault.ts";
import { contentDir, fail, ROOT, shown, usage } from "./lib/cli.ts";

const USAGE = "npm run changes -- [<base-ref>] [--json]";
const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { json: { type: "boolean" } } });
  } catch (err) {
    return usage(USAGE, (err as Error).message);
  }
})();
if (positionals.length > 1) usage(USAGE, `unexpected ${positionals.slice(1).map((p) => `\`${p}\``).join(" ")}`);

const dir = contentDir();
const repo = repositoryOf(dir);
if (!repo) fail({ file: shown(dir) }, "`changes` compares with git, but the vault is not in a git repository", "run it in a clone of the wiki's repository");
let base: { ref: string; commit: string };
try {
  base = baseCommit(repo.root, positionals[0]);
} catch (err) {
  if (!(err instanceof GitError)) throw err;
  fail({ file: shown(repo.root) }, err.message, positionals[0] ? "give a branch, tag or commit that exists (`git branch -a` lists them; in CI fetch it first)" : "name the base: npm run changes -- <base-ref>");
}
const cache = projectCache(ROOT);
const [before, after] = await Promise.all([loadVaultAt(repo.root, base.commit, repo.sub, cache), new VaultLoader(dir, { cache, cwd: repo.root }).load()]);
const summary = diffVaults(before, after, changedPaths(repo.root, base.commit, repo.sub), { base: before && new Site(before), head: new Site(after) });
if (values.json) console.log(JSON.stringify(summary, null, 2));
else process.stdout.write(changesMarkdown(summary, { base: `\`${base.ref}\` (${shortCommit(repo.root, base.commit)})` }));
