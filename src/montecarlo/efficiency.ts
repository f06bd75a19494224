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
  readonly prestige: Float64Array;
  /** Applicants by quality, lowest first (ties by index), and programs by prestige likewise. */
  readonly qualityOrder: Int32Array;
  readonly prestigeOrder: Int32Array;
  /** Whether any two applicants share a quality (else every run of equals is one long). */
  readonly qualityTies: boolean;
  /** Scratch: rank of each applicant's quality, rank of each program's prestige, matches per program. */
  readonly qualityRank: Float64Array;
  readonly prestigeRank: Float64Array;
  readonly matchedAt: Int32Array;
}

export function efficiencyPlan(s: IndexedScenario): EfficiencyPlan {
  const quality = s.applicant.quality;
  const prestige = s.program.prestige;
  const by = (values: Float64Array) => Int32Array.from(values.keys()).sort((x, y) => values[x]! - values[y]! || x - y);
  const qualityOrder = by(quality);
  let qualityTies = false;
  for (let i = 1; i < qualityOrder.length; i++) if (quality[qualityOrder[i]!] === quality[qualityOrder[i - 1]!]) qualityTies = true;
  return {
    quality,
    prestige,
    qualityTies,
    qualityOrder,
    prestigeOrder: by(prestige),
    qualityRank: new Float64Array(s.applicant.count),
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
  const { quality, prestige, qualityOrder, prestigeOrder, qualityRank, prestigeRank, matchedAt } = e;
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
  out[0] = spearman(m, programOf, quality, prestige, qualityOrder, e.qualityTies, prestigeOrder, qualityRank, prestigeRank, matchedAt);
}

/**
 * Spearman's rank correlation between matched applicants' quality and their programs'
 * prestige (ties given their average rank), in units; NaN when undefined.
 */
function spearman(
  m: number,
  programOf: Int32Array,
  quality: Float64Array,
  prestige: Float64Array,
  qualityOrder: Int32Array,
  qualityTies: boolean,
  prestigeOrder: Int32Array,
  qualityRank: Float64Array,
  prestigeRank: Float64Array,
  matchedAt: Int32Array,
): number {
  if (m < 3) return NaN;
  // Quality ranks among the matched: walk applicants by quality, a run of equal values at a
  // time; without equal qualities, each run is one applicant, whose rank is the count of
  // matched applicants so far (an unmatched one's is never read).
  let placed = 0;
  if (!qualityTies) {
    for (let i = 0; i < qualityOrder.length; i++) {
      const a = qualityOrder[i]!;
      placed += +(programOf[a]! >= 0);
      qualityRank[a] = placed;
    }
  }
  for (let i = qualityTies ? 0 : qualityOrder.length; i < qualityOrder.length; ) {
    let j = i;
    let tied = 0;
    const v = quality[qualityOrder[i]!]!;
    for (; j < qualityOrder.length && quality[qualityOrder[j]!] === v; j++) if (programOf[qualityOrder[j]!]! >= 0) tied++;
    const average = placed + (tied + 1) / 2;
    for (let k = i; k < j; k++) qualityRank[qualityOrder[k]!] = average;
    placed += tied;
    i = j;
  }
  // Prestige ranks: every applicant matched at programs of equal prestige shares one rank.
  placed = 0;
  for (let i = 0; i < prestigeOrder.length; ) {
    let j = i;
    let tied = 0;
    const v = prestige[prestigeOrder[i]!]!;
    for (; j < prestigeOrder.length && prestige[prestigeOrder[j]!] === v; j++) tied += matchedAt[prestigeOrder[j]!]!;
    const average = placed + (tied + 1) / 2;
    for (let k = i; k < j; k++) prestigeRank[prestigeOrder[k]!] = average;
    placed += tied;
    i = j;
  }
  const mean = (m + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let a = 0; a < programOf.length; a++) {
    // An unmatched applicant adds 0 to each sum (read at program 0, times 0).
    const q = programOf[a]!;
    const matched = +(q >= 0);
    const x = (qualityRank[a]! - mean) * matched;
    const y = (prestigeRank[q & -matched]! - mean) * matched;
    sxy += x * y;
    sxx += x * x;
    syy += y * y;
  }
  if (!(sxx > 0 && syy > 0)) return NaN;
  return Math.round((sxy / Math.sqrt(sxx * syy)) * EFFICIENCY_UNIT[0]!);
}
