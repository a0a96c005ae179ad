/**
 * Writes a throwaway vault from `{ "people/ada.md": "..." }` and loads it, for checker tests. It is a typed vault
 * (`atlas.yml` says `notes: typed`) unless the files include an `atlas.yml` of their own; its folder is removed after
 * the test file (temp.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadVault, type LoadOptions } from "../../src/lib/vault.ts";
import { tempDir } from "./temp.ts";

export function writeVault(files: Record<string, string>): string {
  const dir = tempDir("atlas-vault-");
  for (const [path, text] of Object.entries({ "atlas.yml": "notes: typed\n", ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export async function checkVault(files: Record<string, string>, options: LoadOptions = {}) {
  const dir = writeVault(files);
  const vault = await loadVault(dir, { cwd: dir, ...options });
  return { dir, vault, diagnostics: vault.diagnostics };
}

/** A minimal valid note's text. */
export function note(fields: Record<string, string>, body = ""): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n${body}`;
}
