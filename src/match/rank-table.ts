import type { Csr } from "../scenario/csr.js";
import type { ListBounds, Market } from "./market.js";
import { scratchInts, SLOT, type MatchScratch } from "./match-scratch.js";

/**
 * For every entry of one side's lists, the rank (0-based) that the other side gives back,
 * or -1 when it does not rank them. Built in time linear in the number of entries by
 * walking the transposed lists with a scratch row, so no rows × columns matrix is needed.
 */
function reciprocalRanks(own: Csr, ownCount: number, other: Csr, otherCount: number, reuse?: MatchScratch): Int32Array {
  // Transpose `other`: for each of our members, the (other member, rank) pairs naming them,
  // kept side by side in one array so that writing a pair touches one place in memory.
  const count = scratchInts(reuse, SLOT.rankCount, ownCount + 1).fill(0, 0, ownCount + 1);
  const otherItems = other.items;
  for (let k = 0; k < otherItems.length; k++) count[otherItems[k]! + 1]!++;
  for (let i = 0; i < ownCount; i++) count[i + 1]! += count[i]!;
  const fill = scratchInts(reuse, SLOT.rankFill, ownCount);
  for (let i = 0; i < ownCount; i++) fill[i] = count[i]!;
  const pairs = scratchInts(reuse, SLOT.rankPairs, 2 * otherItems.length);
  const otherOffsets = other.offsets;
  for (let o = 0; o < otherCount; o++) {
    const start = otherOffsets[o]!;
    const end = otherOffsets[o + 1]!;
    for (let k = start; k < end; k++) {
      const slot = 2 * fill[otherItems[k]!]!++;
      pairs[slot] = o;
      pairs[slot + 1] = k - start;
    }
  }
  const scratch = scratchInts(reuse, SLOT.rankScratch, otherCount).fill(-1, 0, otherCount);
  // Locals, not own.items in the loop: a property read there is repeated, checks and all,
  // for every entry.
  const ownOffsets = own.offsets;
  const ownItems = own.items;
  const out = scratchInts(reuse, SLOT.ranks, ownItems.length);
  for (let i = 0; i < ownCount; i++) {
    const from = 2 * count[i]!;
    const to = 2 * count[i + 1]!;
    for (let j = from; j < to; j += 2) scratch[pairs[j]!] = pairs[j + 1]!;
    const end = ownOffsets[i + 1]!;
    for (let k = ownOffsets[i]!; k < end; k++) out[k] = scratch[ownItems[k]!]!;
    for (let j = from; j < to; j += 2) scratch[pairs[j]!] = -1;
  }
  return out;
}

/**
 * Parallel to market.applicantLists.items: the program's rank of that applicant, or -1.
 * With `reuse`, the array may run longer than the entries; the rest is left over.
 */
export function programRanksOfApplicantEntries(m: Market, reuse?: MatchScratch): Int32Array {
  return reciprocalRanks(m.applicantLists, m.applicants, m.programLists, m.programs, reuse);
}

/** Parallel to market.programLists.items: the applicant's rank of that program, or -1 (as above). */
export function applicantRanksOfProgramEntries(m: Market, reuse?: MatchScratch): Int32Array {
  return reciprocalRanks(m.programLists, m.programs, m.applicantLists, m.applicants, reuse);
}

/**
 * Rows of lists (see ListBounds) whose places are named by pair: entry[i] names the pair
 * that place i stands for, the row's owner and the one listed there (-1: a pair with no
 * name, which ranks nothing back).
 */
export interface EntryLists extends ListBounds {
  readonly entry: Int32Array;
}

/**
 * The reciprocal ranks of lists whose every entry names its pair (an application, in a
 * season): for each entry of `own`'s rows, the rank (0-based) the other side's row gives
 * the same pair, or -1, into out (parallel to own.entry). Two passes and no transpose: each
 * pair's place on the other side is marked under its name, then read back. `marks` holds
 * two numbers per name, the place and the stamp of the call that wrote it (side by side,
 * so a mark is one memory access): a mark with another stamp is from an earlier call, so
 * nothing needs clearing. Callers pass a new stamp each call.
 */
export function ranksBackByEntry(own: EntryLists, ownCount: number, other: EntryLists, otherCount: number, marks: Int32Array, stamp: number, out: Int32Array): Int32Array {
  const { start: oStart, end: oEnd, entry: oEntry } = other;
  for (let o = 0; o < otherCount; o++) {
    const from = oStart[o]!;
    const to = oEnd[o]!;
    for (let i = from; i < to; i++) {
      const k = oEntry[i]!;
      if (k < 0) continue;
      marks[2 * k] = i - from;
      marks[2 * k + 1] = stamp;
    }
  }
  const { start, end, entry } = own;
  for (let x = 0; x < ownCount; x++) {
    const to = end[x]!;
    for (let i = start[x]!; i < to; i++) {
      const k = entry[i]!;
      out[i] = k >= 0 && marks[2 * k + 1] === stamp ? marks[2 * k]! : -1;
    }
  }
  return out;
}
