import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { fuzzCaseArb } from "./mutations.js";
import { runCase } from "./run-case.js";

export const FUZZ_SOURCES = ["classroom", "pre-interview", "ripple", "late-calls", "nrmp-example"].map((name) => ({
  name,
  text: readFileSync(`${ROOT}scenarios/${name}.yaml`, "utf8"),
}));

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
