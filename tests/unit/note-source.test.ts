import { describe, expect, it } from "vitest";
import { NoteSources, readableDate, repositoryConfig } from "../../src/lib/note-source.ts";

describe("a note's source", () => {
  it("builds edit and history links from the one repository setting", () => {
    const sources = new NoteSources({ repository: repositoryConfig("https://github.com/owner/atlas.git/"), prefix: "content", dates: new Map([["models/x.md", "2026-01-02T09:30:00+01:00"]]) });
    expect(sources.forNote("models/x.md", "2020")).toEqual({
      file: "content/models/x.md",
      edit: "https://github.com/owner/atlas/edit/main/content/models/x.md",
      history: "https://github.com/owner/atlas/commits/main/content/models/x.md",
      updated: { date: "2026-01-02", at: "2026-01-02T09:30:00+01:00", from: "git" },
    });
    expect(sources.forNote("models/y.md", "2020-05").updated).toEqual({ date: "2020-05", from: "frontmatter" });
    expect(new NoteSources({ prefix: "", dates: new Map() }).forNote("a.md")).toEqual({ file: "a.md" });
  });
  it("names the setting and the fix for a bad value", () => {
    expect(() => repositoryConfig("github.com/owner/atlas")).toThrow(/atlas\(\{ repository \}\): `github.com\/owner\/atlas` is not a web address/);
    expect(repositoryConfig({ url: "https://gitlab.example/x/y", branch: "trunk" })).toEqual({ url: "https://gitlab.example/x/y", branch: "trunk" });
  });
  it("writes dates as the site does", () => {
    expect(readableDate("2026-01-02")).toBe("2 January 2026");
    expect(readableDate("2024-05")).toBe("May 2024");
    expect(readableDate("2019")).toBe("2019");
  });
});
