/** Rules about a note's place in the whole: nothing links to it, or it cites nothing. */
import { defineRule, FILE_START } from "./rule.ts";

export const orphan = defineRule({
  id: "orphan",
  severity: "warning",
  obsidian: "off",
  summary: "No other note links to this one, and it names no other note in a relation (nor did an import write it), so a reader can only find it by search.",
  fix: "Link to it from a related note.",
  check(vault, report) {
    if (vault.notes.length < 2) return;
    for (const n of vault.notes) {
      const inbound = (vault.backlinks.get(n.slug)?.length ?? 0) + (vault.citedBy.get(n.slug)?.length ?? 0);
      // A note that names another in a relation (a model its developer) is listed on that note's page, under what links there.
      const related = n.relations.some((r) => r.to && r.to !== n.slug && vault.bySlug.has(r.to));
      // A note an import wrote (its text is the importer's) is listed on its dataset's source page, which it cites.
      const imported = n.fields.records.some((r) => r.body) && n.cites.length > 0;
      if (inbound === 0 && !related && !imported) report(n, FILE_START, `no other note links to \`${n.slug}\``, `link to it from a related note, e.g. \`[[${n.slug}]]\``);
    }
  },
});

export const uncited = defineRule({
  id: "uncited",
  severity: "warning",
  obsidian: "off",
  summary: "A note other than a source cites no source.",
  fix: "Add `sources: [source-slug]` naming the source notes its claims come from.",
  check(vault, report) {
    for (const n of vault.notes) if (!vault.registry.isCited(n.type) && n.cites.length === 0) report(n, FILE_START, `\`${n.slug}\` cites no source`, "add `sources: [source-slug]` naming the source notes its claims come from");
  },
});
