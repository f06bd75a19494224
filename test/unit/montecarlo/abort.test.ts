import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../../src/scenario/load.js";
import { simulate } from "../../../src/montecarlo/simulate.js";

// Aborting a run on worker threads, at whatever moment: before the pool exists, while the
// pool library loads (it loads on first use), or with blocks under way. The run must end
// with the abort, never with results, and promptly.

describe("an aborted run on worker threads", () => {
  it("rejects with the abort whether it comes before, during or after the pool starts", async () => {
    const { indexed } = await loadScenarioFile("scenarios/classroom.yaml");
    for (const delay of [-1, 0, 1, 5, 40]) {
      const controller = new AbortController();
      if (delay < 0) controller.abort();
      const started = performance.now();
      const run = simulate(indexed, { seed: 1, runs: 1_000_000, proposer: "applicant", workers: 2, signal: controller.signal });
      if (delay >= 0) setTimeout(() => controller.abort(), delay);
      await expect(run, `abort after ${delay} ms`).rejects.toMatchObject({ name: "AbortError" });
      // A million seasons take minutes: ending within seconds means the abort stopped them.
      expect(performance.now() - started, `abort after ${delay} ms`).toBeLessThan(5_000);
    }
  });
});
