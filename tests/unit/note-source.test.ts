import { describe, expect, it } from "vitest";
import { siteIdentity } from "../../src/lib/config.ts";
import { NoteSources, readableDate } from "../../src/lib/note-source.ts";

describe("a note's source", () => {
  it("builds edit and history links from the one repository setting", () => {
    const { repository } = siteIdentity({ repository: "https://github.com/owner/atlas.git/" }, "content");
    const sources = new NoteSources({ repository, prefix: "content", dates: new Map([["models/x.md", "2026-01-02T09:30:00+01:00"]]) });
    expect(sources.forNote("models/x.md", "2020")).toEqual({
      file: "content/models/x.md",
      edit: "https://github.com/owner/atlas/edit/main/content/models/x.md",
      history: "https://github.com/owner/atlas/commits/main/content/models/x.md",
      updated: { date: "2026-01-02", at: "2026-01-02T09:30:00+01:00", from: "git" },
    });
    expect(sources.forNote("models/y.md", "2020-05").updated).toEqual({ date: "2020-05", from: "frontmatter" });
    expect(new NoteSources({ prefix: "", dates: new Map() }).forNote("a.md")).toEqual({ file: "a.md" });
  });
  it("dates a note by its file when neither git nor its frontmatter does", () => {
    const sources = new NoteSources({ prefix: "", dates: new Map([["a.md", "2026-03-04T05:06:07Z"]]), fileDate: (p) => (p === "b.md" ? "2025-07-08T09:10:11.000Z" : undefined) });
    expect(sources.forNote("a.md").updated).toEqual({ date: "2026-03-04", from: "git", at: "2026-03-04T05:06:07Z" });
    expect(sources.forNote("b.md", "2024").updated).toEqual({ date: "2024", from: "frontmatter" });
    expect(sources.forNote("b.md").updated).toEqual({ date: "2025-07-08", from: "file", at: "2025-07-08T09:10:11.000Z" });
    expect(sources.forNote("c.md").updated).toBeUndefined();
  });
  it("writes dates as the site does", () => {
    expect(readableDate("2026-01-02")).toBe("2 January 2026");
    expect(readableDate("2024-05")).toBe("May 2024");
    expect(readableDate("2019")).toBe("2019");
  });
});
