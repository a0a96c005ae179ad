/**
 * `npm run import -- <dataset> <checkout or file> [--commit <id>] [--date <YYYY-MM-DD>] [--dry-run]`: imports a dataset
 * of datasets.ts into the vault: `osai` (the European Open Source AI Index's database, a checkout of its repository)
 * and `epoch` (Epoch AI's Notable AI Models, its CSV). A model note per system, a lab (or person) note per
 * organisation, each imported value marked and cited (src/lib/import/); for Epoch AI, the vault's crosswalk.yml says
 * which row is which note, and the run adds its proposals and questions to it. Everything is worked
 * out before anything is written: a record that is not valid YAML, or a note the importer cannot merge into without
 * touching hand-written text, stops the run with nothing written. A second run on the same snapshot changes nothing.
 * The snapshot is the checkout's git commit and date, unless `--commit` and `--date` say.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/lib/config.ts";
import { DATASETS, dataset } from "../src/lib/datasets.ts";
import { CROSSWALK_FILE, CROSSWALK_HEADER, readCrosswalk, writeCrosswalk } from "../src/lib/import/crosswalk.ts";
import { NoteEditError } from "../src/lib/import/edit.ts";
import { EpochFileError, readEpochFile, type EpochModel, type EpochNotice } from "../src/lib/import/epoch.ts";
import { runEpochImport } from "../src/lib/import/epoch-plan.ts";
import { readIndexDir } from "../src/lib/import/osai.ts";
import { OSAI_ORGANISATIONS } from "../src/lib/import/osai-organisations.ts";
import { runImport, type Snapshot } from "../src/lib/import/plan.ts";
import { formatEpochReport, formatImportReport } from "../src/lib/import/report.ts";
import { readVaultNotes, VaultReadError } from "../src/lib/import/vault-notes.ts";
import { contentDir, shown, usage } from "./lib/cli.ts";

const USAGE = `npm run import -- <${DATASETS.map((d) => d.id).join("|")}> <path to a checkout of it (osai) or to its CSV (epoch)> [--commit <git commit>] [--date <YYYY-MM-DD>] [--dry-run]`;

const { positionals, values } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { commit: { type: "string" }, date: { type: "string" }, "dry-run": { type: "boolean" } } });
  } catch (err) {
    return usage(USAGE, (err as Error).message);
  }
})();
const [id, checkout, ...extra] = positionals;
if (!id || !checkout || extra.length) usage(USAGE, extra.length ? `unexpected ${extra.map((e) => `\`${e}\``).join(" ")}` : "give the dataset and the path to its checkout");
const d = dataset(id);
if (!d) usage(USAGE, `\`${id}\` is not a dataset the importer knows; it knows ${DATASETS.map((x) => `\`${x.id}\``).join(", ")}`);
const dir = resolve(checkout);
if (d.id !== "epoch" && (!existsSync(dir) || !statSync(dir).isDirectory())) fail(`${checkout}: no such folder`);
if (values.commit !== undefined && !/^[0-9a-f]{7,40}$/.test(values.commit)) usage(USAGE, `--commit takes a git commit id (7 to 40 hex digits), not \`${values.commit}\``);
if (values.date !== undefined && !/^\d{4}-\d\d-\d\d$/.test(values.date)) usage(USAGE, `--date takes a date as YYYY-MM-DD, not \`${values.date}\``);

function fail(message: string, details: string[] = []): never {
  for (const line of details) console.error(line);
  console.error(`error: ${message}`);
  process.exit(1);
}

/** The checkout's commit and its date, from git when the folder is the top of a git work tree. */
function snapshotOf(folder: string): Snapshot {
  const git = (...args: string[]) => spawnSync("git", ["-C", folder, ...args], { encoding: "utf8" });
  let commit = values.commit;
  let date = values.date;
  const top = git("rev-parse", "--show-toplevel");
  if (top.status === 0 && realpathSync(top.stdout.trim()) === realpathSync(folder)) {
    commit ??= git("rev-parse", "HEAD").stdout.trim();
    date ??= git("log", "-1", "--format=%cs").stdout.trim() || undefined;
  }
  if (!commit) fail(`cannot tell which snapshot ${shown(folder)} is: it is not a git checkout; give --commit <id> (and --date <YYYY-MM-DD>)`);
  return { commit, date };
}

if (d.id === "epoch") await importEpoch();

