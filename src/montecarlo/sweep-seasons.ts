import type { Proposer } from "../match/deferred-acceptance.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { trialStreams } from "../rng/streams.js";
import { makeSeasonPlan } from "../season/plan.js";
import { blockingPairsVsUncalled, runCalled, runUncalled } from "../season/season.js";
import { copyUncalled, newWorkspace, type Workspace } from "../season/workspace.js";
import { accumulatorFor, addTrial, fromData, mergeInto, newTally, toData, type Accumulator, type AccumulatorData, type Tally } from "./accumulator.js";
import { groupingOf, type GroupBy } from "./groups.js";

// The points of a sweep run together, trial by trial: every point sees the same seasons,
// so each is compared with the baseline point season by season (a paired difference).
// When no swept setting can change the season without calls, that season is run once per
// trial and copied to every point, which then runs only its calls.

/**
 * Per point, its pairing with the baseline in each season: the sums and sums of squares of
 * the differences in applicants matched (with calls, without) and in outcomes changed; and
 * for the focus applicant, matched (with calls) in both, at the point only, at the baseline only.
 */
export const VS_BASELINE = {
  matchedWith: 0,
  matchedWithSq: 1,
  matchedWithout: 2,
  matchedWithoutSq: 3,
  changed: 4,
  changedSq: 5,
  focus11: 6,
  focus10: 7,
  focus01: 8,
  size: 9,
} as const;

export interface SweepAccumulator {
  trials: number;
  readonly points: Accumulator[];
  /** VS_BASELINE cells of each point, one after another. */
  readonly vsBaseline: Float64Array;
}

export interface SweepSetup {
  readonly points: readonly IndexedScenario[];
  readonly baseline: number;
  /** The focus applicant's index (the same in every point), or -1. */
  readonly focus: number;
  /** Whether the season without calls is the same at every point, so run once per trial. */
  readonly shared: boolean;
  readonly groupBy: GroupBy;
}

/** Each point's plan, workspace and tally, built once per thread. */
export interface SweepWorkspaces {
  readonly ws: Workspace[];
  readonly tallies: Tally[];
}

export function sweepWorkspaces(setup: SweepSetup): SweepWorkspaces {
  const plans = setup.points.map((s) => makeSeasonPlan(s));
  return {
    ws: plans.map((p) => newWorkspace(p)),
    tallies: plans.map((p, i) => newTally(p, groupingOf(setup.points[i]!, setup.groupBy))),
  };
}

export function newSweepAccumulator(setup: SweepSetup): SweepAccumulator {
  return {
    trials: 0,
    points: setup.points.map((s) => {
      const plan = makeSeasonPlan(s);
      return accumulatorFor(plan, groupingOf(s, setup.groupBy));
    }),
    vsBaseline: new Float64Array(setup.points.length * VS_BASELINE.size),
  };
}

/** Runs trials first … first+count-1 at every point and adds them. */
export function runSweepRange(acc: SweepAccumulator, w: SweepWorkspaces, setup: SweepSetup, range: { seed: number; first: number; count: number; proposer: Proposer }): SweepAccumulator {
  const k = setup.points.length;
  const matchedX = new Int32Array(k);
  const matchedY = new Int32Array(k);
  const changed = new Int32Array(k);
  const focusMatched = new Uint8Array(k);
  const options = { proposer: range.proposer };
  for (let t = range.first; t < range.first + range.count; t++) {
    const streams = trialStreams(range.seed, t);
    // The season without calls: once, copied before any point's calls, or at every point.
    runUncalled(w.ws[0]!, streams, options);
    for (let i = 1; i < k; i++) {
      if (setup.shared) copyUncalled(w.ws[0]!, w.ws[i]!);
      else runUncalled(w.ws[i]!, streams, options);
    }
    for (let i = 0; i < k; i++) {
      const ws = w.ws[i]!;
      const r = runCalled(ws, streams, options);
      addTrial(acc.points[i]!, w.tallies[i]!, ws, r, blockingPairsVsUncalled(ws, r));
      let x = 0;
      let y = 0;
      let c = 0;
      const programOf = r.withCalls.programOf;
      const programOfWithout = r.withoutCalls.programOf;
      for (let a = 0; a < programOf.length; a++) {
        x += +(programOf[a]! >= 0);
        y += +(programOfWithout[a]! >= 0);
        c += +(programOf[a] !== programOfWithout[a]);
      }
      matchedX[i] = x;
      matchedY[i] = y;
      changed[i] = c;
      focusMatched[i] = setup.focus >= 0 && programOf[setup.focus]! >= 0 ? 1 : 0;
    }
    const b = setup.baseline;
    for (let i = 0; i < k; i++) {
      const at = i * VS_BASELINE.size;
      const cells = acc.vsBaseline;
      const dx = matchedX[i]! - matchedX[b]!;
      const dy = matchedY[i]! - matchedY[b]!;
      const dc = changed[i]! - changed[b]!;
      cells[at + VS_BASELINE.matchedWith]! += dx;
      cells[at + VS_BASELINE.matchedWithSq]! += dx * dx;
      cells[at + VS_BASELINE.matchedWithout]! += dy;
      cells[at + VS_BASELINE.matchedWithoutSq]! += dy * dy;
      cells[at + VS_BASELINE.changed]! += dc;
      cells[at + VS_BASELINE.changedSq]! += dc * dc;
      const fx = focusMatched[i]!;
      const fy = focusMatched[b]!;
      if (fx && fy) cells[at + VS_BASELINE.focus11]!++;
      else if (fx) cells[at + VS_BASELINE.focus10]!++;
      else if (fy) cells[at + VS_BASELINE.focus01]!++;
    }
    acc.trials++;
  }
  return acc;
}

export function mergeSweep(into: SweepAccumulator, other: SweepAccumulator): void {
  into.trials += other.trials;
  into.points.forEach((p, i) => mergeInto(p, other.points[i]!));
  for (let i = 0; i < into.vsBaseline.length; i++) into.vsBaseline[i]! += other.vsBaseline[i]!;
}

/** A sweep accumulator as plain data, for workers to send back. */
export interface SweepData {
  trials: number;
  points: AccumulatorData[];
  vsBaseline: Float64Array;
}

export const sweepToData = (acc: SweepAccumulator): SweepData => ({ trials: acc.trials, points: acc.points.map(toData), vsBaseline: acc.vsBaseline });

export const sweepFromData = (d: SweepData): SweepAccumulator => ({ trials: d.trials, points: d.points.map(fromData), vsBaseline: Float64Array.from(d.vsBaseline) });
