import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 30_000,
    pool: "forks",
    // Much of the time goes to spawned CLIs and their start-up, so run three files at
    // once even on a two-core machine.
    maxWorkers: 3,
  },
});
