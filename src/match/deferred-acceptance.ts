import type { Assignment, ListBounds, Market } from "./market.js";
import { scratchInts, SLOT, type MatchScratch } from "./match-scratch.js";
import { applicantRanksOfProgramEntries, programRanksOfApplicantEntries } from "./rank-table.js";

export type Proposer = "applicant" | "program";

/** The proposing side's lists, best first, with the rank (0-based) the other side gives each entry back, or -1. */
export interface RankedLists extends ListBounds {
  readonly items: Int32Array;
  readonly rankBack: Int32Array;
}

/** What deferred acceptance needs of a market besides its lists: how many on each side, and the programs' positions. */
export interface MarketSides {
  readonly applicants: number;
  readonly programs: number;
  readonly capacity: Int32Array;
}

const boundsOf = (offsets: Int32Array): ListBounds => ({ start: offsets, end: offsets.subarray(1) });

/**
 * Applicant-proposing deferred acceptance with capacities (NRMP's side):
 *   1. Every applicant starts free, pointing at the top of their rank list.
 *   2. A free applicant proposes to the next program on their list.
 *   3. The program rejects at once if it does not rank them or has no positions; else it
 *      holds them, and if now over capacity it releases the held applicant it ranks lowest.
 *   4. A released or rejected applicant is free again and goes on down their list; one
 *      whose list is exhausted stays unmatched.
 *   5. When nobody is free, the held offers are the match: the applicant-optimal stable one.
 * The order in which free applicants propose does not change the result.
 */
export function applicantProposing(m: Market, reuse?: MatchScratch): Assignment {
  const lists = { ...boundsOf(m.applicantLists.offsets), items: m.applicantLists.items, rankBack: programRanksOfApplicantEntries(m, reuse) };
  return proposeAsApplicants(m, lists, boundsOf(m.programLists.offsets), reuse);
}

/** applicantProposing on the applicants' lists with their ranks back, and the bounds of the programs' lists. */
export function proposeAsApplicants(m: MarketSides, applicantLists: RankedLists, programLists: ListBounds, reuse?: MatchScratch): Assignment {
  const { start: aStart, end: aEnd, items: aItems, rankBack: programRankOfEntry } = applicantLists;
  const { start: pStart, end: pEnd } = programLists;
  const nA = m.applicants;
  const nP = m.programs;

  // Each program holds a max-heap of the ranks it gives its held applicants, so the one
  // to release is at the top, with the applicants themselves in a parallel heap (reading
  // the released one from the program's list would cost a cache miss per release). Heaps
  // live in one array, program p's at heapStart[p]; a program can hold no more than it
  // ranks, whatever its capacity (its room).
  const room = scratchInts(reuse, SLOT.room, nP);
  const heapStart = scratchInts(reuse, SLOT.heapStart, nP + 1);
  heapStart[0] = 0;
  for (let p = 0; p < nP; p++) {
    room[p] = Math.max(0, Math.min(m.capacity[p]!, pEnd[p]! - pStart[p]!));
    heapStart[p + 1] = heapStart[p]! + room[p]!;
  }
  const heapRank = scratchInts(reuse, SLOT.heapRank, heapStart[nP]!);
  const heapWho = scratchInts(reuse, SLOT.heapWho, heapStart[nP]!);
  const held = scratchInts(reuse, SLOT.held, nP).fill(0, 0, nP);

  // next[a]: the entry of a's list that a proposes to next.
  const next = scratchInts(reuse, SLOT.next, nA);
  for (let a = 0; a < nA; a++) next[a] = aStart[a]!;
  const programOf = scratchInts(reuse, SLOT.programOf, nA).fill(-1, 0, nA);

  for (let start = 0; start < nA; start++) {
    let a = start;
    let k = next[a]!;
    let end = aEnd[a]!;
    for (;;) {
      if (k >= end) break; // list exhausted: a stays unmatched, and no program holds them
      const p = aItems[k]!;
      const r = programRankOfEntry[k]!;
      k++;
      const c = room[p]!;
      if (r < 0 || c === 0) continue;
      const base = heapStart[p]!;
      const size = held[p]!;
      if (size < c) {
        // sift up
        let i = size;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          const up = heapRank[base + parent]!;
          if (up >= r) break;
          heapRank[base + i] = up;
          heapWho[base + i] = heapWho[base + parent]!;
          i = parent;
        }
        heapRank[base + i] = r;
        heapWho[base + i] = a;
        held[p] = size + 1;
        programOf[a] = p;
        next[a] = k;
        break;
      }
      if (r > heapRank[base]!) continue; // the program prefers everyone it holds
      const released = heapWho[base]!;
      // replace the top and sift down
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= c) break;
        const right = left + 1;
        const child = right < c && heapRank[base + right]! > heapRank[base + left]! ? right : left;
        const down = heapRank[base + child]!;
        if (down <= r) break;
        heapRank[base + i] = down;
        heapWho[base + i] = heapWho[base + child]!;
        i = child;
      }
      heapRank[base + i] = r;
      heapWho[base + i] = a;
      programOf[a] = p;
      next[a] = k;
      programOf[released] = -1;
      a = released;
      k = next[a]!;
      end = aEnd[a]!;
    }
  }
  return programOf.length === nA ? programOf : programOf.subarray(0, nA);
}

