import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  histogramAt,
  histogramByApplicant,
  histogramFromApplicantOrder,
  histogramOf,
  newAccumulator,
} from "../../../src/montecarlo/accumulator.js";

// The accumulator keeps its histogram rank by rank; shard files keep it applicant by
// applicant. Each cell is given a value naming its own place, so a cell that lands
// anywhere else is seen.
const named = (world: number, rank: number, a: number) => 1 + a * 1000 + world * 100 + rank;

describe("the matched-rank histogram's two layouts", () => {
  it("put every cell where the other layout says, and back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 30 }), (applicants, width) => {
        const acc = newAccumulator(applicants, 1, 1, width);
        for (let w = 0; w < 2; w++)
          for (let r = 0; r < width; r++) for (let a = 0; a < applicants; a++) acc.histogram[histogramAt(acc, w, r, a)] = named(w, r, a);
        // Every place written once: the layout is one-to-one.
        expect(new Set(acc.histogram).size).toBe(acc.histogram.length);
        const file = histogramByApplicant(acc);
        for (let a = 0; a < applicants; a++) {
          for (let w = 0; w < 2; w++) {
            const expected = Array.from({ length: width }, (_, r) => named(w, r, a));
            expect(Array.from(file.subarray((2 * a + w) * width, (2 * a + w + 1) * width))).toEqual(expected);
            expect(histogramOf(acc, a, w)).toEqual(expected);
          }
        }
        expect(Array.from(histogramFromApplicantOrder(Array.from(file), applicants, width))).toEqual(Array.from(acc.histogram));
      }),
    );
  });

  it("rank by rank: one applicant's next cell at a rank is the next place", () => {
    const acc = newAccumulator(5, 1, 1, 4);
    expect(histogramAt(acc, 0, 0, 1) - histogramAt(acc, 0, 0, 0)).toBe(1);
    expect(histogramAt(acc, 0, 1, 0)).toBe(5);
    expect(histogramAt(acc, 1, 0, 0)).toBe(20);
  });
});
