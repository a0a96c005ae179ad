/**
 * How we read the organisation names of the European Open Source AI Index where reading them by name alone would go
 * wrong: a name that stands for a lab we already have under another name (our identification, said in the relation's
 * note and on the pages), several organisations named together in one field, and people's names given as an
 * organisation. Every other name is matched to a lab or person note by its title or aliases (case, spaces and
 * punctuation ignored: "StabilityAI" is "Stability AI"), or becomes a lab note of its own. Reviewed data: a change
 * here is a change of what the wiki claims, and goes through review like a note.
 */

export interface OrganisationReading {
  /** The organisations the name stands for, each as the name of its note (an existing one's title or alias, or a new one). */
  parts: { name: string; as?: "person" }[];
  /** Our words for the relation's `note`: what the index writes, and how we read it. */
  note: string;
}

const together = (written: string) => `the index names the organisations together as "${written}"`;

export const OSAI_ORGANISATIONS: Readonly<Record<string, OrganisationReading>> = {
  "Google AI": { parts: [{ name: "Google" }], note: 'Our identification: the index names the organisation "Google AI", which we read as Google' },
  "Minimax AI": { parts: [{ name: "MiniMax" }], note: 'Our identification: the index names the organisation "Minimax AI", which we read as MiniMax' },
  "Zhipu AI (Z.ai)": { parts: [{ name: "Zhipu AI" }], note: 'Our identification: the index names the organisation "Zhipu AI (Z.ai)", which we read as Zhipu AI' },
  "Alibaba Group": { parts: [{ name: "Alibaba" }], note: 'Our identification: the index names the organisation "Alibaba Group", which we read as Alibaba' },
  StabilityAI: { parts: [{ name: "Stability AI" }], note: 'the index writes "StabilityAI"' },
  "Mistral AI and NVIDIA": { parts: [{ name: "Mistral AI" }, { name: "NVIDIA" }], note: together("Mistral AI and NVIDIA") },
  "EleutherAI and Together Computer": { parts: [{ name: "EleutherAI" }, { name: "Together Computer" }], note: together("EleutherAI and Together Computer") },
  "DeepFloyd and StabilityAI and LAION (major contributors)": {
    parts: [{ name: "DeepFloyd" }, { name: "Stability AI" }, { name: "LAION" }],
    note: together("DeepFloyd and StabilityAI and LAION (major contributors)"),
  },
  "CUHK and Tencent": { parts: [{ name: "CUHK" }, { name: "Tencent" }], note: together("CUHK and Tencent") },
  "Microsoft and Peking University": { parts: [{ name: "Microsoft" }, { name: "Peking University" }], note: together("Microsoft and Peking University") },
  "AMD Silo AI and TurkuNLP and High Performance Language Technologies (HPLT)": {
    parts: [{ name: "Silo AI" }, { name: "TurkuNLP" }, { name: "High Performance Language Technologies (HPLT)" }],
    note: `${together("AMD Silo AI and TurkuNLP and High Performance Language Technologies (HPLT)")}; our identification: we read "AMD Silo AI" as Silo AI, which the index names on its own elsewhere`,
  },
  "Silo AI and TurkuNLP and High Performance Language Technologies (HPLT)": {
    parts: [{ name: "Silo AI" }, { name: "TurkuNLP" }, { name: "High Performance Language Technologies (HPLT)" }],
    note: together("Silo AI and TurkuNLP and High Performance Language Technologies (HPLT)"),
  },
  "University of California San Diego, Mila-Quebec AI Institute, University of Surre and LAION": {
    parts: [{ name: "University of California San Diego" }, { name: "Mila-Quebec AI Institute" }, { name: "University of Surrey" }, { name: "LAION" }],
    note: `${together("University of California San Diego, Mila-Quebec AI Institute, University of Surre and LAION")}; our identification: we read "University of Surre" as the University of Surrey`,
  },
  John: { parts: [{ name: "John", as: "person" }], note: 'Our identification: the index gives "John" as the organisation, which we read as a person\'s name' },
  "Jon Durbin": { parts: [{ name: "Jon Durbin", as: "person" }], note: 'Our identification: the index gives "Jon Durbin" as the organisation, which we read as a person\'s name' },
  "Zheng Zian": { parts: [{ name: "Zheng Zian", as: "person" }], note: 'Our identification: the index gives "Zheng Zian" as the organisation, which we read as a person\'s name' },
  "Ethan Yanjia Li": { parts: [{ name: "Ethan Yanjia Li", as: "person" }], note: 'Our identification: the index gives "Ethan Yanjia Li" as the organisation, which we read as a person\'s name' },
  "Bram Vanroy": { parts: [{ name: "Bram Vanroy", as: "person" }], note: 'Our identification: the index gives "Bram Vanroy" as the organisation, which we read as a person\'s name' },
};
