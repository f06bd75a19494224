import type { Assignment, Market } from "./market.js";
import { applicantRanksOfProgramEntries, programRanksOfApplicantEntries } from "./rank-table.js";

export type Proposer = "applicant" | "program";

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
export function applicantProposing(m: Market): Assignment {
  const programRankOfEntry = programRanksOfApplicantEntries(m);
  const aOff = m.applicantLists.offsets;
  const aItems = m.applicantLists.items;
  const pOff = m.programLists.offsets;
  const nA = m.applicants;
  const nP = m.programs;

  // Each program holds a max-heap of the ranks it gives its held applicants, so the one
  // to release is at the top, with the applicants themselves in a parallel heap (reading
  // the released one from the program's list would cost a cache miss per release). Heaps
  // live in one array, program p's at heapStart[p]; a program can hold no more than it
  // ranks, whatever its capacity (its room).
  const room = new Int32Array(nP);
  const heapStart = new Int32Array(nP + 1);
  for (let p = 0; p < nP; p++) {
    room[p] = Math.max(0, Math.min(m.capacity[p]!, pOff[p + 1]! - pOff[p]!));
    heapStart[p + 1] = heapStart[p]! + room[p]!;
  }
  const heapRank = new Int32Array(heapStart[nP]!);
  const heapWho = new Int32Array(heapStart[nP]!);
  const held = new Int32Array(nP);

  // next[a]: the entry of a's list that a proposes to next.
  const next = aOff.slice(0, nA);
  const programOf = new Int32Array(nA).fill(-1);

  for (let start = 0; start < nA; start++) {
    let a = start;
    let k = next[a]!;
    let end = aOff[a + 1]!;
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
      end = aOff[a + 1]!;
    }
  }
  return programOf;
}

/**
 * Program-proposing deferred acceptance: programs with open positions offer to the next
 * applicant on their list; an applicant keeps the best offer so far by their own list and
 * declines the rest. Gives the program-optimal stable matching.
 */
export function programProposing(m: Market): Assignment {
  const applicantRankOfEntry = applicantRanksOfProgramEntries(m);
  const pOff = m.programLists.offsets;
  const pItems = m.programLists.items;
  const cap = m.capacity;
  const next = new Int32Array(m.programs);
  const filled = new Int32Array(m.programs);
  const programOf = new Int32Array(m.applicants).fill(-1);
  const heldRank = new Int32Array(m.applicants).fill(0x7fffffff);
  const stack = new Int32Array(m.programs);
  const onStack = new Uint8Array(m.programs);
  let top = 0;
  for (let p = m.programs - 1; p >= 0; p--) {
    stack[top++] = p;
    onStack[p] = 1;
  }
  while (top > 0) {
    const p = stack[--top]!;
    onStack[p] = 0;
    const end = pOff[p + 1]!;
    while (filled[p]! < cap[p]! && pOff[p]! + next[p]! < end) {
      const k = pOff[p]! + next[p]!;
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
  return programOf;
}

export function deferredAcceptance(m: Market, proposer: Proposer): Assignment {
  return proposer === "applicant" ? applicantProposing(m) : programProposing(m);
}
