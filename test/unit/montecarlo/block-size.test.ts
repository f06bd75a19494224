import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockSize } from "../../../src/montecarlo/simulate.js";

describe("blockSize", () => {
  it("keeps about two million applications per block, and eight blocks per worker at least", () => {
    // The dermatology scenario: 36,000 applications a trial.
    expect(blockSize(10_000, 2, 36_000)).toBe(55);
    expect(blockSize(100, 2, 36_000)).toBe(7);
    // An NRMP-size market: a trial a block (its counts stay in the worker: see SharedCounts).
    expect(blockSize(1_000, 2, 1_350_000)).toBe(1);
  });

  it("always gives at least one trial a block, and at most 250", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 5_000_000 }), (count, workers, apps) => {
        const size = blockSize(count, workers, apps);
        expect(Number.isInteger(size) && size >= 1 && size <= 250).toBe(true);
      }),
    );
  });
});
