/**
 * Arrays that deferred acceptance and its rank table can reuse from one call to the next:
 * a season matches two markets of the same size every trial, and allocating a dozen
 * typed arrays per match cost about a tenth of it. Each array is kept under a fixed slot
 * and grown when a larger market needs it. Without a scratch, fresh arrays are made.
 */
export interface MatchScratch {
  readonly arrays: (Int32Array | undefined)[];
}

export const newMatchScratch = (): MatchScratch => ({ arrays: [] });

/** The slots: one per array that the match and the rank table use. */
export const SLOT = {
  rankCount: 0,
  rankFill: 1,
  rankPairs: 2,
  rankScratch: 3,
  ranks: 4,
  room: 5,
  heapStart: 6,
  heapRank: 7,
  heapWho: 8,
  held: 9,
  next: 10,
  programOf: 11,
  heldRank: 12,
  stack: 13,
  onStack: 14,
} as const;

/**
 * An array with room for n values: fresh (zeroed) without a scratch, else the slot's
 * array, whose contents are left from the last call (callers set what they read).
 */
export function scratchInts(scratch: MatchScratch | undefined, slot: number, n: number): Int32Array {
  if (scratch === undefined) return new Int32Array(n);
  let array = scratch.arrays[slot];
  if (array === undefined || array.length < n) {
    array = new Int32Array(n);
    scratch.arrays[slot] = array;
  }
  return array;
}
