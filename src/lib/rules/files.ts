/** Rules about files themselves: unreadable, none at all, names that are not slugs, folders that do not match. */
import { isSlug } from "../resolve.ts";
import { at, defineRule, FILE_START, slugify } from "./rule.ts";

export const unreadableFile = defineRule({
  id: "unreadable-file",
  severity: "error",
  summary: "A file could not be read (permissions, or not UTF-8 text).",
  fix: "Make the file readable, or move it out of the vault.",
  check(vault, report) {
    for (const f of vault.files) {
      if (!f.readError) continue;
      if (f.readErrorAt) report(f, f.readErrorAt, `the file could not be read: ${f.readError}`, "save it as UTF-8 (your editor's encoding setting); the byte is likely a Latin-1 or Windows-1252 accent");
      else report(f, FILE_START, `the file could not be read: ${f.readError}`, "check its permissions");
    }
  },
});

export const emptyVault = defineRule({
  id: "empty-vault",
  severity: "error",
  summary: "The vault folder holds no notes.",
  fix: "Point `CONTENT_DIR` at a folder of Markdown notes.",
  check(vault, report) {
    if (vault.files.length === 0) report({ file: vault.dir }, { line: 0, column: 0 }, `no notes found in ${vault.dir}`, "set CONTENT_DIR to a folder of Markdown notes");
  },
});

export const slugFormat = defineRule({
  id: "slug-format",
  severity: "error",
  obsidian: "off", // an Obsidian vault's slugs are made from its file names (slugs.ts)
  summary: "A file name is not a slug (lowercase words joined by hyphens).",
  fix: "Rename the file to the suggested slug.",
  check(vault, report) {
    for (const f of vault.files) {
      if (!isSlug(f.slug)) report(f, FILE_START, `file name \`${f.slug}.md\` is not a valid slug`, `slugs are lowercase words joined by hyphens: rename it to \`${slugify(f.slug)}.md\``);
    }
  },
});

export const reservedSlug = defineRule({
  id: "reserved-slug",
  severity: "error",
  obsidian: "off", // made slugs never take a reserved address
  summary: "A note's slug is the address of one of the site's own pages (`graph`, `tags`, a type index …).",
  fix: "Rename the file.",
  check(vault, report) {
    for (const f of vault.files) if (vault.registry.reservedSlugs.has(f.slug)) report(f, FILE_START, `\`${f.slug}\` is the address of one of the site's own pages`, `rename the file, e.g. to \`${f.slug}-note.md\``);
  },
});

export const typeFolder = defineRule({
  id: "type-folder",
  severity: "warning",
  obsidian: "off",
  summary: "A note is not in its type's folder.",
  fix: "Move it to the folder named in the hint.",
  check(vault, report) {
    for (const f of vault.files) {
      if (!f.type) continue;
      const expected = vault.registry.entry(f.type).folder;
      if (f.folder !== expected && f.folder !== `${f.slug}.md`) report(f, at(f, ["type"]), `a ${f.type} note in \`${f.folder}/\``, `move it to \`${expected}/\``);
    }
  },
});

export const duplicateSlug = defineRule({
  id: "duplicate-slug",
  severity: "error",
  summary: "Two files have the same name (case-insensitively), so the same address.",
  fix: "Rename one of them.",
  check(vault, report) {
    for (const { file, first } of vault.duplicates) {
      const how = file.slug === first.slug ? "" : file.slug.toLowerCase() === first.slug.toLowerCase() ? " (the names differ only by case)" : " (the names differ only in how their accents are encoded: Unicode normalisation)";
      report(file, FILE_START, `slug \`${file.slug}\` is already used by ${first.file}${how}`, "slugs are file names and must be unique across the vault (case-insensitively): rename one file");
    }
  },
});

export const unsafeAttachment = defineRule({
  id: "unsafe-attachment",
  severity: "error",
  sanitized: "warning", // the file is left out either way; a vault from elsewhere still builds
  summary: "An SVG attachment holds something that runs when the file is opened on its own (a `<script>`, an `on*=` handler, a `javascript:` address, `<foreignObject>`, an entity declaration), so it is not published: pages show its name instead.",
  fix: "Export the drawing again as plain SVG (no scripts or interactivity), or as PNG.",
  check(vault, report) {
    for (const a of vault.attachments.values()) {
      for (const f of a.unsafe ?? []) report(a, f, `${f.what} in an SVG: opened on its own, the file could run code on the site, so it is not published`, "export the drawing again without scripts or interactivity, or as PNG; pages show its name until then");
    }
  },
});
