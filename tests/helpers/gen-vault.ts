/**
 * A small generated vault for tests that need hundreds of notes (the dev server's loop): typed sources, labs and
 * concepts that cite and link to each other, deterministic for a given size. It lives in the repository so the tests
 * run on any checkout (the bench's large generator, ../shared/bench/gen-vault.mjs, sits outside it).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const WORDS = ["open", "weights", "licence", "dataset", "training", "release", "benchmark", "inference", "paper", "model", "compute", "evaluation"];

/** Writes `notes` notes under `dir` (folders `sources/`, `labs/`, `concepts/`) and its `atlas.yml`; every link resolves. */
export function generateVault(dir: string, notes: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "atlas.yml"), "notes: typed\n"); // a typed vault, as content/ is
  const sources = Math.max(1, Math.floor(notes / 5));
  const labs = Math.max(1, Math.floor(notes / 5));
  const concepts = Math.max(1, notes - sources - labs);
  const slug = (kind: string, i: number) => `${kind}-${String(i).padStart(5, "0")}`;
  const words = (seed: number, n: number) => Array.from({ length: n }, (_, k) => WORDS[(seed * 7 + k * 3) % WORDS.length]).join(" ");
  const write = (folder: string, name: string, text: string) => {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, `${name}.md`), text);
  };
  for (let i = 0; i < sources; i++) {
    write("sources", slug("source", i), `---\ntitle: "Source ${i}"\ntype: source\nsummary: "A generated source about ${words(i, 4)}."\nkind: article\n---\n${words(i, 12)}.\n`);
  }
  const cited = (i: number) => [slug("source", i % sources), slug("source", (i * 3 + 1) % sources)].filter((s, k, all) => all.indexOf(s) === k);
  for (let i = 0; i < labs; i++) {
    const s = cited(i);
    write("labs", slug("lab", i), `---\ntitle: "Lab ${i}"\ntype: lab\nsummary: "A generated lab."\nsources: [${s.join(", ")}]\n---\nLab ${i} works on ${words(i, 6)} [[${s[0]}]].\n\n## Work\n\n${words(i + 1, 10)}, with [[${slug("lab", (i + 1) % labs)}]].\n`);
  }
  for (let i = 0; i < concepts; i++) {
    const s = cited(i);
    const lab = slug("lab", i % labs);
    const other = slug("concept", (i * 7 + 1) % concepts);
    write("concepts", slug("concept", i), `---\ntitle: "Concept ${i}"\ntype: concept\nsummary: "A generated concept about ${words(i, 3)}."\naliases: ["concept number ${i}"]\nsources: [${s.join(", ")}]\n---\n${words(i, 8)} [[${s[0]}]].\n\n## Background\n\n${words(i + 2, 10)} [[${lab}]] and [[${other}|another concept]].\n\n## Details\n\n${words(i + 3, 12)} [[${other}#Background]].\n`);
  }
}
