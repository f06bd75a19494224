import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kthLargest } from "../../../src/season/select.js";

describe("kthLargest", () => {
  it("agrees with sorting, duplicates included", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 300 }), fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: 1, maxLength: 300 })).chain((xs) =>
          fc.tuple(fc.constant(xs), fc.integer({ min: 1, max: xs.length })),
        ),
        ([xs, k]) => {
          const expected = [...xs].sort((a, b) => b - a)[k - 1];
          expect(kthLargest(Float64Array.from(xs), xs.length, k)).toBe(expected);
        },
      ),
    );
  });
});
