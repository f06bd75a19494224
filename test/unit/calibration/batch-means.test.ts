import { describe, expect, it } from "vitest";
import { batchMeans, tQuantile } from "../../../src/calibration/batch-means.js";

describe("batch means", () => {
  it("gives the mean and a t interval from the spread of the batches", () => {
    // Mean 3, sample sd √2.5, n 5: half-width 2.776 · √(2.5/5).
    const m = batchMeans([1, 2, 3, 4, 5]);
    expect(m.estimate).toBe(3);
    expect(m.batches).toBe(5);
    expect(m.interval![0]).toBeCloseTo(3 - 2.776 * Math.sqrt(0.5), 10);
    expect(m.interval![1]).toBeCloseTo(3 + 2.776 * Math.sqrt(0.5), 10);
  });

  it("leaves out batches with nothing to measure, and gives no interval for one batch", () => {
    expect(batchMeans([NaN, 4, NaN])).toEqual({ estimate: 4, interval: null, batches: 1 });
    expect(batchMeans([NaN]).batches).toBe(0);
    expect(batchMeans([2, 2, 2]).interval).toEqual([2, 2]);
  });

  it("uses Student's quantiles, tending to the normal's", () => {
    expect(tQuantile(1)).toBe(12.706);
    expect(tQuantile(9)).toBe(2.262);
    expect(tQuantile(200)).toBe(1.96);
  });
});
