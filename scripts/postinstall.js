/**
 * Runs at the end of `npm install`: says, where they appear, what the install's EBADENGINE warnings mean, and checks
 * that the project's own Node (the devDependency `node`, in node_modules/.bin) is there and new enough for Astro 7.
 * Plain JavaScript, not TypeScript: if the pinned Node is missing, the system Node runs this and must be able to.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const pinned = fileURLToPath(new URL("../node_modules/.bin/node", import.meta.url));
// The Node that runs npm itself (the system's), which the EBADENGINE warnings were measured against.
const npmNode = /\bnode\/v(\d+)\.(\d+)/.exec(process.env.npm_config_user_agent ?? "");
let version = "";
try {
  version = existsSync(pinned) ? execFileSync(pinned, ["--version"], { encoding: "utf8" }).trim() : "";
} catch {
  version = "";
}
const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
if (!version || major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `atlas: the project's own Node is ${version ? `${version}, too old` : "missing"} (${pinned}); Astro 7 needs Node >= 22.12.\n` +
      "  Run `npm install` again; if npm skipped install scripts (ignore-scripts), run `npm rebuild node`.",
  );
  process.exit(1);
}
if (npmNode && Number(npmNode[1]) < 22) {
  console.log(
    `atlas: installed. The "npm warn EBADENGINE" lines above are expected on Node ${npmNode[1]}: those packages want Node 22,\n` +
      `  and every npm script here runs on the project's own Node ${version} (node_modules/.bin/node), not the system's.`,
  );
}
