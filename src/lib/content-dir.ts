/** Where the vault is: `CONTENT_DIR` when set (relative to `root`), else `<root>/content`. Every command asks here. */
import { resolve } from "node:path";

export function contentDirFrom(env: NodeJS.ProcessEnv, root: string): string {
  return resolve(root, env.CONTENT_DIR || "content");
}
