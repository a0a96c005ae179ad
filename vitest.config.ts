import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // End-to-end tests build sites through the real CLI and drive Chromium: give them room on a 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    // Removes the temporary folders each test file made with tests/helpers/temp.ts once the file is done.
    setupFiles: ["./tests/helpers/remove-temp-dirs.ts"],
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
  },
});
