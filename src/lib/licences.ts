/**
 * Licences as data: a licence's SPDX identifier, where the SPDX License List has one, from however a source writes it
 * ("Apache 2.0", "Apache License 2.0", "apache-2.0" and "Apache-2.0" are one licence, Apache-2.0), and the name the
 * list gives it ("Apache License 2.0"). A licence the list does not hold (the "DeepSeek License Agreement", a "Llama 3
 * Community License", "Modified MIT", "Apache-2.0 and CC-BY-NC-4.0 and additional terms") has no identifier and is
 * shown as written.
 *
 * The list itself comes from two packages that follow every SPDX release: spdx-license-list (identifiers, names,
 * OSI approval) and spdx-license-ids (which identifiers are deprecated: `GPL-3.0` does not say whether "or later" is
 * meant, so it is never an answer). Spellings other than the identifier or the list's name are read by spdx-correct,
 * the corrector npm uses for package.json licences; it guesses boldly ("Apple Sample Code License" → MPL-2.0,
 * "Modified MIT" → MIT), so its answer is taken only when it accounts for every word written and what was written
 * says every word of the identifier (a version "2" standing for "2.0"). Pure.
 */
import correct from "spdx-correct";
import DEPRECATED from "spdx-license-ids/deprecated.json" with { type: "json" };
import LIST from "spdx-license-list";

export interface SpdxLicence {
  /** The SPDX identifier (`Apache-2.0`). */
  id: string;
  /** Its name in the SPDX License List (`Apache License 2.0`). */
  name: string;
  /** Its page on spdx.org. */
  url: string;
  osiApproved: boolean;
}

const deprecated = new Set<string>(DEPRECATED);
const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
/** The words of a licence's name: runs of letters or of digits (`v3.0` is v, 3, 0; `3-Clause` is 3, clause). */
const words = (s: string): string[] => s.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];
/** Words a name may carry without naming anything: "Apache License, Version 2.0" is Apache-2.0. */
const FILLER = new Set(["license", "licence", "licensed", "version", "v", "the"]);
/** Words of an identifier a name may leave out: "Apache 2" is Apache-2.0, "BSD 3" is BSD-3-Clause. */
const IMPLIED = new Set(["0", "clause"]);

/** Current (not deprecated) identifiers by their folded form and by their folded names; an ambiguous name is left out. */
const byFolded = new Map<string, string>();
const byName = new Map<string, string | null>();
for (const [id, l] of Object.entries(LIST)) {
  if (deprecated.has(id)) continue;
  byFolded.set(id.toLowerCase(), id);
  const k = fold(l.name);
  byName.set(k, byName.has(k) && byName.get(k) !== id ? null : id);
}

/** The licence of an SPDX identifier as the list writes it (any case); undefined for anything else, a deprecated identifier included. */
export function spdxLicence(id: string): SpdxLicence | undefined {
  const found = byFolded.get(id.trim().toLowerCase());
  if (!found) return undefined;
  const l = LIST[found];
  return { id: found, name: l.name, url: `https://spdx.org/licenses/${found}.html`, osiApproved: !!l.osiApproved };
}

/**
 * The SPDX identifier a licence written as `written` has, or undefined when it has none (a licence of its own, a
 * combination of licences, a licence without its version, a word such as "Unknown"). Exact identifiers in any case,
 * the list's names (punctuation and case ignored; Creative Commons' own titles, "Attribution 4.0 International",
 * without the "Creative Commons" the list puts first), and spellings spdx-correct reads that account for every word.
 */
export function licenceId(written: string): string | undefined {
  const text = written.trim();
  if (!text) return undefined;
  const exact = byFolded.get(text.toLowerCase());
  if (exact) return exact;
  for (const name of [text, `Creative Commons ${text}`]) {
    const id = byName.get(fold(name));
    if (id) return id;
  }
  const said = words(text);
  const bare = said.filter((w) => !FILLER.has(w));
  // As written, and without its filler words ("CC BY-NC 4.0 license" is read as "CC BY-NC 4.0").
  const unfilled = text.replace(/\b(?:licen[cs]ed?|version|the)\b/gi, " ").replace(/\s+/g, " ").trim();
  for (const attempt of new Set([text, unfilled])) {
    if (!attempt) continue;
    let guess: string | null;
    try {
      guess = correct(attempt, { upgrade: false });
    } catch {
      guess = null;
    }
    const id = guess ? byFolded.get(guess.toLowerCase()) : undefined;
    if (!id) continue;
    const known = new Set([...words(id), ...words(LIST[id].name)]);
    const idWords = words(id).filter((w) => !FILLER.has(w));
    // Every word written is a word of the identifier or its name, and every word of the identifier was written.
    if (bare.every((w) => known.has(w)) && idWords.every((w) => said.includes(w) || IMPLIED.has(w))) return id;
  }
  return undefined;
}

/** How a page names a licence value: the SPDX list's name for an identifier (or a spelling of one), else the value as written. */
export function licenceView(value: string): { text: string; id?: string; url?: string } {
  const l = spdxLicence(value) ?? (licenceId(value) ? spdxLicence(licenceId(value)!) : undefined);
  return l ? { text: l.name, id: l.id, url: l.url } : { text: value };
}
