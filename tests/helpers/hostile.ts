/**
 * The hostile corpus, ready to check and build: tests/fixtures/hostile/ copied to a temporary folder, plus the cases
 * too big or too fragile to commit, generated here: a 5 MB note, a note of 10,000 links, two that micromark parsed
 * in quadratic time, and two files named `café`
 * that differ only by Unicode normalisation (git on macOS would fold them into one on checkout).
 */
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./cli.ts";
import { tempDir } from "./temp.ts";

export const HOSTILE = join(ROOT, "tests/fixtures/hostile");

const head = (title: string) => `---\ntitle: ${title}\ntype: concept\nsummary: ${title}, a hostile case.\nsources: [hostile-source]\n---\n`;

/** Paragraphs (each under a heading, with one link) until the note passes 5 MiB. */
export function hugeNote(): string {
  const paragraph = "A long note repeats itself, and links to [[self-link]] once in every paragraph of it. ".repeat(40);
  const parts = [head("Huge note")];
  let size = parts[0].length;
  for (let i = 1; size < 5 * 2 ** 20; i++) {
    const section = `## Section ${i}\n\n${paragraph}\n\n`;
    parts.push(section);
    size += section.length;
  }
  return parts.join("");
}

/** 10,000 links: 5,000 in sentences, then 5,000 in one sentence with no end. */
export function tenThousandLinks(): string {
  const sentences = Array.from({ length: 5000 }, (_x, i) => `See [[${i % 2 ? "self-link" : "hostile-source"}]].`).join(" ");
  const runOn = Array.from({ length: 5000 }, (_x, i) => `[[${i % 2 ? "self-link" : "Hostile source"}|link ${i}]]`).join(" and ");
  return `${head("Ten thousand links")}${sentences}\n\n${runOn}\n`;
}

/**
 * Shapes micromark parsed in quadratic time: 20,000 separate quotes (each close copied every event so far, until
 * src/lib/markdown/edit-map-fix.ts), and a quote continued lazily over 3,000 lines (refused, markdown/limits.ts).
 */
export function manyQuotes(): string {
  return `${head("Many quotes")}${"> A quoted line, then a line that goes on lazily\nwithout its marker.\n\n".repeat(20_000)}`;
}
export function longLazyRun(): string {
  return `${head("Long lazy run")}> A quote whose paragraph goes on\n${"without the quote marker on any of its lines\n".repeat(3_000)}`;
}

/** A copy of the corpus with the generated cases; returns its folder (removed after the test file: temp.ts). */
export function hostileVault(): string {
  const dir = tempDir("atlas-hostile-");
  cpSync(HOSTILE, dir, { recursive: true });
  writeFileSync(join(dir, "concepts/huge-note.md"), hugeNote());
  writeFileSync(join(dir, "concepts/ten-thousand-links.md"), tenThousandLinks());
  writeFileSync(join(dir, "concepts/many-quotes.md"), manyQuotes());
  writeFileSync(join(dir, "concepts/long-lazy-run.md"), longLazyRun());
  writeFileSync(join(dir, "concepts/caf\u00e9.md"), head("Cafe composed")); // é as one code point (NFC)
  writeFileSync(join(dir, "concepts/cafe\u0301.md"), head("Cafe decomposed")); // e + combining acute (NFD)
  return dir;
}
