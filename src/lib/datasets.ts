/**
 * The datasets the wiki imports from (`npm run import -- <id> <checkout>`): for each, the source note every imported
 * value cites, where its records live, and the credit its licence asks for. A value the importer writes carries
 * `imported: <id>` and the note a `record` naming the dataset's file it came from, so the checker, the pages and
 * `npm run changes` can tell imported values from hand-written ones. A new dataset is one entry here plus its reader.
 *
 * Which note of a vault is a dataset's source note is the vault's to say (`datasets:` in atlas.yml, e.g.
 * `datasets: { osai: the-slug-of-its-source-note }`): `datasetsOf` binds the entries to a vault's settings.
 */

export interface Dataset {
  /** What `imported:` and `record.from` say. */
  id: string;
  /** Its name, as a credit or a marker's tooltip reads it. */
  label: string;
  /** A word for it in tight places ("index record"). */
  short: string;
  /** Its name inside a sentence ("the European Open Source AI Index", "Epoch AI's Notable AI Models"). */
  named: string;
  /** What the wiki takes from it, for the credit ("Openness ratings and model facts"). */
  gives: string;
  /** The source note every imported value cites, as the vault's atlas.yml names it (`datasets`); none when unset. */
  source?: string;
  /** The public site the credit links to. */
  site: string;
  /** The repository its records are files of; a record's address is a file at a commit. */
  repository: string;
  licence: { name: string; url: string };
  /** The citation the licence asks for, as plain text. */
  citation: string;
  /** Files of a checkout that are not records. */
  skip: readonly string[];
}

export const DATASETS = [
  {
    id: "osai",
    label: "European Open Source AI Index",
    short: "index",
    named: "the European Open Source AI Index",
    gives: "Openness ratings and model facts",
    site: "https://osai-index.eu/",
    repository: "https://github.com/Language-Technology-Assessment/main-database",
    licence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    citation:
      'Liesenfeld, A. and Dingemanse, M., 2024. "Rethinking open source generative AI: open-washing and the EU AI Act". In Proceedings of the 2024 ACM Conference on Fairness, Accountability, and Transparency (FAccT \'24), pp. 1774-1787.',
    skip: ["a_submission_template.yaml"],
  },
  {
    id: "epoch",
    label: "Epoch AI's Notable AI Models",
    short: "Epoch AI",
    named: "Epoch AI's Notable AI Models",
    gives: "Model facts (size, compute, dates, access) and organisations' countries",
    site: "https://epoch.ai/data/notable-ai-models",
    // The snapshot the wiki reads: a copy of the CSV in a public repository, at a commit (Epoch AI publishes no history).
    repository: "https://github.com/mxschons/sobe-2025-data-repository",
    licence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    citation: "Epoch AI, \"Data on Notable AI Models\", published online at epoch.ai.",
    skip: [],
  },
] as const satisfies readonly Dataset[];

export type DatasetId = (typeof DATASETS)[number]["id"];
export const DATASET_IDS = DATASETS.map((d) => d.id) as [DatasetId, ...DatasetId[]];

/** The dataset `id`, bound to a vault's `datasets` setting when given (its `source` then set). */
export function dataset(id: string, sources?: Readonly<Record<string, string>>): Dataset | undefined {
  const d: Dataset | undefined = DATASETS.find((x) => x.id === id);
  return d && sources?.[d.id] ? { ...d, source: sources[d.id] } : d;
}

/** Every dataset, each bound to the vault's source note for it (`datasets` in atlas.yml). */
export function datasetsOf(sources: Readonly<Record<string, string>> | undefined): Dataset[] {
  return DATASETS.map((d) => dataset(d.id, sources)!);
}

/** The address of one record (a file of the dataset's repository) as it was at a commit. */
export function recordUrl(d: Dataset, file: string, commit: string): string {
  return `${d.repository}/blob/${commit}/${file.split("/").map(encodeURIComponent).join("/")}`;
}
