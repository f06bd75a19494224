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

/**
 * Adds one season of applicant a in world x, paired with applicant b (-1: absent) in world
 * y, to the cells at `at`. Without a branch on who matched, which no predictor can guess:
 * every cell takes 0 or 1 (an unmatched applicant's rank is 0), the same sums.
 */
export function addPair(cells: Float64Array, at: number, x: World, a: number, y: World, b: number): void {
  const mx = +(x.programOf[a]! >= 0);
  const rx = x.matchedRank[a]!;
  let my = 0;
  let ry = 0;
  if (b >= 0) {
    my = +(y.programOf[b]! >= 0);
    ry = y.matchedRank[b]!;
  }
  const fx = mx & +(rx === 1);
  const fy = my & +(ry === 1);
  const both = mx & my;
  cells[at + PAIR.match11]! += both;
  cells[at + PAIR.match10]! += mx & (1 - my);
  cells[at + PAIR.match01]! += (1 - mx) & my;
  cells[at + PAIR.first11]! += fx & fy;
  cells[at + PAIR.first10]! += fx & (1 - fy);
  cells[at + PAIR.first01]! += (1 - fx) & fy;
  cells[at + PAIR.rankSumX]! += rx;
  cells[at + PAIR.rankSumY]! += ry;
  const d = (rx - ry) * both;
  cells[at + PAIR.bothMatched]! += both;
  cells[at + PAIR.rankDiffSum]! += d;
  cells[at + PAIR.rankDiffSq]! += d * d;
}
