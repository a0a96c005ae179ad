/** The vault's own settings file (`atlas.yml`, config.ts): a problem in it is reported where it is. */
import { CONFIG_FILE } from "../config.ts";
import { resolveHome } from "../home.ts";
import { defineRule } from "./rule.ts";

export const config = defineRule({
  id: "config",
  severity: "error",
  summary: `\`${CONFIG_FILE}\` at the vault's root is not valid: not YAML, an unknown setting, a value that is not one of its choices, a \`home\` that names no note, or a dataset's source note that is not there.`,
  fix: "Follow the hint; the settings are described in the README (\"The vault's settings: atlas.yml\").",
  check(vault, report) {
    const c = vault.configProblems;
    if (c) for (const p of c.problems) report({ file: c.file }, { line: p.line, column: p.column }, p.message, p.hint);
    const { site, positions, file } = vault.settings;
    if (site.home && !resolveHome(vault, site.home)) {
      report({ file }, positions.home ?? { line: 1, column: 1 }, `\`home\` is "${site.home}", which names no note of the vault`, "name the note the home page should lead with as a wikilink names it (its file name, or a typed note's slug), or leave `home` out");
    }
    for (const [id, slug] of Object.entries(site.datasets ?? {})) {
      if (vault.registry.isCited(vault.bySlug.get(vault.index.resolve(slug) ?? "")?.type ?? "")) continue;
      report({ file }, positions.datasets ?? { line: 1, column: 1 }, `\`datasets.${id}\` is "${slug}", which names no source note of the vault`, `write the source note the ${id} dataset's imported values cite, or name the one you have`);
    }
  },
});

export const obsidianSettings = defineRule({
  id: "obsidian-settings",
  severity: "warning",
  summary: "An Obsidian vault's own settings, `.obsidian/app.json` or `.obsidian/types.json`, are not valid JSON, or a setting the site reads (excluded files, attachment folder, link format, property types) has a value it cannot use.",
  fix: "Fix the file (or change the setting in Obsidian, which writes it again); meanwhile that setting keeps Obsidian's default.",
  check(vault, report) {
    for (const p of vault.obsidian?.problems ?? []) report({ file: p.file }, { line: p.line, column: p.column }, p.message, p.hint);
  },
});
