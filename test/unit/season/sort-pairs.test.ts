import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortPairsDescending } from "../../../src/season/workspace.js";

describe("sortPairsDescending", () => {
  it("orders by key descending, ties by index ascending, for short lists and long (merged) ones", () => {
    fc.assert(
      fc.property(
        // Few distinct keys, so that ties are common; lengths past several merge widths.
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: -5, max: 5 })), { maxLength: 300 }),
        (pairs) => {
          // Distinct indices, in any order.
          const seen = new Set<number>();
          const items = pairs.filter(([i]) => !seen.has(i) && seen.add(i));
          const idx = Int32Array.from(items, ([i]) => i);
          const key = Float64Array.from(items, ([, k]) => k / 2);
          const want = [...items].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
          sortPairsDescending(idx, key, items.length);
          expect(Array.from(idx)).toEqual(want.map(([i]) => i));
          expect(Array.from(key)).toEqual(want.map(([, k]) => k / 2));
        },
      ),
      { numRuns: 300 },
    );
  });
});
