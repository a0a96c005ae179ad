/** Whether a vault has any base: a `.base` file, or a note with a ```base block (its notes' frontmatter is then kept for them). */
import type { Vault } from "../types.ts";

export function vaultHasBases(vault: Pick<Vault, "files">): boolean {
  for (const f of vault.files) if (f.parsed.bases?.length) return true;
  return false;
}
