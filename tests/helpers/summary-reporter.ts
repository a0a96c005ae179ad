/** Prints one plain closing line, `N passed, N failed, N skipped`, after Vitest's own summary (for CI logs). */
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let passed = 0, failed = 0, skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      if (m.state() === "failed" && ![...m.children.allTests()].length) failed++; // a file that failed to load
    }
    console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
