// The integer finaliser every hash of the project ends with: the draws' coordinates
// (streams.ts) and the entities' draw keys (id-keys.ts).

/** A 32-bit avalanche mix (lowbias32): every input bit affects every output bit. */
export function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}
