/** The vault's own settings file (`atlas.yml`, config.ts): a problem in it is reported where it is. */
import { CONFIG_FILE } from "../config.ts";
import { defineRule } from "./rule.ts";

export const config = defineRule({
  id: "config",
  severity: "error",
  summary: `\`${CONFIG_FILE}\` at the vault's root is not valid: not YAML, an unknown setting, or a value that is not one of its choices.`,
  fix: "Follow the hint; the settings are described in the README (Obsidian vaults).",
  check(vault, report) {
    const c = vault.configProblems;
    if (c) for (const p of c.problems) report({ file: c.file }, { line: p.line, column: p.column }, p.message, p.hint);
  },
});
