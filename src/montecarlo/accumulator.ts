import { COUNT } from "../season/call-context.js";
import type { SeasonPlan } from "../season/plan.js";
import type { TrialResult } from "../season/season.js";
import type { Workspace } from "../season/workspace.js";

// Outcome counts over many trials. Every cell holds a whole number (kept in a Float64Array,
// exact up to 2^53), so merging is plain addition and gives the same bytes in any order
// and any split; means and intervals are computed only when the results are rendered.

/** Global cells: the counters of COUNT, then these. */
export const GLOBAL = {
  ...COUNT,
  matchedWith: COUNT.size,
  matchedWithout: COUNT.size + 1,
  outcomeChanged: COUNT.size + 2,
  invitesWithout: COUNT.size + 3,
  blockingPairsVsUncalled: COUNT.size + 4,
  /**
   * Groups of applicants, 3 cells each (applicant-seasons, matched with calls, matched
   * without): 0 a home program or an away rotation, 1 neither; 2 a letter writer tied to
   * a program director, 3 none.
   */
  groups: COUNT.size + 5,
  size: COUNT.size + 5 + 12,
} as const;

export const GROUPS = ["homeOrAway", "neither", "tiedLetters", "untiedLetters"] as const;

/** Per-applicant cells. */
export const APPLICANT = {
  matchedWith: 0,
  matchedWithout: 1,
  firstChoice: 2,
  rankSum: 3,
  calls: 4,
  firstChoiceWithout: 5,
  size: 6,
} as const;

/** Per-program cells (quality sums in millionths, to stay whole). */
export const PROGRAM = {
  filledWith: 0,
  filledWithout: 1,
  qualityWith: 2,
  qualityWithout: 3,
  /** 4..7: calls in the program's name, by phase (PHASE_NUMBER). */
  calls: 4,
  drops: 8,
  rippleDrops: 9,
  /** Invitations that differ from the world without calls, and invitations without calls. */
  invitesChanged: 10,
  invitations: 11,
  size: 12,
} as const;

export interface Accumulator {
  trials: number;
  readonly global: Float64Array;
  readonly applicant: Float64Array;
  /** Per applicant: matched at rank 1 … histogramWidth-1, then a last cell for unmatched. */
  readonly histogram: Float64Array;
  readonly histogramWidth: number;
  readonly program: Float64Array;
}

export function newAccumulator(applicants: number, programs: number, histogramWidth: number): Accumulator {
  return {
    trials: 0,
    global: new Float64Array(GLOBAL.size),
    applicant: new Float64Array(applicants * APPLICANT.size),
    histogram: new Float64Array(applicants * histogramWidth),
    histogramWidth,
    program: new Float64Array(programs * PROGRAM.size),
  };
}

export function accumulatorFor(plan: SeasonPlan): Accumulator {
  return newAccumulator(plan.s.applicant.count, plan.s.program.count, plan.maxApplicantList + 1);
}

/** Counts an applicant-season in a group: seen, matched with calls, matched without. */
function addToGroup(g: Float64Array, group: number, matchedWith: boolean, matchedWithout: boolean): void {
  const cell = GLOBAL.groups + 3 * group;
  g[cell]!++;
  if (matchedWith) g[cell + 1]!++;
  if (matchedWithout) g[cell + 2]!++;
}

