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
    // Files in one worker share their imports: loading the sources again for each of 33
    // files cost a quarter of the suite's time. No test patches a module or the
    // environment, and the CLI's in-process runs restore the working directory.
    isolate: false,
  },
});
