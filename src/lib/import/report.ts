/** The report of an import run, as the command prints it: what was created, matched, updated, and what to look at. Pure. */
import type { EpochReport } from "./epoch-plan.ts";
import type { ImportReport } from "./plan.ts";

const list = (xs: readonly string[], max = 12) => (xs.length > max ? `${xs.slice(0, max).join(", ")} … (${xs.length - max} more)` : xs.join(", "));

export function formatImportReport(r: ImportReport, options: { written: number; dryRun?: boolean }): string {
  const m = r.models;
  const o = r.organisations;
  const hand = o.matched.filter((x) => x.handWritten);
  const lines = [
    `${options.dryRun ? "Would import" : "Imported"} ${r.systems} systems of \`${r.dataset}\` (snapshot ${r.snapshot.commit.slice(0, 7)}${r.snapshot.date ? `, ${r.snapshot.date}` : ""}): ${options.written} file${options.written === 1 ? "" : "s"} ${options.dryRun ? "would change" : "written"}.`,
    `  models: ${m.created.length} created, ${m.updated.length} updated, ${m.unchanged.length} unchanged; ${m.dropped.length} no longer listed (kept, marked)`,
  ];
  if (m.matched.length) lines.push(`  rated release is one of our notes: ${m.matched.map((x) => `${x.slug} (${x.file})`).join(", ")}`);
  if (m.siblings.length) lines.push(`  rated by another release than our note of the same name (a note of its own, filed under ours): ${m.siblings.map((x) => `${x.slug} → ${x.family}`).join(", ")}`);
  if (m.dropped.length) lines.push(`  no longer listed: ${list(m.dropped)}`);
  const created = (t: string) => o.created.filter((x) => x.type === t);
  lines.push(`  organisations: ${created("lab").length} lab notes and ${created("person").length} person notes created; ${hand.length} matched to notes we wrote (${list(hand.map((x) => `${x.slug} ← ${x.names.map((n) => `"${n}"`).join(", ")}`), 40)}); ${o.updated.length} updated`);
  if (o.sectionsRemoved.length) lines.push(`  the section listing an organisation's systems, which the import no longer writes (its page lists them), removed from ${o.sectionsRemoved.length} note${o.sectionsRemoved.length === 1 ? "" : "s"} we wrote: ${list(o.sectionsRemoved, 40)}`);
  if (r.disagreements.length) {
    lines.push(`  disagreements with hand-written values (${r.disagreements.length}):`);
    for (const x of r.disagreements) lines.push(`    ${x.slug}: ${x.field}: the note ${x.hand}, the index ${x.imported} — ${x.cellKept ? "the note's kept (one cell per dimension); the index's class kept in the record and shown beside it" : "both kept"}`);
  } else lines.push("  disagreements with hand-written values: none");
  if (r.withheldNames.length) {
    lines.push(`  names not given as aliases (${r.withheldNames.length}):`);
    for (const w of r.withheldNames) lines.push(`    "${w.name}" (${w.files.join(", ")}): ${w.reason}`);
  }
  for (const e of r.editedByHand) {
    if (e.what === "retired-section") lines.push(`  ${e.slug}: its index section, which the import no longer writes, was edited by hand since the import wrote it: left as it is, now the note's own text (its lists and counts may be out of date)`);
    else lines.push(`  ${e.slug}: its ${e.what === "body" ? "summary and body were" : "index section was"} edited by hand since the import wrote ${e.what === "body" ? "them" : "it"}: left as they are`);
  }
  if (r.notices.length) {
    lines.push(`  left out of the records (${r.notices.length}):`);
    for (const n of r.notices) lines.push(`    ${n.file}${n.line ? `:${n.line}` : ""}: ${n.message}`);
  }
  return lines.join("\n");
}

/** The report of an Epoch AI import: per section, what it added, merged, left to the crosswalk and changed. */
export function formatEpochReport(r: EpochReport, options: { written: number; crosswalk?: string; dryRun?: boolean }): string {
  const m = r.models;
  const o = r.organisations;
  const lines = [
    `${options.dryRun ? "Would import" : "Imported"} ${r.rows} rows of \`${r.dataset}\` (snapshot ${r.snapshot.commit.slice(0, 7)}${r.snapshot.date ? `, ${r.snapshot.date}` : ""}): ${options.written} file${options.written === 1 ? "" : "s"} ${options.dryRun ? "would change" : "written"}${options.crosswalk ? `, ${options.crosswalk} ${options.dryRun ? "would change" : "updated"}` : ""}.`,
    `  models: ${m.created.length} new notes; ${m.merged.length} merged into notes that had no Epoch AI record; ${m.updated.length} updated, ${m.unchanged.length} unchanged; ${m.skipped.length} skipped by the crosswalk; ${m.dropped.length} no longer listed (kept, marked)`,
  ];
  if (m.merged.length) lines.push(`    merged: ${list(m.merged.map((x) => `"${x.name}" → ${x.slug} (${x.why})`), 40)}`);
  lines.push(`  organisations: ${o.created.length} new notes; ${o.merged.length} merged into notes that had no Epoch AI record; ${o.updated.length} updated; ${o.skipped.length} skipped by the crosswalk`);
  if (o.merged.length) lines.push(`    merged: ${list(o.merged.map((x) => `"${x.name}" → ${x.slug} (${x.why})`), 40)}`);
  if (r.questions.length) {
    lines.push(`  left to a person in the crosswalk (${r.questions.length}): write the note's slug, \`new\` or \`skip\``);
    for (const q of r.questions) lines.push(`    ${q.section}: "${q.name}": ${q.candidates.join(" or ")}? ${q.why}`);
  } else lines.push("  left to a person in the crosswalk: none");
  if (r.waiting.length) lines.push(`  rows waiting on an organisation's question (${r.waiting.length}): ${list(r.waiting.map((w) => `"${w.name}" (${w.organisation})`))}`);
  for (const p of r.problems) lines.push(`  ${p}`);
  if (r.disagreements.length) {
    lines.push(`  values that differ from the note's others (${r.disagreements.length}; both kept, each with its source):`);
    for (const x of r.disagreements) lines.push(`    ${x.slug}: ${x.field}: the note ${x.hand}, Epoch AI ${x.imported}`);
  } else lines.push("  values that differ from the note's others: none");
  for (const e of r.editedByHand) lines.push(`  ${e.slug}: its text was edited by hand since the import wrote it: left as it is`);
  if (r.notices.length) {
    lines.push(`  left out of the rows (${r.notices.length}):`);
    for (const n of r.notices) lines.push(`    line ${n.line}${n.model ? ` (${n.model})` : ""}: ${n.message}`);
  }
  return lines.join("\n");
}
