import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gridPoints, parseAxis, rangeValues } from "../../../src/montecarlo/sweep.js";
import { UsageError } from "../../../src/errors.js";

describe("sweep axes", () => {
  it("reads lists and ranges", () => {
    expect(parseAxis("ripple.sameRegion=0.2,0.5,0.9")).toEqual({ path: "ripple.sameRegion", values: [0.2, 0.5, 0.9], origin: "--set ripple.sameRegion=0.2,0.5,0.9" });
    expect(parseAxis("calls.enabled=true,false").values).toEqual([true, false]);
    expect(parseAxis("late.topCandidates=1:5:2").values).toEqual([1, 3, 5]);
    expect(parseAxis("model.effects.strong=30:10:-10").values).toEqual([30, 20, 10]);
    expect(parseAxis("ripple.sameRegion=0.7").values).toEqual([0.7]);
  });

  it("steps by 0.1 without floating-point drift", () => {
    expect(parseAxis("ripple.sameRegion=0:1:0.1").values).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(parseAxis("screening.noise=0.05:0.35:0.05").values).toEqual([0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  });

  it("every range value is exact to the inputs' decimals and ends within one step of `to`", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 20 }), (from, span, step) => {
        const values = rangeValues(from / 100, (from + span) / 100, step / 100, 2, "x");
        for (const [i, v] of values.entries()) expect(v).toBe(Math.round(from + i * step) / 100);
        expect(values.at(-1)!).toBeLessThanOrEqual((from + span) / 100);
        expect(values.at(-1)! + step / 100).toBeGreaterThan((from + span) / 100 - 1e-12);
      }),
    );
  });

  it("names the bad axis", () => {
    const bad: [string, RegExp][] = [
      ["ripple.sameRegon=0,1", /--set ripple.sameRegon=0,1: unknown parameter "ripple.sameRegon" \(did you mean "ripple.sameRegion"\?\)/],
      ["ripple.sameRegion=0:1:0", /--set ripple.sameRegion=0:1:0: the step must be nonzero/],
      ["ripple.sameRegion=1:0:0.1", /the step must be nonzero and go from 1 towards 0/],
      ["ripple.sameRegion=a,b", /"a" is not a number/],
      ["ripple.sameRegion=0.1,0.1", /listed twice/],
      ["ripple.sameRegion", /expected path=v1,v2/],
      ["ripple.sameRegion=0:1", /expected v1,v2,… or from:to:step/],
    ];
    for (const [text, message] of bad) expect(() => parseAxis(text), text).toThrow(message);
    expect(() => parseAxis("x=1")).toThrow(UsageError);
  });

  it("makes the grid as the product of the axes, the first varying slowest", () => {
    const grid = gridPoints([parseAxis("ripple.sameRegion=0,1"), parseAxis("calls.enabled=true,false")]);
    expect(grid.map((p) => p.map((s) => s.value))).toEqual([[0, true], [0, false], [1, true], [1, false]]);
  });
});