/**
 * Program-proposing deferred acceptance: programs with open positions offer to the next
 * applicant on their list; an applicant keeps the best offer so far by their own list and
 * declines the rest. Gives the program-optimal stable matching.
 */
export function programProposing(m: Market, reuse?: MatchScratch): Assignment {
  const lists = { ...boundsOf(m.programLists.offsets), items: m.programLists.items, rankBack: applicantRanksOfProgramEntries(m, reuse) };
  return proposeAsPrograms(m, lists, reuse);
}

/** programProposing on the programs' lists with their ranks back. */
export function proposeAsPrograms(m: MarketSides, programLists: RankedLists, reuse?: MatchScratch): Assignment {
  const { start: pStart, end: pEnd, items: pItems, rankBack: applicantRankOfEntry } = programLists;
  const cap = m.capacity;
  const nA = m.applicants;
  const nP = m.programs;
  const next = scratchInts(reuse, SLOT.next, nP).fill(0, 0, nP);
  const filled = scratchInts(reuse, SLOT.held, nP).fill(0, 0, nP);
  const programOf = scratchInts(reuse, SLOT.programOf, nA).fill(-1, 0, nA);
  const heldRank = scratchInts(reuse, SLOT.heldRank, nA).fill(0x7fffffff, 0, nA);
  const stack = scratchInts(reuse, SLOT.stack, nP);
  const onStack = scratchInts(reuse, SLOT.onStack, nP);
  let top = 0;
  for (let p = nP - 1; p >= 0; p--) {
    stack[top++] = p;
    onStack[p] = 1;
  }
  while (top > 0) {
    const p = stack[--top]!;
    onStack[p] = 0;
    const end = pEnd[p]!;
    while (filled[p]! < cap[p]! && pStart[p]! + next[p]! < end) {
      const k = pStart[p]! + next[p]!;
      next[p]!++;
      const a = pItems[k]!;
      const s = applicantRankOfEntry[k]!;
      if (s < 0 || s >= heldRank[a]!) continue;
      const previous = programOf[a]!;
      if (previous >= 0) {
        filled[previous]!--;
        if (!onStack[previous]) {
          stack[top++] = previous;
          onStack[previous] = 1;
        }
      }
      programOf[a] = p;
      heldRank[a] = s;
      filled[p]!++;
    }
  }
  return programOf.length === nA ? programOf : programOf.subarray(0, nA);
}

/**
 * The match of a market by either side's proposals. With `reuse`, the arrays of earlier
 * calls are reused, the returned assignment among them: it holds until the next call.
 */
export function deferredAcceptance(m: Market, proposer: Proposer, reuse?: MatchScratch): Assignment {
  return proposer === "applicant" ? applicantProposing(m, reuse) : programProposing(m, reuse);
}
