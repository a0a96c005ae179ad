/** Rules about what notes point at: names two notes claim, body links, relations and citations that miss. */
import { FLAVOURS } from "../flavour.ts";
import { nearest } from "../diagnostics.ts";
import { foldName } from "../resolve.ts";
import { at, defineRule, FILE_START, noteName, suggestHint } from "./rule.ts";

export const nameCollision = defineRule({
  id: "name-collision",
  severity: "error",
  obsidian: "off", // names are file names there; a link to a shared one is an ambiguous-link
  summary: "Two notes claim the same title or alias (case-insensitively), so a link to it would be ambiguous.",
  fix: "Change or remove the title or alias on one of them.",
  check(vault, report) {
    for (const c of vault.index.collisions) {
      if (c.first.slug === c.second.slug) continue;
      // Report at the name that can change: a title or alias, not a slug (slugs win the name).
      const [mine, other] = c.second.kind === "slug" && c.first.kind !== "slug" ? [c.first, c.second] : [c.second, c.first];
      const file = vault.filesBySlug.get(mine.slug)!;
      const aliases = file.fields?.aliases ?? [];
      const alias = aliases.findIndex((a) => foldName(a) === foldName(c.name));
      const name = mine.kind === "alias" && alias >= 0 ? aliases[alias] : mine.kind === "title" ? (file.fields?.title ?? c.name) : c.name;
      const pos = mine.kind === "alias" ? at(file, ["aliases", alias]) : mine.kind === "title" ? at(file, ["title"]) : FILE_START;
      report(file, pos, `${mine.kind} \`${name}\` is also the ${other.kind} of ${other.file}`, `links to \`${name}\` would be ambiguous: change or remove this ${mine.kind}`);
    }
  },
});

export const emptyLink = defineRule({
  id: "empty-link",
  severity: "error",
  obsidian: "warning",
  summary: "A wikilink with nothing between the brackets: `[[]]`.",
  fix: "Put a note's slug, title or alias between the brackets.",
  check(vault, report) {
    for (const n of vault.notes) {
      for (const l of n.links) {
        if (l.target || l.heading || l.block) continue;
        // Say what was written (`[[|]]`, `[[#]]`), not a tidier form of it the writer would not find in the file.
        const written = l.written ?? "[[]]";
        report(n, l, `empty wikilink \`${written}\`: it names no note`, "put a note's slug, title or alias between the brackets, or remove them");
      }
    }
  },
});

export const brokenLink = defineRule({
  id: "broken-link",
  severity: "error",
  obsidian: "warning",
  summary: "A wikilink (or an embed) names a note or file that does not exist.",
  fix: "Fix the name (the hint suggests the nearest ones) or create the note; the page shows the link as text meanwhile.",
  check(vault, report) {
    for (const n of vault.notes) {
      for (const l of n.links) {
        if (l.to !== null || l.attachment || l.excluded || !(l.target || l.heading || l.block)) continue;
        const file = FLAVOURS[vault.config.notes].missing(l.target) === "file";
        report(n, l, `${l.embed ? "embed of" : "link to"} missing ${file ? "file" : "note"} \`${l.target}\``, file ? "put the file in the vault, or fix its name (with its extension)" : suggestHint(vault, l.target));
      }
    }
  },
});

export const ambiguousLink = defineRule({
  id: "ambiguous-link",
  severity: "warning",
  summary: "A link names a file by a name several files have (Obsidian vaults): it goes where Obsidian would send it.",
  fix: "Write the folder too (`[[folder/Note]]`), or rename one of the files.",
  check(vault, report) {
    for (const n of vault.notes) {
      for (const l of n.links) {
        if (!l.ambiguous) continue;
        const [chosen, ...others] = l.ambiguous;
        const why = l.chosenBy === "folder" ? "the one in this note's folder" : l.chosenBy === "attachments" ? "the one in the vault's attachment folder" : "the one with the shortest path";
        report(n, l, `\`${l.target}\` names ${l.ambiguous.length} files: it links to \`${chosen}\` (${why}), not ${others.map((o) => `\`${o}\``).join(", ")}`, `write the folder to choose one, e.g. \`[[${chosen.replace(/\.md$/i, "")}]]\``);
      }
    }
  },
});

export const missingHeading = defineRule({
  id: "missing-heading",
  severity: "error",
  obsidian: "warning",
  summary: "A wikilink names a heading (`[[note#Heading]]`) or block (`[[note#^id]]`) the target does not have.",
  fix: "Use one of the target's headings (listed in the hint) or link to the note itself.",
  check(vault, report) {
    for (const n of vault.notes) {
      for (const l of n.links) {
        if (!l.to || !l.fragmentMissing) continue;
        const target = vault.filesBySlug.get(l.to)!;
        if (l.block) {
          const blocks = target.parsed.blocks;
          report(n, l, `\`${noteName(vault, l.to)}\` has no block \`^${l.block}\``, blocks.length ? `its blocks: ${blocks.map((b) => `^${b}`).join(", ")}` : "mark the paragraph with ` ^id` at its end, or link to the note itself");
          continue;
        }
        const headings = target.parsed.headings.map((h) => h.text);
        const near = nearest(l.heading!, headings);
        report(n, l, `\`${noteName(vault, l.to)}\` has no heading \`${l.heading}\``, near ? `did you mean \`${near}\`?` : headings.length ? `its headings: ${headings.join(", ")}` : "it has no headings: link to the note itself");
      }
    }
  },
});

export const brokenRelation = defineRule({
  id: "broken-relation",
  severity: "error",
  summary: "A relation field (`developer`, `affiliations` …) names a note that does not exist.",
  fix: "Fix the name or create the note.",
  check(vault, report) {
    for (const n of vault.notes) for (const r of n.relations) if (!r.to) report(n, at(n, r.path), `\`${r.field}\` names missing note \`${r.ref}\``, suggestHint(vault, r.ref));
  },
});

export const relationType = defineRule({
  id: "relation-type",
  severity: "error",
  summary: "A relation field names a note of the wrong type (a model's `developer` that is a concept, say).",
  fix: "Point it at a note of the type the message names.",
  check(vault, report) {
    for (const n of vault.notes) {
      for (const r of n.relations) {
        const spec = vault.registry.relationSpec(n.type, r.field);
        const target = r.to ? vault.bySlug.get(r.to) : undefined;
        if (target && spec?.target && !spec.target.includes(target.type)) {
          report(n, at(n, r.path), `\`${r.field}\` should name a ${spec.target.join(" or ")} note, but \`${target.slug}\` is a ${target.type}`, "point it at a note of the right type");
        }
      }
    }
  },
});

export const unknownSource = defineRule({
  id: "unknown-source",
  severity: "error",
  summary: "A `sources` list or a value's `source` names a note that does not exist.",
  fix: "Fix the slug or add the source note.",
  check(vault, report) {
    for (const n of vault.notes) for (const c of n.citations) if (!c.to) report(n, at(n, c.path), `cites missing source \`${c.ref}\``, suggestHint(vault, c.ref));
  },
});

export const notASource = defineRule({
  id: "not-a-source",
  severity: "error",
  summary: "A citation names a note that is not a source note.",
  fix: "Cite the source that makes the claim, not the note about its subject.",
  check(vault, report) {
    for (const n of vault.notes) {
      for (const c of n.citations) {
        const t = c.to ? vault.bySlug.get(c.to) : undefined;
        if (t && !vault.registry.isCited(t.type)) report(n, at(n, c.path), `cites \`${t.slug}\`, which is a ${t.type} note, not a source`, "only source notes can be cited: cite the source that makes the claim");
      }
    }
  },
});
