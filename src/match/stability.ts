import type { Assignment, Market } from "./market.js";

// Checks written apart from the algorithm (plain maps, no shared rank tables), so that a
// bug in deferred-acceptance.ts cannot hide itself here.

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

function rankMaps(lists: Market["applicantLists"], count: number): Map<number, number>[] {
  const maps: Map<number, number>[] = [];
  for (let i = 0; i < count; i++) {
    const m = new Map<number, number>();
    for (let k = lists.offsets[i]!; k < lists.offsets[i + 1]!; k++) {
      if (!m.has(lists.items[k]!)) m.set(lists.items[k]!, k - lists.offsets[i]!);
    }
    maps.push(m);
  }
  return maps;
}

export function validityProblems(market: Market, programOf: Assignment): ValidityProblems {
  const applicantRanks = rankMaps(market.applicantLists, market.applicants);
  const programRanks = rankMaps(market.programLists, market.programs);
  const load = new Array<number>(market.programs).fill(0);
  const unacceptable: number[] = [];
  for (let a = 0; a < market.applicants; a++) {
    const p = programOf[a]!;
    if (p < 0) continue;
    load[p]!++;
    if (!applicantRanks[a]!.has(p) || !programRanks[p]!.has(a)) unacceptable.push(a);
  }
  const overCapacity = load.flatMap((n, p) => (n > market.capacity[p]! ? [p] : []));
  return { overCapacity, unacceptable };
}

/**
 * Every mutually acceptable pair (a, p) not matched together where a prefers p to their
 * match (or is unmatched) and p has an open position or prefers a to someone it holds.
 */
export function blockingPairs(market: Market, programOf: Assignment): BlockingPair[] {
  const applicantRanks = rankMaps(market.applicantLists, market.applicants);
  const programRanks = rankMaps(market.programLists, market.programs);
  const members: number[][] = Array.from({ length: market.programs }, () => []);
  for (let a = 0; a < market.applicants; a++) if (programOf[a]! >= 0) members[programOf[a]!]!.push(a);
  const worstHeld = members.map((ms, p) => Math.max(-1, ...ms.map((a) => programRanks[p]!.get(a) ?? Infinity)));

  const pairs: BlockingPair[] = [];
  for (let a = 0; a < market.applicants; a++) {
    const current = programOf[a]!;
    const currentRank = current >= 0 ? (applicantRanks[a]!.get(current) ?? Infinity) : Infinity;
    for (const [p, rankOfP] of applicantRanks[a]!) {
      if (p === current || rankOfP >= currentRank) continue;
      const theirRankOfA = programRanks[p]!.get(a);
      if (theirRankOfA === undefined) continue;
      const open = members[p]!.length < market.capacity[p]!;
      if (open || theirRankOfA < worstHeld[p]!) pairs.push({ applicant: a, program: p });
    }
  }
  return pairs.sort((x, y) => x.applicant - y.applicant || x.program - y.program);
}

export function isStable(market: Market, programOf: Assignment): boolean {
  return blockingPairs(market, programOf).length === 0;
}
