import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mix } from "../../../src/rng/mix.js";
import { hashBoundBelow, normalOf, QUANTILES, rowNormalAt } from "../../../src/rng/streams.js";

// The bounds the kernel skips draws by (bounded applications and screening): a hash whose
// top 16 bits are below hashBoundBelow(z) must draw a normal below z, whatever the hash.
describe("hashBoundBelow", () => {
  it("leaves below z every normal whose hash is below the bound", () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.integer(), fc.integer(), (z, row, column) => {
        const bound = hashBoundBelow(z);
        const h = mix((row + column) >>> 0);
        if (h >>> 16 < bound) expect(rowNormalAt(row, column)).toBeLessThan(z);
      }),
      { numRuns: 20_000 },
    );
  });

  it("leaves below z the hashes of the interval just under the bound, where the normals come closest", () => {
    fc.assert(
      fc.property(fc.double({ min: -4, max: 4, noNaN: true }), fc.integer({ min: 0, max: (1 << 21) - 1 }), (z, place) => {
        const bound = hashBoundBelow(z);
        if (bound < 32) return;
        const h = ((bound >>> 5) - 1) * 2 ** 21 + place;
        expect(h >>> 16).toBeLessThan(bound);
        expect(normalOf(h)).toBeLessThan(z);
      }),
      { numRuns: 5_000 },
    );
  });

  it("is tight: the hashes at the bound can reach z, and the ends draw everything or nothing", () => {
    for (let i = 1; i < QUANTILES.length - 1; i += 7) {
      // z just above a table entry: the bound is that entry's interval, no lower.
      const z = QUANTILES[i]! + 1e-6;
      expect(hashBoundBelow(z)).toBe(i << 5);
    }
    expect(hashBoundBelow(-10)).toBe(0);
    expect(hashBoundBelow(Number.NaN)).toBe(0);
    expect(hashBoundBelow(10)).toBe(0xffff);
  });
});
