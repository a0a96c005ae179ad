/** The CI workflow and the pull request template say what CONTRIBUTING.md promises a contributor and a reviewer. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.ts";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

describe(".github", () => {
  const workflow = parse(readFileSync(join(ROOT, ".github/workflows/ci.yml"), "utf8"));
  const steps: Step[] = Object.values(workflow.jobs as Record<string, { steps: Step[] }>)[0].steps;
  const runs = steps.map((s) => s.run ?? "");
  const index = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));

  it("runs on every pull request: install with a cache, check, test, build, upload the site", () => {
    expect(Object.keys(workflow.on)).toContain("pull_request");
    expect(steps.find((s) => s.uses?.startsWith("actions/checkout@"))?.with?.["fetch-depth"]).toBe(0);
    expect(steps.some((s) => s.uses?.startsWith("actions/cache@"))).toBe(true);
    const order = [/^npm install/, /^npm run check -- --strict$/, /^npm test$/, /^npm run build$/].map(index);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.with?.path).toBe("dist/");
  });

  it("writes the branch's changes to the job summary on pull requests", () => {
    const step = steps[index(/npm run changes/)];
    expect(step.run).toBe('npm run changes -- "origin/${{ github.base_ref }}" >> "$GITHUB_STEP_SUMMARY"');
    expect(step.if).toBe("github.event_name == 'pull_request'");
  });

  it("the pull request template carries the reviewer's checklist", () => {
    const template = readFileSync(join(ROOT, ".github/pull_request_template.md"), "utf8");
    for (const item of ["Every claim is sourced", "Our own words", "Disagreements are shown", "Opinions are attributed", "The check passes", "read the change summary"]) {
      expect(template).toContain(item);
    }
  });
});
