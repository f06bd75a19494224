import seedrandom from "seedrandom";

// The only file that imports seedrandom. Seeds are always explicit; no global state.

/** A sequential generator, for code that draws in a fixed order (scenario generators). */
export interface Rng {
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform whole number in [0, n). */
  int(n: number): number;
  /** Standard normal. */
  normal(): number;
}

export function sequentialRng(key: string): Rng {
  const alea = seedrandom.alea(key);
  let spare: number | undefined;
  return {
    float: () => alea.double(),
    int: (n) => Math.floor(alea.double() * n),
    normal() {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      // Box–Muller; 1 - u keeps the logarithm finite.
      const u = 1 - alea.double();
      const v = alea.double();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

/** A 32-bit key derived from text by seedrandom's mixing: the root of a random stream. */
export function keyOf(text: string): number {
  return seedrandom.alea(text).int32() >>> 0;
}
