import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockSize } from "../../../src/montecarlo/simulate.js";

describe("blockSize", () => {
  it("keeps about two million applications per block where the counts are small", () => {
    // The dermatology scenario: 36,000 applications a trial, a few hundred thousand counts.
    expect(blockSize(10_000, 2, 36_000, 300_000)).toBe(55);
    expect(blockSize(100, 2, 36_000, 300_000)).toBe(9);
  });

  it("gives a market whose counts outnumber its applications blocks of several trials", () => {
    // An NRMP-size market: 1.35 million applications, about five million counts. One trial
    // a block spent as much on the counts as on the season.
    expect(blockSize(1_000, 2, 1_350_000, 5_000_000)).toBe(4);
    expect(blockSize(22, 2, 1_350_000, 5_000_000)).toBe(4);
  });

  it("always gives each worker a share, and at least one trial a block", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 1e8 }), (count, workers, apps, cells) => {
        const size = blockSize(count, workers, apps, cells);
        expect(size).toBeGreaterThanOrEqual(1);
        expect(size).toBeLessThanOrEqual(Math.max(1, Math.ceil(count / workers), 250));
        expect(Number.isInteger(size)).toBe(true);
      }),
    );
  });
});
