import type { Csr } from "../scenario/csr.js";

/**
 * A two-sided market of rank lists on integer indices: applicants 0…applicants-1 and
 * programs 0…programs-1, each list best first. A pair is acceptable only if each side
 * ranks the other (NRMP's rule); a one-sided entry is simply never matched.
 */
export interface Market {
  readonly applicants: number;
  readonly programs: number;
  readonly capacity: Int32Array;
  /** Row a: the programs applicant a ranks. */
  readonly applicantLists: Csr;
  /** Row p: the applicants program p ranks. */
  readonly programLists: Csr;
}

/** A matching: for each applicant, the program it is matched to, or -1. */
export type Assignment = Int32Array;

/**
 * Rows of one side's lists wherever they lie in a buffer: row i is
 * items[start[i]] … items[end[i] - 1]. A market's CSR gives start = offsets and end =
 * offsets shifted by one; a season's lists have room to spare after each row.
 */
export interface ListBounds {
  readonly start: Int32Array;
  readonly end: Int32Array;
}
