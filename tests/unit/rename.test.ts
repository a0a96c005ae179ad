import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/lib/parse-note.ts";
import { addAlias } from "../../src/lib/rename.ts";

const add = (text: string) => addAlias(text, parseNote(text).positions, "old-slug");

describe("addAlias keeps the frontmatter as written", () => {
  it("appends to a flow list, fills an empty one", () => {
    expect(add("---\ntitle: T\naliases: [A, B]\ntype: concept\n---\n")).toBe("---\ntitle: T\naliases: [A, B, old-slug]\ntype: concept\n---\n");
    expect(add("---\ntitle: T\naliases: []\ntype: concept\n---\n")).toBe("---\ntitle: T\naliases: [old-slug]\ntype: concept\n---\n");
  });
  it("adds an item to a block list with its indentation", () => {
    expect(add("---\ntitle: T\naliases:\n  - A\n  - \"B: c\"\ntype: concept\n---\n")).toBe("---\ntitle: T\naliases:\n  - A\n  - \"B: c\"\n  - old-slug\ntype: concept\n---\n");
  });
  it("writes the field after the title when there is none, or when it is empty", () => {
    expect(add("---\ntitle: T\ntype: concept\n---\nbody\n")).toBe("---\ntitle: T\naliases: [old-slug]\ntype: concept\n---\nbody\n");
    expect(add("---\ntitle: T\naliases:\ntype: concept\n---\n")).toBe("---\ntitle: T\naliases: [old-slug]\ntype: concept\n---\n");
  });
});
