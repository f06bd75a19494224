import type { Proposer } from "./deferred-acceptance.js";
import type { Assignment, Market } from "./market.js";

/** One round of deferred acceptance as a class would tell it. */
export interface DaRound {
  /** Every proposal made this round: [applicant, program]. */
  readonly proposals: [number, number][];
  /**
   * Proposals to someone who does not rank the proposer: turned down on the spot, and the
   * proposer goes on down their list in the same round (as the NRMP tells it).
   */
  readonly unranked: [number, number][];
  /** Proposals held earlier or made this round and turned down at the end of the round. */
  readonly rejected: [number, number][];
  /** After the round, each program's held applicants (applicant-proposing) or offers held. */
  readonly held: [number, number][];
}

function rankMaps(lists: Market["applicantLists"], n: number): Map<number, number>[] {
  return Array.from({ length: n }, (_, i) => {
    const m = new Map<number, number>();
    for (let k = lists.offsets[i]!; k < lists.offsets[i + 1]!; k++) m.set(lists.items[k]!, k - lists.offsets[i]!);
    return m;
  });
}

const row = (lists: Market["applicantLists"], i: number) => Array.from(lists.items.subarray(lists.offsets[i]!, lists.offsets[i + 1]!));

/**
 * Deferred acceptance in simultaneous rounds, keeping the log of each round for `trace`.
 * Slower than deferred-acceptance.ts and written apart from it; the tests check that both
 * reach the same matching, which the order of proposals cannot change.
 */
export function deferredAcceptanceRounds(m: Market, proposer: Proposer): { programOf: Assignment; rounds: DaRound[] } {
  const aRank = rankMaps(m.applicantLists, m.applicants);
  const pRank = rankMaps(m.programLists, m.programs);
  const rounds: DaRound[] = [];
  const programOf = new Int32Array(m.applicants).fill(-1);
  const heldBy: number[][] = Array.from({ length: m.programs }, () => []);
  const heldList = () => heldBy.flatMap((as, p) => as.map((a) => [a, p] as [number, number])).sort((x, y) => x[1] - y[1] || x[0] - y[0]);

  if (proposer === "applicant") {
    const next = new Array<number>(m.applicants).fill(0);
    const lists = Array.from({ length: m.applicants }, (_, a) => row(m.applicantLists, a));
    let free = Array.from({ length: m.applicants }, (_, a) => a).filter((a) => lists[a]!.length > 0);
    while (free.length > 0) {
      const proposals: [number, number][] = [];
      const unranked: [number, number][] = [];
      const rejected: [number, number][] = [];
      const incoming: number[][] = Array.from({ length: m.programs }, () => []);
      for (const a of free) {
        while (next[a]! < lists[a]!.length) {
          const p = lists[a]![next[a]!++]!;
          if (pRank[p]!.has(a) && m.capacity[p]! > 0) {
            proposals.push([a, p]);
            incoming[p]!.push(a);
            break;
          }
          unranked.push([a, p]);
        }
      }
      const nextFree: number[] = [];
      for (let p = 0; p < m.programs; p++) {
        if (incoming[p]!.length === 0) continue;
        const pool = [...heldBy[p]!, ...incoming[p]!].sort((x, y) => pRank[p]!.get(x)! - pRank[p]!.get(y)!);
        heldBy[p] = pool.slice(0, m.capacity[p]!);
        for (const a of pool.slice(m.capacity[p]!)) {
          rejected.push([a, p]);
          nextFree.push(a);
        }
      }
      if (proposals.length === 0 && unranked.length === 0) break;
      rounds.push({ proposals, unranked, rejected, held: heldList() });
      free = nextFree.filter((a) => next[a]! < lists[a]!.length).sort((x, y) => x - y);
    }
  } else {
    const next = new Array<number>(m.programs).fill(0);
    const lists = Array.from({ length: m.programs }, (_, p) => row(m.programLists, p));
    const open = (p: number) => m.capacity[p]! - heldBy[p]!.length;
    let active = Array.from({ length: m.programs }, (_, p) => p).filter((p) => open(p) > 0 && lists[p]!.length > 0);
    while (active.length > 0) {
      const proposals: [number, number][] = [];
      const unranked: [number, number][] = [];
      const rejected: [number, number][] = [];
      const offers: number[][] = Array.from({ length: m.applicants }, () => []);
      for (const p of active) {
        let k = open(p);
        while (k > 0 && next[p]! < lists[p]!.length) {
          const a = lists[p]![next[p]!++]!;
          if (aRank[a]!.has(p)) {
            proposals.push([a, p]);
            offers[a]!.push(p);
            k--;
          } else unranked.push([a, p]);
        }
      }
      for (let a = 0; a < m.applicants; a++) {
        if (offers[a]!.length === 0) continue;
        const current = programOf[a]!;
        const best = [...offers[a]!, ...(current >= 0 ? [current] : [])].sort((x, y) => aRank[a]!.get(x)! - aRank[a]!.get(y)!);
        const keep = best[0]!;
        for (const p of best.slice(1)) {
          rejected.push([a, p]);
          if (p === current) heldBy[p] = heldBy[p]!.filter((b) => b !== a);
        }
        if (keep !== current) {
          programOf[a] = keep;
          heldBy[keep]!.push(a);
        }
      }
      if (proposals.length === 0 && unranked.length === 0) break;
      rounds.push({ proposals, unranked, rejected, held: heldList() });
      active = Array.from({ length: m.programs }, (_, p) => p).filter((p) => open(p) > 0 && next[p]! < lists[p]!.length);
    }
    return { programOf, rounds };
  }
  heldBy.forEach((as, p) => as.forEach((a) => (programOf[a] = p)));
  return { programOf, rounds };
}
