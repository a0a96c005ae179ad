/**
 * The openness registry: the dimensions a model's openness is judged on, grouped as the European Open Source AI
 * Index groups its parameters (availability, documentation, access), with the index's own parameter name for each, so
 * a rating taken from the index lands in the same cell. The schema, the model page's matrix, the `/models/`
 * comparison, a lab's summary, `/openness/`, the exports and `npm run changes` all read this one list: a new
 * dimension is one entry here.
 */

/** A cell's rating. `unknown`: nobody we cite says (a missing cell reads the same). */
export const OPENNESS_LEVELS = ["open", "partial", "closed", "unknown"] as const;
export type OpennessLevel = (typeof OPENNESS_LEVELS)[number];

export const OPENNESS_GROUPS = [
  { id: "availability", label: "Availability", about: "what is released: data, weights and code" },
  { id: "documentation", label: "Documentation", about: "what is written down about how the model was made" },
  { id: "access", label: "Access", about: "on what terms, and how, the model can be used" },
] as const;
export type OpennessGroup = (typeof OPENNESS_GROUPS)[number]["id"];

export interface OpennessDimension {
  /** The frontmatter key under `openness:`. */
  key: string;
  label: string;
  /** Two or three letters for the compact cells of a comparison table. */
  short: string;
  group: OpennessGroup;
  /** The European Open Source AI Index's parameter (`_parameters.yml` `ref`); none for our own additions. */
  index?: string;
  /** What the dimension asks, in our words. */
  about: string;
}

export const OPENNESS_DIMENSIONS = [
  { key: "base_data", label: "Base-model data", short: "BD", group: "availability", index: "datasources_basemodel", about: "Are the data the base model was pretrained on published, or at least listed in enough detail to find them?" },
  { key: "end_data", label: "End-model data", short: "ED", group: "availability", index: "datasources_endmodel", about: "Are the data used to turn the base model into the released one (instruction tuning, preference data) published?" },
  { key: "base_weights", label: "Base-model weights", short: "BW", group: "availability", index: "weights_basemodel", about: "Can anyone download the weights of the base model?" },
  { key: "end_weights", label: "End-model weights", short: "EW", group: "availability", index: "weights_endmodel", about: "Can anyone download the weights of the released (end-user) model?" },
  { key: "training_code", label: "Training code", short: "TC", group: "availability", index: "trainingcode", about: "Is the code used to train the model published? A description of the recipe is not code." },
  { key: "code_docs", label: "Code documentation", short: "CD", group: "documentation", index: "code", about: "Is the released code documented well enough to use it?" },
  { key: "hardware", label: "Hardware architecture", short: "HW", group: "documentation", index: "hardware_architecture", about: "Is the hardware the model was trained on described?" },
  { key: "preprint", label: "Preprint", short: "PP", group: "documentation", index: "preprint", about: "Is there a preprint (on arXiv or similar) describing the model?" },
  { key: "paper", label: "Paper", short: "PA", group: "documentation", index: "paper", about: "Is there a peer-reviewed paper about the model?" },
  { key: "model_card", label: "Model card", short: "MC", group: "documentation", index: "modelcard", about: "Is there a model card describing the model, its uses and its limits?" },
  { key: "datasheet", label: "Datasheet", short: "DS", group: "documentation", index: "datasheet", about: "Is there a datasheet describing the training data?" },
  { key: "license", label: "Licence", short: "LI", group: "access", index: "licenses", about: "Is the model released under a licence that lets anyone use, study, modify and share it (an OSI-approved one is open)?" },
  { key: "package", label: "Package", short: "PK", group: "access", about: "Is there a package or library to install and run the model? (Not one of the index's current parameters.)" },
  { key: "api", label: "API", short: "AP", group: "access", about: "Can the model be used through a documented API? (Not one of the index's current parameters.)" },
] as const satisfies readonly OpennessDimension[];
export type OpennessKey = (typeof OPENNESS_DIMENSIONS)[number]["key"];
export const OPENNESS_KEYS: readonly OpennessKey[] = OPENNESS_DIMENSIONS.map((d) => d.key);

/**
 * The keys the first schema had, still read: each stands for one dimension now. `weights` meant the weights people
 * download (the end model's); `training_data`, what the model was trained on (the base model's data).
 */
export const LEGACY_OPENNESS_KEYS: Readonly<Record<string, OpennessKey>> = {
  weights: "end_weights",
  training_data: "base_data",
};

const BY_KEY = new Map<string, OpennessDimension>(OPENNESS_DIMENSIONS.map((d) => [d.key, d]));
export function opennessDimension(key: string): OpennessDimension | undefined {
  return BY_KEY.get(key);
}

/** A level's mark in compact cells, beside its colour (never colour alone). */
export const LEVEL_MARK: Readonly<Record<OpennessLevel, string>> = { open: "✓", partial: "◐", closed: "✗", unknown: "?" };

/** How a level reads in a sentence and sorts in a table (open first). */
export const LEVEL_RANK: Readonly<Record<OpennessLevel, number>> = { open: 3, partial: 2, closed: 1, unknown: 0 };

/** Counts of each level over some cells (missing cells count as unknown). */
export function countLevels(levels: readonly (OpennessLevel | undefined)[]): Record<OpennessLevel, number> {
  const out: Record<OpennessLevel, number> = { open: 0, partial: 0, closed: 0, unknown: 0 };
  for (const l of levels) out[l ?? "unknown"]++;
  return out;
}
