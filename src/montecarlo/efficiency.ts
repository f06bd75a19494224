import type { IndexedScenario } from "../scenario/index-scenario.js";
import type { World } from "../season/workspace.js";

// How well a season's match sorts applicants, in one world: does the backchannel carry
// information (better applicants to better programs) or noise? Each statistic is worked
// out per season and kept as a whole number of small units, so that sums over seasons
// (and their squares, for intervals) are exact and merge in any order.

/** The statistics, in the order their cells are kept. */
export const EFFICIENCY = ["qualityPrestigeCorrelation", "meanQualityMatched", "meanQualityUnmatched", "meanMatchedRank"] as const;
export type EfficiencyName = (typeof EFFICIENCY)[number];

/**
 * Units per 1 each statistic is kept in: small enough that a season's square times a
 * million seasons stays below 2^53, fine enough for four printed decimals.
 */
export const EFFICIENCY_UNIT: readonly number[] = [1e4, 1e4, 1e4, 1e3];

/** What the statistics read of a scenario, worked out once. */
export interface EfficiencyPlan {
  readonly quality: Float64Array;
  /** Applicants by quality, lowest first (ties by index), and programs by prestige likewise. */
  readonly qualityOrder: Int32Array;
  readonly prestigeOrder: Int32Array;
  /**
   * Where each run of equal values starts in those orders, then their length: runs share
   * one rank. Fixed by the scenario, so a season never compares two values.
   */
  readonly qualityRuns: Int32Array;
  readonly prestigeRuns: Int32Array;
  /** Scratch: rank of each program's prestige, matches per program. */
  readonly prestigeRank: Float64Array;
  readonly matchedAt: Int32Array;
}

export function efficiencyPlan(s: IndexedScenario): EfficiencyPlan {
  const quality = s.applicant.quality;
  const prestige = s.program.prestige;
  const by = (values: Float64Array) => Int32Array.from(values.keys()).sort((x, y) => values[x]! - values[y]! || x - y);
  const runs = (values: Float64Array, order: Int32Array) => {
    const starts = [0];
    for (let i = 1; i < order.length; i++) if (values[order[i]!] !== values[order[i - 1]!]) starts.push(i);
    if (order.length > 0) starts.push(order.length);
    return Int32Array.from(starts);
  };
  const qualityOrder = by(quality);
  const prestigeOrder = by(prestige);
  return {
    quality,
    qualityOrder,
    prestigeOrder,
    qualityRuns: runs(quality, qualityOrder),
    prestigeRuns: runs(prestige, prestigeOrder),
    prestigeRank: new Float64Array(s.program.count),
    matchedAt: new Int32Array(s.program.count),
  };
}

/**
 * Writes the season's statistics, in units, into out[0 … 3]; NaN where one is undefined
 * (the correlation needs three matched applicants and spread in both ranks; the means need
 * someone matched, or someone unmatched).
 */
export function efficiencyOf(e: EfficiencyPlan, world: World, out: Float64Array): void {
  const { programOf, matchedRank } = world;
  const { quality, matchedAt } = e;
  const n = programOf.length;
  let m = 0;
  let qualityMatched = 0;
  let qualityUnmatched = 0;
  let ranks = 0;
  matchedAt.fill(0);
  // Without a branch on who matched, which no predictor can guess: each sum takes the
  // value or 0 (the same sums), an unmatched applicant's rank is 0, and their count of 0
  // goes to program 0.
  for (let a = 0; a < n; a++) {
    const q = programOf[a]!;
    const matched = +(q >= 0);
    const v = quality[a]!;
    m += matched;
    qualityMatched += v * matched;
    qualityUnmatched += v * (1 - matched);
    ranks += matchedRank[a]!;
    matchedAt[q & -matched]! += matched;
  }
  out[1] = m > 0 ? Math.round((qualityMatched / m) * EFFICIENCY_UNIT[1]!) : NaN;
  out[2] = m < n ? Math.round((qualityUnmatched / (n - m)) * EFFICIENCY_UNIT[2]!) : NaN;
  out[3] = m > 0 ? Math.round((ranks / m) * EFFICIENCY_UNIT[3]!) : NaN;
  out[0] = spearman(e, m, programOf);
}

/**
 * Spearman's rank correlation between matched applicants' quality and their programs'
 * prestige (ties given their average rank), in units; NaN when undefined. Ranks are
 * averages of whole numbers and so are multiples of ½, as is their mean: every product and
 * sum below is exact, in whatever order it is added up.
 */
function spearman(e: EfficiencyPlan, m: number, programOf: Int32Array): number {
  if (m < 3) return NaN;
  const { qualityOrder, qualityRuns, prestigeOrder, prestigeRuns, prestigeRank, matchedAt } = e;
  // Prestige ranks: every applicant matched at programs of equal prestige shares one rank.
  let placed = 0;
  for (let r = 0; r + 1 < prestigeRuns.length; r++) {
    const from = prestigeRuns[r]!;
    const to = prestigeRuns[r + 1]!;
    let tied = 0;
    for (let k = from; k < to; k++) tied += matchedAt[prestigeOrder[k]!]!;
    const average = placed + (tied + 1) / 2;
    for (let k = from; k < to; k++) prestigeRank[prestigeOrder[k]!] = average;
    placed += tied;
  }
  const mean = (m + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  // Quality ranks, a run of equal qualities at a time: the run's matched applicants share
  // the rank x, so the run adds x × (the sum of their y) and x² once for each of them. An
  // unmatched applicant adds 0 (read at program 0, times 0).
  placed = 0;
  for (let r = 0; r + 1 < qualityRuns.length; r++) {
    let tied = 0;
    let sy = 0;
    for (let k = qualityRuns[r]!; k < qualityRuns[r + 1]!; k++) {
      const q = programOf[qualityOrder[k]!]!;
      const matched = +(q >= 0);
      const y = (prestigeRank[q & -matched]! - mean) * matched;
      tied += matched;
      sy += y;
      syy += y * y;
    }
    const x = placed + (tied + 1) / 2 - mean;
    sxy += x * sy;
    sxx += tied * x * x;
    placed += tied;
  }
  if (!(sxx > 0 && syy > 0)) return NaN;
  return Math.round((sxy / Math.sqrt(sxx * syy)) * EFFICIENCY_UNIT[0]!);
}
