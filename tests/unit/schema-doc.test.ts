import { describe, expect, it } from "vitest";
import { runScript } from "../helpers/cli.ts";
import { schemaReference } from "../../scripts/schema-doc.ts";

describe("schema reference", () => {
  it("documents every type's fields and relation edges", () => {
    const doc = schemaReference();
    expect(doc).toContain("### `model` (in `content/models/`)");
    expect(doc).toMatch(/\| `developer` \|  \| a note \(slug, title or alias\) or a list of them.* \| `developer` → lab\/person \|/);
    expect(doc).toMatch(/\| `kind` \| yes \| one of `podcast`, `article`/);
  });
  it("is current in CONTRIBUTING.md", () => {
    const r = runScript("schema-doc", ["--check"], {});
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});
