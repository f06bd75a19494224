import type { Assignment, Market } from "./market.js";

// Checks written apart from the algorithm: they walk the lists program by program and
// share no rank table with deferred-acceptance.ts, so a bug there cannot hide itself here.

export interface BlockingPair {
  readonly applicant: number;
  readonly program: number;
}

export interface ValidityProblems {
  /** Programs holding more applicants than they have positions. */
  readonly overCapacity: number[];
  /** Applicants matched to a program that does not rank them, or that they do not rank. */
  readonly unacceptable: number[];
}

/** Position of `who` in row `row` of a list, or -1. */
function positionIn(lists: Market["applicantLists"], row: number, who: number, limit = Infinity): number {
  const { offsets, items } = lists;
  const start = offsets[row]!;
  const end = Math.min(offsets[row + 1]!, start + limit);
  for (let k = start; k < end; k++) if (items[k] === who) return k - start;
  return -1;
}

export function validityProblems(market: Market, programOf: Assignment): ValidityProblems {
  const load = new Int32Array(market.programs);
  const unacceptable: number[] = [];
  for (let a = 0; a < market.applicants; a++) {
    const p = programOf[a]!;
    if (p < 0) continue;
    load[p]!++;
    if (positionIn(market.applicantLists, a, p) < 0 || positionIn(market.programLists, p, a) < 0) unacceptable.push(a);
  }
  const overCapacity: number[] = [];
  for (let p = 0; p < market.programs; p++) if (load[p]! > market.capacity[p]!) overCapacity.push(p);
  return { overCapacity, unacceptable };
}

/**
 * Every mutually acceptable pair (a, p), not matched together, where a prefers p to their
 * match (or is unmatched) and p has an open position or prefers a to someone it holds.
 */
export function blockingPairs(market: Market, programOf: Assignment): BlockingPair[] {
  const { applicants: nA, programs: nP, applicantLists: aLists, programLists: pLists } = market;
  // How far down their own list each applicant's match sits (the whole list if unmatched).
  const matchDepth = new Int32Array(nA);
  for (let a = 0; a < nA; a++) {
    const p = programOf[a]!;
    const depth = p >= 0 ? positionIn(aLists, a, p) : -1;
    matchDepth[a] = depth >= 0 ? depth : aLists.offsets[a + 1]! - aLists.offsets[a]!;
  }
  const pairs: BlockingPair[] = [];
  const { offsets: pOffsets, items: pItems } = pLists;
  for (let p = 0; p < nP; p++) {
    const start = pOffsets[p]!;
    const end = pOffsets[p + 1]!;
    // The program's lowest-ranked held applicant, and how many it holds.
    let held = 0;
    let worst = -1;
    for (let k = start; k < end; k++) {
      if (programOf[pItems[k]!] === p) {
        held++;
        worst = k - start;
      }
    }
    const open = held < market.capacity[p]!;
    if (!open && market.capacity[p]! <= 0) continue;
    const limit = open ? end - start : worst;
    for (let r = 0; r < limit; r++) {
      const a = pItems[start + r]!;
      if (programOf[a] === p) continue;
      if (positionIn(aLists, a, p, matchDepth[a]!) >= 0) pairs.push({ applicant: a, program: p });
    }
  }
  return pairs.sort((x, y) => x.applicant - y.applicant || x.program - y.program);
}
