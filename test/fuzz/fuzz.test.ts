import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzCaseArb, fuzzSources } from "./mutations.js";
import { runCase } from "./run-case.js";

const FUZZ_SOURCES = fuzzSources(["classroom", "pre-interview", "ripple", "late-calls", "nrmp-example"]);

describe("fuzzed scenarios", () => {
  it("end in a valid run or positioned errors: no stack, no internal error, no hang", async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCaseArb(FUZZ_SOURCES), async (c) => {
        const failure = await runCase(c);
        expect(failure, `${c.name} (${c.what})`).toBeUndefined();
      }),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 120) },
    );
  });
});
