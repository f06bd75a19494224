import type { Csr } from "../scenario/csr.js";
import type { Market } from "./market.js";

/**
 * For every entry of one side's lists, the rank (0-based) that the other side gives back,
 * or -1 when it does not rank them. Built in time linear in the number of entries by
 * walking the transposed lists with a scratch row, so no rows × columns matrix is needed.
 */
function reciprocalRanks(own: Csr, ownCount: number, other: Csr, otherCount: number): Int32Array {
  // Transpose `other`: for each of our members, the (other member, rank) pairs naming them,
  // kept side by side in one array so that writing a pair touches one place in memory.
  const count = new Int32Array(ownCount + 1);
  const otherItems = other.items;
  for (let k = 0; k < otherItems.length; k++) count[otherItems[k]! + 1]!++;
  for (let i = 0; i < ownCount; i++) count[i + 1]! += count[i]!;
  const fill = count.slice(0, ownCount);
  const pairs = new Int32Array(2 * otherItems.length);
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
  const scratch = new Int32Array(otherCount).fill(-1);
  // Locals, not own.items in the loop: a property read there is repeated, checks and all,
  // for every entry.
  const ownOffsets = own.offsets;
  const ownItems = own.items;
  const out = new Int32Array(ownItems.length);
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

/** Parallel to market.applicantLists.items: the program's rank of that applicant, or -1. */
export function programRanksOfApplicantEntries(m: Market): Int32Array {
  return reciprocalRanks(m.applicantLists, m.applicants, m.programLists, m.programs);
}

/** Parallel to market.programLists.items: the applicant's rank of that program, or -1. */
export function applicantRanksOfProgramEntries(m: Market): Int32Array {
  return reciprocalRanks(m.programLists, m.programs, m.applicantLists, m.applicants);
}