/** Adds one trial. `blockingPairs` is the instability of the called match (or 0). */
export function addTrial(acc: Accumulator, ws: Workspace, r: TrialResult, blockingPairs: number): void {
  const { plan } = ws;
  const { s } = plan;
  const invitesWithout = ws.baseInviteCount;
  const g = acc.global;
  acc.trials++;
  for (let i = 0; i < COUNT.size; i++) g[i]! += r.counts[i]!;
  g[GLOBAL.invitesWithout]! += invitesWithout;
  g[GLOBAL.blockingPairsVsUncalled]! += blockingPairs;
  const w = r.withCalls;
  const wo = r.withoutCalls;
  const width = acc.histogramWidth;
  // Locals, not acc.applicant and the like in the loop: each property read there is
  // repeated, checks and all, for every applicant.
  const { applicant, histogram, program } = acc;
  const quality = s.applicant.quality;
  const { tiedLetters, homeOrAway } = plan;
  const { programOf, matchedRank, callsAbout } = w;
  const programOfWithout = wo.programOf;
  const matchedRankWithout = wo.matchedRank;
  for (let a = 0; a < s.applicant.count; a++) {
    const row = a * APPLICANT.size;
    const q = programOf[a]!;
    const q0 = programOfWithout[a]!;
    if (q >= 0) {
      g[GLOBAL.matchedWith]!++;
      applicant[row + APPLICANT.matchedWith]!++;
      applicant[row + APPLICANT.rankSum]! += matchedRank[a]!;
      if (matchedRank[a] === 1) applicant[row + APPLICANT.firstChoice]!++;
      histogram[a * width + matchedRank[a]! - 1]!++;
      const p = q * PROGRAM.size;
      program[p + PROGRAM.filledWith]!++;
      program[p + PROGRAM.qualityWith]! += Math.round(quality[a]! * 1e6);
    } else {
      histogram[a * width + width - 1]!++;
    }
    if (q0 >= 0) {
      g[GLOBAL.matchedWithout]!++;
      applicant[row + APPLICANT.matchedWithout]!++;
      if (matchedRankWithout[a] === 1) applicant[row + APPLICANT.firstChoiceWithout]!++;
      const p = q0 * PROGRAM.size;
      program[p + PROGRAM.filledWithout]!++;
      program[p + PROGRAM.qualityWithout]! += Math.round(quality[a]! * 1e6);
    }
    if (q !== q0) g[GLOBAL.outcomeChanged]!++;
    addToGroup(g, homeOrAway[a] ? 0 : 1, q >= 0, q0 >= 0);
    addToGroup(g, tiedLetters[a] ? 2 : 3, q >= 0, q0 >= 0);
    applicant[row + APPLICANT.calls]! += callsAbout[a]!;
  }
  const { callsByPhase, dropsAt, rippleDropsAt, invitesChangedAt } = w;
  const invitesAt = ws.invitesAt;
  const called = w !== wo;
  for (let q = 0; q < s.program.count; q++) {
    const p = q * PROGRAM.size;
    program[p + PROGRAM.invitations]! += invitesAt[q]!;
    if (!called) continue;
    for (let f = 0; f < 4; f++) program[p + PROGRAM.calls + f]! += callsByPhase[4 * q + f]!;
    program[p + PROGRAM.drops]! += dropsAt[q]!;
    program[p + PROGRAM.rippleDrops]! += rippleDropsAt[q]!;
    program[p + PROGRAM.invitesChanged]! += invitesChangedAt[q]!;
  }
}

/** Adds `other` into `into`. Associative and commutative: cells are whole numbers. */
export function mergeInto(into: Accumulator, other: Accumulator): void {
  into.trials += other.trials;
  const add = (x: Float64Array, y: Float64Array) => {
    for (let i = 0; i < x.length; i++) x[i]! += y[i]!;
  };
  add(into.global, other.global);
  add(into.applicant, other.applicant);
  add(into.histogram, other.histogram);
  add(into.program, other.program);
}

/** An accumulator as plain data: what workers send back and shard files hold. */
export interface AccumulatorData {
  trials: number;
  histogramWidth: number;
  global: number[] | Float64Array;
  applicant: number[] | Float64Array;
  histogram: number[] | Float64Array;
  program: number[] | Float64Array;
}

export function toData(acc: Accumulator): AccumulatorData {
  return {
    trials: acc.trials,
    histogramWidth: acc.histogramWidth,
    global: acc.global,
    applicant: acc.applicant,
    histogram: acc.histogram,
    program: acc.program,
  };
}

export function fromData(d: AccumulatorData): Accumulator {
  return {
    trials: d.trials,
    histogramWidth: d.histogramWidth,
    global: Float64Array.from(d.global),
    applicant: Float64Array.from(d.applicant),
    histogram: Float64Array.from(d.histogram),
    program: Float64Array.from(d.program),
  };
}
