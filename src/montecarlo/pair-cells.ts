import type { World } from "../season/workspace.js";

/**
 * The cells of one applicant's outcomes in two worlds X and Y paired season by season
 * (with calls and without; or a what-if and its base): matched in both, in X only, in Y
 * only; at first choice likewise; the rank sums over the seasons each matched; and over
 * the seasons both matched, their count and the sum and sum of squares of the rank
 * difference X − Y. Whole numbers, so that sums merge exactly in any order.
 */
export const PAIR = {
  match11: 0,
  match10: 1,
  match01: 2,
  first11: 3,
  first10: 4,
  first01: 5,
  rankSumX: 6,
  rankSumY: 7,
  bothMatched: 8,
  rankDiffSum: 9,
  rankDiffSq: 10,
  size: 11,
} as const;

/** Adds one season of applicant a in world x, paired with applicant b (-1: absent) in world y, to the cells at `at`. */
export function addPair(cells: Float64Array, at: number, x: World, a: number, y: World, b: number): void {
  const mx = x.programOf[a]! >= 0;
  const my = b >= 0 && y.programOf[b]! >= 0;
  const fx = mx && x.matchedRank[a] === 1;
  const fy = my && y.matchedRank[b] === 1;
  if (mx && my) cells[at + PAIR.match11]!++;
  else if (mx) cells[at + PAIR.match10]!++;
  else if (my) cells[at + PAIR.match01]!++;
  if (fx && fy) cells[at + PAIR.first11]!++;
  else if (fx) cells[at + PAIR.first10]!++;
  else if (fy) cells[at + PAIR.first01]!++;
  if (mx) cells[at + PAIR.rankSumX]! += x.matchedRank[a]!;
  if (my) cells[at + PAIR.rankSumY]! += y.matchedRank[b]!;
  if (mx && my) {
    const d = x.matchedRank[a]! - y.matchedRank[b]!;
    cells[at + PAIR.bothMatched]!++;
    cells[at + PAIR.rankDiffSum]! += d;
    cells[at + PAIR.rankDiffSq]! += d * d;
  }
}