async function importEpoch(): Promise<never> {
  const file = resolve(checkout);
  if (!existsSync(file) || !statSync(file).isFile()) fail(`${checkout}: no such file; give the path of Epoch AI's CSV (notable-ai-models.csv)`);
  // The snapshot: the commit of the repository the CSV is in, and the date the copy was taken (--date).
  const top = spawnSync("git", ["-C", dirname(file), "rev-parse", "--show-toplevel"], { encoding: "utf8" });
  const inRepo = top.status === 0 ? relative(realpathSync(top.stdout.trim()), realpathSync(file)).split(sep).join("/") : basename(file);
  const commit = values.commit ?? (top.status === 0 ? spawnSync("git", ["-C", dirname(file), "rev-parse", "HEAD"], { encoding: "utf8" }).stdout.trim() : undefined);
  if (!commit) fail(`cannot tell which snapshot ${shown(file)} is: it is not in a git checkout; give --commit <id> and --date <YYYY-MM-DD>`);
  const snapshot: Snapshot = { commit, date: values.date ?? (top.status === 0 ? spawnSync("git", ["-C", dirname(file), "log", "-1", "--format=%cs"], { encoding: "utf8" }).stdout.trim() || undefined : undefined) };
  let models: EpochModel[];
  let notices: EpochNotice[];
  try {
    ({ models, notices } = readEpochFile(file));
  } catch (err) {
    if (err instanceof EpochFileError) fail(`${shown(file)}: ${err.message}; nothing was written`);
    throw err;
  }
  if (!models.length) fail(`${shown(file)} holds no rows; nothing was written`);
  const vaultDir = contentDir();
  const crosswalkFile = join(vaultDir, CROSSWALK_FILE);
  const crosswalk = readCrosswalk(existsSync(crosswalkFile) ? readFileSync(crosswalkFile, "utf8") : "");
  if (crosswalk.problems.length) fail(`the crosswalk cannot be read; nothing was written`, crosswalk.problems.map((p) => `${shown(crosswalkFile)}:${p.line}:${p.column}: ${p.message}`));
  try {
    const bound = dataset(d!.id, (await loadConfig(vaultDir)).site.datasets)!;
    const notes = await readVaultNotes(vaultDir, d!.id);
    const { writes, crosswalk: changes, report } = runEpochImport({ dataset: bound, models, notes, snapshot, crosswalk, file: inRepo, notices });
    const crosswalkChanged = [...changes.values()].some((s) => s.models.size || s.organisations.size);
    if (!values["dry-run"]) {
      for (const [path, text] of writes) {
        const target = join(vaultDir, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
      if (crosswalkChanged) writeFileSync(crosswalkFile, writeCrosswalk(crosswalk, changes, CROSSWALK_HEADER));
    }
    console.log(formatEpochReport(report, { written: writes.size, crosswalk: crosswalkChanged ? shown(crosswalkFile) : undefined, dryRun: values["dry-run"] }));
    if (report.questions.length) console.error(`next: settle the ${report.questions.length} question${report.questions.length === 1 ? "" : "s"} in ${shown(crosswalkFile)} (write the note's slug, \`new\` or \`skip\`), then run the import again`);
    else if (writes.size && !values["dry-run"]) console.error("next: npm run check -- --strict, then npm run changes to review what the import changed");
  } catch (err) {
    if (err instanceof NoteEditError || err instanceof VaultReadError) fail(`${err.message}${/nothing was written/.test(err.message) ? "" : "; nothing was written"}`);
    throw err;
  }
  process.exit(0);
}

const snapshot = snapshotOf(dir);
const { systems, notices, errors } = readIndexDir(dir, d);
if (errors.length) {
  fail(
    `${errors.length} file${errors.length === 1 ? "" : "s"} of ${shown(dir)} cannot be read as records of the ${d.label}; nothing was written`,
    errors.map((e) => `${shown(join(dir, e.file))}${e.line ? `:${e.line}` : ""}: ${e.message.slice(e.message.indexOf(": ") + 2)}`),
  );
}
if (!systems.length) fail(`${shown(dir)} holds no records of the ${d.label}; nothing was written`);

const vaultDir = contentDir();
try {
  // The vault names the dataset's source note in its atlas.yml (`datasets`): every imported value cites it.
  const bound = dataset(d.id, (await loadConfig(vaultDir)).site.datasets)!;
  const notes = await readVaultNotes(vaultDir, d.id);
  const { writes, report } = runImport({ dataset: bound, systems, notes, snapshot, readings: d.id === "osai" ? OSAI_ORGANISATIONS : {}, notices });
  if (!values["dry-run"]) {
    for (const [path, text] of writes) {
      const file = join(vaultDir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  console.log(formatImportReport(report, { written: writes.size, dryRun: values["dry-run"] }));
  if (writes.size && !values["dry-run"]) console.error("next: npm run check -- --strict, then npm run changes to review what the import changed");
} catch (err) {
  if (err instanceof NoteEditError || err instanceof VaultReadError) fail(`${err.message}${/nothing was written/.test(err.message) ? "" : "; nothing was written"}`);
  throw err;
}
