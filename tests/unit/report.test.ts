import { describe, expect, it } from "vitest";
import { githubAnnotation, jsonReport, reportFormat } from "../../src/lib/report.ts";
import type { Diagnostic } from "../../src/lib/types.ts";

const d: Diagnostic = { file: "content/a, b:c.md", line: 3, column: 5, endLine: 4, endColumn: 2, severity: "warning", rule: "orphan", message: "100% sure\r\nreally", hint: "link it: [[a]]" };

describe("machine formats", () => {
  it("escapes workflow command data and properties as GitHub's toolkit does", () => {
    expect(githubAnnotation(d)).toBe("::warning file=content/a%2C b%3Ac.md,line=3,col=5,endLine=4,title=atlas orphan::100%25 sure%0D%0Areally%0Ahint: link it: [[a]]");
    expect(githubAnnotation(d, true).startsWith("::error ")).toBe(true);
  });
  it("gives every JSON field, null when absent", () => {
    const r = jsonReport([{ ...d, endLine: undefined, endColumn: undefined, hint: undefined }], { strict: false, notes: 1 });
    expect(r.diagnostics[0]).toEqual({ file: d.file, line: 3, column: 5, end: null, severity: "warning", rule: "orphan", message: d.message, hint: null });
    expect(r).toMatchObject({ ok: true, errors: 0, warnings: 1 });
  });
  it("chooses github under GitHub Actions unless told", () => {
    expect(reportFormat(undefined, { GITHUB_ACTIONS: "true" })).toBe("github");
    expect(reportFormat(undefined, {})).toBe("text");
    expect(reportFormat("json", { GITHUB_ACTIONS: "true" })).toBe("json");
    expect(reportFormat("yaml", {})).toBeUndefined();
  });
});
